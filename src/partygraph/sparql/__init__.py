"""SPARQL: the query library, the backends queries run on, and their results.

`from partygraph import sparql as q` gives the whole of it: `q.load_query`,
`q.prepare`, `q.EmbeddedBackend`, `q.format_table`…
"""

from partygraph.sparql.backends import EmbeddedBackend, RdflibBackend, RemoteBackend
from partygraph.sparql.library import (PREFIXES, XSD, Param, QueryFile, bind, library_dir, list_queries, load_query,
                                       parse_value, prepare, set_limit, term_text)
from partygraph.sparql.names import prepare_named, resolve_params
from partygraph.sparql.results import (FORMATTERS, Results, compact, format_csv, format_graph, format_json,
                                       format_table, from_pyoxigraph, from_sparql_json, plain, term_json)

__all__ = ["EmbeddedBackend", "RdflibBackend", "RemoteBackend", "PREFIXES", "XSD", "Param", "QueryFile", "bind",
           "library_dir", "list_queries", "load_query", "parse_value", "prepare", "prepare_named", "resolve_params", "set_limit", "term_text",
           "FORMATTERS", "Results", "compact", "format_csv", "format_graph", "format_json", "format_table",
           "from_pyoxigraph", "from_sparql_json", "plain", "term_json"]
