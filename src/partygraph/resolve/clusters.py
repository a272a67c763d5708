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
and space collapsing. Two candidates are merged on positive shared
evidence, strongest first:

1. a `merge` decision in the decisions file (and never against `keep-apart`);
2. a shared unit: an office in the same organisation, or in organisations
   attached (`org:unitOf`) to the same unit (spellings of one unit count as
   one: `report.identities` reads offices against `res.unit_groups`); or the
   same post in a unit two articles of one province name relative to
   themselves ("Phó Giám đốc Trung tâm Phát triển quỹ đất", no province in the
   name, so a node per article), even for a common name;
3. the same province (the provinces of their offices' organisations, else
   the article's province, but at least one side's from an office: two
   articles filed under one province may be about namesakes; nor for a side
   whose only posts are in companies, which the story places, not an office,
   nor between a side known by its article's province alone and a side whose
   only posts are in companies;
   a province merged away on 2025-07-01 matches its successor only for
   articles from that day on), or both holding central
   offices, unless the name is common (mentions in `COMMON_PROVINCES` or
   more provinces of offices), in which case the pair is left open.

A mention with no place evidence (no office province, no central office, no
article province) is never merged on a name alone: the pair is an *open*
candidate. Whatever links them, two groups of mentions that contradict each
other (`evidence.contradiction`: offices in different provinces at the same
time, a provincial "tỉnh" post against a centrally run city's post, one
single-holder post in two units) are not joined; only a `merge` decision
overrides that. Each merge link keeps the evidence that made it
(`Cluster.evidence`, written as `pg:identityBasis`).

Pairs of resulting clusters with the same name are reported as *kept apart*
(with the contradiction) or *open* (with why the evidence did not settle
them); a decision resolves either way.

Canonical IRIs: `pgid:person/{slug(name)}-{h("resolved", anchor)}` where the
anchor is the cluster's mention with the earliest article date (ties and
undated articles: smallest IRI). It depends only on the cluster's content, so
a rebuild from scratch gives the same IRIs, and adding newer articles (the
usual case for news) never changes an existing cluster's IRI; only a merge
with an older mention moves it, and the `owl:sameAs` links from the mentions
(whose IRIs never change) keep every query by mention working.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


from partygraph.iris import canonical_person_iri, is_article_scoped
from partygraph.resolve.decisions import Decisions
from partygraph.resolve.evidence import clusters_contradict, profile
from partygraph.resolve.mentions import COMMON_PROVINCES, LARGE_BODIES, LARGE_BODY_ROLES, Mention, provinces_compatible


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
        return str(canonical_person_iri(a.name, a.iri))

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
    unit_groups: list[list[str]] = field(default_factory=list)  # organisation IRIs that are one unit, head first

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

    def union(self, a, b, veto=None) -> bool:
        """Join a's and b's groups unless a keep-apart decision or `veto(members_a, members_b)` forbids it."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        # A keep-apart decision forbids any merge joining the two sides.
        if self.forbid[ra] & self._members[rb] or self.forbid[rb] & self._members[ra]:
            return False
        if veto is not None and veto(self._members[ra], self._members[rb]):
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
    post = _same_relative_post(a, b)
    if post:
        return 1, post
    if common:
        return None
    prov = provinces_compatible(a, b)
    if prov and (a.office_provinces or b.office_provinces) and not (_placed_by_story(a) or _placed_by_story(b)) \
            and not (_story_only(a) and _in_companies(b) or _story_only(b) and _in_companies(a)):
        return 1, f"same province: {prov}"  # an article's province alone says where a story is, not a person
    if a.central and b.central:
        return 1, "both hold central offices"
    return None


def _placed_by_story(m: Mention) -> bool:
    """A person whose only posts are in companies placed nowhere: the article's province is where the
    story is, and a businessman of a common name there is no official of that province."""
    return not m.office_provinces and _in_companies(m)


def _in_companies(m: Mention) -> bool:
    """A person whose only posts are in companies (boards included)."""
    return bool(m.offices) and all(o.enterprise for o in m.offices)


def _story_only(m: Mention) -> bool:
    """A mention with no post read: only its article's province says where it is. Against a company's man of
    that province, that is no evidence: the chairman of a city's stock exchange and a builder quoted in a
    story about the city are two namesakes."""
    return not m.offices


def _same_relative_post(a: Mention, b: Mention) -> str | None:
    """'Phó Giám đốc Trung tâm Phát triển quỹ đất' in two articles of one province: the same post in a unit
    each article names relative to itself (no province in its name, so two nodes), in the same province."""
    if not a.article_province or a.article_province != b.article_province:
        return None
    posts = {(o.role, o.label) for o in a.offices if is_article_scoped(o.org)}
    same = sorted(p for p in posts if any((o.role, o.label) == p for o in b.offices if is_article_scoped(o.org)))
    if not same:
        return None
    role, label = same[0]
    return f"same post in the same province: {role.rsplit('/', 1)[-1]} @ {label} ({a.article_province})"


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
    veto = _Veto(mentions)
    for _s, _ka, _kb, x, y, why in sorted(links):
        if uf.union(x, y, veto):
            merges.append((x, y, why))
    by_root: dict[str, list[Mention]] = defaultdict(list)
    for iri, m in mentions.items():
        by_root[uf.find(iri)].append(m)
    clusters = sorted((Cluster(sorted(ms, key=Mention.sort_key)) for ms in by_root.values()),
                      key=lambda c: c.anchor.sort_key())
    root_of = {m.iri: uf.find(m.iri) for m in mentions.values()}
    cluster_of_root = {root_of[c.anchor.iri]: c for c in clusters}
    for x, y, why in merges:
        cluster_of_root[root_of[x]].evidence.append(why)
    open_pairs, apart = _pairs(clusters, uf, root_of, common_names, veto)
    return Resolution(clusters, merges, open_pairs, apart)


class _Veto:
    """Refuses to join two groups of mentions that contradict each other (`evidence.contradiction`)."""

    def __init__(self, mentions: dict[str, Mention]):
        # A mention with no current office in a province, city or single-holder post contradicts nothing.
        self.profiles = {i: p for i, m in mentions.items()
                         if (p := profile(m)).provinces or p.unnamed_tinh or p.posts}

    def why(self, a, b) -> str | None:
        pa = [self.profiles[i] for i in a if i in self.profiles]
        pb = [self.profiles[i] for i in b if i in self.profiles] if pa else []
        return clusters_contradict(pa, pb) if pb else None

    def __call__(self, a, b) -> bool:
        return self.why(a, b) is not None


def _pairs(clusters, uf, root_of, common_names, veto):
    by_key: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        by_key[c.anchor.key].append(c)
    open_pairs, apart = [], []
    for key in sorted(by_key):
        cs = by_key[key]
        # a namesake holding no office is asked about against those who hold one (or, when none does, the
        # one named most), not against every other namesake holding none: a merge there is what joins it
        hub = max(cs, key=lambda c: len(c.mentions)) if not any(map(_holds_office, cs)) else None
        for i, a in enumerate(cs):
            for b in cs[i + 1:]:
                ra = root_of[a.anchor.iri]
                if uf.forbid.get(ra, set()) & {m.iri for m in b.mentions}:
                    apart.append(Pair(a, b, "decision: keep apart", "decided-apart"))
                elif why := veto.why([m.iri for m in a.mentions], [m.iri for m in b.mentions]):
                    apart.append(Pair(a, b, why, "apart"))
                elif _holds_office(a) or _holds_office(b) or hub in (a, b):
                    open_pairs.append(Pair(a, b, _open_reason(a, b, key in common_names), "open"))
    return open_pairs, apart


def _holds_office(c: Cluster) -> bool:
    return any(m.offices for m in c.mentions)


def _open_reason(a: Cluster, b: Cluster, common: bool) -> str:
    """Why two namesakes with nothing against their being one person were not merged."""
    placed = [bool(c.provinces) or any(m.central for m in c.mentions) for c in (a, b)]
    if not any(placed):
        return "no place evidence on either side"
    if not all(placed):
        return "no place evidence on one side"
    if a.provinces & b.provinces and not (a.office_provinces or b.office_provinces):
        return "same article province only (no office in a province on either side)"
    if a.provinces and b.provinces and not (a.provinces & b.provinces):
        return ("different provinces at different times (a move?)" if a.office_provinces and b.office_provinces
                else "different article provinces only")
    if common:
        return "common name: same province but no shared unit"
    return "inconclusive"
