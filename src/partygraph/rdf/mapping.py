"""Map an Extraction to RDF triples, per ontology/MODEL.md.

Only this module mints an article's triples; their IRIs come from
`partygraph.iris`, which derives them from canonical parts, so the same
input always gives the same graph, and organisations, terms and roles named
the same way in different articles meet on the same node. How triples of
several articles about the same shared node are merged is `rdf.merge`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

from partygraph.extract import Change, Congress, Evidence, Extraction, Office, Org
from partygraph.iris import (article_iri, congress_iri, event_iri, is_shared, membership_iri, person_iri, role_iri,
                             sentence_iri, term_iri, year_iri)
from partygraph.iris import org_iri as _org_iri
from partygraph.lexicon import generic_key, lexicon
from partygraph.namespaces import ONTOLOGY_DIR, PG, PREFIXES, SDO, TIME
from partygraph.vocab import ChangeKind, Level, OrgKind, Status

KIND_CLASS = {OrgKind.PARTY: PG.PartyOrganization, OrgKind.EXECUTIVE: PG.Committee, OrgKind.COMMITTEE: PG.Committee,
              OrgKind.STATE: PG.StateBody, OrgKind.MASS: PG.MassOrganization, OrgKind.MEDIA: PG.MediaOrganization,
              OrgKind.ENTERPRISE: PG.Enterprise, OrgKind.OTHER: PG.OtherOrganization,
              OrgKind.ADMINISTRATIVE: PG.AdministrativeUnit}
LEVEL = {Level.CENTRAL: PG.CentralLevel, Level.PROVINCIAL: PG.ProvincialLevel, Level.DISTRICT: PG.DistrictLevel,
         Level.GRASSROOTS: PG.GrassrootsLevel, Level.BRANCH: PG.BranchLevel}
STATUS = {Status.CURRENT: PG.Current, Status.ELECTED: PG.Elected, Status.FORMER: PG.Former}
CHANGE = {ChangeKind.MERGER: PG.Merger, ChangeKind.FOUNDING: PG.Founding, ChangeKind.DISSOLUTION: PG.Dissolution,
          ChangeKind.SPLIT: PG.Split}
#: Kinds of organisation that are units of another (`org:unitOf`, also `org:OrganizationalUnit`).
UNIT_KINDS = (OrgKind.EXECUTIVE, OrgKind.COMMITTEE)

Triple = tuple[URIRef | BNode, URIRef, URIRef | Literal | BNode]


def org_iri(org: Org, article_id: str) -> URIRef:
    """The organisation's IRI; a name many units have (`org_name.generic_names`) is the article's own, and
    so is its committee ("Ban Chấp hành Đảng bộ Cơ quan")."""
    generic = lexicon().generic_names
    relative = generic_key(org.label) in generic or org.parent is not None and generic_key(org.parent.label) in generic
    return _org_iri(org, article_id, relative=relative)


@dataclass(frozen=True, slots=True)
class ArticleTriples:
    """One article's triples, in mapping order without repeats, and the article they belong to.

    A triple about a shared node (`partygraph.iris.is_shared`: organisations,
    congresses, terms, years, roles) belongs to every article; any other
    triple belongs to `article` alone. `article` is None for the role scheme.
    """

    article: URIRef | None
    triples: tuple[Triple, ...]

    def own(self) -> Iterator[Triple]:
        """The triples only this article states (its named graph in a store)."""
        return (t for t in self.triples if not is_shared(t[0]))


class Mapper:
    """Triples for one Extraction."""

    def __init__(self, x: Extraction):
        self.x = x
        self.aid = x.article.id
        self.article = article_iri(self.aid)

    def sentence(self, ev: Evidence) -> Iterator[Triple]:
        s = self.sentence_iri(ev)
        yield s, RDF.type, PG.Sentence
        yield s, PG.text, Literal(ev.text)
        yield s, PG.start, Literal(ev.start, datatype=XSD.integer)
        yield s, PG.end, Literal(ev.end, datatype=XSD.integer)
        yield s, SDO.isPartOf, self.article

    def sentence_iri(self, ev: Evidence) -> URIRef:
        return sentence_iri(self.aid, ev.start, ev.end)

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
            yield p, RDFS.label, Literal(name)  # what generic RDF tools show as the node's name
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
        if org.kind in UNIT_KINDS:
            yield o, RDF.type, ORG.OrganizationalUnit
        yield o, SKOS.prefLabel, Literal(org.label, lang="vi")
        yield o, RDFS.label, Literal(org.label, lang="vi")
        for alt in sorted(set(alts) - {org.label}):
            yield o, SKOS.altLabel, Literal(alt, lang="vi")
        if org.level in LEVEL:
            yield o, PG.level, LEVEL[org.level]
        if org.province:
            yield o, PG.province, Literal(org.province)
        yield o, PROV.wasDerivedFrom, self.article
        if org.parent is not None and not org.parent.bare:
            parent = org_iri(org.parent, self.aid)
            if org.kind in UNIT_KINDS:
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
            y = year_iri(year)
            yield t, prop, y
            yield y, RDF.type, TIME.Instant
            yield y, TIME.inXSDgYear, Literal(str(year), datatype=XSD.gYear)

    def office(self, o: Office) -> Iterator[Triple]:
        m = membership_iri(self.aid, o.person, org_iri(o.org, self.aid), o.role.id, o.status)
        yield m, RDF.type, ORG.Membership
        yield m, ORG.member, person_iri(self.aid, o.person)
        yield m, ORG.organization, org_iri(o.org, self.aid)
        yield m, ORG.role, role_iri(o.role.id)
        yield m, PG.status, STATUS[o.status]
        if self.x.date:
            yield m, PG.asOf, Literal(self.x.date.isoformat(), datatype=XSD.date)
        if o.term:
            yield m, ORG.memberDuring, term_iri(o.term)
            yield from self.term(o.term)
        yield from self.provenance(m, o.evidence)

    def congress(self, c: Congress) -> Iterator[Triple]:
        org = org_iri(c.org, self.aid)
        node = congress_iri(org, c.ordinal)
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
        e = event_iri(self.aid, ch.kind, originals, results)
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


def article_triples(x: Extraction) -> ArticleTriples:
    """The triples of one article's extraction, each once, with the article they belong to."""
    return ArticleTriples(article_iri(x.article.id), tuple(dict.fromkeys(triples(x))))


def role_scheme() -> Graph:
    """The SKOS role scheme (ontology/roles.ttl) as a graph."""
    g = Graph()
    g.parse(ONTOLOGY_DIR / "roles.ttl", format="turtle")
    return g


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g
