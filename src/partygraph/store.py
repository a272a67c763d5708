"""The persistent graph store: an Oxigraph (pyoxigraph) database on disk.

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

import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from partygraph.errors import InputError, PartygraphError

PG = "https://w3id.org/partygraph/ontology#"
PGID = "https://w3id.org/partygraph/id/"
PGROLE = "https://w3id.org/partygraph/role/"
SHARED_GRAPH = PGID + "graph/shared"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"

#: Graph file extensions `load` reads directly; anything else is an article.
GRAPH_EXTENSIONS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}

_ARTICLE_NODE = re.compile(re.escape(PGID) + r"article/([^/#?]+)")
# Namespaces whose nodes are minted per article (their IRIs hash the
# article id, see ontology/MODEL.md); only these may go to an article graph.
_PER_ARTICLE_KINDS = ("person/", "membership/", "event/")

#: Triples per SPARQL update when loading (one transaction each).
DEFAULT_BATCH = 20_000


def is_graph_file(path) -> bool:
    """True when `path` names an RDF file `load` reads as a graph."""
    return Path(path).suffix.lower() in GRAPH_EXTENSIONS


def read_graph_file(path) -> list[ox.Triple]:
    """Parse an RDF file into triples (graph names of quad formats dropped).

    Raises `InputError` naming the file and the parse problem.
    """
    path = Path(path)
    fmt = GRAPH_EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(path, f"not a graph file (known: {', '.join(sorted(GRAPH_EXTENSIONS))})")
    try:
        with open(path, "rb") as fh:
            return [q.triple for q in ox.parse(fh, format=fmt)]
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(path, f"cannot parse {fmt.name} graph: {_first_line(exc)}") from None


def rdflib_to_triples(graph) -> list[ox.Triple]:
    """Convert an rdflib Graph to pyoxigraph triples via N-Triples (exact)."""
    data = graph.serialize(format="nt", encoding="utf-8")
    return [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


def article_graph_of(subject, derived: dict) -> str:
    """Name of the graph that should hold triples about `subject`.

    `derived` maps subject IRIs to the set of article IRIs they are
    `prov:wasDerivedFrom` in the input being loaded.
    """
    if isinstance(subject, ox.NamedNode):
        iri = subject.value
        match = _ARTICLE_NODE.match(iri)
        if match:
            return PGID + "article/" + match.group(1)
        if iri.startswith(PGID) and iri[len(PGID):].startswith(_PER_ARTICLE_KINDS):
            articles = derived.get(iri, ())
            if len(articles) == 1:
                return next(iter(articles))
    return SHARED_GRAPH


def partition(triples: Iterable[ox.Triple]) -> dict[str, list[ox.Triple]]:
    """Split triples into named graphs: one per article plus the shared one."""
    triples = list(triples)
    derived: dict[str, set[str]] = defaultdict(set)
    for t in triples:
        if t.predicate.value == PROV_DERIVED and isinstance(t.object, ox.NamedNode):
            m = _ARTICLE_NODE.fullmatch(t.object.value)
            if m and isinstance(t.subject, ox.NamedNode):
                derived[t.subject.value].add(t.object.value)
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for t in triples:
        graphs[article_graph_of(t.subject, derived)].append(t)
    return dict(graphs)


def _nt(triple: ox.Triple) -> str:
    # str() of a pyoxigraph term is its N-Triples form, fully escaped.
    return f"{triple.subject} {triple.predicate} {triple.object} ."


def update_batches(graphs: dict[str, list[ox.Triple]], batch: int = DEFAULT_BATCH) -> Iterator[str]:
    """SPARQL updates that put `graphs` into a store, one transaction each.

    An article graph is dropped and re-inserted in the same update (never
    split over two), the shared graph is only inserted into.
    """
    parts: list[str] = []
    size = 0

    def flush():
        nonlocal parts, size
        text = " ;\n".join(parts)
        parts, size = [], 0
        return text

    for name, triples in graphs.items():
        if name == SHARED_GRAPH:
            continue
        body = "\n".join(_nt(t) for t in triples)
        parts.append(f"DROP SILENT GRAPH <{name}>")
        parts.append(f"INSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")
        size += len(triples)
        if size >= batch:
            yield flush()
    shared = graphs.get(SHARED_GRAPH, [])
    for start in range(0, len(shared), batch):
        chunk = shared[start:start + batch]
        body = "\n".join(_nt(t) for t in chunk)
        parts.append(f"INSERT DATA {{ GRAPH <{SHARED_GRAPH}> {{\n{body}\n}} }}")
        size += len(chunk)
        if size >= batch:
            yield flush()
    if parts:
        yield flush()


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


def update_graph(store: ox.Store, graph: str, triples: list[ox.Triple]) -> int:
    """Make `graph` hold exactly `triples`, writing only the difference in one
    update (one transaction); returns the number of quads removed and added."""
    name = ox.NamedNode(graph)
    old = {q.triple for q in store.quads_for_pattern(None, None, None, name)}
    new = set(triples)
    gone, added = old - new, new - old
    parts = []
    if gone:
        parts.append(f"DELETE DATA {{ GRAPH <{graph}> {{\n" + "\n".join(_nt(t) for t in gone) + "\n} }")
    if added:
        parts.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(_nt(t) for t in added) + "\n} }")
    if parts:
        store.update(" ;\n".join(parts))
    return len(gone) + len(added)


def open_store(path, read_only: bool = False) -> ox.Store:
    """Open (or create, unless read-only) the Oxigraph store in directory `path`."""
    path = Path(path)
    try:
        if read_only:
            if not path.is_dir():
                raise InputError(path, "no such store directory (create it with `partygraph load`)")
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        raise InputError(path, f"cannot open store: {_first_line(exc)}") from None


def store_quads(store: ox.Store) -> int:
    """Number of quads in the store."""
    return len(store)


def load_graphs(store: ox.Store, graphs: dict[str, list[ox.Triple]], batch: int = DEFAULT_BATCH) -> None:
    """Write partitioned graphs into `store`, each batch in one transaction."""
    for update in update_batches(graphs, batch):
        store.update(update)


def split_inputs(inputs, summary: LoadSummary) -> tuple[list[Path], list[str]]:
    """Graph files to parse and article inputs to build, in the order given.

    A folder holding only graph files counts as graph files; any other
    folder (or file) is articles for the build.
    """
    graph_files: list[Path] = []
    articles: list[str] = []
    for item in inputs:
        p = Path(item)
        if not p.exists():
            raise InputError(p, "no such file or directory")
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
            graphs = [f for f in files if is_graph_file(f)]
            if graphs and len(graphs) == len(files):
                graph_files.extend(graphs)
                continue
            articles.append(str(p))
        elif is_graph_file(p):
            graph_files.append(p)
        else:
            articles.append(str(p))
    summary.inputs += len(graph_files) + len(articles)
    return graph_files, articles


def collect_triples(inputs, province: str | None = None, summary: LoadSummary | None = None,
                    workers: int = 1, debug: bool = False) -> list[ox.Triple]:
    """Read graph files and build article inputs into one list of triples (for remote loads)."""
    summary = summary or LoadSummary()
    graph_files, articles = split_inputs(inputs, summary)
    triples: list[ox.Triple] = []
    for parsed in _graph_files(graph_files, summary):
        triples.extend(parsed)
    for chunk in article_chunks(articles, province, workers, debug=debug, failed=summary.failed):
        triples.extend(chunk)
    return triples


def _report(message: str, failed: list[str] | None = None) -> None:
    print(f"partygraph: {message}", file=sys.stderr)
    if failed is not None:
        failed.append(message)


def _graph_files(paths: list[Path], summary: LoadSummary) -> Iterator[list[ox.Triple]]:
    """Triples of each graph file; one that cannot be parsed is reported and skipped."""
    for f in paths:
        try:
            parsed = read_graph_file(f)
        except InputError as err:
            _report(str(err), summary.failed)
            continue
        yield parsed


_NEWS_ARTICLE = "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/NewsArticle> .".encode()


def article_chunks(articles: list[str], province: str | None, workers: int = 1,
                   size: int = DEFAULT_BATCH, build_summary=None, debug: bool = False,
                   failed: list[str] | None = None) -> Iterator[list[ox.Triple]]:
    """Triples of the streaming build of `articles`, in chunks of whole articles.

    `partygraph.build.iter_lines` yields each article's lines together,
    starting with the article's `a schema:NewsArticle` triple; a chunk is
    cut only just before such a line, so no article's graph is ever split
    over two transactions (which would let the second drop the first).
    An article that cannot be read or built is reported (and added to
    `failed`) and skipped; the others are loaded.
    """
    if not articles:
        return
    try:
        from partygraph.build import Summary, iter_lines
    except ImportError:
        raise InputError(articles[0], "reading articles needs `partygraph build`, which is not available; "
                                      "load a graph file (.ttl, .nt, .jsonld) instead") from None
    build_summary = build_summary if build_summary is not None else Summary()
    buf: list[bytes] = []
    for line in iter_lines(articles, build_summary, province, report=lambda msg: _report(msg, failed),
                           debug=debug, workers=workers):
        data = line.encode("utf-8")
        if len(buf) >= size and data.rstrip().endswith(_NEWS_ARTICLE) and data.startswith(b"<" + PGID.encode() + b"article/"):
            yield [q.triple for q in ox.parse(b"".join(buf), format=ox.RdfFormat.N_TRIPLES)]
            buf = []
        buf.append(data)
    if buf:
        yield [q.triple for q in ox.parse(b"".join(buf), format=ox.RdfFormat.N_TRIPLES)]


def load_inputs(store_dir, inputs, province: str | None = None, batch: int = DEFAULT_BATCH,
                workers: int = 1, debug: bool = False) -> LoadSummary:
    """Load article files/folders or graph files into the store at `store_dir`.

    Articles stream from the build (`workers` processes) into the store a
    chunk of whole articles at a time, so memory stays flat however many
    articles there are; each chunk is one transaction.
    """
    summary = LoadSummary()
    graph_files, articles = split_inputs(inputs, summary)
    store = open_store(store_dir)
    summary.quads_before = store_quads(store)
    names: set[str] = set()

    def put(triples):
        graphs = partition(triples)
        load_graphs(store, graphs, batch)
        summary.triples += len(triples)
        names.update(graphs)

    for parsed in _graph_files(graph_files, summary):
        put(parsed)
    for chunk in article_chunks(articles, province, workers, batch, debug=debug, failed=summary.failed):
        put(chunk)
    from partygraph.views import refresh_store

    summary.view_triples = refresh_store(store)
    store.flush()
    summary.graphs = len(names)
    summary.quads_after = store_quads(store)
    return summary


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def require_store_dir(path) -> Path:
    """Check that `path` looks like an Oxigraph store made by `load`."""
    path = Path(path)
    if not path.is_dir() or not any(path.iterdir()):
        raise PartygraphError(f"{path}: no store here (create one with `partygraph load INPUT --store {path}`)")
    return path


__all__ = [
    "SHARED_GRAPH", "GRAPH_EXTENSIONS", "LoadSummary", "partition", "update_batches",
    "open_store", "load_graphs", "load_inputs", "collect_triples", "read_graph_file",
    "rdflib_to_triples", "is_graph_file", "require_store_dir",
]


# ---------------------------------------------------------------------------
# Remote engines (Oxigraph server, Fuseki, GraphDB, Virtuoso…)

def push_updates(graphs: dict[str, list[ox.Triple]], update_endpoint: str, batch: int = 5_000,
                 timeout: float = 120) -> int:
    """Send the partitioned graphs to a SPARQL 1.1 Update endpoint via SPARQLWrapper.

    The same updates as a local load: each article graph dropped and
    re-inserted in one request, the shared graph inserted in chunks; terms
    are written in N-Triples, so data never changes the update's structure.
    Returns the number of requests sent.
    """
    from SPARQLWrapper import POST, SPARQLWrapper

    sent = 0
    for update in update_batches(graphs, batch):
        sw = SPARQLWrapper(update_endpoint, updateEndpoint=update_endpoint)
        sw.setMethod(POST)
        sw.setTimeout(int(timeout))
        sw.setRequestMethod("postdirectly")  # body = application/sparql-update
        sw.setQuery(update)
        try:
            sw.query()
        except Exception as exc:  # SPARQLWrapper raises urllib and its own errors
            raise PartygraphError(f"{update_endpoint}: update failed: {type(exc).__name__}: "
                                  f"{_first_line(exc)}") from None
        sent += 1
    return sent


def push_gsp(graphs: dict[str, list[ox.Triple]], gsp_url: str, timeout: float = 120) -> int:
    """Send the graphs with the SPARQL 1.1 Graph Store Protocol.

    Article graphs are replaced (PUT), the shared graph is appended to
    (POST), both as N-Triples to `{gsp_url}?graph=<iri>`.
    """
    import urllib.error
    import urllib.parse
    import urllib.request

    sent = 0
    for name, triples in graphs.items():
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        sep = "&" if "?" in gsp_url else "?"
        url = f"{gsp_url}{sep}graph={urllib.parse.quote(name, safe='')}"
        method = "POST" if name == SHARED_GRAPH else "PUT"
        req = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": "application/n-triples"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                resp.read()
        except (urllib.error.URLError, OSError) as exc:
            raise PartygraphError(f"{gsp_url}: {method} {name} failed: {_first_line(exc)}") from None
        sent += 1
    return sent


def load_remote(inputs, update_endpoint: str | None = None, gsp: str | None = None,
                province: str | None = None, batch: int = 5_000, workers: int = 1,
                query_endpoint: str | None = None, debug: bool = False) -> tuple[LoadSummary, int]:
    """Load inputs into a remote engine; returns the summary and requests sent.

    With the server's `query_endpoint` too, the holdings view is then
    recomputed from the server's whole graph and its graph replaced there;
    without it the view is left as it was (`summary.view_triples` is -1).
    """
    from partygraph.views import HOLDINGS_GRAPH, compute

    summary = LoadSummary()
    triples = collect_triples(inputs, province, summary, workers, debug)
    graphs = partition(triples)
    summary.triples, summary.graphs = len(triples), len(graphs)
    if not (gsp or update_endpoint):
        raise PartygraphError("loading into a server needs --update-endpoint URL or --gsp URL")

    def push(graphs):
        return push_gsp(graphs, gsp) if gsp else push_updates(graphs, update_endpoint, batch)

    sent = push(graphs)
    summary.view_triples = -1
    if query_endpoint:
        from partygraph.query import RemoteBackend

        view = compute(RemoteBackend(query_endpoint))
        sent += push({HOLDINGS_GRAPH: view})
        summary.view_triples = len(view)
    return summary, sent
