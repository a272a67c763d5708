"""partygraph: Vietnamese Communist Party news articles into an RDF knowledge graph.

The pipeline, one module per stage:
read -> normalise -> extract -> rdf (build) -> store / sparql / serve -> resolve -> viz; cli wires them.

The Python API (`partygraph.api`, imported on first use so `import partygraph` stays cheap):
`build_graph(texts_or_paths) -> rdflib.Graph`, `Store(path=None)` with `.load`, `.query`, `.dump`,
and `validate(graph) -> (conforms, report)`.
"""

__version__ = "0.1.0"

_API = ("build_graph", "Store", "validate")
__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        from partygraph import api

        return getattr(api, name)
    raise AttributeError(f"module 'partygraph' has no attribute {name!r}")
