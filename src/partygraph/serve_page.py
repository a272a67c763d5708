"""The query page `partygraph serve` shows at `/`: YASGUI, served from the package, nothing from elsewhere.

The page loads `/static/yasgui.min.js` and `.css` (the `@zazuko/yasgui`
build from npm, vendored in `serve_static/` by `scripts/vendor_yasgui.sh`)
and `/static/partygraph.js`, which starts YASGUI on the server's own
`/sparql` with the partygraph prefixes in the first tab and the query
library (each query with its example's parameters bound) one choice away.
Static files are looked up by exact name in `STATIC`, so no request path
can reach any other file; the Content-Security-Policy allows scripts,
styles and requests from the server only.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from partygraph.errors import PartygraphError
from partygraph.htmltext import json_for_script
from partygraph.namespaces import QUERY_PREFIXES, sparql_prefixes

#: The files under `/static/`, by name, and their media types.
STATIC = {
    "yasgui.min.js": "text/javascript; charset=utf-8",
    "yasgui.min.css": "text/css; charset=utf-8",
    "partygraph.js": "text/javascript; charset=utf-8",
    "LICENSE-yasgui.txt": "text/plain; charset=utf-8",
}

#: Scripts, styles, fonts and requests from this server only; YASGUI sets inline styles and SVG data URLs.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")

DEFAULT_QUERY = sparql_prefixes(*QUERY_PREFIXES) + """
# Offices per role; pick a query of the library above for more.
SELECT ?role (COUNT(*) AS ?offices) WHERE {
  ?m org:role ?r . ?r skos:prefLabel ?role FILTER(lang(?role) = "vi")
} GROUP BY ?role ORDER BY DESC(?offices)
"""

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>partygraph SPARQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="static/yasgui.min.css">
<style>body{font-family:sans-serif;margin:0 1em}header{display:flex;gap:1em;align-items:baseline;flex-wrap:wrap}
h1{font-size:1.3em}select{max-width:40em}footer{color:#666;font-size:.8em;margin:1em 0}</style>
</head><body>
<header><h1>partygraph SPARQL endpoint</h1>
<label>Query library: <select id="library"><option value="">open a query in a new tab…</option></select></label>
</header>
<p>SPARQL 1.1 endpoint at <code>/sparql</code>; queries see the union of all graphs.</p>
<div id="yasgui"></div>
<footer>Editor: <a href="static/LICENSE-yasgui.txt">YASGUI</a> (MIT), served by this endpoint.</footer>
<script type="application/json" id="partygraph-config">__CONFIG__</script>
<script src="static/yasgui.min.js"></script>
<script src="static/partygraph.js"></script>
</body></html>
"""


def static_file(name: str) -> tuple[bytes, str] | None:
    """(content, media type) of `/static/{name}`, or None when `name` is not one of `STATIC`."""
    if name not in STATIC:
        return None
    return _read(name), STATIC[name]


@lru_cache(maxsize=None)
def _read(name: str) -> bytes:
    return (files("partygraph") / "serve_static" / name).read_bytes()


def library_examples(backend=None) -> list[dict]:
    """The query library for the page: name, purpose and text with the example's parameters bound
    (names such as "Tỉnh ủy Bình Phước" looked up in `backend`, the served store, when given)."""
    from partygraph import sparql as q

    out = []
    for qf in q.list_queries():
        try:
            params = qf.example_params()
            text = q.prepare_named(backend, qf, params)[0] if backend is not None else q.prepare(qf, params)
        except PartygraphError:  # an example that no longer fits its query or store: show the query unbound
            text = qf.text
        out.append({"name": qf.name, "purpose": qf.purpose, "query": text})
    return out


def page_html(backend=None) -> bytes:
    """The page, its configuration (prefixes, first query, library) inlined as JSON data."""
    config = {"prefixes": QUERY_PREFIXES, "query": DEFAULT_QUERY, "library": library_examples(backend)}
    return PAGE.replace("__CONFIG__", json_for_script(config, compact=False)).encode("utf-8")

