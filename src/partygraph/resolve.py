"""One graph across many articles: who is who, when, and what became of units.

`partygraph build` mints one person node per name per article and never
guesses across articles. This module reads a whole store and adds, in two
named graphs that each run replaces as a unit (one SPARQL update, one
transaction, so a rerun is atomic and idempotent):

* `pgid:graph/reference`: the 2025 reorganisation as `org:ChangeEvent`s
  (province mergers from `data/province_mergers_2025.csv`, the end of the
  Đảng bộ Khối from `data/party_reorg_2025.csv`), with `pg:successor` links;
* `pgid:graph/resolution`: canonical persons (`pg:ResolvedPerson`) that each
  mention-level person is `owl:sameAs`; alternative labels of organisations
  spelled differently; and the best dates of each office (`pg:startDate`,
  `pg:endDate`, `pg:dateBasis`) on its `org:Membership`.

Nothing of an article's graph is changed or deleted: every mention keeps its
provenance, and dropping the two graphs returns the store to what `load` made.

Person identity (`cluster`)
---------------------------
Mentions are candidates when their names are equal after NFC, case folding
and space collapsing. Two candidates are merged on evidence, strongest first:

1. a `merge` decision in the decisions file (and never against `keep-apart`);
2. a shared unit: an office in the same organisation, or in organisations
   attached (`org:unitOf`) to the same unit;
3. the same province (the provinces of their offices' organisations, else
   the article's province; a province merged away on 2025-07-01 matches its
   successor only for articles from that day on), or both holding central
   offices, unless the name is common (mentions in `COMMON_PROVINCES` or
   more provinces of offices), in which case the pair is left open;
4. a mention without offices joins the only person of its name who holds
   offices, unless their provinces differ (a holder of central offices has
   no province of its own: national figures are named everywhere).

Pairs of resulting clusters with the same name are reported as *kept apart*
when both have known, different provinces and nothing shared, and as *open*
otherwise; a decision resolves either way.

Canonical IRIs: `pgid:person/{slug(name)}-{h("resolved", anchor)}` where the
anchor is the cluster's mention with the earliest article date (ties and
undated articles: smallest IRI). It depends only on the cluster's content, so
a rebuild from scratch gives the same IRIs, and adding newer articles (the
usual case for news) never changes an existing cluster's IRI; only a merge
with an older mention moves it, and the `owl:sameAs` links from the mentions
(whose IRIs never change) keep every query by mention working.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from partygraph.errors import InputError
from partygraph.rdfmap import h, slug
from partygraph.store import PG, PGID, PGROLE, update_graph

ORG = "http://www.w3.org/ns/org#"
OWL = "http://www.w3.org/2002/07/owl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF = "http://xmlns.com/foaf/0.1/"
PROV = "http://www.w3.org/ns/prov#"
SDO = "https://schema.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"

RESOLUTION_GRAPH = PGID + "graph/resolution"
REFERENCE_GRAPH = PGID + "graph/reference"

#: A name seen in this many provinces is common: province alone does not merge it.
COMMON_PROVINCES = 3

#: Roles one person holds at a time in a unit: a successor's start ends the predecessor.
SINGLE_HOLDER_ROLES = frozenset(
    PGROLE + r for r in (
        "bi-thu", "tong-bi-thu", "chu-tich", "chu-tich-nuoc", "chu-tich-quoc-hoi", "thu-tuong",
        "pho-bi-thu-thuong-truc", "truong-ban", "chu-nhiem", "chanh-van-phong", "giam-doc", "chanh-an",
        "bo-truong", "tong-bien-tap", "tong-giam-doc", "cuc-truong", "hieu-truong", "vien-truong",
        "tu-lenh", "chinh-uy", "truong-doan", "truong-phong"))

MERGER_DATE = date(2025, 7, 1)

#: Bodies with hundreds of members: being an ordinary member of one is weak
#: evidence (two namesakes may both sit in the National Assembly).
LARGE_BODIES = frozenset(PGID + "org/" + s for s in (
    "ban-chap-hanh-trung-uong-dang", "quoc-hoi", "dang-cong-san-viet-nam"))
LARGE_BODY_ROLES = frozenset(PGROLE + r for r in ("uy-vien", "uy-vien-du-khuyet", "dai-bieu-quoc-hoi"))

PREFIXES = f"""PREFIX pg: <{PG}> PREFIX org: <{ORG}> PREFIX foaf: <{FOAF}> PREFIX prov: <{PROV}>
PREFIX schema: <{SDO}> PREFIX skos: <{SKOS}> PREFIX owl: <{OWL}> PREFIX rdfs: <{RDFS}>
"""


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
        """Provinces from the offices' organisations, else the article's."""
        found = {o.province for o in self.offices if o.province}
        if found:
            return found
        return {self.article_province} if self.article_province and not self.central else set()

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
            _val(r["level"]) == PG + "CentralLevel", _val(r["label"]) or o))
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


# ---------------------------------------------------------------------------
# Decisions

@dataclass
class Decisions:
    """Human judgements on pairs of mentions: merge or keep apart."""

    merge: list[tuple[str, ...]] = field(default_factory=list)
    apart: list[tuple[str, ...]] = field(default_factory=list)
    entries: list[dict] = field(default_factory=list)


def expand_iri(text: str) -> str:
    text = str(text).strip()
    if text.startswith("pgid:"):
        return PGID + text[5:]
    return text.strip("<>")


def compact_iri(iri: str) -> str:
    return "pgid:" + iri[len(PGID):] if iri.startswith(PGID) else iri


def read_decisions(path) -> Decisions:
    """Read a decisions file (YAML: `decisions:` list of {decision, mentions, note})."""
    import yaml

    path = Path(path)
    out = Decisions()
    if not path.exists():
        return out
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read decisions: {str(exc).splitlines()[0]}") from None
    entries = data.get("decisions", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(path, "expected a mapping with a `decisions:` list")
    for i, e in enumerate(entries, 1):
        if not isinstance(e, dict) or not isinstance(e.get("mentions"), list) or len(e["mentions"]) < 2:
            raise InputError(path, f"decision {i}: needs `decision` and a list of at least two `mentions`")
        kind = str(e.get("decision", "open")).strip().lower()
        iris = tuple(expand_iri(m) for m in e["mentions"])
        if kind == "merge":
            out.merge.append(iris)
        elif kind in ("keep-apart", "apart", "keep_apart"):
            out.apart.append(iris)
        elif kind not in ("open", "undecided", ""):
            raise InputError(path, f"decision {i}: `{kind}` is not merge, keep-apart or open")
        out.entries.append(e)
    return out


def write_decisions(path, decisions: Decisions, open_pairs: list["Pair"]) -> int:
    """Rewrite the decisions file: the human's entries kept, open candidates refreshed.

    Returns the number of open entries written.
    """
    import yaml

    from partygraph.atomic import atomic_write

    kept = [e for e in decisions.entries if str(e.get("decision", "open")).lower() not in ("open", "undecided", "")]
    decided = {frozenset(expand_iri(m) for m in e["mentions"]) for e in kept}
    fresh = []
    for pair in open_pairs:
        iris = [compact_iri(pair.a.anchor.iri), compact_iri(pair.b.anchor.iri)]
        if frozenset(map(expand_iri, iris)) in decided:
            continue
        fresh.append({"decision": "open", "mentions": iris, "name": pair.a.name, "evidence": pair.reason,
                      "a": pair.a.describe(), "b": pair.b.describe()})
    header = ("# partygraph resolve decisions. Set `decision:` to merge or keep-apart; later runs honour it.\n"
              "# `open` entries are candidates the evidence could not settle (rewritten on each run).\n")
    with atomic_write(path, "w") as fh:
        fh.write(header)
        yaml.safe_dump({"decisions": kept + fresh}, fh, allow_unicode=True, sort_keys=False, width=120)
    return len(fresh)


# ---------------------------------------------------------------------------
# Clustering

@dataclass
class Cluster:
    """Mentions judged to be one person."""

    mentions: list[Mention]
    evidence: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> Mention:
        return min(self.mentions, key=Mention.sort_key)

    @property
    def name(self) -> str:
        return self.anchor.name

    @property
    def iri(self) -> str:
        a = self.anchor
        return f"{PGID}person/{slug(a.name)}-{h('resolved', a.iri)}"

    @property
    def provinces(self) -> set[str]:
        return set().union(*(m.provinces for m in self.mentions))

    @property
    def office_provinces(self) -> set[str]:
        return set().union(*(m.office_provinces for m in self.mentions))

    @property
    def units(self) -> set[str]:
        return set().union(*(m.units for m in self.mentions))

    def describe(self) -> str:
        offices = sorted({f"{o.role.rsplit('/', 1)[-1]} @ {o.label}" for m in self.mentions for o in m.offices})
        prov = ", ".join(sorted(self.provinces)) or "no province"
        return (f"{len(self.mentions)} mention(s), {prov}; "
                + ("; ".join(offices[:4]) + (" …" if len(offices) > 4 else "") if offices else "no office"))


@dataclass
class Pair:
    """Two clusters with the same name left apart, and why."""

    a: Cluster
    b: Cluster
    reason: str
    status: str  # open | apart | decided-apart


@dataclass
class Resolution:
    """The outcome of `cluster`."""

    clusters: list[Cluster]
    merges: list[tuple[str, str, str]]  # (mention, mention, evidence) links that joined clusters
    open: list[Pair]
    apart: list[Pair]

    def canonical(self) -> dict[str, str]:
        """Mention IRI → canonical person IRI."""
        return {m.iri: c.iri for c in self.clusters for m in c.mentions}


class _UnionFind:
    """Union-find over mention IRIs that refuses unions forbidden by keep-apart decisions."""

    def __init__(self, items):
        self.parent = {i: i for i in items}
        self.forbid: dict[str, set[str]] = {i: set() for i in items}
        self._members: dict[str, set[str]] = {i: {i} for i in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        # A keep-apart decision forbids any merge joining the two sides.
        if self.forbid[ra] & self._members[rb] or self.forbid[rb] & self._members[ra]:
            return False
        self.parent[rb] = ra
        self.forbid[ra] |= self.forbid.pop(rb)
        self._members[ra] |= self._members.pop(rb)
        return True


def link_evidence(a: Mention, b: Mention, common: bool) -> tuple[int, str] | None:
    """(strength, explanation) of the evidence that a and b are one person, or None.

    Strength 2: a shared unit; 1: same province or both central (not for common names).
    """
    shared = a.units & b.units
    strong = {u for u in shared if u not in LARGE_BODIES or
              not ({o.role for o in a.offices if u in (o.org, o.unit)} <= LARGE_BODY_ROLES and
                   {o.role for o in b.offices if u in (o.org, o.unit)} <= LARGE_BODY_ROLES)}
    if shared and (strong or not common):
        pick = strong or shared
        labels = sorted({o.label for m in (a, b) for o in m.offices if o.org in pick or o.unit in pick})
        what = labels[0] if labels else sorted(pick)[0]
        return (2, "shared unit: " + what) if strong else (1, "members of the same large body: " + what)
    if common:
        return None
    prov = provinces_compatible(a, b)
    if prov:
        return 1, f"same province: {prov}"
    if a.central and b.central:
        return 1, "both hold central offices"
    return None


def cluster(mentions: dict[str, Mention], decisions: Decisions | None = None) -> Resolution:
    """Group mentions into persons (see the module docstring for the rules)."""
    decisions = decisions or Decisions()
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions.values():
        groups[m.key].append(m)
    uf = _UnionFind(mentions)
    for iris in decisions.apart:
        present = [i for i in iris if i in mentions]
        for i in present:
            uf.forbid[uf.find(i)] |= set(present) - {i}
    merges: list[tuple[str, str, str]] = []
    for iris in decisions.merge:
        present = sorted(i for i in iris if i in mentions)
        for x in present[1:]:
            if uf.union(present[0], x):
                merges.append((present[0], x, "decision: merge"))
    common_names = set()
    for key, group in groups.items():
        # Provinces of offices only: a national figure is named in articles about every province.
        if len({o.province for m in group for o in m.offices if o.province}) >= COMMON_PROVINCES:
            common_names.add(key)
    links = []
    for key in sorted(groups):
        group = sorted(groups[key], key=Mention.sort_key)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                ev = link_evidence(a, b, key in common_names)
                if ev:
                    links.append((-ev[0], a.sort_key(), b.sort_key(), a.iri, b.iri, ev[1]))
    for _s, _ka, _kb, x, y, why in sorted(links):
        if uf.union(x, y):
            merges.append((x, y, why))
    merges += _attach_to_sole_holder(groups, uf, common_names)
    by_root: dict[str, list[Mention]] = defaultdict(list)
    for iri, m in mentions.items():
        by_root[uf.find(iri)].append(m)
    clusters = sorted((Cluster(sorted(ms, key=Mention.sort_key)) for ms in by_root.values()),
                      key=lambda c: c.anchor.sort_key())
    root_of = {m.iri: uf.find(m.iri) for m in mentions.values()}
    cluster_of_root = {root_of[c.anchor.iri]: c for c in clusters}
    for x, y, why in merges:
        cluster_of_root[root_of[x]].evidence.append(why)
    open_pairs, apart = _pairs(clusters, uf, root_of, common_names)
    return Resolution(clusters, merges, open_pairs, apart)


def _attach_to_sole_holder(groups, uf, common_names) -> list[tuple[str, str, str]]:
    """Attach office-less mentions to the only person of their name who holds offices.

    An article that names "Nguyễn Phú Trọng" without a title means the one
    the other articles describe. Only for names that are not common, and
    only when the mention's province does not contradict the holder's (a
    holder of central offices only has no province: national figures are
    named in articles about every province).
    """
    out = []
    for key in sorted(groups):
        if key in common_names:
            continue
        roots: dict[str, list[Mention]] = defaultdict(list)
        for m in groups[key]:
            roots[uf.find(m.iri)].append(m)
        holders = [r for r, ms in roots.items() if any(m.offices for m in ms)]
        if len(holders) != 1 or len(roots) < 2:
            continue
        holder = holders[0]
        # A holder of central offices is named in articles about any province.
        hprov = set() if any(m.central for m in roots[holder]) else {p for m in roots[holder] for p in m.provinces}
        target = min(roots[holder], key=Mention.sort_key)
        for root, ms in sorted(roots.items()):
            if root == holder:
                continue
            prov = {p for m in ms for p in m.provinces}
            if prov and hprov and not (prov & hprov):
                continue
            if uf.union(target.iri, ms[0].iri):
                out.append((target.iri, ms[0].iri, "sole office-holder of the name"))
    return out


def _pairs(clusters, uf, root_of, common_names):
    by_key: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        by_key[c.anchor.key].append(c)
    open_pairs, apart = [], []
    for key in sorted(by_key):
        cs = by_key[key]
        for i, a in enumerate(cs):
            for b in cs[i + 1:]:
                ra = root_of[a.anchor.iri]
                if uf.forbid.get(ra, set()) & {m.iri for m in b.mentions}:
                    apart.append(Pair(a, b, "decision: keep apart", "decided-apart"))
                elif (a.office_provinces and b.office_provinces
                      and not (a.provinces & b.provinces) and not (a.office_provinces & b.office_provinces)):
                    # Only offices' provinces keep people apart: an article about one
                    # province often quotes people from another (hand-checked sample).
                    apart.append(Pair(a, b, f"different provinces ({', '.join(sorted(a.provinces))} / "
                                            f"{', '.join(sorted(b.provinces))}), nothing shared", "apart"))
                else:
                    reason = ("no province on either side" if not (a.provinces or b.provinces) else
                              "different article provinces only" if a.provinces and b.provinces and
                              not (a.provinces & b.provinces) else
                              "no province on one side" if not (a.provinces and b.provinces) else
                              "common name: same province but no shared unit" if key in common_names else
                              "inconclusive")
                    open_pairs.append(Pair(a, b, reason, "open"))
    return open_pairs, apart


# ---------------------------------------------------------------------------
# Dates of offices

@dataclass
class Tenure:
    """One person in one role in one organisation, over all articles saying so."""

    person: str
    org: str
    role: str
    offices: list[OfficeRec]
    start: date | None = None
    end: date | None = None
    basis: list[str] = field(default_factory=list)

    @property
    def last_seen(self) -> date | None:
        seen = [o.as_of for o in self.offices if o.as_of and o.status != "Former"]
        return max(seen) if seen else None


def read_congresses(store: ox.Store) -> dict[tuple[str, int], date]:
    """(unit, term start year) → the congress's first day, where known."""
    out = {}
    units = org_units(store)
    for r in _query(store, """SELECT ?o ?y1 ?d WHERE { ?c a pg:Congress ; pg:heldBy ?o ; pg:forTerm ?t ;
                                   schema:startDate ?d . ?t pg:startYear ?y1 }"""):
        d = _date(r["d"].value)
        o = r["o"].value
        if d:
            for k in {(o, int(r["y1"].value)), (units.get(o, o), int(r["y1"].value))}:
                out[k] = min(out.get(k, d), d)
    return out


def date_tenures(mentions: dict[str, Mention], canonical: dict[str, str],
                 congresses: dict[tuple[str, int], date]) -> list[Tenure]:
    """Best start and end of every office, from all the articles about it.

    Start: the congress that elected the person (elected or current in a term
    whose congress date is known), else the first day of the term's first
    year, else the earliest article reporting the office. End: the next
    congress of the unit or the term's last day; the earliest article calling
    the person former; and, for single-holder roles, the start of the next
    holder reported after the last sighting.
    """
    groups: dict[tuple[str, str, str], list[OfficeRec]] = defaultdict(list)
    for m in mentions.values():
        for o in m.offices:
            groups[(canonical.get(m.iri, m.iri), o.org, o.role)].append(o)
    tenures = []
    for (person, org, role), offices in sorted(groups.items()):
        t = Tenure(person, org, role, offices)
        starts, ends = [], []
        for o in offices:
            if o.term:  # a former office stated with its term was held in that term
                c = congresses.get((o.org, o.term[0])) or congresses.get((o.unit, o.term[0]))
                if c:
                    starts.append((c, f"congress {c.isoformat()}"))
                else:
                    starts.append((date(o.term[0], 1, 1), f"term {o.term[0]}–{o.term[1]}"))
                nxt = congresses.get((o.org, o.term[1])) or congresses.get((o.unit, o.term[1]))
                ends.append((nxt, f"next congress {nxt.isoformat()}") if nxt else
                            (date(o.term[1], 12, 31), f"term {o.term[0]}–{o.term[1]}"))
            elif o.status == "Elected" and o.as_of:
                starts.append((o.as_of, f"elected, reported {o.as_of.isoformat()}"))
            elif o.status == "Current" and o.as_of:
                starts.append((o.as_of, f"current as of {o.as_of.isoformat()}"))
            if o.status == "Former" and not o.term:
                if o.as_of:
                    ends.append((o.as_of, f"former by {o.as_of.isoformat()}"))
        if starts:
            t.start, why = min(starts)
            t.basis.append("start: " + why)
        if ends:
            # The earliest bound wins, but never before the office was last seen held.
            seen = t.last_seen
            valid = [e for e in ends if not seen or e[0] >= seen] or ends
            t.end, why = min(valid)
            t.basis.append("end: " + why)
        tenures.append(t)
    # A single-holder post has one holder at a time: the next holder's start ends the tenure.
    posts: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    for t in tenures:
        if t.role in SINGLE_HOLDER_ROLES and t.start:
            posts[(t.org, t.role)].append(t)
    for ts in posts.values():
        ts.sort(key=lambda t: (t.start, t.person))
        for i, t in enumerate(ts):
            seen = t.last_seen or t.start
            for nxt in ts[i + 1:]:
                if nxt.person != t.person and nxt.start > t.start and nxt.start >= seen:
                    if t.end is None or nxt.start < t.end:
                        t.end = nxt.start
                        t.basis = [b for b in t.basis if not b.startswith("end:")]
                        t.basis.append(f"end: successor from {nxt.start.isoformat()}")
                    break
    return tenures


# ---------------------------------------------------------------------------
# Units: spellings and the 2025 reorganisation

def org_key(label: str) -> str:
    """Spelling-insensitive key of an organisation label (case, spaces, '&', 'các')."""
    text = unicodedata.normalize("NFC", label).casefold().replace("&", " và ")
    text = re.sub(r"[^\w]+", " ", text)
    words = [w for w in text.split() if w != "các"]
    return " ".join(words)


def read_orgs(store: ox.Store) -> dict[str, dict]:
    """Organisation IRI → {labels, alts, types, province, level}."""
    orgs: dict[str, dict] = defaultdict(lambda: {"labels": set(), "alts": set(), "types": set(),
                                                 "province": None, "level": None})
    # Only what articles and loaded graphs say: organisations minted by an
    # earlier run's reference graph must not change the next run.
    for r in store.query(PREFIXES + f"""SELECT ?o ?l ?alt ?type ?prov ?level WHERE {{
            GRAPH ?g {{ ?o a org:Organization ; skos:prefLabel ?l . OPTIONAL {{ ?o skos:altLabel ?alt }}
            OPTIONAL {{ ?o a ?type }} OPTIONAL {{ ?o pg:province ?prov }} OPTIONAL {{ ?o pg:level ?level }} }}
            {_not_derived('g')} }}"""):
        d = orgs[r["o"].value]
        d["labels"].add(r["l"].value)
        if r["alt"] is not None:
            d["alts"].add(r["alt"].value)
        if r["type"] is not None:
            d["types"].add(r["type"].value)
        d["province"] = d["province"] or _val(r["prov"])
        d["level"] = d["level"] or _val(r["level"])
    return dict(orgs)


def org_variants(orgs: dict[str, dict]) -> list[list[str]]:
    """Groups of organisation IRIs whose labels differ only in spelling (size ≥ 2)."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for iri, d in orgs.items():
        if re.search(r"-[0-9a-f]{12}$", iri):
            continue  # article-scoped: its name was relative, never the same unit
        for label in d["labels"]:
            by_key[org_key(label)].add(iri)
    return sorted(sorted(v) for v in by_key.values() if len(v) > 1)


@dataclass
class Event:
    """A change event of the reference data."""

    iri: str
    kind: str
    date: str
    source: str
    originals: list[str]
    results: list[str]


def org_iri_for(label: str) -> str:
    return f"{PGID}org/{slug(label)}"


def _reorg_rows():
    with resources.files("partygraph.data").joinpath("party_reorg_2025.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


#: Provincial institutions that carry on in the merged province under its name.
CONTINUING_HEADS = ("Đảng bộ", "Ban Chấp hành Đảng bộ", "Ủy ban nhân dân", "Hội đồng nhân dân",
                    "Ủy ban Mặt trận Tổ quốc Việt Nam", "Đoàn đại biểu Quốc hội")


def reference_events(orgs: dict[str, dict] | None = None) -> tuple[list[Event], dict[str, dict]]:
    """The 2025 reorganisation as events, joined to the organisations in a store.

    Returns the events and the organisations they mint (IRI → label, type,
    province, level). With `orgs` (from `read_orgs`), templates are
    instantiated for the Khối units present, and every continuing provincial
    institution of a merged province in the store gets its successor.
    """
    orgs = orgs or {}
    minted: dict[str, dict] = {}

    def mint(label, kind=PG + "PartyOrganization", province=None, level=PG + "ProvincialLevel"):
        iri = org_iri_for(label)
        minted.setdefault(iri, {"label": label, "type": kind, "province": province, "level": level})
        return iri

    events: list[Event] = []
    rows = _reorg_rows()
    by_event: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_event[row["event"]].append(row)
    labels_in_store = {org_key(l): iri for iri, d in orgs.items() for l in d["labels"]}
    for ev_id, ev_rows in by_event.items():
        template = any("{unit}" in r["label"] for r in ev_rows)
        provinces = sorted(set(province_kinds())) if template else [None]
        for prov in provinces:
            fill = (lambda s: s.replace("{unit}", unit_phrase(prov))) if prov else (lambda s: s)
            originals, results = [], []
            # Originals first: a template whose Khối units are not in the store mints nothing.
            for r in sorted(ev_rows, key=lambda r: r["side"] != "original"):
                label = fill(r["label"])
                if r["side"] == "original":
                    if template:
                        iri = labels_in_store.get(org_key(label))
                        if iri:
                            originals.append(iri)
                    else:
                        originals.append(labels_in_store.get(org_key(label)) or
                                         mint(label, level=PG + "CentralLevel"))
                elif originals or not template:
                    results.append(labels_in_store.get(org_key(label)) or
                                   mint(label, province=prov, level=PG + ("ProvincialLevel" if prov else "CentralLevel")))
            if template and not originals:
                continue
            suffix = f"-{slug(prov)}" if prov else ""
            events.append(Event(f"{PGID}event/reference/{ev_id}{suffix}", ev_rows[0]["kind"], ev_rows[0]["date"],
                                ev_rows[0]["source"], sorted(set(originals)), sorted(set(results))))
    # Province mergers of 2025-07-01: one event per new province and institution.
    new_of: dict[str, list[str]] = defaultdict(list)
    for old, new in province_successors().items():
        new_of[new].append(old)
    source = ("Quyết định của Bộ Chính trị thành lập đảng bộ tỉnh, thành phố mới (hiệu lực 1/7/2025, "
              "vd. 328-QĐ/TW An Giang); Nghị quyết 202/2025/QH15; bảng sáp nhập vietnamadminunits 1.0.4")
    store_by_label = {l: iri for iri, d in orgs.items() for l in d["labels"]}
    for new, olds in sorted(new_of.items()):
        if len(olds) < 2:
            continue
        for head in CONTINUING_HEADS:
            originals, results = [], []
            present = False
            for old in sorted(olds):
                label = f"{head} {unit_phrase(old)}"
                iri = store_by_label.get(label)
                present = present or (iri is not None and old != new)
                originals.append(iri or (mint(label, province=old) if head == "Đảng bộ" else None))
            if head != "Đảng bộ" and not present:
                continue  # only the party organisations are listed whether or not articles name them
            kind = orgs.get(next((o for o in originals if o in orgs), ""), {}).get("types", set())
            cls = next((t for t in sorted(kind) if t.startswith(PG)), PG + "PartyOrganization")
            new_label = f"{head} {unit_phrase(new)}"
            results.append(store_by_label.get(new_label) or mint(new_label, kind=cls, province=new))
            events.append(Event(f"{PGID}event/reference/merger-2025-{slug(head)}-{slug(new)}", "merger",
                                MERGER_DATE.isoformat(), source, sorted(o for o in originals if o), results))
    return events, minted


# ---------------------------------------------------------------------------
# Triples and the store

def _lit(value, dtype=None, lang=None):
    if lang:
        return ox.Literal(value, language=lang)
    return ox.Literal(value, datatype=ox.NamedNode(XSD + dtype)) if dtype else ox.Literal(value)


def _t(s, p, o):
    s = s if isinstance(s, (ox.NamedNode, ox.BlankNode)) else ox.NamedNode(s)
    o = o if isinstance(o, (ox.NamedNode, ox.Literal, ox.BlankNode)) else ox.NamedNode(o)
    return ox.Triple(s, ox.NamedNode(p), o)


def reference_triples(events: list[Event], minted: dict[str, dict]) -> list[ox.Triple]:
    """The reference graph: events, the organisations they mint, successor links."""
    out = []
    kinds = {"merger": "Merger", "restructuring": "Restructuring", "founding": "Founding",
             "dissolution": "Dissolution", "split": "Split", "renaming": "Renaming"}
    for iri, d in sorted(minted.items()):
        out += [_t(iri, RDF_TYPE, ORG + "Organization"), _t(iri, RDF_TYPE, d["type"]),
                _t(iri, SKOS + "prefLabel", _lit(d["label"], lang="vi")), _t(iri, PG + "level", d["level"])]
        if d["province"]:
            out.append(_t(iri, PG + "province", _lit(d["province"])))
    for e in events:
        out += [_t(e.iri, RDF_TYPE, ORG + "ChangeEvent"), _t(e.iri, PG + "kind", PG + kinds[e.kind]),
                _t(e.iri, RDFS + "comment", _lit(e.source, lang="vi"))]
        if re.fullmatch(r"\d{4}-\d\d-\d\d", e.date):
            out.append(_t(e.iri, SDO + "startDate", _lit(e.date, "date")))
        elif re.fullmatch(r"\d{4}", e.date):
            out.append(_t(e.iri, SDO + "startDate", _lit(e.date, "gYear")))
        for o in e.originals:
            out.append(_t(e.iri, ORG + "originalOrganization", o))
            out.append(_t(o, ORG + "changedBy", e.iri))
        for r in e.results:
            out.append(_t(e.iri, ORG + "resultingOrganization", r))
            out.append(_t(r, ORG + "resultedFrom", e.iri))
        for o in e.originals:
            for r in e.results:
                if o != r:
                    out.append(_t(o, PG + "successor", r))
    return out


def resolution_triples(res: Resolution, tenures: list[Tenure], orgs: dict[str, dict]) -> list[ox.Triple]:
    """The resolution graph: canonical persons, sameAs links, org spellings, office dates."""
    out = []
    for c in res.clusters:
        out += [_t(c.iri, RDF_TYPE, PG + "ResolvedPerson"), _t(c.iri, FOAF + "name", _lit(c.name))]
        for m in c.mentions:
            out.append(_t(m.iri, OWL + "sameAs", c.iri))
    for group in org_variants(orgs):
        head = group[0]
        for other in group[1:]:
            out.append(_t(other, OWL + "sameAs", head))
            for label in sorted(orgs[other]["labels"] - orgs[head]["labels"]):
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
                f"{len(r.apart)} namesake pairs kept apart; {self.dated}/{self.tenures} offices dated; "
                f"{self.events} reference change events; {self.org_variant_groups} organisation spelling groups")


def resolve_store(store_dir, decisions_path=None, write_back: bool = True) -> Report:
    """Resolve the store at `store_dir` and (re)write its derived graphs."""
    from partygraph.store import open_store, require_store_dir

    require_store_dir(store_dir)
    store = open_store(store_dir)
    decisions = read_decisions(decisions_path) if decisions_path else Decisions()
    report = resolve(store, decisions)
    if decisions_path and write_back:
        report.open_written = write_decisions(decisions_path, decisions, report.resolution.open)
    store.flush()
    return report


def resolve(store: ox.Store, decisions: Decisions | None = None) -> Report:
    """Compute identities, dates and reference events; replace the derived graphs."""
    mentions = read_mentions(store)
    orgs = read_orgs(store)
    res = cluster(mentions, decisions)
    tenures = date_tenures(mentions, res.canonical(), read_congresses(store))
    events, minted = reference_events(orgs)
    update_graph(store, REFERENCE_GRAPH, reference_triples(events, minted))
    update_graph(store, RESOLUTION_GRAPH, resolution_triples(res, tenures, orgs))
    return Report(mentions=len(mentions), names=len({m.key for m in mentions.values()}),
                  persons=len(res.clusters), merged_clusters=sum(1 for c in res.clusters if len(c.mentions) > 1),
                  resolution=res, tenures=len(tenures), dated=sum(1 for t in tenures if t.start),
                  events=len(events), org_variant_groups=len(org_variants(orgs)))


def details(report: Report, limit: int | None = None) -> str:
    """Human-readable merges and open candidates with their evidence."""
    res = report.resolution
    lines = ["# Merges (clusters of several mentions)"]
    merged = [c for c in res.clusters if len(c.mentions) > 1]
    for c in merged[:limit]:
        ev = sorted(set(c.evidence))
        lines.append(f"{c.name}  <{compact_iri(c.iri)}>  {c.describe()}")
        lines.append("    evidence: " + "; ".join(ev[:5]) + (" …" if len(ev) > 5 else ""))
    lines.append("# Open candidates (same name, evidence inconclusive)")
    for p in res.open[:limit]:
        lines.append(f"{p.a.name}: {compact_iri(p.a.anchor.iri)} ≟ {compact_iri(p.b.anchor.iri)}  ({p.reason})")
        lines.append(f"    a: {p.a.describe()}")
        lines.append(f"    b: {p.b.describe()}")
    return "\n".join(lines)
