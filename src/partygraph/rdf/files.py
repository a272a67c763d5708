"""Graph files: which suffix is which RDF format, and converting terms between rdflib and pyoxigraph.

`FORMATS` is the one table of file formats: `build` writes by it, `load`,
`query --data`, `viz` and `validate` read by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox


@dataclass(frozen=True)
class Format:
    """One RDF file format: its rdflib plugin name, its pyoxigraph format and its name for people."""

    rdflib: str
    ox: ox.RdfFormat
    name: str
    #: True when `load` takes a file with this suffix for a graph (not an article) without looking.
    graph_only: bool = True

    @property
    def media_type(self) -> str:
        return self.ox.media_type

    @property
    def quads(self) -> bool:
        """True for formats with named graphs (N-Quads, TriG)."""
        return self.rdflib in ("nquads", "trig")


_TURTLE = Format("turtle", ox.RdfFormat.TURTLE, "Turtle")
_JSON_LD = Format("json-ld", ox.RdfFormat.JSON_LD, "JSON-LD")
_RDF_XML = Format("xml", ox.RdfFormat.RDF_XML, "RDF/XML")

#: File suffix → format.
FORMATS: dict[str, Format] = {
    ".ttl": _TURTLE,
    ".turtle": _TURTLE,
    ".nt": Format("nt", ox.RdfFormat.N_TRIPLES, "N-Triples"),
    ".nq": Format("nquads", ox.RdfFormat.N_QUADS, "N-Quads"),
    ".trig": Format("trig", ox.RdfFormat.TRIG, "TriG"),
    ".jsonld": _JSON_LD,
    ".json": Format("json-ld", ox.RdfFormat.JSON_LD, "JSON-LD", graph_only=False),
    ".rdf": _RDF_XML,
    ".owl": _RDF_XML,
    ".xml": Format("xml", ox.RdfFormat.RDF_XML, "RDF/XML", graph_only=False),
    ".n3": Format("n3", ox.RdfFormat.N3, "N3"),
}

#: Suffixes `build` writes (rdflib can serialise them; pyoxigraph writes Turtle and N-Triples).
WRITABLE = (".ttl", ".nt", ".jsonld", ".json", ".nq", ".trig", ".rdf", ".xml")
#: Suffixes `validate` reads.
VALIDATABLE = (".ttl", ".turtle", ".nt", ".jsonld", ".json", ".nq", ".trig")


def format_of(path, allowed=None) -> Format | None:
    """The format `path`'s suffix names (among `allowed` suffixes when given), or None."""
    suffix = Path(path).suffix.lower()
    if allowed is not None and suffix not in allowed:
        return None
    return FORMATS.get(suffix)


def is_graph_file(path) -> bool:
    """True when `path` names an RDF file `load` reads as a graph."""
    fmt = format_of(path)
    return fmt is not None and fmt.graph_only


def to_ox(term):
    """The pyoxigraph term with the same meaning as an rdflib term (None stays None)."""
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


def to_ox_triple(triple) -> ox.Triple:
    """An rdflib (s, p, o) as a pyoxigraph Triple."""
    s, p, o = triple
    return ox.Triple(to_ox(s), to_ox(p), to_ox(o))
