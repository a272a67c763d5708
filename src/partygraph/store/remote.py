"""Loading into remote engines (Oxigraph server, Fuseki, GraphDB, Virtuoso…)."""

from __future__ import annotations

import pyoxigraph as ox

from partygraph.errors import PartygraphError
from partygraph.iris import HOLDINGS_GRAPH, SHARED_GRAPH
from partygraph.sparql.backends import RemoteBackend
from partygraph.store.load import LoadSummary, collect_graphs
from partygraph.store.local import _first_line
from partygraph.store.partition import update_batches
from partygraph.store.views import compute


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
                query_endpoint: str | None = None, debug: bool = False,
                fmt_name: str | None = None, progress: bool = False) -> tuple[LoadSummary, int]:
    """Load inputs into a remote engine; returns the summary and requests sent.

    With the server's `query_endpoint` too, the holdings view is then
    recomputed from the server's whole graph and its graph replaced there;
    without it the view is left as it was (`summary.view_triples` is -1).
    """
    summary = LoadSummary()
    graphs = collect_graphs(inputs, province, summary, workers, debug, fmt_name, progress)
    summary.triples, summary.graphs = sum(map(len, graphs.values())), len(graphs)
    if not (gsp or update_endpoint):
        raise PartygraphError("loading into a server needs --update-endpoint URL or --gsp URL")

    def push(graphs):
        return push_gsp(graphs, gsp) if gsp else push_updates(graphs, update_endpoint, batch)

    sent = push(graphs)
    summary.view_triples = -1
    if query_endpoint:
        view = compute(RemoteBackend(query_endpoint))
        sent += push({HOLDINGS_GRAPH: view})
        summary.view_triples = len(view)
    return summary, sent
