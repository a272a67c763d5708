"""partygraph: Vietnamese Communist Party news articles into an RDF knowledge graph.

The pipeline, one module per stage:
read -> normalise -> extract -> rdf (build) -> store / sparql / serve -> resolve -> viz; cli wires them.
"""

__version__ = "0.1.0"
