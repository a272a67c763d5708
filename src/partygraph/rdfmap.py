"""Map an Extraction to RDF triples, per ontology/MODEL.md.

Only this module mints triples. IRIs are derived from canonical parts, so
the same input always gives the same graph, and organisations, terms and
roles named the same way in different articles meet on the same node.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from partygraph.extract import Change, Congress, Evidence, Extraction, Office, Org
from partygraph.lexicon import ONTOLOGY

PG = Namespace("https://w3id.org/partygraph/ontology#")
PGID = Namespace("https://w3id.org/partygraph/id/")
PGROLE = Namespace("https://w3id.org/partygraph/role/")
SDO = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")

PREFIXES = {"pg": PG, "pgid": PGID, "pgrole": PGROLE, "schema": SDO, "time": TIME, "org": ORG, "foaf": FOAF,
            "prov": PROV, "skos": SKOS, "rdfs": RDFS, "owl": OWL, "xsd": XSD}

KIND_CLASS = {"party": PG.PartyOrganization, "executive": PG.Committee, "committee": PG.Committee,
              "state": PG.StateBody, "mass": PG.MassOrganization, "media": PG.MediaOrganization,
              "enterprise": PG.Enterprise, "other": PG.OtherOrganization}
LEVEL = {"central": PG.CentralLevel, "provincial": PG.ProvincialLevel, "district": PG.DistrictLevel,
         "grassroots": PG.GrassrootsLevel, "branch": PG.BranchLevel}
STATUS = {"current": PG.Current, "elected": PG.Elected, "former": PG.Former}
CHANGE = {"merger": PG.Merger, "founding": PG.Founding, "dissolution": PG.Dissolution, "split": PG.Split}

Triple = tuple[URIRef | BNode, URIRef, URIRef | Literal | BNode]


def slug(text: str) -> str:
    """ASCII slug of a label: diacritics dropped, 'đ' → 'd', lower case, '-' between words."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def h(*parts: object) -> str:
    """First 12 hex digits of SHA-1 over the parts joined by '|'."""
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


def article_iri(article_id: str) -> URIRef:
    return PGID[f"article/{article_id}"]


def person_iri(article_id: str, name: str) -> URIRef:
    return PGID[f"person/{slug(name)}-{h(article_id, name.lower())}"]


def org_iri(org: Org, article_id: str) -> URIRef:
    """Organisations meet across articles by canonical label; a district or commune also by its
    province (district names repeat across provinces); a name relative to the article stays in it."""
    base = slug(org.label)
    if org.scoped:
        return PGID[f"org/{base}-{h(article_id)}"]
    if org.level in ("district", "grassroots", "branch") and org.province and slug(org.province) not in base:
        return PGID[f"org/{base}--{slug(org.province)}"]
    return PGID[f"org/{base}"]


def term_iri(term: tuple[int, int]) -> URIRef:
    return PGID[f"term/{term[0]}-{term[1]}"]


class Mapper:
    """Triples for one Extraction."""

    def __init__(self, x: Extraction):
        self.x = x
        self.aid = x.article.id
        self.article = article_iri(self.aid)

    def sentence(self, ev: Evidence) -> Iterator[Triple]:
        s = PGID[f"article/{self.aid}/s{ev.start}-{ev.end}"]
        yield s, RDF.type, PG.Sentence
        yield s, PG.text, Literal(ev.text)
        yield s, PG.start, Literal(ev.start, datatype=XSD.integer)
        yield s, PG.end, Literal(ev.end, datatype=XSD.integer)
        yield s, SDO.isPartOf, self.article

    def sentence_iri(self, ev: Evidence) -> URIRef:
        return PGID[f"article/{self.aid}/s{ev.start}-{ev.end}"]

    def provenance(self, node, ev: Evidence) -> Iterator[Triple]:
        yield from self.sentence(ev)
        yield node, PROV.wasDerivedFrom, self.article
        yield node, PROV.wasDerivedFrom, self.sentence_iri(ev)
        yield node, PG.evidence, self.sentence_iri(ev)

    def triples(self) -> Iterator[Triple]:
        x, a = self.x, self.article
        yield a, RDF.type, SDO.NewsArticle
        yield a, RDF.type, PROV.Entity
        yield a, SDO.identifier, Literal(self.aid)
        if x.article.title:
            yield a, SDO.headline, Literal(x.article.title)
        if x.date:
            yield a, SDO.datePublished, Literal(x.date.isoformat(), datatype=XSD.date)
        if x.article.url and re.match(r"https?://\S+$", x.article.url):
            yield a, SDO.url, URIRef(x.article.url)
        if x.article.publisher:
            yield a, SDO.publisher, Literal(x.article.publisher)
        if x.province:
            yield a, PG.province, Literal(x.province)
        for name, ev in x.persons.items():
            p = person_iri(self.aid, name)
            yield p, RDF.type, FOAF.Person
            yield p, FOAF.name, Literal(name)
            yield from self.provenance(p, ev)
        for key, org in x.orgs.items():
            yield from self.org(org, x.alt_labels.get(key, ()), x.org_evidence[key])
        for child, parent in sorted(x.stated_parents):
            c, p = x.orgs.get(child), x.orgs.get(parent)
            if c is not None and p is not None:
                yield org_iri(c, self.aid), ORG.subOrganizationOf, org_iri(p, self.aid)
        for office in x.offices:
            yield from self.office(office)
        for congress in x.congresses:
            yield from self.congress(congress)
        for change in x.changes:
            yield from self.change(change)

    def org(self, org: Org, alts, ev: Evidence) -> Iterator[Triple]:
        o = org_iri(org, self.aid)
        yield o, RDF.type, ORG.Organization
        yield o, RDF.type, KIND_CLASS.get(org.kind, PG.OtherOrganization)
        if org.kind in ("executive", "committee"):
            yield o, RDF.type, ORG.OrganizationalUnit
        yield o, SKOS.prefLabel, Literal(org.label, lang="vi")
        for alt in sorted(set(alts) - {org.label}):
            yield o, SKOS.altLabel, Literal(alt, lang="vi")
        if org.level in LEVEL:
            yield o, PG.level, LEVEL[org.level]
        if org.province:
            yield o, PG.province, Literal(org.province)
        yield o, PROV.wasDerivedFrom, self.article
        if org.parent is not None and not org.parent.bare:
            parent = org_iri(org.parent, self.aid)
            if org.kind in ("executive", "committee"):
                yield o, ORG.unitOf, parent
            else:
                yield o, ORG.subOrganizationOf, parent

    def term(self, term: tuple[int, int]) -> Iterator[Triple]:
        t = term_iri(term)
        yield t, RDF.type, PG.Term
        yield t, RDF.type, TIME.Interval
        yield t, RDFS.label, Literal(f"nhiệm kỳ {term[0]}–{term[1]}", lang="vi")
        yield t, PG.startYear, Literal(term[0], datatype=XSD.integer)
        yield t, PG.endYear, Literal(term[1], datatype=XSD.integer)
        for prop, year in ((TIME.hasBeginning, term[0]), (TIME.hasEnd, term[1])):
            y = PGID[f"year/{year}"]
            yield t, prop, y
            yield y, RDF.type, TIME.Instant
            yield y, TIME.inXSDgYear, Literal(str(year), datatype=XSD.gYear)

    def office(self, o: Office) -> Iterator[Triple]:
        m = PGID[f"membership/{h(self.aid, o.person, org_iri(o.org, self.aid), o.role.id, o.status)}"]
        yield m, RDF.type, ORG.Membership
        yield m, ORG.member, person_iri(self.aid, o.person)
        yield m, ORG.organization, org_iri(o.org, self.aid)
        yield m, ORG.role, PGROLE[o.role.id]
        yield m, PG.status, STATUS[o.status]
        if self.x.date:
            yield m, PG.asOf, Literal(self.x.date.isoformat(), datatype=XSD.date)
        if o.term:
            yield m, ORG.memberDuring, term_iri(o.term)
            yield from self.term(o.term)
        yield from self.provenance(m, o.evidence)

    def congress(self, c: Congress) -> Iterator[Triple]:
        org = org_iri(c.org, self.aid)
        node = PGID[f"congress/{org.rsplit('/', 1)[-1]}-{c.ordinal}"]
        yield node, RDF.type, PG.Congress
        yield node, PG.heldBy, org
        yield node, PG.ordinal, Literal(c.ordinal, datatype=XSD.integer)
        yield node, RDFS.label, Literal(f"Đại hội {c.org.label} lần thứ {c.ordinal}", lang="vi")
        if c.term:
            yield node, PG.forTerm, term_iri(c.term)
            yield from self.term(c.term)
        if c.start:
            yield node, SDO.startDate, Literal(c.start.isoformat(), datatype=XSD.date)
        if c.end:
            yield node, SDO.endDate, Literal(c.end.isoformat(), datatype=XSD.date)
        for prop, value in ((PG.delegates, c.delegates), (PG.delegatesPresent, c.delegates_present),
                            (PG.committeeSize, c.committee_size), (PG.standingCommitteeSize, c.standing_size),
                            (PG.khoa, c.khoa)):
            if value is not None:
                yield node, prop, Literal(value, datatype=XSD.integer)
        yield from self.provenance(node, c.evidence)

    def change(self, ch: Change) -> Iterator[Triple]:
        originals = [org_iri(o, self.aid) for o in ch.originals]
        results = [org_iri(o, self.aid) for o in ch.results]
        e = PGID[f"event/{h(self.aid, ch.kind, *originals, '>', *results)}"]
        yield e, RDF.type, ORG.ChangeEvent
        yield e, PG.kind, CHANGE[ch.kind]
        for o in originals:
            yield e, ORG.originalOrganization, o
        for o in results:
            yield e, ORG.resultingOrganization, o
        yield from self.provenance(e, ch.evidence)


def triples(x: Extraction) -> Iterator[Triple]:
    """All triples for one article's extraction (duplicates possible; a graph is a set)."""
    return Mapper(x).triples()


def role_scheme() -> Graph:
    """The SKOS role scheme (ontology/roles.ttl) as a graph."""
    g = Graph()
    g.parse(ONTOLOGY / "roles.ttl", format="turtle")
    return g


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g
