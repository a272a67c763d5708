"""The slice of the graph the views need, read once with a few SPARQL queries.

`load(source)` returns a `PartyData`: organisations with their level,
province and parents, people (mention nodes merged through `owl:sameAs`),
offices held (memberships with role, term, status and evidence sentence),
roles with Vietnamese and English labels, and terms. `PartyData.select`
applies the analyst's filters (root unit, depth, province, term, date).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources

from partygraph.errors import PartygraphError
from partygraph.namespaces import ORG_BASE, PG_BASE, PGROLE_BASE
from partygraph.role_properties import role_properties
from partygraph.viz.source import Source, as_int, local_name

PG = PG_BASE
ORG_NS = ORG_BASE

ORG_TYPES = ("PartyOrganization", "Committee", "StateBody", "MassOrganization",
             "Enterprise", "MediaOrganization", "OtherOrganization", "AdministrativeUnit")

# Unit levels from the top of the party down; the order sets the org chart's
# colour legend and is used to sort siblings.
LEVELS = ("CentralLevel", "ProvincialLevel", "DistrictLevel", "GrassrootsLevel", "BranchLevel")
LEVEL_LABELS = {"CentralLevel": "Central", "ProvincialLevel": "Provincial",
                "DistrictLevel": "District", "GrassrootsLevel": "Grassroots",
                "BranchLevel": "Branch", "": "Level unknown"}

# Role categories used for colour, legend and filters; ordered by seniority.
ROLE_CATEGORIES = ("secretary", "deputy-secretary", "head", "deputy-head", "member", "other")
ROLE_CATEGORY_LABELS = {"secretary": "Secretary", "deputy-secretary": "Deputy Secretary",
                        "head": "Head / Chair", "deputy-head": "Deputy head",
                        "member": "Member", "other": "Other role"}


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form used for matching labels ('Đảng' -> 'dang')."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", " ", text).strip().casefold()


def _known_province(folded: str) -> bool:
    """True when `folded` (see `fold`) is part of the name of a province, before or after 2025."""
    from partygraph.lexicon import lexicon

    return any(folded in fold(name) for name in lexicon().provinces)


def role_category(role_iri: str) -> str:
    """The ROLE_CATEGORIES group of a role concept by its id (the IRI's last segment): the
    pg:roleCategory of ontology/role-properties.ttl; an id without one counts as a head, no id as "other"."""
    name = local_name(role_iri)
    if not name:
        return "other"
    return role_properties().category.get(name, "head")


@dataclass
class Org:
    """An organisation or committee."""

    iri: str
    label: str = ""
    types: set[str] = field(default_factory=set)
    level: str = ""
    province: str = ""
    parents: list[tuple[str, str]] = field(default_factory=list)  # (parent iri, "unitOf"|"subOrganizationOf")

    @property
    def kind(self) -> str:
        """The most specific pg: class, e.g. 'Committee', or 'Organization'."""
        for t in ORG_TYPES:
            if t in self.types:
                return t
        return "Organization"


@lru_cache(maxsize=1)
def body_kinds() -> tuple[dict, ...]:
    """The kinds of body of data/body_kinds.yaml, in the filter's order."""
    import yaml

    text = resources.files("partygraph").joinpath("data/body_kinds.yaml").read_text("utf-8")
    return tuple(yaml.safe_load(text)["kinds"])


def body_kind(org: Org) -> str:
    """The key of the kind of body (party, state, army, police, mass, other) an organisation is."""
    label = fold(org.label)
    for kind in body_kinds():
        if org.kind in kind.get("within", ()) and any(fold(w) in label for w in kind["words"]):
            return kind["key"]
    return next((k["key"] for k in body_kinds() if org.kind in k.get("classes", ())), "other")


@dataclass
class Person:
    """A person: all mention nodes the resolver (or the name) says are the same."""

    key: str
    name: str
    iris: list[str] = field(default_factory=list)


@dataclass
class Role:
    iri: str
    vi: str = ""
    en: str = ""
    broader: str = ""

    @property
    def category(self) -> str:
        return role_category(self.iri)


@dataclass
class Term:
    iri: str
    label: str = ""
    start: int | None = None
    end: int | None = None

    @property
    def span(self) -> str:
        """'2020-2025', or the label when the years are unknown."""
        if self.start is not None and self.end is not None:
            return f"{self.start}-{self.end}"
        return self.label or local_name(self.iri)


@dataclass
class Evidence:
    sentence: str = ""
    text: str = ""
    article: str = ""
    headline: str = ""
    url: str = ""
    published: str = ""
    identifier: str = ""  # schema:identifier of the article (corpora without headlines have one)
    publisher: str = ""

    @property
    def source(self) -> str:
        """The article as a reader names it: headline (or publisher and identifier), date and URL; never an IRI."""
        name = self.headline or " ".join(x for x in (self.publisher, self.identifier) if x) or "untitled article"
        if self.published:
            name = f"{name} ({self.published[:10]})"
        return f"{name} <{self.url}>" if self.url else name


@dataclass
class Office:
    """One org:Membership: a person holding a role in an organisation."""

    iri: str
    person: str  # Person.key
    org: str
    role: str = ""
    term: str = ""
    status: str = ""  # Current | Elected | Former | ""
    as_of: str = ""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PartyData:
    """Organisations, people, offices, roles and terms of one graph."""

    orgs: dict[str, Org]
    persons: dict[str, Person]
    offices: list[Office]
    roles: dict[str, Role]
    terms: dict[str, Term]

    # -- helpers used by all views -------------------------------------------------
    def role(self, iri: str) -> Role:
        return self.roles.get(iri) or Role(iri, vi=local_name(iri), en=local_name(iri).replace("-", " "))

    def term_of(self, office: Office) -> Term | None:
        """The office's term, or the graph's term whose years contain its date."""
        if office.term:
            return self.terms.get(office.term) or Term(office.term)
        year = _year(office.as_of)
        if year is None:
            return None
        best = None
        for term in self.terms.values():
            if term.start is not None and term.end is not None and term.start <= year <= term.end:
                # Prefer the later term at a boundary year: congresses elect the new committee then.
                if best is None or term.start > best.start:
                    best = term
        return best

    def children(self) -> dict[str, list[str]]:
        """Parent IRI -> child IRIs over org:unitOf and org:subOrganizationOf."""
        out: dict[str, list[str]] = defaultdict(list)
        for org in self.orgs.values():
            for parent, _kind in org.parents:
                if parent in self.orgs and parent != org.iri:
                    out[parent].append(org.iri)
        return out

    def find_orgs(self, query: str) -> list[str]:
        """Organisations whose IRI equals `query` or whose label contains it (folded)."""
        if query in self.orgs:
            return [query]
        q = fold(query)
        exact = [o.iri for o in self.orgs.values() if fold(o.label) == q]
        if exact:
            return exact
        return sorted(o.iri for o in self.orgs.values() if q and q in fold(o.label))

    def select(self, root: str | None = None, depth: int | None = None,
               province: str | None = None, term: str | None = None,
               at: date | None = None, kinds: list[str] | None = None) -> "PartyData":
        """A copy restricted to the analyst's filters.

        root: a unit (label substring or IRI); keeps it and the units below it
        (children by unitOf/subOrganizationOf), at most `depth` levels down.
        province: keeps units whose pg:province (or label) names it.
        term: '2020-2025' keeps offices of that term (given or inferred from the date).
        at: keeps offices held on that date: a known term containing the year and not
        reported 'former' by then; without a term, reported current/elected that year.
        kinds: keeps bodies of these kinds (keys of data/body_kinds.yaml: party, state, army, …).
        """
        orgs = dict(self.orgs)
        if root:
            matches = self.find_orgs(root)
            if not matches:
                raise PartygraphError(f"--root {root!r}: no unit has that IRI or a label containing it")
            keep = self._below(matches, depth)
            orgs = {iri: o for iri, o in orgs.items() if iri in keep}
        elif depth is not None:
            tops = [iri for iri, o in orgs.items() if not any(p in orgs for p, _ in o.parents)]
            keep = self._below(tops, depth)
            orgs = {iri: o for iri, o in orgs.items() if iri in keep}
        if province:
            p = fold(province)

            def in_province(o) -> bool:
                return bool((o.province and p in fold(o.province)) or (not o.province and p in fold(o.label)))

            if not any(map(in_province, self.orgs.values())) and not _known_province(p):
                raise PartygraphError(f"--province {province!r}: unknown province (no province of Vietnam, "
                                      "before or after 2025, and no unit in the graph is named so)")
            orgs = {iri: o for iri, o in orgs.items() if in_province(o)}
        if kinds:
            known = [k["key"] for k in body_kinds()]
            unknown = sorted(set(kinds) - set(known))
            if unknown:
                raise PartygraphError(f"--kind {','.join(unknown)}: unknown kind of body; "
                                      f"choose from {','.join(known)}")
            orgs = {iri: o for iri, o in orgs.items() if body_kind(o) in kinds}
        offices = [m for m in self.offices if m.org in orgs]
        if term:
            want = _parse_term(term)
            offices = [m for m in offices if (t := self.term_of(m)) is not None and (t.start, t.end) == want]
        if at:
            offices = [m for m in offices if self._held_at(m, at)]
        persons = {m.person: self.persons[m.person] for m in offices if m.person in self.persons}
        return PartyData(orgs, persons, offices, self.roles, self.terms)

    def _below(self, roots: list[str], depth: int | None) -> set[str]:
        kids = self.children()
        keep: set[str] = set()
        frontier = list(roots)
        level = 0
        while frontier:
            nxt = []
            for iri in frontier:
                if iri in keep:
                    continue
                keep.add(iri)
                if depth is None or level < depth:
                    nxt.extend(kids.get(iri, ()))
            frontier = nxt
            level += 1
        return keep

    def _held_at(self, office: Office, at: date) -> bool:
        reported = _date(office.as_of)
        if office.status == "Former" and reported is not None and reported <= at:
            return False
        term = self.terms.get(office.term) if office.term else None
        if term and term.start is not None and term.end is not None:
            return term.start <= at.year <= term.end
        return office.status in ("Current", "Elected", "") and reported is not None and reported.year == at.year

    def concurrent_offices(self) -> dict[str, list[Office]]:
        """People holding two or more different offices at once.

        'At once' means reported in the same article or held in the same term;
        offices reported as former are left out. Returns person key -> offices.
        """
        out: dict[str, list[Office]] = {}
        by_person: dict[str, list[Office]] = defaultdict(list)
        for m in self.offices:
            if m.status != "Former":
                by_person[m.person].append(m)
        for person, offices in by_person.items():
            groups: dict[tuple, dict[tuple, Office]] = defaultdict(dict)
            for m in offices:
                slot = (m.org, m.role)
                for ev in m.evidence:
                    if ev.article:
                        groups[("article", ev.article)].setdefault(slot, m)
                term = self.term_of(m)
                if term is not None:
                    groups[("term", term.iri)].setdefault(slot, m)
            best: dict[tuple, Office] = {}
            for group in groups.values():
                if len(group) >= 2 and len(group) > len(best):
                    best = group
            if best:
                out[person] = list(best.values())
        return out


def _year(text: str) -> int | None:
    m = re.match(r"(\d{4})", text or "")
    return int(m.group(1)) if m else None


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def _parse_term(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*", text)
    if not m:
        raise PartygraphError(f"--term {text!r}: expected two years such as 2020-2025")
    return int(m.group(1)), int(m.group(2))


# --- loading ------------------------------------------------------------------------

_Q_ORGS = """
SELECT ?o ?type ?label ?level ?province WHERE {
  ?o a ?type .
  FILTER(?type IN (org:Organization, org:FormalOrganization, org:OrganizationalUnit,
                   pg:PartyOrganization, pg:Committee, pg:StateBody, pg:MassOrganization,
                   pg:Enterprise, pg:MediaOrganization, pg:OtherOrganization, pg:AdministrativeUnit))
  OPTIONAL { ?o skos:prefLabel ?label }
  OPTIONAL { ?o pg:level ?level }
  OPTIONAL { ?o pg:province ?province }
}"""

_Q_HIER = """
SELECT ?child ?parent ?kind WHERE {
  { ?child org:unitOf ?parent BIND("unitOf" AS ?kind) }
  UNION
  { ?child org:subOrganizationOf ?parent BIND("subOrganizationOf" AS ?kind) }
}"""

_Q_PERSONS = """
SELECT ?p ?name WHERE { ?p a foaf:Person . OPTIONAL { ?p foaf:name ?name } }"""

_Q_SAME = """
SELECT ?a ?b WHERE { ?a owl:sameAs ?b . { ?a a foaf:Person } UNION { ?b a foaf:Person } }"""

_Q_OFFICES = """
SELECT ?m ?p ?o ?r ?t ?status ?asOf ?ev ?src WHERE {
  ?m org:member ?p ; org:organization ?o .
  OPTIONAL { ?m org:role ?r }
  OPTIONAL { ?m org:memberDuring ?t }
  OPTIONAL { ?m pg:status ?status }
  OPTIONAL { ?m pg:asOf ?asOf }
  OPTIONAL { ?m pg:evidence ?ev }
  OPTIONAL { ?m prov:wasDerivedFrom ?src }
}"""

_Q_ROLES = """
SELECT ?r ?label ?broader WHERE {
  ?r a skos:Concept .
  OPTIONAL { ?r skos:prefLabel ?label }
  OPTIONAL { ?r skos:broader ?broader }
}"""

_Q_TERMS = """
SELECT ?t ?label ?s ?e WHERE {
  ?t a pg:Term .
  OPTIONAL { ?t rdfs:label ?label }
  OPTIONAL { ?t pg:startYear ?s }
  OPTIONAL { ?t pg:endYear ?e }
}"""

# Sentences cited as evidence. Two simple queries: one UNION of both patterns
# made Oxigraph take a minute on the corpus graph instead of a fifth of a second.
_Q_EVIDENCE = """
SELECT DISTINCT ?s ?text ?a WHERE {
  ?m pg:evidence ?s .
  OPTIONAL { ?s pg:text ?text }
  OPTIONAL { ?s schema:isPartOf ?a }
}"""

_Q_DERIVED_SENTENCES = """
SELECT DISTINCT ?s ?text ?a WHERE {
  ?m org:member ?p ; prov:wasDerivedFrom ?s .
  ?s a pg:Sentence .
  OPTIONAL { ?s pg:text ?text }
  OPTIONAL { ?s schema:isPartOf ?a }
}"""

_Q_ARTICLES = """
SELECT ?a ?headline ?url ?date ?id ?publisher WHERE {
  ?a a schema:NewsArticle .
  OPTIONAL { ?a schema:headline ?headline }
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:datePublished ?date }
  OPTIONAL { ?a schema:identifier ?id }
  OPTIONAL { ?a schema:publisher ?publisher }
}"""


# Evidence field <- variable of _Q_ARTICLES.
_ARTICLE_FIELDS = (("headline", "headline"), ("url", "url"), ("published", "date"),
                   ("identifier", "id"), ("publisher", "publisher"))


def load(source: Source) -> PartyData:
    """Read organisations, people, offices, roles and terms from a graph."""
    orgs: dict[str, Org] = {}
    for row in source.select(_Q_ORGS):
        org = orgs.setdefault(row["o"].value, Org(row["o"].value))
        if row["type"].value.startswith(PG):
            org.types.add(local_name(row["type"].value))
        if "label" in row and (not org.label or row["label"].lang == "vi"):
            org.label = row["label"].value
        if "level" in row:
            org.level = local_name(row["level"].value)
        if "province" in row:
            org.province = row["province"].value
    for row in source.select(_Q_HIER):
        child, parent = row["child"].value, row["parent"].value
        for iri in (child, parent):
            orgs.setdefault(iri, Org(iri))
        pair = (parent, row["kind"].value)
        if pair not in orgs[child].parents:
            orgs[child].parents.append(pair)
    for org in orgs.values():
        org.parents.sort()
        if not org.label:
            org.label = local_name(org.iri)

    roles = _load_roles(source)
    terms: dict[str, Term] = {}
    for row in source.select(_Q_TERMS):
        t = terms.setdefault(row["t"].value, Term(row["t"].value))
        if "label" in row and (not t.label or row["label"].lang == "vi"):
            t.label = row["label"].value
        t.start = as_int(row.get("s")) if t.start is None else t.start
        t.end = as_int(row.get("e")) if t.end is None else t.end

    persons, key_of = _load_persons(source)

    articles: dict[str, Evidence] = {}
    for row in source.select(_Q_ARTICLES):
        a = row["a"].value
        articles[a] = Evidence(article=a, **{field: row[var].value for field, var in _ARTICLE_FIELDS if var in row})
    sentences: dict[str, Evidence] = {}
    for row in source.select(_Q_EVIDENCE) + source.select(_Q_DERIVED_SENTENCES):
        s = row["s"].value
        art = row["a"].value if "a" in row else ""
        sentences[s] = replace(articles.get(art, Evidence(article=art)), article=art, sentence=s,
                               text=row["text"].value if "text" in row else "")

    offices: dict[str, Office] = {}
    for row in source.select(_Q_OFFICES):
        m = row["m"].value
        p = row["p"].value
        o = row["o"].value
        if p not in key_of:  # a member not typed foaf:Person still counts
            name = local_name(p)
            key_of[p] = p
            persons[p] = Person(p, name, [p])
        orgs.setdefault(o, Org(o, label=local_name(o)))
        off = offices.get(m)
        if off is None:
            off = offices[m] = Office(m, key_of[p], o)
        if "r" in row:
            off.role = off.role or row["r"].value
        if "t" in row:
            off.term = off.term or row["t"].value
            if off.term not in terms:
                terms[off.term] = _term_from_iri(off.term)
        if "status" in row:
            off.status = off.status or local_name(row["status"].value)
        if "asOf" in row:
            off.as_of = off.as_of or row["asOf"].value
        for var in ("ev", "src"):
            if var in row:
                iri = row[var].value
                ev = sentences.get(iri)
                if ev is None:
                    ev = articles.get(iri)
                if ev is not None and ev not in off.evidence:
                    off.evidence.append(ev)
    for off in offices.values():
        # A bare article adds nothing when a sentence of it is cited; sentences first.
        cited = {e.article for e in off.evidence if e.sentence}
        off.evidence = sorted((e for e in off.evidence if e.sentence or e.article not in cited),
                              key=lambda e: (not e.sentence, e.article, e.sentence))
    return PartyData(orgs, persons, sorted(offices.values(), key=lambda m: m.iri), roles, terms)


def _term_from_iri(iri: str) -> Term:
    m = re.search(r"(\d{4})-(\d{4})$", iri)
    if m:
        return Term(iri, f"nhiệm kỳ {m.group(1)}–{m.group(2)}", int(m.group(1)), int(m.group(2)))
    return Term(iri)


def _load_roles(source: Source) -> dict[str, Role]:
    roles: dict[str, Role] = {}
    rows = source.select(_Q_ROLES)
    if not any(r["r"].value.startswith(PGROLE_BASE) for r in rows):
        # The graph was built without the role scheme: read the one shipped with the package.
        rows = rows + _packaged_roles()
    for row in rows:
        role = roles.setdefault(row["r"].value, Role(row["r"].value))
        if "label" in row:
            lab = row["label"]
            if lab.lang == "en":
                role.en = role.en or lab.value
            elif lab.lang in ("vi", ""):
                role.vi = role.vi or lab.value
        if "broader" in row:
            role.broader = role.broader or row["broader"].value
    return roles


def _packaged_roles():
    try:
        text = resources.files("partygraph").joinpath("ontology/roles.ttl").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return []
    import pyoxigraph as ox

    store = ox.Store()
    store.load(text, format=ox.RdfFormat.TURTLE)
    return Source.from_pyoxigraph(store, "roles.ttl").select(_Q_ROLES)


def _load_persons(source: Source) -> tuple[dict[str, Person], dict[str, str]]:
    """Merge mention-level person nodes into people.

    The resolver links mentions to a canonical node with owl:sameAs; when the
    graph has no such links at all (no resolver ran), mentions with the same
    name are taken to be one person, which is what an analyst expects within
    the party news of one province.
    """
    names: dict[str, str] = {}
    for row in source.select(_Q_PERSONS):
        p = row["p"].value
        if "name" in row and (p not in names or len(row["name"].value) > len(names[p])):
            names[p] = unicodedata.normalize("NFC", row["name"].value)
        names.setdefault(p, "")
    parent: dict[str, str] = {p: p for p in names}
    targets: set[str] = set()

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    same = source.select(_Q_SAME)
    for row in same:
        a, b = row["a"].value, row["b"].value
        for x in (a, b):
            if x not in parent:
                parent[x] = x
                names.setdefault(x, "")
        targets.add(b)
        union(a, b)
    if not same:
        by_name: dict[str, str] = {}
        for p, name in sorted(names.items()):
            if name:
                first = by_name.setdefault(fold(name), p)
                union(first, p)
    groups: dict[str, list[str]] = defaultdict(list)
    for p in sorted(parent):
        groups[find(p)].append(p)
    persons: dict[str, Person] = {}
    key_of: dict[str, str] = {}
    for members in groups.values():
        # The canonical node (a sameAs target) names the person; else the first mention.
        canon = sorted(members, key=lambda x: (x not in targets, not names.get(x), x))[0]
        name = names.get(canon) or next((names[m] for m in members if names.get(m)), local_name(canon))
        persons[canon] = Person(canon, name, members)
        for m in members:
            key_of[m] = canon
    return persons, key_of
