"""The three views as networkx graphs: org chart, people network, co-tenure network.

Every node and edge carries the attributes the HTML page, the analysis and
the exports read:

- nodes: `kind` ("org" | "person"), `label`, `name`, `group` (unit level or the
  person's most senior role category), `tip` (tooltip lines as [key, value]
  pairs), `start`/`end` years when known; orgs add `level`, `org_type`,
  `province`; people add `concurrent` (number of offices held at once) and
  `leader` (holds a secretary or deputy secretary office in the view);
- edges: `kind` ("unitOf" | "subOrganizationOf" | "office" | "cotenure"),
  `label`, `tip`, `start`/`end`; office edges add `role`, `role_vi`, `role_en`,
  `role_category`, `term`, `status`; co-tenure edges add `weight`.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from partygraph.viz.model import LEVEL_LABELS, ROLE_CATEGORIES, Office, PartyData

VIEWS = ("orgchart", "people", "cotenure")
LEADER_CATEGORIES = ("secretary", "deputy-secretary")
MAX_EVIDENCE = 3  # sentences quoted in one tooltip; the rest are counted


def build_view(data: PartyData, view: str, holders: str = "all") -> nx.Graph:
    """The networkx graph of one view ('orgchart', 'people' or 'cotenure')."""
    if view == "orgchart":
        return orgchart(data, holders=holders)
    if view == "people":
        return people_network(data)
    if view == "cotenure":
        return cotenure_network(data)
    raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")


# --- shared pieces ---------------------------------------------------------------------

def _org_node(data: PartyData, iri: str, holders: list[str] | None = None) -> dict:
    org = data.orgs[iri]
    tip = [["Unit", org.label], ["Type", org.kind],
           ["Level", LEVEL_LABELS.get(org.level, org.level)]]
    if org.province:
        tip.append(["Province", org.province])
    if holders:
        tip.append(["Office holders", f"{len(holders)}"])
        for line in holders[:12]:
            tip.append(["", line])
        if len(holders) > 12:
            tip.append(["", f"… and {len(holders) - 12} more"])
    tip.append(["IRI", iri])
    return dict(kind="org", label=org.label, name=org.label, group=org.level or "unknown",
                level=org.level, org_type=org.kind, province=org.province, tip=tip)


def _evidence_lines(offices: list[Office]) -> list[list[str]]:
    lines: list[list[str]] = []
    seen = set()
    total = 0
    for m in offices:
        for ev in m.evidence:
            key = ev.sentence or ev.article
            if key in seen:
                continue
            seen.add(key)
            total += 1
            if total > MAX_EVIDENCE:
                continue
            lines.append(["Source", ev.source])
            if ev.text:
                lines.append(["Sentence", ev.text])
    if total > MAX_EVIDENCE:
        lines.append(["", f"… and {total - MAX_EVIDENCE} more sources"])
    return lines


def _years(data: PartyData, offices: list[Office]) -> tuple[int | None, int | None]:
    starts, ends = [], []
    for m in offices:
        term = data.term_of(m)
        if term is not None and term.start is not None:
            starts.append(term.start)
            ends.append(term.end if term.end is not None else term.start)
        elif m.as_of[:4].isdigit():
            starts.append(int(m.as_of[:4]))
            ends.append(int(m.as_of[:4]))
    return (min(starts) if starts else None, max(ends) if ends else None)


def _office_groups(data: PartyData, offices: list[Office]) -> dict[tuple[str, str, str], list[Office]]:
    """Offices grouped by (person, org, role): one edge each, with all its evidence."""
    groups: dict[tuple[str, str, str], list[Office]] = defaultdict(list)
    for m in offices:
        groups[(m.person, m.org, m.role)].append(m)
    return groups


def _office_edge(data: PartyData, person: str, org: str, role_iri: str, offices: list[Office]) -> dict:
    role = data.role(role_iri)
    terms = sorted({t.span for m in offices if (t := data.term_of(m)) is not None})
    statuses = sorted({m.status for m in offices if m.status})
    reported = sorted({m.as_of[:10] for m in offices if m.as_of})
    start, end = _years(data, offices)
    name = data.persons[person].name
    tip = [["Person", name], ["Role", f"{role.en or role.vi} ({role.vi})" if role.en else role.vi],
           ["Unit", data.orgs[org].label],
           ["Term", ", ".join(terms) if terms else "not stated"]]
    if statuses:
        tip.append(["Status", ", ".join(s.lower() for s in statuses)])
    if reported:
        tip.append(["Reported", ", ".join(reported)])
    tip += _evidence_lines(offices)
    return dict(kind="office", role=role_iri, role_vi=role.vi, role_en=role.en,
                role_category=role.category, label=role.vi, term=", ".join(terms),
                status=", ".join(statuses), start=start, end=end, tip=tip)


def _person_node(data: PartyData, person: str, offices: list[Office], concurrent: int) -> dict:
    p = data.persons[person]
    cats = [data.role(m.role).category for m in offices]
    top = min(cats, key=ROLE_CATEGORIES.index) if cats else "other"
    tip = [["Person", p.name]]
    seen = set()
    for m in sorted(offices, key=lambda m: (ROLE_CATEGORIES.index(data.role(m.role).category), m.org)):
        role = data.role(m.role)
        term = data.term_of(m)
        line = f"{role.en or role.vi} ({role.vi}), {data.orgs[m.org].label}"
        if term is not None:
            line += f", {term.span}"
        if line not in seen:
            seen.add(line)
            tip.append(["Office" if len(seen) == 1 else "", line])
    if concurrent >= 2:
        tip.append(["Concurrent offices", str(concurrent)])
    tip += _evidence_lines(offices)
    tip.append(["IRI", p.key])
    start, end = _years(data, offices)
    return dict(kind="person", label=p.name, name=p.name, group=top, role_category=top,
                leader=top in LEADER_CATEGORIES, concurrent=concurrent, start=start, end=end, tip=tip)


def _holder_lines(data: PartyData, offices: list[Office]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    seen = set()
    for m in sorted(offices, key=lambda m: (ROLE_CATEGORIES.index(data.role(m.role).category),
                                            data.persons[m.person].name)):
        role = data.role(m.role)
        key = (m.org, m.person, m.role)
        if key not in seen:
            seen.add(key)
            out[m.org].append(f"{role.en or role.vi}: {data.persons[m.person].name}")
    return out


# --- views ---------------------------------------------------------------------------------

PARTY_TYPES = ("PartyOrganization", "Committee")


def orgchart(data: PartyData, holders: str = "all") -> nx.MultiDiGraph:
    """Units and committees, parent above child, with their office holders attached.

    holders: "all" attaches every office holder, "leaders" only secretaries,
    deputies and heads (the others are counted in the unit's tooltip), "none"
    draws the units only. Party units and committees are always drawn; other
    bodies (state, mass organisations) when they hold offices or hang in the hierarchy.
    """
    g = nx.MultiDiGraph(view="orgchart")
    holder_lines = _holder_lines(data, data.offices)
    linked = {m.org for m in data.offices}
    for org in data.orgs.values():
        for parent, _ in org.parents:
            if parent in data.orgs:
                linked.update((org.iri, parent))
    for iri, org in sorted(data.orgs.items()):
        if org.kind in PARTY_TYPES or iri in linked:
            g.add_node(iri, **_org_node(data, iri, holder_lines.get(iri)))
    for iri, org in data.orgs.items():
        for parent, kind in org.parents:
            if iri in g and parent in g and parent != iri:
                # Parent first: the chart is drawn top-down along edge direction.
                label = "unit of" if kind == "unitOf" else "part of"
                g.add_edge(parent, iri, key=kind, kind=kind, label="",
                           tip=[["Link", f"{org.label} — {label} — {data.orgs[parent].label}"],
                                ["Property", f"org:{kind}"]])
    _attach_offices(data, g, holders)
    return g


def _attach_offices(data: PartyData, g: nx.MultiDiGraph, holders: str, person_to_org: bool = False) -> None:
    if holders == "none":
        return
    wanted = {"all": set(ROLE_CATEGORIES),
              "leaders": {"secretary", "deputy-secretary", "head"}}[holders]
    concurrent = data.concurrent_offices()
    groups = _office_groups(data, [m for m in data.offices if m.org in g])
    by_person: dict[str, list[Office]] = defaultdict(list)
    for (person, org, role), offices in groups.items():
        if data.role(role).category in wanted:
            by_person[person].extend(offices)
    for person, offices in sorted(by_person.items()):
        g.add_node(person, **_person_node(data, person, offices, len(concurrent.get(person, ()))))
    for (person, org, role), offices in sorted(groups.items()):
        if person in by_person and data.role(role).category in wanted:
            attrs = _office_edge(data, person, org, role, offices)
            if person_to_org:
                g.add_edge(person, org, key=role, **attrs)
            else:
                g.add_edge(org, person, key=role, **attrs)


def people_network(data: PartyData) -> nx.MultiDiGraph:
    """People and the units they hold offices in; one edge per (person, unit, role)."""
    g = nx.MultiDiGraph(view="people")
    lines = _holder_lines(data, data.offices)
    for iri in sorted({m.org for m in data.offices}):
        g.add_node(iri, **_org_node(data, iri, lines.get(iri)))
    _attach_offices(data, g, "all", person_to_org=True)
    return g


def committee_seats(data: PartyData):
    """(office, committee IRI, term) for every office with both a committee and a term."""
    # children() is recomputed per call: cache it for committee_of over many offices.
    cache: dict[str, str | None] = {}
    for m in data.offices:
        if m.org not in cache:
            cache[m.org] = committee_of(data, m.org)
        body = cache[m.org]
        term = data.term_of(m)
        if body is not None and term is not None:
            yield m, body, term


def committee_of(data: PartyData, org_iri: str) -> str | None:
    """The committee a party office belongs to, for co-tenure.

    Secretaries are attached to the party organisation and members to its
    executive committee (MODEL.md): both sat on the same committee, so a
    party organisation stands for the committee that is org:unitOf it.
    Returns None for bodies that are not party units or committees.
    """
    org = data.orgs.get(org_iri)
    if org is None:
        return None
    if org.kind == "Committee":
        return org_iri
    if org.kind == "PartyOrganization":
        for child in sorted(data.children().get(org_iri, ())):
            c = data.orgs[child]
            if c.kind == "Committee" and (org_iri, "unitOf") in c.parents:
                return child
        return org_iri
    return None


def cotenure_network(data: PartyData) -> nx.Graph:
    """People linked when they sat on the same committee in the same term.

    An office's term is the one stated or, failing that, the graph's term
    containing the date it was reported; offices with neither are left out.
    Edge weight = number of (committee, term) pairs the two shared.
    """
    g = nx.Graph(view="cotenure")
    seats: dict[tuple[str, str], dict[str, list[Office]]] = defaultdict(lambda: defaultdict(list))
    for m, body, term in committee_seats(data):
        seats[(body, term.iri)][m.person].append(m)
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for (body, term), members in seats.items():
        people = sorted(members)
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                pairs[(a, b)].append((body, term))
    involved = sorted({p for pair in pairs for p in pair})
    concurrent = data.concurrent_offices()
    by_person: dict[str, list[Office]] = defaultdict(list)
    for m in data.offices:
        by_person[m.person].append(m)
    for person in involved:
        g.add_node(person, **_person_node(data, person, by_person[person], len(concurrent.get(person, ()))))
    for (a, b), shared in sorted(pairs.items()):
        lines = [["People", f"{data.persons[a].name} — {data.persons[b].name}"],
                 ["Shared committees", str(len(shared))]]
        years = []
        for body, term in sorted(shared, key=lambda s: (data.terms[s[1]].start or 0, s[0])):
            t = data.terms[term]
            lines.append(["", f"{data.orgs[body].label}, {t.span}"])
            if t.start is not None:
                years += [t.start, t.end if t.end is not None else t.start]
        lines += _evidence_lines([m for body, term in shared for p in (a, b) for m in seats[(body, term)][p]])
        g.add_edge(a, b, kind="cotenure", weight=len(shared), label=str(len(shared)) if len(shared) > 1 else "",
                   term=", ".join(sorted({data.terms[t].span for _, t in shared})),
                   start=min(years) if years else None, end=max(years) if years else None, tip=lines)
    return g

