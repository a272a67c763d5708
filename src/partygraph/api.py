"""The Python API: build a graph from texts or files, keep graphs in a store, query and dump it.

`partygraph.build_graph`, `partygraph.Store` and `partygraph.validate` are
these names, imported when first used (so `import partygraph` stays cheap).
The functions behind them are the ones the command line uses: the build
(`build.iter_graph`), the load (`store.load_inputs`), the query library
(`sparql`) and `store.dump_store`.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from partygraph.errors import PartygraphError
from partygraph.read import SUFFIXES, Article

#: A library query's name (or a .rq file), as opposed to the text of a SPARQL query.
_QUERY_NAME = re.compile(r"[\w./-]+")


def text_article(text: str) -> Article:
    """An article from a text given in Python; its id hashes the text, so the same text is the same article."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return Article(id=f"text-{digest}", text=text, source=f"<text {digest}>")


def _is_path(text: str) -> bool:
    """A str is a path when it is one line naming something that exists, or one ending in a readable suffix."""
    if "\n" in text or len(text) > 4096:
        return False
    try:
        return os.path.exists(text) or text.lower().endswith(SUFFIXES)
    except (OSError, ValueError):  # e.g. a NUL character
        return False


def as_inputs(items, graphs: bool = False) -> list:
    """Inputs for the build or the load: paths as they are, texts as articles.

    `items` is one input or an iterable of them: a `Path` (a file or folder),
    a `str` (a path when `_is_path` says so, else the text of an article),
    an `Article`, and with `graphs` an rdflib Graph.
    """
    if isinstance(items, (str, os.PathLike, Article)) or _is_graph(items):
        items = [items]
    out = []
    for item in items:
        if isinstance(item, str) and not _is_path(item):
            out.append(text_article(item))
        elif isinstance(item, (str, os.PathLike, Article)) or (graphs and _is_graph(item)):
            out.append(item)
        else:
            raise TypeError(f"not a text, path or article{' or graph' if graphs else ''}: {item!r:.80}")
    return out


def _is_graph(item) -> bool:
    return type(item).__module__.startswith("rdflib.") and hasattr(item, "triples")


def build_graph(texts_or_paths, *, province: str | None = None, workers: int = 1):
    """The graph of articles, as an rdflib Graph (the role scheme included, prefixes bound).

    `texts_or_paths`: article texts (`str`), files or folders (`Path`, or a
    `str` naming one: .txt, .html, .jsonl, .jsonl.gz), `partygraph.read.Article`s,
    or one of these. `province`: the province of articles whose text does not
    name it. Raises `PartygraphError` naming every input that could not be read
    or built.
    """
    from partygraph.build import Summary, iter_graph, triples_of
    from partygraph.rdf.mapping import new_graph

    summary = Summary()
    graph = new_graph()
    graph.addN((s, p, o, graph) for s, p, o in triples_of(iter_graph(as_inputs(texts_or_paths), summary, province,
                                                                      workers=workers)))
    _raise_failures(summary.errors)
    return graph


def _raise_failures(errors: list[str]) -> None:
    if errors:
        more = f" (and {len(errors) - 1} more: {'; '.join(errors[1:4])})" if len(errors) > 1 else ""
        raise PartygraphError(f"{errors[0]}{more}")


def validate(graph) -> tuple[bool, str]:
    """Check an rdflib graph against the partygraph SHACL shapes: (conforms, report)."""
    from partygraph.rdf.validate import validate_graph

    return validate_graph(graph)


class Store:
    """A partygraph store: `Store()` in memory, `Store(path)` the on-disk store `partygraph load` makes.

    Queries see the union of its graphs, as `partygraph query` and `serve` do.
    """

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False):
        import pyoxigraph as ox

        from partygraph.store import open_store

        self.path = Path(path) if path is not None else None
        self.oxigraph = open_store(path, read_only=read_only) if path is not None else ox.Store()

    def __len__(self) -> int:
        return len(self.oxigraph)

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})" if self.path else "Store()"

    def load(self, inputs: Iterable | str | os.PathLike, *, province: str | None = None, workers: int = 1):
        """Add articles (texts, files, folders), graph files or rdflib Graphs; returns the `LoadSummary`.

        As `partygraph load`: each article is one named graph that loading it
        again replaces, and the holdings view is summed afterwards. An input
        that cannot be read is reported in the summary's `failed`, the others
        are loaded.
        """
        from partygraph.store import load_inputs

        return load_inputs(self.oxigraph, as_inputs(inputs, graphs=True), province, workers=workers)

    def query(self, query: str, /, **params):
        """Run a library query by name (`"office-holders"`), a `.rq` file or SPARQL text
        (which may use the partygraph prefixes, `pg:`, `pgid:`, `org:`, `skos:`… without declaring them).

        Keyword arguments bind the query's parameters as RDF terms (a str as
        `partygraph query -p` reads it: a name, `pgid:…`, an IRI, a date;
        an int as an integer). Returns `sparql.Results`: `.records()` gives
        the rows as dicts, `.variables` and `.rows` the terms.
        """
        from partygraph import sparql as q
        from partygraph.namespaces import sparql_prefixes

        if _QUERY_NAME.fullmatch(query.strip()):
            qf = q.load_query(query.strip())
        else:
            qf = q.QueryFile.from_text("sparql", sparql_prefixes() + query)
        backend = q.EmbeddedBackend(self.oxigraph)
        return backend.run(q.prepare_named(backend, qf, params)[0])  # names ("Tỉnh ủy X") as the graph's terms

    def dump(self, path: str | os.PathLike) -> int:
        """Write the whole store to `path` (.trig/.nq keep the named graphs, .ttl/.nt merge them)."""
        from partygraph.store import dump_store

        return dump_store(self.oxigraph, path).written
