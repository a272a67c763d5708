"""A `resolve` run: compute, write the derived graphs, report.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from partygraph.progress import meter, step
from partygraph.namespaces import FOAF_BASE as FOAF, OWL_BASE as OWL, PG_BASE as PG, RDF_TYPE, SKOS_BASE as SKOS
from partygraph.store.local import open_store, require_store_dir, update_graph
from partygraph.resolve.clusters import Resolution, cluster
from partygraph.resolve.decisions import Decisions, compact_iri, read_decisions, write_decisions
from partygraph.iris import REFERENCE_GRAPH, RESOLUTION_GRAPH
from partygraph.resolve.mentions import read_mentions
from partygraph.resolve.reference import _lit, _t, org_key, org_variants, read_orgs, reference_events, reference_triples
from partygraph.resolve.tenures import Tenure, date_tenures, read_congresses


def resolution_triples(res: Resolution, tenures: list[Tenure], orgs: dict[str, dict]) -> list[ox.Triple]:
    """The resolution graph: canonical persons, sameAs links, one node per unit (`res.unit_groups`:
    owl:sameAs to the group's first node, the others' labels its skos:altLabel), office dates."""
    out = []
    for c in res.clusters:
        out += [_t(c.iri, RDF_TYPE, PG + "ResolvedPerson"), _t(c.iri, FOAF + "name", _lit(c.name))]
        out += [_t(c.iri, PG + "identityBasis", _lit(why)) for why in sorted(set(c.evidence))]
        for m in c.mentions:
            out.append(_t(m.iri, OWL + "sameAs", c.iri))
    for group in res.unit_groups:
        head = group[0]
        head_keys = {org_key(h) for h in orgs[head]["labels"]}
        for other in group[1:]:
            out.append(_t(other, OWL + "sameAs", head))
            for label in sorted(orgs[other]["labels"] - orgs[head]["labels"]):
                if org_key(label) in head_keys:  # a spelling, not a cut name
                    out.append(_t(head, SKOS + "altLabel", _lit(label, lang="vi")))
    for t in tenures:
        basis = "; ".join(t.basis)
        for o in t.offices:
            if t.start:
                out.append(_t(o.membership, PG + "startDate", _lit(t.start.isoformat(), "date")))
            if t.end:
                out.append(_t(o.membership, PG + "endDate", _lit(t.end.isoformat(), "date")))
            if basis:
                out.append(_t(o.membership, PG + "dateBasis", _lit(basis)))
    return out


@dataclass
class Report:
    """What a `resolve` run found."""

    mentions: int = 0
    names: int = 0
    persons: int = 0
    merged_clusters: int = 0
    resolution: Resolution | None = None
    tenures: int = 0
    dated: int = 0
    events: int = 0
    org_variant_groups: int = 0
    open_written: int = 0

    def line(self) -> str:
        r = self.resolution
        return (f"resolved {self.mentions} person mentions ({self.names} names) into {self.persons} persons: "
                f"{self.merged_clusters} merged from several articles, {len(r.open)} candidate pairs open, "
                f"{len(r.apart)} namesake pairs kept apart ({len(r.merges)} merge links); {self.dated}/{self.tenures} offices dated; "
                f"{self.events} reference change events; {self.org_variant_groups} organisation spelling groups")


def resolve_store(store_dir, decisions_path=None, write_back: bool = True, progress: bool = False) -> Report:
    """Resolve the store at `store_dir` and (re)write its derived graphs; `progress` counts the steps on stderr."""
    require_store_dir(store_dir)
    store = open_store(store_dir)
    decisions = read_decisions(decisions_path) if decisions_path else Decisions()
    report = resolve(store, decisions, progress)
    if decisions_path and write_back:
        report.open_written = write_decisions(decisions_path, decisions, report.resolution.open,
                                              automatic(report.resolution))
    store.flush()
    return report


def automatic(res: Resolution) -> list[dict]:
    """What the evidence decided, as entries of the decisions file: each merge link and each pair kept apart."""
    name = {m.iri: m.name for c in res.clusters for m in c.mentions}
    out = [{"decision": "merged", "mentions": [compact_iri(x), compact_iri(y)], "name": name[x], "evidence": why}
           for x, y, why in res.merges if why != "decision: merge"]
    out += [{"decision": "kept-apart", "mentions": [compact_iri(p.a.anchor.iri), compact_iri(p.b.anchor.iri)],
             "name": p.a.name, "evidence": p.reason} for p in res.apart if p.status == "apart"]
    return out


def _one_node_per_unit(mentions, groups) -> None:
    """Offices read against the first spelling of their unit ("Bộ CA" is "Bộ Công an"): a shared unit
    and a single-holder post are judged per unit, not per spelling."""
    head = {iri: group[0] for group in groups for iri in group[1:]}
    for m in mentions.values():
        for o in m.offices:
            o.org, o.unit = head.get(o.org, o.org), head.get(o.unit, o.unit)


def identities(store: ox.Store, decisions: Decisions | None = None):
    """(mentions, organisations, Resolution) of the store's article graphs; nothing is written."""
    mentions, orgs = read_mentions(store), read_orgs(store)
    return mentions, orgs, _identities(mentions, orgs, decisions)


def _identities(mentions, orgs, decisions: Decisions | None) -> Resolution:
    """Units folded to one node per unit, then the people clustered on that evidence."""
    dates: dict[str, list] = defaultdict(list)  # when each unit's offices were reported (undated: None)
    holders: dict[str, set[tuple[str, str]]] = defaultdict(set)  # who holds which post in each unit
    for m in mentions.values():
        for o in m.offices:
            dates[o.org].append(m.date)
            holders[o.org].add((m.key, o.role))
    offices = Counter({org: len(ds) for org, ds in dates.items()})
    groups = org_variants(orgs, offices, {org: ds for org, ds in dates.items() if None not in ds}, holders)
    _one_node_per_unit(mentions, groups)
    res = cluster(mentions, decisions)
    res.unit_groups = groups
    return res


def resolve(store: ox.Store, decisions: Decisions | None = None, progress: bool = False) -> Report:
    """Compute identities, dates and reference events; replace the derived graphs."""
    bar = meter("resolved", "steps", 7, progress)
    mentions = step(bar, "reading mentions", read_mentions, store)
    orgs = step(bar, "reading organisations", read_orgs, store)
    res = step(bar, f"clustering {len(mentions):,} mentions", _identities, mentions, orgs, decisions)
    tenures = step(bar, "dating offices", lambda: date_tenures(mentions, res.canonical(), read_congresses(store)))
    events, minted = step(bar, "reference events", reference_events, orgs)
    step(bar, "writing the reference graph", update_graph, store, REFERENCE_GRAPH, reference_triples(events, minted))
    step(bar, "writing the resolution graph", update_graph, store, RESOLUTION_GRAPH,
         resolution_triples(res, tenures, orgs))
    bar.close()
    return Report(mentions=len(mentions), names=len({m.key for m in mentions.values()}),
                  persons=len(res.clusters), merged_clusters=sum(1 for c in res.clusters if len(c.mentions) > 1),
                  resolution=res, tenures=len(tenures), dated=sum(1 for t in tenures if t.start),
                  events=len(events), org_variant_groups=len(res.unit_groups))


def details(report: Report, limit: int | None = None) -> str:
    """Human-readable merges and open candidates with their evidence."""
    res = report.resolution
    lines = ["# Merges (clusters of several mentions)"]
    merged = [c for c in res.clusters if len(c.mentions) > 1]
    for c in merged[:limit]:
        ev = sorted(set(c.evidence))
        lines.append(f"{c.name}  <{compact_iri(c.iri)}>  {c.describe()}")
        lines.append("    evidence: " + "; ".join(ev[:5]) + (" …" if len(ev) > 5 else ""))
    lines.append("# Kept apart (same name, contradicting evidence or a decision)")
    for p in res.apart[:limit]:
        lines.append(f"{p.a.name}: {compact_iri(p.a.anchor.iri)} ≠ {compact_iri(p.b.anchor.iri)}  ({p.reason})")
    lines.append("# Open candidates (same name, evidence inconclusive)")
    for p in res.open[:limit]:
        lines.append(f"{p.a.name}: {compact_iri(p.a.anchor.iri)} ≟ {compact_iri(p.b.anchor.iri)}  ({p.reason})")
        lines.append(f"    a: {p.a.describe()}")
        lines.append(f"    b: {p.b.describe()}")
    return "\n".join(lines)
