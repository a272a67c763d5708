"""Where queries run: the on-disk Oxigraph store, an rdflib graph, or a SPARQL server.

The same bound text goes to every backend, so all of them give the same
answers (`sparql.library`); `viz` and `serve` read through the same ones.
"""

from __future__ import annotations

import pyoxigraph as ox

from partygraph.errors import PartygraphError
from partygraph.rdf.files import to_ox
from partygraph.sparql.results import Results, from_pyoxigraph, from_sparql_json


class EmbeddedBackend:
    """The on-disk Oxigraph store; queries see the union of all graphs."""

    def __init__(self, store):
        self.store = store

    def run(self, text: str) -> Results:
        """Run a SPARQL query."""
        try:
            return from_pyoxigraph(self.store.query(text, use_default_graph_as_union=True))
        except SyntaxError as exc:
            raise PartygraphError(f"query syntax: {str(exc).splitlines()[0]}") from None


class RdflibBackend:
    """An rdflib Graph in memory (for comparison and small files)."""

    def __init__(self, graph):
        self.graph = graph

    def run(self, text: str) -> Results:
        """Run a SPARQL query."""
        res = self.graph.query(text)
        if res.type == "ASK":
            return Results("ask", boolean=bool(res.askAnswer))
        if res.type == "SELECT":
            names = [str(v) for v in res.vars]
            return Results("select", names, [tuple(to_ox(t) for t in row) for row in res])
        return Results("graph", triples=[ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in res])


class RemoteBackend:
    """Any SPARQL 1.1 query endpoint, through SPARQLWrapper."""

    def __init__(self, endpoint: str, timeout: float = 60):
        self.endpoint = endpoint
        self.timeout = timeout

    def run(self, text: str) -> Results:
        """Run a SPARQL query with POST (long bound queries exceed URL limits)."""
        from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

        sw = SPARQLWrapper(self.endpoint)
        sw.setMethod(POST)
        sw.setTimeout(int(self.timeout))
        # Whole-line comments go: SPARQLWrapper takes a word such as "load"
        # or "drop" in a comment for the query's form and sends it as an update.
        sw.setQuery("\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")))
        graph_query = sw.queryType in ("CONSTRUCT", "DESCRIBE")
        sw.setReturnFormat(TURTLE if graph_query else JSON)
        try:
            response = sw.query()
            if graph_query:
                data = response.response.read()
                return Results("graph", triples=[q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE)])
            return from_sparql_json(response.convert())
        except Exception as exc:  # SPARQLWrapper raises many unrelated types
            raise PartygraphError(f"{self.endpoint}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
