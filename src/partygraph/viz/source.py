"""Where the views read from: a graph file, a pyoxigraph store folder, or an rdflib Graph.

Everything downstream only runs SPARQL SELECT queries through `Source.select`,
which returns rows of plain Python values, so the same code serves a small
Turtle file and a store holding the whole corpus. Queries run on the
backends of `partygraph.sparql`, the same ones `query` uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from partygraph.errors import InputError
from partygraph.namespaces import sparql_prefixes
from partygraph.rdf.files import format_of
from partygraph.sparql.backends import EmbeddedBackend, RdflibBackend

PREFIXES = "\n" + sparql_prefixes("pg", "org", "foaf", "skos", "rdfs", "rdf", "prov", "owl", "schema", "time", "xsd")
#: The graph files views read (the one table is `partygraph.rdf.files.FORMATS`).
_READABLE = (".ttl", ".turtle", ".nt", ".nq", ".trig", ".jsonld", ".json", ".rdf", ".owl")


@dataclass(frozen=True)
class Value:
    """One SPARQL result value: its lexical form and, for literals, the language tag."""

    value: str
    lang: str = ""
    is_iri: bool = False

    def __str__(self) -> str:  # pragma: no cover - convenience only
        return self.value


class Source:
    """A read-only graph the views query with SPARQL.

    Build one with `open_source(path)` or `Source.from_rdflib(graph)`.
    """

    def __init__(self, runner: Callable[[str], Iterator[dict[str, Value]]], name: str):
        self._runner = runner
        self.name = name

    def select(self, query: str) -> list[dict[str, Value]]:
        """Run a SELECT query (the common PREFIXes are added) and return its rows."""
        return list(self._runner(PREFIXES + query))

    @classmethod
    def from_backend(cls, backend, name: str) -> "Source":
        """Wrap a query backend of `partygraph.sparql` (the same ones `query` and `serve` use)."""
        import pyoxigraph as ox

        def run(query: str):
            res = backend.run(query)
            for row in res.rows:
                out = {}
                for var, term in zip(res.variables, row):
                    if term is None:
                        continue
                    if isinstance(term, ox.Literal):
                        out[var] = Value(term.value, term.language or "")
                    else:
                        out[var] = Value(term.value, "", isinstance(term, ox.NamedNode))
                yield out

        return cls(run, name)

    @classmethod
    def from_rdflib(cls, graph, name: str = "<graph>") -> "Source":
        """Wrap an in-memory rdflib Graph."""
        return cls.from_backend(RdflibBackend(graph), name)

    @classmethod
    def from_pyoxigraph(cls, store, name: str) -> "Source":
        """Wrap a pyoxigraph Store (in memory or opened from a folder); queries see the union of its graphs."""
        return cls.from_backend(EmbeddedBackend(store), name)


def open_source(path) -> Source:
    """Open a graph file (.ttl, .nt, .jsonld, …) or a pyoxigraph store folder read-only.

    Raises InputError naming the path when it is missing or cannot be parsed.
    """
    import pyoxigraph as ox

    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file or store folder")
    if path.is_dir():
        from partygraph.store.local import open_store

        try:
            store = open_store(path, read_only=True)
        except (OSError, ValueError) as exc:
            raise InputError(path, f"not a readable store ({_first_line(exc)})") from None
        return Source.from_pyoxigraph(store, str(path))
    suffix = path.suffix.lower()
    if suffix == ".gz":
        raise InputError(path, "compressed graphs are not supported; decompress it first")
    fmt = format_of(path, _READABLE)
    if fmt is None:
        raise InputError(path, f"unknown graph format {suffix or '(no extension)'}; "
                               "use .ttl, .nt, .jsonld or a store folder")
    store = ox.Store()
    try:
        # bulk_load skips transactions: several times faster on a corpus-sized file.
        store.bulk_load(path=str(path), format=fmt.ox)
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(path, f"cannot parse as {fmt.ox.name.replace('_', '-').lower()}: {_first_line(exc)}") from None
    return Source.from_pyoxigraph(store, str(path))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def as_int(value: Value | None) -> int | None:
    """The integer in a literal, or None when absent or not a number."""
    if value is None:
        return None
    try:
        return int(value.value)
    except ValueError:
        return None


def local_name(iri: str) -> str:
    """The part of an IRI after the last '#' or '/'."""
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[cut + 1:]


Row = dict[str, Any]
