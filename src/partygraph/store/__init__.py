"""The persistent graph store (an Oxigraph database on disk) and loading into it.

`local`: open the store, write graphs in transactions; `partition`: which
named graph each triple goes to; `load`: graph files and articles into the
store; `remote`: the same into a SPARQL server; `views`: the holdings view
recomputed after each load. The names below are the store's public API.
"""

from partygraph.iris import SHARED_GRAPH
from partygraph.rdf.files import is_graph_file
from partygraph.store.load import (LoadSummary, collect_graphs, load_inputs, rdflib_to_triples, read_graph_file,
                                   split_inputs)
from partygraph.store.dump import dump_store
from partygraph.store.local import load_graphs, open_store, require_store_dir, store_quads, update_graph
from partygraph.store.partition import DEFAULT_BATCH, graphs_of, partition, update_batches
from partygraph.store.remote import load_remote, push_gsp, push_updates

__all__ = [
    "SHARED_GRAPH", "DEFAULT_BATCH", "LoadSummary", "partition", "graphs_of", "update_batches", "update_graph",
    "open_store", "load_graphs", "load_inputs", "load_remote", "push_gsp", "push_updates", "collect_graphs",
    "read_graph_file", "rdflib_to_triples", "is_graph_file", "require_store_dir", "split_inputs", "store_quads",
    "dump_store",
]
