"""Graph files: which suffix is which RDF format, and converting terms between rdflib and pyoxigraph.

`FORMATS` is the one table of file formats: `build` writes by it, `load`,
`query --data`, `viz` and `validate` read by it. `--format NAME` names a
format by its suffix without the dot (`ttl`, `nq`, `jsonld`) or by a long
name (`turtle`, `n-quads`…), and `-` is standard input or output wherever a
graph file is read or written (`open_output`, `read_bytes`).
"""

from __future__ import annotations

import contextlib
import sys
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


#: `--format` long names → suffix.
ALIASES = {"turtle": ".ttl", "ntriples": ".nt", "n-triples": ".nt", "nquads": ".nq", "n-quads": ".nq",
           "json-ld": ".jsonld", "rdfxml": ".rdf", "rdf+xml": ".rdf", "xml": ".rdf"}
#: What `-` means as a file name: standard input or output.
STDIO = "-"


def named_format(name: str, allowed=None) -> Format | None:
    """The format `--format NAME` names (`ttl`, `.ttl`, `turtle` …), among `allowed` suffixes when given."""
    name = name.lower()
    suffix = ALIASES.get(name) or (name if name.startswith(".") else "." + name)
    if allowed is not None and suffix not in allowed:
        return None
    return FORMATS.get(suffix)


def choose_format(path, name: str | None, allowed, default: str = ".ttl") -> Format:
    """The format of a file read or written: `--format` when given, else the suffix (`default` for `-`).

    Raises `PartygraphError` naming the file and the formats it could be.
    """
    from partygraph.errors import PartygraphError

    known = ", ".join(s.lstrip(".") for s in allowed)
    if name:
        fmt = named_format(name, allowed)
        if fmt is None:
            raise PartygraphError(f"--format {name}: not one of {known}")
        return fmt
    fmt = named_format(default, allowed) if str(path) == STDIO else format_of(path, allowed)
    if fmt is None:
        raise PartygraphError(f"{path}: unknown graph format '{Path(path).suffix}' "
                              f"(use one of {known}, or give --format)")
    return fmt


@contextlib.contextmanager
def open_output(path, mode: str = "wb"):
    """A file to write: standard output for `-`, else a temporary file renamed over `path` on success."""
    if str(path) == STDIO:
        stream = sys.stdout.buffer if "b" in mode else sys.stdout
        yield stream
        stream.flush()
        return
    from partygraph.atomic import atomic_write

    with atomic_write(path, mode) as fh:
        yield fh


def read_bytes(path) -> bytes:
    """The bytes of a file, or of standard input for `-`."""
    if str(path) == STDIO:
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


def serialize(triples, fmt: Format, fh) -> None:
    """Write pyoxigraph triples (or quads, for N-Quads/TriG) to a binary file in `fmt`.

    Turtle and TriG are written readable (`rdf.turtle`: prefixes, one block
    per subject, each triple once); the other formats by pyoxigraph.
    """
    from partygraph.rdf.turtle import trig, turtle

    if fmt.ox == ox.RdfFormat.TURTLE:
        fh.write(turtle(triples).encode("utf-8"))
    elif fmt.ox == ox.RdfFormat.TRIG:
        fh.write(trig(triples).encode("utf-8"))
    else:
        ox.serialize(triples, fh, format=fmt.ox)


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
