"""`partygraph load`: graph files and articles into the on-disk store.

Layout of the dataset. Every triple lives in exactly one named graph, so the
union default graph that queries see never holds the same triple twice:

* `pgid:article/{id}` holds what is *about one article only*: the article
  node, its sentences (IRIs under the article's IRI) and the mention-level
  nodes minted from that article (persons, memberships, change events, whose
  IRIs hash the article id and which are `prov:wasDerivedFrom` exactly that
  article). Loading an article again replaces this graph as a unit, so a
  rebuilt article leaves no stale offices behind.
* `pgid:graph/shared` holds everything else: organisations, congresses,
  terms, role concepts, ontology terms. These are shared between articles
  and only ever added (triples are a set, so adding them again changes
  nothing).

Hence loading the same input twice leaves the store's quads unchanged, and
each batch is written by one SPARQL update, which Oxigraph applies as one
transaction: a load killed half-way leaves every batch either fully in or
fully out.
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from partygraph.errors import InputError
from partygraph.progress import counted
from partygraph.rdf.files import FORMATS, STDIO, choose_format, format_of, is_graph_file, to_ox_triple
from partygraph.read import Article
from partygraph.store.local import _first_line, load_graphs, open_store, store_quads
from partygraph.store.partition import DEFAULT_BATCH, graphs_of, partition
from partygraph.store.views import refresh_store

#: Suffixes `load` and `query --data` read as graphs.
GRAPH_SUFFIXES = tuple(s for s, f in FORMATS.items() if f.graph_only)


def read_quads(path, fmt_name: str | None = None) -> list[ox.Quad]:
    """Parse an RDF file (`-`: standard input) in the format `fmt_name` or its suffix names.

    Raises `InputError` naming the file and the parse problem.
    """
    path = Path(path)
    if fmt_name or str(path) == STDIO:
        fmt = choose_format(path, fmt_name, GRAPH_SUFFIXES)
    else:
        fmt = format_of(path) if is_graph_file(path) else None
    if fmt is None:
        raise InputError(path, f"not a graph file (known: {', '.join(GRAPH_SUFFIXES)})")
    try:
        if str(path) == STDIO:
            return list(ox.parse(sys.stdin.buffer, format=fmt.ox))
        with open(path, "rb") as fh:
            return list(ox.parse(fh, format=fmt.ox))
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(path, f"cannot parse {fmt.ox.name} graph: {_first_line(exc)}") from None


def read_graph_file(path, fmt_name: str | None = None) -> list[ox.Triple]:
    """Parse an RDF file into triples (graph names of quad formats dropped)."""
    return [q.triple for q in read_quads(path, fmt_name)]


def read_graphs(path, fmt_name: str | None = None) -> dict[str, list[ox.Triple]]:
    """The named graphs a graph file loads into.

    A quad in a named graph (a .trig/.nq dump of a store) stays in it; the
    triples of the default graph (all of a .ttl/.nt file's) are split by
    `partition`, as a build's are.
    """
    default: list[ox.Triple] = []
    named: dict[str, list[ox.Triple]] = defaultdict(list)
    for q in read_quads(path, fmt_name):
        if isinstance(q.graph_name, ox.NamedNode):
            named[q.graph_name.value].append(q.triple)
        else:
            default.append(q.triple)
    for name, triples in partition(default).items():
        named[name].extend(triples)
    return dict(named)


def rdflib_to_triples(graph) -> list[ox.Triple]:
    """Convert an rdflib Graph to pyoxigraph triples, term by term."""
    return [to_ox_triple(t) for t in graph]


@dataclass
class LoadSummary:
    """What a load did, for the one-line report."""

    inputs: int = 0
    triples: int = 0
    graphs: int = 0
    quads_before: int = 0
    quads_after: int = 0
    view_triples: int = 0
    failed: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One human-readable line."""
        delta = self.quads_after - self.quads_before
        text = (f"loaded {self.triples} triples from {self.inputs} input(s) into "
                f"{self.graphs} graph(s); store now holds {self.quads_after} quads ({delta:+d})")
        if self.view_triples:
            text += f"; holdings view {self.view_triples} triples"
        if self.failed:
            text += f"; {len(self.failed)} input(s) failed"
        return text


def split_inputs(inputs, summary: LoadSummary, fmt_name: str | None = None) -> tuple[list[Path], list[str]]:
    """Graph files to parse and article inputs to build, in the order given.

    A folder holding only graph files counts as graph files; any other
    folder (or file) is articles for the build. `-` is standard input: a
    graph when `fmt_name` (`--format`) is given, else articles. An `Article`
    (a text from the Python API) is an article, an rdflib Graph a graph
    already parsed.
    """
    graph_files: list = []
    articles: list = []
    for item in inputs:
        if isinstance(item, Article):
            articles.append(item)
            continue
        if not isinstance(item, (str, os.PathLike)):
            graph_files.append(item)
            continue
        p = Path(item)
        if str(item) == STDIO:
            if fmt_name:
                graph_files.append(p)
            else:
                articles.append(STDIO)
            continue
        if not p.exists():
            raise InputError(p, "no such file or directory")
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
            graphs = [f for f in files if is_graph_file(f)]
            if graphs and len(graphs) == len(files):
                graph_files.extend(graphs)
                continue
            articles.append(str(p))
        elif is_graph_file(p) or fmt_name:
            graph_files.append(p)
        else:
            articles.append(str(p))
    summary.inputs += len(graph_files) + len(articles)
    return graph_files, articles


def collect_graphs(inputs, province: str | None = None, summary: LoadSummary | None = None,
                   workers: int = 1, debug: bool = False, fmt_name: str | None = None,
                   progress: bool = False) -> dict[str, list[ox.Triple]]:
    """Read graph files and build article inputs into named graphs (for remote loads); `progress` on stderr."""
    summary = summary or LoadSummary()
    graph_files, articles = split_inputs(inputs, summary, fmt_name)
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for parsed in _graph_files(graph_files, summary, fmt_name, progress):
        for name, triples in parsed.items():
            graphs[name].extend(triples)
    for chunk in article_chunks(articles, province, workers, debug=debug, failed=summary.failed,
                                progress="read" if progress else False):
        for name, triples in chunk.items():
            graphs[name].extend(triples)
    return dict(graphs)


def _report(message: str, failed: list[str] | None = None) -> None:
    print(f"partygraph: {message}", file=sys.stderr)
    if failed is not None:
        failed.append(message)


def _graph_files(paths: list[Path], summary: LoadSummary, fmt_name: str | None = None,
                 progress: bool = False) -> Iterator[dict[str, list[ox.Triple]]]:
    """Named graphs of each graph file (`read_graphs`); one that cannot be parsed is reported and skipped."""
    for f in counted(paths, "loaded", "graph files", len(paths), progress and bool(paths)):
        try:
            parsed = read_graphs(f, fmt_name) if isinstance(f, Path) else partition(rdflib_to_triples(f))
        except InputError as err:
            _report(str(err), summary.failed)
            continue
        yield parsed


def article_chunks(articles: list[str], province: str | None, workers: int = 1,
                   size: int = DEFAULT_BATCH, build_summary=None, debug: bool = False,
                   failed: list[str] | None = None,
                   progress: bool | str = False) -> Iterator[dict[str, list[ox.Triple]]]:
    """Named graphs of the streaming build of `articles`, in chunks of whole articles.

    A chunk is cut only between articles, so no article's graph is ever split
    over two transactions (which would let the second drop the first). An
    article that cannot be read or built is reported (and added to `failed`)
    and skipped; the others are loaded. `progress` counts the articles on
    stderr (a string names the verb, as in `build.iter_graph`).
    """
    if not articles:
        return
    try:
        from partygraph.build import Summary, iter_graph
    except ImportError:
        raise InputError(articles[0], "reading articles needs `partygraph build`, which is not available; "
                                      "load a graph file (.ttl, .nt, .jsonld) instead") from None
    build_summary = build_summary if build_summary is not None else Summary()
    buf, count = [], 0
    for graph in iter_graph(articles, build_summary, province, report=lambda msg: _report(msg, failed),
                            progress=progress, debug=debug, workers=workers):
        if count >= size and graph.article is not None:
            yield graphs_of(buf)
            buf, count = [], 0
        buf.append(graph)
        count += len(graph.triples)
    if buf:
        yield graphs_of(buf)


def load_inputs(store_dir, inputs, province: str | None = None, batch: int = DEFAULT_BATCH,
                workers: int = 1, debug: bool = False, fmt_name: str | None = None,
                progress: bool = False) -> LoadSummary:
    """Load article files/folders or graph files into the store at `store_dir` (or an open `ox.Store`).

    Articles stream from the build (`workers` processes) into the store a
    chunk of whole articles at a time, so memory stays flat however many
    articles there are; each chunk is one transaction. With `progress`,
    the articles (or graph files) loaded out of the total go to stderr.
    """
    summary = LoadSummary()
    graph_files, articles = split_inputs(inputs, summary, fmt_name)
    store = store_dir if isinstance(store_dir, ox.Store) else open_store(store_dir)
    summary.quads_before = store_quads(store)
    names: set[str] = set()

    def put(graphs):
        load_graphs(store, graphs, batch)
        summary.triples += sum(map(len, graphs.values()))
        names.update(graphs)

    for parsed in _graph_files(graph_files, summary, fmt_name, progress):
        put(parsed)
    for chunk in article_chunks(articles, province, workers, batch, debug=debug, failed=summary.failed,
                                progress="loaded" if progress else False):
        put(chunk)
    summary.view_triples = refresh_store(store)
    store.flush()
    summary.graphs = len(names)
    summary.quads_after = store_quads(store)
    return summary


