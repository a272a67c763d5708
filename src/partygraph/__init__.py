"""partygraph: Vietnamese Communist Party news articles into an RDF knowledge graph.

The pipeline, one module per stage:
read -> normalise -> extract -> rdfmap -> store / query / serve -> viz.
"""

__version__ = "0.1.0"
