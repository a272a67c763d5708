"""The namespaces partygraph writes and reads, each defined once.

`PG` is closed: its terms are the ones `ontology/partygraph.ttl` declares,
read from that file, so `PG.noSuchTerm` raises instead of minting a term
nobody documented. The identifier namespaces (`PGID`, `PGROLE`) are open:
their names are minted by `partygraph.iris`.

Modules that work with rdflib use the `Namespace` objects; modules that work
with pyoxigraph or SPARQL text use the `*_BASE` strings, `pg()` and
`sparql_prefixes()`.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, ClosedNamespace

ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "partygraph.ttl"

PG_BASE = "https://w3id.org/partygraph/ontology#"
PGID_BASE = "https://w3id.org/partygraph/id/"
PGROLE_BASE = "https://w3id.org/partygraph/role/"
SDO_BASE = "https://schema.org/"
TIME_BASE = "http://www.w3.org/2006/time#"
ORG_BASE, FOAF_BASE, PROV_BASE = str(ORG), str(FOAF), str(PROV)
SKOS_BASE, RDFS_BASE, RDF_BASE = str(SKOS), str(RDFS), str(RDF)
OWL_BASE, XSD_BASE = str(OWL), str(XSD)
RDF_TYPE = RDF_BASE + "type"


def ontology_terms(path: Path = ONTOLOGY_FILE) -> list[str]:
    """Local names of the `pg:` terms `path` declares (`pg:Name` at the start of a line)."""
    text = path.read_text(encoding="utf-8")
    return sorted(set(re.findall(r"^pg:([A-Za-z_][\w-]*)", text, re.M)))


PG = ClosedNamespace(PG_BASE, ontology_terms())
PGID = Namespace(PGID_BASE)
PGROLE = Namespace(PGROLE_BASE)
SDO = Namespace(SDO_BASE)
TIME = Namespace(TIME_BASE)

#: Prefix → namespace, for graph files (Turtle, JSON-LD) and rdflib graphs.
PREFIXES = {"pg": PG_BASE, "pgid": PGID_BASE, "pgrole": PGROLE_BASE, "schema": SDO_BASE, "time": TIME_BASE,
            "org": ORG_BASE, "foaf": FOAF_BASE, "prov": PROV_BASE, "skos": SKOS_BASE, "rdfs": RDFS_BASE,
            "owl": OWL_BASE, "xsd": XSD_BASE}
#: Per-kind prefixes for minted IRIs (`pgid:{kind}/…`), so that written Turtle reads `pgp:nguyen-van-a-…`
#: instead of `pgid:person\/nguyen-van-a-…` (a `/` in a prefixed name must be escaped). Also accepted
#: as query parameter values.
KIND_PREFIXES = {"pga": PGID_BASE + "article/", "pgp": PGID_BASE + "person/", "pgo": PGID_BASE + "org/",
                 "pgm": PGID_BASE + "membership/", "pgc": PGID_BASE + "congress/", "pge": PGID_BASE + "event/",
                 "pgt": PGID_BASE + "term/", "pgy": PGID_BASE + "year/", "pgh": PGID_BASE + "holding/",
                 "pgg": PGID_BASE + "graph/"}
#: The prefixes written Turtle and TriG may use (`rdf.turtle` declares those a file uses).
TURTLE_PREFIXES = {**PREFIXES, "rdf": RDF_BASE, **KIND_PREFIXES}
#: The prefixes query parameters accept and result tables shorten IRIs with, in that order.
QUERY_PREFIXES = {k: PREFIXES[k] for k in ("pg", "pgid", "pgrole", "org", "foaf", "skos", "rdfs", "prov",
                                          "time", "schema", "xsd")}


def pg(name: str) -> str:
    """The full IRI of `pg:name`; raises when the ontology does not declare it."""
    return str(PG[name])


def sparql_prefixes(*names: str) -> str:
    """`PREFIX` lines for `names` (every known prefix, and `rdf:`, when none are given)."""
    table = dict(PREFIXES, rdf=RDF_BASE)
    return "".join(f"PREFIX {n}: <{table[n]}>\n" for n in (names or table))
