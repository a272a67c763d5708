"""What the store says about persons: their mentions, offices and provinces.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

import pyoxigraph as ox

from partygraph.iris import REFERENCE_GRAPH, RESOLUTION_GRAPH
from partygraph.lexicon import lexicon
from partygraph.role_properties import role_properties
from partygraph.namespaces import sparql_prefixes
from partygraph.namespaces import PG_BASE as PG


#: A name seen in this many provinces is common: province alone does not merge it.
COMMON_PROVINCES = 3

#: Roles one person holds at a time in a unit: a successor's start ends the predecessor (pg:singleHolder).
SINGLE_HOLDER_ROLES = role_properties().single_holder

MERGER_DATE = date(2025, 7, 1)

#: Bodies with hundreds of members (pg:largeBody): being an ordinary member of one
#: (pg:ordinaryMembership) is weak evidence (two namesakes may both sit in the National Assembly).
LARGE_BODIES = role_properties().large_bodies
LARGE_BODY_ROLES = role_properties().ordinary_membership

PREFIXES = sparql_prefixes("pg", "org", "foaf", "prov", "schema", "skos", "owl", "rdfs")


# ---------------------------------------------------------------------------
# What the store says

@dataclass
class OfficeRec:
    """One `org:Membership` of a mention, with what its dates may come from."""

    membership: str
    org: str
    unit: str  # the unit the org belongs to (org:unitOf*), or the org itself
    role: str
    status: str  # Current | Elected | Former
    term: tuple[int, int] | None
    as_of: date | None
    province: str | None
    central: bool
    label: str
    enterprise: bool = False  # a post in a company (or its board): where the company is, the text rarely says


@dataclass
class Mention:
    """A mention-level person node and its context."""

    iri: str
    name: str
    key: str
    article: str
    date: date | None
    article_province: str | None
    offices: list[OfficeRec] = field(default_factory=list)

    @property
    def units(self) -> set[str]:
        return {o.unit for o in self.offices} | {o.org for o in self.offices}

    @property
    def provinces(self) -> set[str]:
        """Provinces from the offices' organisations, else the article's (not a centrally run city's
        for a provincial post whose province is unnamed: a city has no "tỉnh")."""
        found = {o.province for o in self.offices if o.province}
        if found:
            return found
        if not self.article_province or self.central:
            return set()
        if is_central_city(self.article_province, self.date) and any(unnamed_provincial(o.label) for o in self.offices):
            return set()
        return {self.article_province}

    @property
    def office_provinces(self) -> set[str]:
        """Provinces of the offices' organisations only (the article's province is weaker)."""
        return {o.province for o in self.offices if o.province}

    @property
    def central(self) -> bool:
        return any(o.central for o in self.offices)

    def sort_key(self):
        return (self.date or date.max, self.iri)


def name_key(name: str) -> str:
    """Names compared for candidacy: NFC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _val(term):
    return None if term is None else term.value


#: Dates outside these bounds are misreadings (the Party was founded in 1930).
EARLIEST, LATEST = date(1930, 1, 1), date(2100, 1, 1)


def _date(text):
    try:
        d = date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
    return d if d and EARLIEST <= d < LATEST else None


def _query(store: ox.Store, text: str):
    return store.query(PREFIXES + text, use_default_graph_as_union=True)


def _not_derived(var: str) -> str:
    # Derived graphs are rebuilt from the article graphs; never read them back.
    return f"FILTER(?{var} NOT IN (<{RESOLUTION_GRAPH}>, <{REFERENCE_GRAPH}>))"


def read_mentions(store: ox.Store) -> dict[str, Mention]:
    """Every mention-level person in the store's article graphs, with offices."""
    mentions: dict[str, Mention] = {}
    rows = store.query(PREFIXES + f"""
        SELECT ?p ?name ?a ?date ?prov WHERE {{
          GRAPH ?g {{ ?p a foaf:Person ; foaf:name ?name ; prov:wasDerivedFrom ?a . ?a a schema:NewsArticle .
                     OPTIONAL {{ ?a schema:datePublished ?date }} OPTIONAL {{ ?a pg:province ?prov }} }}
          {_not_derived('g')}
        }}""")
    for r in rows:
        iri = r["p"].value
        if iri in mentions:
            continue
        name = r["name"].value
        mentions[iri] = Mention(iri, name, name_key(name), r["a"].value, _date(_val(r["date"])), _val(r["prov"]))
    units = org_units(store)
    companies = {r["o"].value for r in _query(store, "SELECT DISTINCT ?o WHERE { ?o a pg:Enterprise }")}
    rows = _query(store, """
        SELECT ?m ?p ?o ?r ?st ?y1 ?y2 ?asOf ?prov ?level ?label WHERE {
          ?m a org:Membership ; org:member ?p ; org:organization ?o ; org:role ?r .
          OPTIONAL { ?m pg:status ?st } OPTIONAL { ?m pg:asOf ?asOf }
          OPTIONAL { ?m org:memberDuring ?t . ?t pg:startYear ?y1 ; pg:endYear ?y2 }
          OPTIONAL { ?o pg:province ?prov } OPTIONAL { ?o pg:level ?level }
          OPTIONAL { ?o skos:prefLabel ?label }
        }""")
    seen = set()
    for r in rows:
        m, p = r["m"].value, r["p"].value
        if m in seen or p not in mentions:
            continue
        seen.add(m)
        o = r["o"].value
        term = (int(r["y1"].value), int(r["y2"].value)) if r["y1"] is not None and r["y2"] is not None else None
        status = (_val(r["st"]) or PG + "Current").rsplit("#", 1)[-1]
        mentions[p].offices.append(OfficeRec(
            m, o, units.get(o, o), r["r"].value, status, term, _date(_val(r["asOf"])), _val(r["prov"]),
            _val(r["level"]) == PG + "CentralLevel", _val(r["label"]) or o, units.get(o, o) in companies))
    return mentions


def org_units(store: ox.Store) -> dict[str, str]:
    """Each committee or board → the top unit it is attached to (org:unitOf*)."""
    parent = {r["c"].value: r["u"].value for r in _query(store, "SELECT ?c ?u WHERE { ?c org:unitOf ?u }")}
    top = {}
    for c in parent:
        u, hops = c, 0
        while u in parent and hops < 10:  # a cycle in bad data must not hang us
            u, hops = parent[u], hops + 1
        top[c] = u
    return top


# ---------------------------------------------------------------------------
# Provinces and the 2025 mergers

@lru_cache(maxsize=1)
def province_successors() -> dict[str, str]:
    """Province name before 2025-07-01 → the province it is part of after."""
    with resources.files("partygraph.data").joinpath("province_mergers_2025.csv").open(encoding="utf-8") as fh:
        return {row["old_name"]: row["new_name"] for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def province_kinds() -> dict[str, str]:
    """Province name → `tinh` or `thanh_pho`."""
    with resources.files("partygraph.data").joinpath("provinces.csv").open(encoding="utf-8") as fh:
        return {row["name"]: row["kind"] for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def central_cities() -> dict[str, date]:
    """Centrally run city → the day it became one (`central_cities.csv`, as the lexicon read it)."""
    return {name: date.fromisoformat(since) for name, since in lexicon().city_since.items()}


def is_central_city(province: str | None, when: date | None) -> bool:
    """Whether `province` was a centrally run city on `when` (undated: a city since before 2000)."""
    since = central_cities().get(province or "")
    return since is not None and (since <= when if when else since.year < 2000)


def unnamed_provincial(label: str) -> bool:
    """"Ủy ban nhân dân tỉnh", "Đảng bộ tỉnh": a provincial body whose province is not named."""
    words = label.casefold().split()
    return bool(words) and words[-1] == "tỉnh"


def unit_phrase(province: str) -> str:
    """"tỉnh X" or "thành phố X", as organisation labels name a province."""
    return ("thành phố " if province_kinds().get(province) == "thanh_pho" else "tỉnh ") + province


def provinces_compatible(a: Mention, b: Mention) -> str | None:
    """The province two mentions share (allowing for the 2025 mergers), or None."""
    pa, pb = a.provinces, b.provinces
    common = pa & pb
    if common:
        return sorted(common)[0]
    succ = province_successors()
    # After 2025-07-01 a merged-away province's people report under the new one.
    for x, y, later in ((a, b, b), (b, a, a)):
        if later.date and later.date >= MERGER_DATE:
            for p in x.provinces:
                s = succ.get(p)
                if s and s != p and s in y.provinces:
                    return f"{p} → {s}"
    return None


