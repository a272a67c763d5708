"""`partygraph serve`: a SPARQL 1.1 Protocol endpoint over the on-disk store.

Standard library only (`http.server.ThreadingHTTPServer`). Queries run in
worker processes that each open the store; a query that passes its deadline
has its worker killed and replaced, so a runaway query cannot keep a CPU
busy after the client got its 503 (a thread could not be stopped). Read-only
by default: workers open the store read-only and updates get 403. With
`--allow-update --token T`, a single worker opens it read-write and updates
need `Authorization: Bearer T`.

Endpoints: `GET /sparql?query=…`, `POST /sparql` (form `query=`/`update=`,
or a body of type application/sparql-query / application/sparql-update),
`/query` and `/update` as aliases, and `/` a query editor (YASGUI, `serve_page`).
"""

from __future__ import annotations

import hmac
import json
import multiprocessing as mp
import queue
import secrets
import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox

from partygraph.errors import PartygraphError
from partygraph.namespaces import XSD_BASE
from partygraph.rdf.turtle import turtle
from partygraph.sparql.results import term_json

XSD_STRING = XSD_BASE + "string"

#: media type → short name, for SELECT/ASK results.
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
#: media type → pyoxigraph format, for CONSTRUCT/DESCRIBE results.
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
#: `format=` / `output=` parameter values (SPARQLWrapper sends both, Virtuoso and Fuseki read them) → the
#: Accept header they stand for; the query's form picks from it (`xml`: SPARQL XML results for SELECT and
#: ASK, RDF/XML for CONSTRUCT and DESCRIBE; `json`: SPARQL JSON results or JSON-LD).
FORMAT_PARAMS = {
    "json": "application/sparql-results+json, application/ld+json",
    "xml": "application/sparql-results+xml, application/rdf+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
    "ttl": "text/turtle", "turtle": "text/turtle", "n3": "text/turtle",
    "nt": "application/n-triples", "ntriples": "application/n-triples", "n-triples": "application/n-triples",
    "jsonld": "application/ld+json", "json-ld": "application/ld+json",
    "rdf": "application/rdf+xml", "rdfxml": "application/rdf+xml", "rdf+xml": "application/rdf+xml",
}
_CONTENT_TYPE = {"json": "application/sparql-results+json; charset=utf-8",
                 "xml": "application/sparql-results+xml; charset=utf-8",
                 "csv": "text/csv; charset=utf-8",
                 "tsv": "text/tab-separated-values; charset=utf-8"}


def format_accept(params: dict, accept: str | None) -> str | None:
    """The Accept header a request's `format`/`output` parameters stand for (they win over the header's)."""
    for key in ("format", "output"):
        for value in params.get(key, []):
            value = value.strip().lower()
            if value in FORMAT_PARAMS:
                return FORMAT_PARAMS[value]
            if value in RESULT_TYPES or value in GRAPH_TYPES:
                return value
    return accept


def negotiate(accept: str | None, choices: dict, default: str) -> str | None:
    """The media type in `choices` the Accept header prefers, or None.

    Wildcards (`*/*`, `text/*`) pick `default` or the first match; q=0 excludes.
    """
    if not accept:
        return default
    ranked = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mtype, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, mtype))
    for _, _, mtype in sorted(ranked):
        if mtype in choices:
            return mtype
        if mtype == "*/*":
            return default
        if mtype.endswith("/*"):
            prefix = mtype[:-1]
            if default.startswith(prefix):
                return default
            for c in choices:
                if c.startswith(prefix):
                    return c
    return None


# ---------------------------------------------------------------------------
# Serialisation of capped results (pyoxigraph's own serialiser cannot stop
# at a limit, so rows are collected first).

def _xml_term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{xml_escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{xml_escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f'<literal xml:lang="{xml_escape(t.language)}">{xml_escape(t.value)}</literal>'
        if t.datatype.value != XSD_STRING:
            return f'<literal datatype="{xml_escape(t.datatype.value)}">{xml_escape(t.value)}</literal>'
        return f"<literal>{xml_escape(t.value)}</literal>"
    return f"<literal>{xml_escape(str(t))}</literal>"


def _csv_cell(t) -> str:
    if t is None:
        return ""
    v = f"_:{t.value}" if isinstance(t, ox.BlankNode) else (t.value if hasattr(t, "value") else str(t))
    if any(c in v for c in ',"\r\n'):
        v = '"' + v.replace('"', '""') + '"'
    return v


def serialize_rows(variables: list[str], rows: list[list], fmt: str) -> bytes:
    """SELECT results in SPARQL 1.1 JSON, XML, CSV or TSV."""
    if fmt == "json":
        bindings = [{v: term_json(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        out += [f'<variable name="{xml_escape(v)}"/>' for v in variables]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            out += [f'<binding name="{xml_escape(v)}">{_xml_term(t)}</binding>'
                    for v, t in zip(variables, row) if t is not None]
            out.append("</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode("utf-8")
    if fmt == "csv":
        lines = [",".join(variables)] + [",".join(_csv_cell(t) for t in row) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")
    lines = ["\t".join("?" + v for v in variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize_boolean(value: bool, fmt: str) -> bytes:
    """ASK results."""
    if fmt == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{'true' if value else 'false'}</boolean></sparql>\n").encode()
    if fmt in ("csv", "tsv"):
        return b"true\n" if value else b"false\n"
    return json.dumps({"head": {}, "boolean": bool(value)}).encode()


# ---------------------------------------------------------------------------
# Worker processes

SERVICE_DISABLED = ("SERVICE is disabled on this endpoint: it does not call other endpoints "
                    "(start it with --allow-service to allow that)")


def calls_service(op: str, text: str) -> bool:
    """True when the query or update `text` has a SERVICE clause, anywhere (OPTIONAL, EXISTS, subqueries).

    Read by rdflib's SPARQL parser, not by pattern: the word in a comment,
    a string, an IRI, a prefixed name or a variable is no SERVICE clause.
    Text without the word (after the \\u escapes SPARQL allows anywhere)
    needs no parse; text with it that rdflib cannot parse counts as a call,
    so a difference between the two parsers never lets one through.
    """
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes, parseQuery, parseUpdate

    try:
        if "service" not in expandUnicodeEscapes(text).lower():
            return False
        tree = parseUpdate(text) if op == "update" else parseQuery(text)
    except Exception:  # noqa: BLE001 - pyparsing and rdflib raise many types
        return True
    return _has_service(tree)


def _has_service(node) -> bool:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        return node.name == "ServiceGraphPattern" or any(_has_service(v) for v in node.values())
    if isinstance(node, (list, tuple, ParseResults)):
        return any(_has_service(v) for v in node)
    return False


def internal_error(exc: BaseException) -> tuple:
    """A 500 reply that names an error id only; the detail, with the id, goes to the server's log."""
    error_id = secrets.token_hex(6)
    sys.stderr.write(f"partygraph: error {error_id}: {type(exc).__name__}: {exc}\n{traceback.format_exc()}")
    sys.stderr.flush()
    return (500, "text/plain; charset=utf-8",
            f"internal error (id {error_id}); the server's log has the details\n".encode(), {})


def execute(store, op: str, text: str, accept: str | None, limit: int, allow_service: bool = False):
    """Run one request against `store`: (status, content type, body, extra headers)."""
    if not allow_service and calls_service(op, text):
        return 400, "text/plain; charset=utf-8", (SERVICE_DISABLED + "\n").encode(), {}
    if op == "update":
        store.update(text)
        return 204, "text/plain", b"", {}
    result = store.query(text, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryTriples):
        mtype = negotiate(accept, GRAPH_TYPES, "text/turtle")
        if mtype is None:
            return 406, "text/plain", b"acceptable types: " + ", ".join(GRAPH_TYPES).encode(), {}
        triples, truncated = [], False
        for t in result:
            if len(triples) >= limit:
                truncated = True
                break
            triples.append(t)
        fmt = GRAPH_TYPES[mtype]
        body = turtle(triples).encode() if fmt == ox.RdfFormat.TURTLE else ox.serialize(triples, format=fmt) or b""
        return 200, f"{GRAPH_TYPES[mtype].media_type}; charset=utf-8", body, _trunc(truncated, limit)
    mtype = negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
    if mtype is None:
        return 406, "text/plain", b"acceptable types: " + ", ".join(RESULT_TYPES).encode(), {}
    fmt = RESULT_TYPES[mtype]
    if isinstance(result, ox.QueryBoolean):
        return 200, _CONTENT_TYPE[fmt], serialize_boolean(bool(result), fmt), {}
    variables = [v.value for v in result.variables]
    rows, truncated = [], False
    for sol in result:
        if len(rows) >= limit:
            truncated = True
            break
        rows.append([sol[v] for v in variables])
    return 200, _CONTENT_TYPE[fmt], serialize_rows(variables, rows, fmt), _trunc(truncated, limit)


def _trunc(truncated: bool, limit: int) -> dict:
    # A capped answer still says so, in a header any client can check.
    return {"X-Partygraph-Truncated": f"results capped at {limit}"} if truncated else {}


def _worker_main(conn, store_path: str, writable: bool, limit: int, allow_service: bool = False) -> None:
    """Loop of a worker process: open the store, answer requests from `conn`."""
    try:
        store = ox.Store(store_path) if writable else ox.Store.read_only(store_path)
    except OSError as exc:
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", ""))
    while True:
        try:
            op, text, accept = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        try:
            reply = execute(store, op, text, accept, limit, allow_service)
        except SyntaxError as exc:
            reply = (400, "text/plain; charset=utf-8", f"SPARQL syntax error: {exc}".encode(), {})
        except Exception as exc:  # an engine error: an id for the client, the detail in the log; keep serving
            reply = internal_error(exc)
        conn.send(reply)


class _Worker:
    def __init__(self, ctx, store_path, writable, limit, allow_service):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, store_path, writable, limit, allow_service),
                                daemon=True)
        self.proc.start()
        child.close()
        kind, message = self.conn.recv()
        if kind != "ready":
            self.proc.join()
            raise PartygraphError(f"{store_path}: cannot open store: {message.splitlines()[0] if message else ''}")

    def kill(self):
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class WorkerPool:
    """Worker processes that each hold the store open; one request at a time each."""

    def __init__(self, store_path: str, writable: bool, size: int, limit: int, allow_service: bool = False):
        self.args = (store_path, writable, limit, allow_service)
        self.ctx = mp.get_context("spawn")
        self.idle: queue.Queue = queue.Queue()
        self.workers: set = set()
        self.lock = threading.Lock()
        # A read-write store can be opened by one process only.
        for _ in range(1 if writable else max(1, size)):
            self._add(_Worker(self.ctx, *self.args))

    def _add(self, worker):
        with self.lock:
            self.workers.add(worker)
        self.idle.put(worker)

    def run(self, op: str, text: str, accept: str | None, timeout: float):
        """Run a request with a deadline; on timeout the worker is replaced."""
        try:
            worker = self.idle.get(timeout=timeout)
        except queue.Empty:
            return 503, "text/plain; charset=utf-8", b"server busy: no free worker, try again", {}
        worker.conn.send((op, text, accept))
        if worker.conn.poll(timeout):
            try:
                reply = worker.conn.recv()
            except EOFError:
                reply = None
            if reply is not None:
                self.idle.put(worker)
                return reply
        with self.lock:
            self.workers.discard(worker)
        worker.kill()
        self._add(_Worker(self.ctx, *self.args))
        return (503, "text/plain; charset=utf-8",
                f"query stopped: it ran longer than the {timeout:g} s timeout".encode(), {})

    def close(self):
        """Stop every worker."""
        with self.lock:
            workers, self.workers = list(self.workers), set()
        for w in workers:
            w.kill()


# ---------------------------------------------------------------------------
# HTTP

class SparqlServer(ThreadingHTTPServer):
    """The HTTP server plus its settings and worker pool."""

    daemon_threads = True

    def __init__(self, address, pool: WorkerPool, timeout: float, allow_update: bool,
                 token: str | None, max_body: int, quiet: bool = False):
        self.pool = pool
        self.query_timeout = timeout
        self.allow_update = allow_update
        self.token = token
        self.max_body = max_body
        self.quiet = quiet
        self._page: bytes | None = None
        self._page_lock = threading.Lock()
        super().__init__(address, SparqlHandler)

    def page(self) -> bytes:
        """The editor page, its library examples bound with the served store's terms (made once)."""
        from partygraph import serve_page
        from partygraph.sparql import EmbeddedBackend

        with self._page_lock:
            if self._page is None:
                try:
                    backend = EmbeddedBackend(ox.Store.read_only(self.pool.args[0]))
                except OSError:  # the store cannot be opened a second time here: examples by text only
                    backend = None
                self._page = serve_page.page_html(backend)
            return self._page

    def server_close(self):
        super().server_close()
        self.pool.close()


class SparqlHandler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol: query via GET/POST, update via POST (if allowed)."""

    server: SparqlServer
    server_version = "partygraph-sparql/0.1"

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def _send(self, status: int, ctype: str, body: bytes, headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str, headers: dict | None = None):
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), headers)

    def do_GET(self):  # noqa: N802 - http.server naming
        """Serve the page at `/` and queries at `/sparql?query=…`."""
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html") or url.path.startswith("/static/"):
            return self._page(url.path)
        if url.path not in ("/sparql", "/query"):
            return self._error(404, "not found: use /sparql")
        params = parse_qs(url.query, keep_blank_values=True)
        if "update" in params:
            return self._error(405, "updates must use POST")
        if "query" not in params:
            return self._error(400, "missing query parameter")
        return self._run("query", params["query"][0], params)

    do_HEAD = do_GET

    def _page(self, path: str):
        """The YASGUI page and its files (`serve_page`: package data, looked up by exact name)."""
        from partygraph import serve_page

        headers = {"Content-Security-Policy": serve_page.CSP, "Referrer-Policy": "no-referrer"}
        if not path.startswith("/static/"):
            return self._send(200, "text/html; charset=utf-8", self.server.page(), headers)
        found = serve_page.static_file(path[len("/static/"):])
        if found is None:
            return self._error(404, "not found")
        return self._send(200, found[1], found[0], {**headers, "Cache-Control": "max-age=3600"})

    def do_POST(self):  # noqa: N802
        """Queries and updates in a form or as a raw SPARQL body."""
        url = urlsplit(self.path)
        if url.path not in ("/sparql", "/query", "/update"):
            return self._error(404, "not found: use /sparql")
        length = self.headers.get("Content-Length")
        if length is None:
            return self._error(411, "Content-Length required")
        try:
            size = int(length)
        except ValueError:
            return self._error(400, "bad Content-Length")
        if size < 0:  # read(-1) would read until the client stops sending, past any limit
            self.close_connection = True
            return self._error(400, "bad Content-Length")
        if size > self.server.max_body:
            self.close_connection = True
            # Read (and drop) a moderately big body first: a client still
            # sending when the socket closes sees a reset instead of the 413.
            left = size if size <= 16 << 20 else 0
            while left > 0:
                chunk = self.rfile.read(min(left, 1 << 16))
                if not chunk:
                    break
                left -= len(chunk)
            return self._error(413, f"request body over {self.server.max_body} bytes")
        raw = self.rfile.read(size)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            return self._error(400, "body is not UTF-8")
        params = parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
            if "update" in params:
                return self._run("update", params["update"][0], params)
            if "query" in params:
                return self._run("query", params["query"][0], params)
            return self._error(400, "form needs a query or update field")
        if ctype == "application/sparql-query":
            return self._run("query", body, params)
        if ctype == "application/sparql-update":
            return self._run("update", body, params)
        return self._error(415, "use application/x-www-form-urlencoded, application/sparql-query "
                                "or application/sparql-update")

    def _refuse_write(self):
        """Graph Store Protocol writes (PUT, DELETE, PATCH) are never accepted."""
        self.close_connection = True  # the unread body must not be taken for the next request
        return self._error(405, "Graph Store writes are not accepted; this endpoint answers SPARQL queries "
                                "(and updates only with --allow-update and the token)", {"Allow": "GET, HEAD, POST"})

    do_PUT = do_DELETE = do_PATCH = _refuse_write

    def _run(self, op: str, text: str, params: dict):
        if op == "update":
            if not self.server.allow_update:
                return self._error(403, "this endpoint is read-only (start it with --allow-update --token T)")
            given = self.headers.get("Authorization", "")
            expected = f"Bearer {self.server.token}"
            if not hmac.compare_digest(given.encode(), expected.encode()):
                return self._error(401, "updates need Authorization: Bearer <token>",
                                   {"WWW-Authenticate": 'Bearer realm="partygraph"'})
        accept = format_accept(params, self.headers.get("Accept"))
        try:
            status, ctype, body, headers = self.server.pool.run(op, text, accept, self.server.query_timeout)
        except Exception as exc:  # noqa: BLE001 - e.g. a worker that died; the client gets an id only
            status, ctype, body, headers = internal_error(exc)
        self._send(status, ctype, body, headers)


def is_loopback(host: str) -> bool:
    """True when `host` names this machine only (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def make_server(store_dir, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0,
                limit: int = 10_000, allow_update: bool = False, token: str | None = None,
                workers: int = 2, max_body: int = 1 << 20, quiet: bool = False,
                allow_service: bool = False) -> SparqlServer:
    """Build (not start) the endpoint; call `serve_forever()` on the result."""
    from partygraph.store import open_store, require_store_dir

    if allow_update and not token:
        raise PartygraphError("--allow-update needs --token T (clients send Authorization: Bearer T)")
    if allow_update:
        open_store(store_dir).flush()  # create it if missing; closed again when collected
    else:
        require_store_dir(store_dir)
    if not is_loopback(host):
        # Only an explicit --host gets here; say plainly what it means.
        sys.stderr.write(f"partygraph: warning: listening on {host}, reachable from other machines "
                         f"({'updates need the token' if allow_update else 'read-only'})\n")
    pool = WorkerPool(str(store_dir), allow_update, workers, limit, allow_service)
    try:
        return SparqlServer((host, port), pool, timeout, allow_update, token, max_body, quiet)
    except OSError as exc:
        pool.close()
        raise PartygraphError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
