"""Network analysis an analyst asks for first, with networkx.

`analyze(data)` returns a JSON-able report: the most central people (degree
and betweenness in the co-tenure or the people network), people holding
concurrent offices, connected components, and per-term turnover of each
committee (re-elected vs new members). `format_report` prints it as text.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from partygraph.viz.model import PartyData
from partygraph.viz.networks import committee_seats, cotenure_network, people_network

# Exact betweenness is O(n·m): above this many nodes it is estimated from a
# fixed-seed sample of this many pivots (networkx's k parameter).
BETWEENNESS_SAMPLE = 500


def analyze(data: PartyData, network: str = "cotenure", top: int = 10) -> dict:
    """Centrality, concurrent offices, components and turnover for one graph.

    network: "cotenure" (people linked by shared committees) or "people"
    (people and the units they hold offices in; only people are ranked).
    """
    g = cotenure_network(data) if network == "cotenure" else people_network(data).to_undirected()
    g = nx.Graph(g)  # collapse parallel office edges: centrality counts neighbours
    people = [n for n, d in g.nodes(data=True) if d.get("kind") == "person"]
    report: dict = {"network": network, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                    "people": len(people)}

    degree = dict(g.degree())
    sampled = g.number_of_nodes() > BETWEENNESS_SAMPLE * 2
    between = nx.betweenness_centrality(g, k=BETWEENNESS_SAMPLE if sampled else None, seed=7,
                                        normalized=True) if g.number_of_nodes() else {}
    report["betweenness_sampled"] = sampled

    def person_row(n, score):
        return {"id": n, "name": g.nodes[n].get("name", n), "score": score}

    report["top_degree"] = [person_row(n, degree[n]) for n in
                            sorted(people, key=lambda n: (-degree[n], g.nodes[n].get("name", ""), n))[:top]]
    report["top_betweenness"] = [person_row(n, round(between.get(n, 0.0), 4)) for n in
                                 sorted(people, key=lambda n: (-between.get(n, 0.0), g.nodes[n].get("name", ""), n))[:top]
                                 if between.get(n, 0.0) > 0]

    concurrent = data.concurrent_offices()
    rows = []
    for person, offices in concurrent.items():
        rows.append({"id": person, "name": data.persons[person].name,
                     "offices": sorted({f"{data.role(m.role).en or data.role(m.role).vi} "
                                        f"({data.role(m.role).vi}), {data.orgs[m.org].label}" for m in offices})})
    rows.sort(key=lambda r: (-len(r["offices"]), r["name"]))
    report["concurrent_offices"] = rows

    comps = sorted(nx.connected_components(g), key=len, reverse=True) if g.number_of_nodes() else []
    report["components"] = {
        "count": len(comps),
        "largest": [len(c) for c in comps[:5]],
        "isolated": sum(1 for c in comps if len(c) == 1),
    }
    report["turnover"] = turnover(data)
    return report


def turnover(data: PartyData) -> dict:
    """Re-elected vs new members of each committee from one term to the next.

    For every committee seen in two consecutive terms (by start year) of the
    graph, people in both are 're-elected', people only in the later one
    'new', people only in the earlier one 'left'. Totals per pair of terms.
    """
    members: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m, body, term in committee_seats(data):
        if term.start is not None:
            members[body][term.iri].add(m.person)
    per_committee = []
    totals: dict[str, dict[str, int]] = {}
    for body, by_term in sorted(members.items()):
        terms = sorted(by_term, key=lambda t: data.terms[t].start)
        for before, after in zip(terms, terms[1:]):
            a, b = by_term[before], by_term[after]
            key = f"{data.terms[before].span} → {data.terms[after].span}"
            row = {"committee": data.orgs[body].label, "from": data.terms[before].span,
                   "to": data.terms[after].span, "re_elected": len(a & b), "new": len(b - a), "left": len(a - b),
                   "re_elected_names": sorted(data.persons[p].name for p in a & b)}
            per_committee.append(row)
            t = totals.setdefault(key, {"committees": 0, "re_elected": 0, "new": 0, "left": 0})
            t["committees"] += 1
            for k in ("re_elected", "new", "left"):
                t[k] += row[k]
    per_term = {}
    for body, by_term in members.items():
        for term, people in by_term.items():
            span = data.terms[term].span
            entry = per_term.setdefault(span, {"committees": 0, "seats": 0})
            entry["committees"] += 1
            entry["seats"] += len(people)
    return {"per_term": dict(sorted(per_term.items())), "transitions": dict(sorted(totals.items())),
            "committees": per_committee}


def format_report(report: dict) -> str:
    """The report as plain text for a terminal."""
    out = [f"Network: {report['network']} ({report['nodes']:,} nodes, {report['edges']:,} edges, "
           f"{report['people']:,} people)"]
    out.append("")
    out.append("Most central people by degree:")
    out += [f"  {r['score']:>5}  {r['name']}" for r in report["top_degree"]] or ["  (none)"]
    note = " (estimated from a sample)" if report["betweenness_sampled"] else ""
    out.append(f"Most central people by betweenness{note}:")
    out += [f"  {r['score']:.4f}  {r['name']}" for r in report["top_betweenness"]] or ["  (none)"]
    out.append("")
    conc = report["concurrent_offices"]
    out.append(f"People holding concurrent offices: {len(conc)}")
    for r in conc[:20]:
        out.append(f"  {r['name']}:")
        out += [f"    - {o}" for o in r["offices"]]
    if len(conc) > 20:
        out.append(f"  … and {len(conc) - 20} more (--format json lists all)")
    out.append("")
    c = report["components"]
    out.append(f"Connected components: {c['count']} (largest: {', '.join(map(str, c['largest'])) or '-'}; "
               f"isolated nodes: {c['isolated']})")
    out.append("")
    t = report["turnover"]
    out.append("Committee seats per term:")
    out += [f"  {span}: {v['seats']} people in {v['committees']} committees" for span, v in t["per_term"].items()] \
        or ["  (no offices with a known term)"]
    out.append("Turnover between consecutive terms:")
    out += [f"  {k}: {v['re_elected']} re-elected, {v['new']} new, {v['left']} left ({v['committees']} committees)"
            for k, v in t["transitions"].items()] or ["  (no committee seen in two terms)"]
    return "\n".join(out)
