"""`partygraph serve`: SPARQL 1.1 Protocol over the store, on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from SPARQLWrapper import CSV, JSON, POST, XML, SPARQLWrapper

from partygraph import sparql as q
from partygraph.serve import make_server, negotiate
from partygraph.store import load_inputs, open_store

FIXTURE = Path(__file__).parent / "fixtures" / "mini.ttl"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "db"
    load_inputs(path, [FIXTURE])
    return path


def start(store_dir, **kw):
    server = make_server(store_dir, port=0, quiet=True, workers=1, **kw)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def endpoint(store_dir):
    server, url = start(store_dir, timeout=2, limit=5)
    yield url
    server.shutdown()
    server.server_close()


def http(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_serve_answers_sparqlwrapper_like_the_store(endpoint, store_dir):
    text = q.prepare(q.load_query("province-leadership"), {"province": "Bình Phước"})
    sw = SPARQLWrapper(endpoint + "/sparql")
    sw.setQuery(text)
    sw.setReturnFormat(JSON)
    remote = q.from_sparql_json(sw.query().convert())
    local = q.EmbeddedBackend(open_store(store_dir, read_only=True)).run(text)
    assert remote.rows == local.rows and len(remote.rows) == 2
    sw.setMethod(POST)
    sw.setReturnFormat(XML)
    doc = sw.query().convert()  # parsed XML DOM
    names = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    assert "Trần Tuệ Hiền" in names


def test_serve_content_negotiation(endpoint):
    query = urllib.parse.quote("SELECT ?l WHERE { <https://w3id.org/partygraph/id/org/dang-bo-tinh-an-giang> "
                               "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }")
    url = f"{endpoint}/sparql?query={query}"
    status, h, body = http(url, headers={"Accept": "text/csv"})
    assert status == 200 and h["Content-Type"].startswith("text/csv")
    assert body.decode().splitlines() == ["l", "Đảng bộ tỉnh An Giang"]
    status, h, body = http(url, headers={"Accept": "text/tab-separated-values"})
    assert body.decode().splitlines() == ["?l", '"Đảng bộ tỉnh An Giang"@vi']
    status, h, body = http(url, headers={"Accept": "text/html;q=0.9, application/sparql-results+xml"})
    assert h["Content-Type"].startswith("application/sparql-results+xml") and b'xml:lang="vi"' in body
    status, h, body = http(url, headers={"Accept": "image/png"})
    assert status == 406
    construct = urllib.parse.quote("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o "
                                   "FILTER(?s = <https://w3id.org/partygraph/id/membership/m11>) }")
    status, h, body = http(f"{endpoint}/sparql?query={construct}", headers={"Accept": "application/n-triples"})
    assert status == 200
    triples = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
    assert len(triples) == 5  # capped at --limit 5 (the membership has 10 triples)
    assert "capped" in h.get("X-Partygraph-Truncated", "")
    status, h, body = http(f"{endpoint}/sparql", data=b"ASK { ?s ?p ?o }",
                           headers={"Content-Type": "application/sparql-query"})
    assert json.loads(body) == {"head": {}, "boolean": True}


def test_serve_result_limit(endpoint):
    sw = SPARQLWrapper(endpoint + "/sparql")
    sw.setQuery("SELECT ?s WHERE { ?s ?p ?o }")
    sw.setReturnFormat(CSV)
    resp = sw.query()
    assert "capped at 5" in resp.info()["x-partygraph-truncated"]
    assert len(resp.convert().decode().splitlines()) == 6


def test_serve_refuses_updates_when_read_only(endpoint, store_dir):
    sw = SPARQLWrapper(endpoint + "/sparql", updateEndpoint=endpoint + "/update")
    sw.setMethod(POST)
    sw.setQuery("DROP ALL")
    with pytest.raises(Exception) as info:
        sw.query()
    assert "403" in str(info.value) or "Forbidden" in type(info.value).__name__ + str(info.value)
    status, _, _ = http(f"{endpoint}/sparql", data=b"update=DROP+ALL",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    # An update sent as a query is a syntax error, not an update.
    status, _, body = http(f"{endpoint}/sparql", data=b"query=DROP+ALL",
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and b"syntax" in body
    assert len(open_store(store_dir, read_only=True)) == 337 + 119  # the fixture and its holdings view


def test_serve_timeout_stops_a_slow_query(endpoint):
    status, _, body = http(f"{endpoint}/sparql", data=SLOW.encode(),
                           headers={"Content-Type": "application/sparql-query"})
    assert status == 503 and b"timeout" in body
    # The worker was replaced: the next query is answered.
    status, _, body = http(f"{endpoint}/sparql", data=b"ASK { ?s ?p ?o }",
                           headers={"Content-Type": "application/sparql-query"})
    assert status == 200 and b"true" in body


def test_serve_request_size_limit(endpoint):
    status, _, _ = http(f"{endpoint}/sparql", data=b"#" * (2 << 20),
                        headers={"Content-Type": "application/sparql-query"})
    assert status == 413


def test_serve_injection_through_endpoint_gets_no_extra_data(endpoint):
    text = q.prepare(q.load_query("person-career"), {"name": '"} ; DROP ALL ; { ?p ?x ?y'})
    rows = q.RemoteBackend(endpoint + "/sparql").run(text).rows
    assert rows == []


def test_serve_page_escapes_data(endpoint):
    status, h, body = http(endpoint + "/")
    page = body.decode()
    assert status == 200 and "script-src 'self';" in h["Content-Security-Policy"]  # YASGUI: tests/test_serve_page.py
    assert 'FILTER(lang(?role) = \\"vi\\")' in page  # the sample query is JSON data in the page


def test_serve_update_needs_token(tmp_path):
    server, url = start(tmp_path / "rw", allow_update=True, token="s3cret", timeout=5)
    try:
        update = b'INSERT DATA { <http://e/a> <http://e/b> "c" }'
        ctype = {"Content-Type": "application/sparql-update"}
        assert http(url + "/update", data=update, headers=ctype)[0] == 401
        assert http(url + "/update", data=update, headers={**ctype, "Authorization": "Bearer wrong"})[0] == 401
        assert http(url + "/update", data=update, headers={**ctype, "Authorization": "Bearer s3cret"})[0] == 204
        status, _, body = http(url + "/sparql?query=" + urllib.parse.quote("SELECT ?o WHERE { ?s ?p ?o }"))
        assert json.loads(body)["results"]["bindings"] == [{"o": {"type": "literal", "value": "c"}}]
    finally:
        server.shutdown()
        server.server_close()


def test_serve_negotiate():
    types = {"a/x": 1, "a/y": 2, "b/z": 3}
    assert negotiate(None, types, "a/x") == "a/x"
    assert negotiate("a/y;q=0.5, b/z", types, "a/x") == "b/z"
    assert negotiate("b/*", types, "a/x") == "b/z"
    assert negotiate("*/*;q=0.1", types, "a/x") == "a/x"
    assert negotiate("a/y;q=0", types, "a/x") is None
