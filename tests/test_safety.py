"""No lost or half-written data, and a SPARQL endpoint that is safe to serve.

Outputs: `build --output` is atomic (a failure mid-serialisation or a
SIGKILL leaves the previous file as it was), rebuilding gives the same
bytes whatever the number of workers, a store load killed with SIGKILL
keeps whole batches only.

Serving: `partygraph serve` is started as a user would (a subprocess, on
127.0.0.1, port 0) and attacked: updates and Graph Store writes, slow
queries, big answers, big and lying requests, injection through
`partygraph query -p`, and script in labels shown by the query page in
headless Chromium. tests/test_serve.py covers the same endpoint in-process;
these tests go through the command line and fill its gaps.
"""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

import browser
from partygraph import build as build_mod
from partygraph.build import build_files
from partygraph.serve import is_loopback
from partygraph.store import load_inputs, open_store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
FIXTURE = Path(__file__).parent / "fixtures" / "mini.ttl"
PGID = "https://w3id.org/partygraph/id/"
EVIL = '"} ; DROP ALL ; {"'
HOSTILE_LABEL = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
FIXTURE_TRIPLES = 337 + 119  # the fixture and its holdings view (partygraph.store.views)


def pg(*args, timeout=300, **kw):
    return subprocess.run([sys.executable, "-m", "partygraph.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, **kw)


# ---------------------------------------------------------------------------
# Atomic outputs and idempotent rebuilds

@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld"])
def test_safety_build_failure_mid_write_keeps_previous_output(tmp_path, monkeypatch, suffix):
    out = tmp_path / f"graph{suffix}"
    out.write_bytes(b"previous good graph\n")
    real = build_mod.iter_graph

    def failing(*args, **kwargs):
        for i, graph in enumerate(real(*args, **kwargs)):
            if i == 2:  # after the role scheme and the first article
                raise RuntimeError("disk on fire")
            yield graph

    monkeypatch.setattr(build_mod, "iter_graph", failing)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build_files([SEEDS], out, progress=False)
    assert out.read_bytes() == b"previous good graph\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left behind


def _article_jsonl(path: Path, copies: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(copies):
            fh.write(json.dumps({"id": f"copy{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")


def test_safety_build_killed_mid_write_keeps_previous_output(tmp_path):
    src = tmp_path / "many.jsonl"
    _article_jsonl(src, 4000)
    out = tmp_path / "out" / "graph.nt"
    out.parent.mkdir()
    out.write_bytes(b"previous good graph\n")
    proc = subprocess.Popen([sys.executable, "-m", "partygraph.cli", "build", str(src), "--output", str(out),
                             "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    killed = False
    while time.monotonic() < deadline and proc.poll() is None:
        temps = [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]
        if temps and temps[0].stat().st_size > 1_000_000:  # well into writing
            proc.send_signal(signal.SIGKILL)
            killed = True
            break
        time.sleep(0.01)
    proc.wait()
    assert killed, "the build finished before it could be killed; give it more input"
    assert out.read_bytes() == b"previous good graph\n"


def test_safety_rebuild_is_byte_identical_whatever_the_workers(tmp_path):
    src = tmp_path / "articles.jsonl"
    _article_jsonl(src, 12)
    outs = {}
    for name, workers in (("a.ttl", 1), ("b.ttl", 1), ("c.ttl", 2), ("a.nt", 1), ("c.nt", 2)):
        out = tmp_path / name
        proc = pg("build", SEEDS, src, "--output", out, "--workers", workers)
        assert proc.returncode == 0, proc.stderr
        outs[name] = out.read_bytes()
    assert outs["a.ttl"] == outs["b.ttl"] == outs["c.ttl"]
    assert outs["a.nt"] == outs["c.nt"]
    assert b"copy11" in outs["a.nt"]


def _synthetic_nt(path: Path, articles: int, per_article: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for a in range(articles):
            art = f"<{PGID}article/k{a}>"
            for i in range(per_article // 2):
                node = f"<{PGID}membership/k{a}-{i}>"
                fh.write(f'{node} <{PGID}p> "{i}" .\n{node} <http://www.w3.org/ns/prov#wasDerivedFrom> {art} .\n')


def test_safety_store_load_killed_keeps_whole_batches(tmp_path):
    """SIGKILL a load: the store opens and holds exactly the batches committed before the kill.

    Each article has 40 triples and a batch is 1,000 triples, so one
    transaction holds 25 whole articles; the store must hold the first
    25·k articles complete, never a part of a batch. (tests/test_store.py
    checks articles are whole; this checks the batch, and that the kill
    really landed mid-load.)
    """
    data = tmp_path / "big.nt"
    _synthetic_nt(data, articles=4000, per_article=40)
    db = tmp_path / "db"
    proc = subprocess.Popen([sys.executable, "-m", "partygraph.cli", "load", str(data), "--store", str(db),
                             "--batch", "1000"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists() and sum(f.stat().st_size for f in db.iterdir() if f.is_file()) > 15_000_000:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the load finished before it could be killed; give it more input"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = open_store(db)
    counts: dict[str, int] = {}
    for quad in store:
        counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
    n = len(counts)
    assert 0 < n < 4000 and n % 25 == 0, n
    assert set(counts) == {f"{PGID}article/k{a}" for a in range(n)}
    assert set(counts.values()) == {40}
    del store
    # ... and the store takes the rest: the full load ends with every article once.
    assert load_inputs(db, [data], batch=10_000).quads_after == 160_000


# ---------------------------------------------------------------------------
# The endpoint, started through the command line

class Server:
    """`partygraph serve` in a subprocess; `url` is its base URL."""

    def __init__(self, store: Path, *args: str):
        self.proc = subprocess.Popen([sys.executable, "-m", "partygraph.cli", "serve", "--store", str(store),
                                      "--port", "0", "--quiet", "--workers", "1", *args],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        found = threading.Event()

        def read():
            for line in self.proc.stderr:
                self.lines.append(line)
                if "SPARQL endpoint on" in line:
                    found.set()
            found.set()

        threading.Thread(target=read, daemon=True).start()
        if not found.wait(60) or self.proc.poll() is not None:
            self.stop()
            raise AssertionError("serve did not start: " + "".join(self.lines))
        match = re.search(r"http://([^/]+)/sparql", "".join(self.lines))
        self.host = match.group(1)
        self.url = "http://" + self.host

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def http(url, data=None, headers=None, method=None, timeout=30):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def count(url) -> int:
    status, _, body = http(url + "/sparql", data=b"SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                           headers={"Content-Type": "application/sparql-query"})
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("safety") / "db"
    hostile = path.parent / "hostile.nt"
    hostile.write_text(f'<{PGID}org/evil> <http://www.w3.org/2004/02/skos/core#prefLabel> '
                       f'{ox.Literal(HOSTILE_LABEL, language="vi")} .\n', encoding="utf-8")
    load_inputs(path, [FIXTURE, hostile])
    return path


@pytest.fixture(scope="module")
def server(store_dir):
    s = Server(store_dir, "--timeout", "1", "--limit", "3", "--max-body", "4096")
    yield s
    s.stop()


def test_safety_serve_listens_on_loopback_by_default(server):
    assert server.host.startswith("127.0.0.1:")
    port = int(server.host.split(":")[1])
    # Another address of this machine, if it has one, must not answer.
    others = set()
    try:
        others = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    except OSError:
        pass
    for address in others - {"127.0.0.1"}:
        if is_loopback(address):
            continue
        with socket.socket() as s:
            s.settimeout(2)
            assert s.connect_ex((address, port)) != 0, f"{address}:{port} answered"


def test_safety_serve_non_loopback_only_on_request_and_warned(store_dir):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("::") and not is_loopback("192.168.1.5")
    # 192.0.2.1 (TEST-NET-1) is on no interface: the warning is printed, then binding fails,
    # so the test never listens beyond loopback.
    proc = pg("serve", "--store", store_dir, "--host", "192.0.2.1", "--port", "0", "--workers", "1", timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines[0].startswith("partygraph: warning: listening on 192.0.2.1, reachable from other machines")
    assert lines[-1].startswith("partygraph: cannot listen on 192.0.2.1:0")


def test_safety_serve_refuses_updates_and_graph_store_writes(server):
    before = count(server.url)
    update = b"DROP ALL"
    for path in ("/update", "/sparql"):
        for headers in ({}, {"Authorization": "Bearer anything"}):
            status, _, body = http(server.url + path, data=update,
                                   headers={"Content-Type": "application/sparql-update", **headers})
            assert status == 403 and b"read-only" in body
    nt = f'<{PGID}x> <{PGID}y> "z" .'.encode()
    for method in ("PUT", "POST", "DELETE", "PATCH"):
        for path in ("/store?default", f"/store?graph={urllib.parse.quote(PGID + 'graph/shared')}",
                     "/sparql?default", "/data"):
            status, _, _ = http(server.url + path, data=nt if method != "DELETE" else None, method=method,
                                headers={"Content-Type": "application/n-triples"})
            assert status in (400, 404, 405, 415), (method, path, status)
    assert count(server.url) == before == FIXTURE_TRIPLES + 1


def test_safety_serve_update_needs_flag_and_token(tmp_path):
    proc = pg("serve", "--store", tmp_path / "db", "--allow-update", "--port", "0", timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip() == ("partygraph: --allow-update needs --token T "
                                   "(clients send Authorization: Bearer T)")
    s = Server(tmp_path / "db", "--allow-update", "--token", "s3cret")
    try:
        update = f'INSERT DATA {{ <{PGID}a> <{PGID}b> "c" }}'.encode()
        ctype = {"Content-Type": "application/sparql-update"}
        assert http(s.url + "/update", data=update, headers=ctype)[0] == 401
        assert http(s.url + "/update", data=update, headers={**ctype, "Authorization": "Bearer s3cre"})[0] == 401
        assert count(s.url) == 0
        assert http(s.url + "/update", data=update, headers={**ctype, "Authorization": "Bearer s3cret"})[0] == 204
        assert count(s.url) == 1
        # Graph Store writes stay refused even on a writable endpoint.
        status, _, _ = http(s.url + "/store?default", data=b"", method="PUT",
                            headers={"Content-Type": "application/n-triples", "Authorization": "Bearer s3cret"})
        assert status == 405 and count(s.url) == 1
    finally:
        s.stop()


def test_safety_serve_timeout_stops_a_slow_query(server):
    started = time.monotonic()
    status, _, body = http(server.url + "/sparql", data=SLOW.encode(),
                           headers={"Content-Type": "application/sparql-query"})
    assert status == 503 and b"timeout" in body
    assert time.monotonic() - started < 15
    assert count(server.url) == FIXTURE_TRIPLES + 1  # a fresh worker answers the next query


def test_safety_serve_caps_result_size(server):
    query = urllib.parse.quote("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    status, headers, body = http(f"{server.url}/sparql?query={query}", headers={"Accept": "text/csv"})
    assert status == 200 and "capped at 3" in headers["X-Partygraph-Truncated"]
    assert len(body.decode().splitlines()) == 1 + 3


def test_safety_serve_limits_request_size(server):
    status, _, _ = http(server.url + "/sparql", data=b"#" * 5000 + b"\nASK {}",
                        headers={"Content-Type": "application/sparql-query"})
    assert status == 413
    # A URL past http.server's 64 kB request line is refused too.
    status, _, _ = http(server.url + "/sparql?query=" + "%23" * 70_000)
    assert status == 414
    assert count(server.url) == FIXTURE_TRIPLES + 1


def test_safety_serve_negative_content_length_is_refused(server):
    """A negative Content-Length must not make the server read a body without end."""
    host, port = server.host.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                  b"Content-Length: -1\r\n\r\nASK {}")
        reply = s.recv(200)
    assert reply.startswith(b"HTTP/1.0 400") or reply.startswith(b"HTTP/1.1 400"), reply


def test_safety_query_param_injection_returns_no_extra_data(server, store_dir):
    for where in (["--store", str(store_dir)], ["--endpoint", server.url + "/sparql"]):
        proc = pg("query", "search-units", "-p", "text", EVIL, *where, "--format", "csv", timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.splitlines() == ["unit,label,level,provinceName"]
        # A name is looked up first (sparql/names.py): nobody is called that, said in one line.
        proc = pg("query", "person-career", "-p", "name", EVIL, *where, "--format", "json", timeout=60)
        assert proc.returncode == 2 and proc.stdout == ""
        assert proc.stderr.splitlines() == [f"partygraph: person-career: name {EVIL!r}: nobody of that name in the store"]
    shown = pg("query", "search-units", "-p", "text", EVIL, "--show").stdout
    assert str(ox.Literal(EVIL)) in shown and "DROP ALL ;" not in shown.replace(str(ox.Literal(EVIL)), "")
    assert count(server.url) == FIXTURE_TRIPLES + 1


@pytest.mark.browser
@pytest.mark.skipif(not browser.available(), reason="needs Chromium (/usr/bin/chromium) and playwright")
def test_safety_query_page_shows_hostile_label_as_text(server):
    from test_serve_page import _run_in_editor, _value

    query = ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
             f"SELECT ?label WHERE {{ <{PGID}org/evil> skos:prefLabel ?label }}")
    with browser.open_page(server.url + "/") as run:
        browser.wait_settled(run, 60)
        rows = _run_in_editor(run, query)  # typed into the YASGUI editor, run from its button
        run.page.wait_for_timeout(300)  # time for any injected handler to fire
        assert [_value(cell) for cell in rows[0]] == [HOSTILE_LABEL]
        assert run.page.evaluate("window.__xss") is None
        assert run.page.evaluate("document.querySelectorAll('.yasr td img, .yasr td script').length") == 0
    # Nothing but the page's own files and the endpoint was fetched (an <img src=x> would be).
    assert {u.split("?")[0] for u in run.requests} <= {server.url + "/sparql", *(
        f"{server.url}/static/{n}" for n in ("yasgui.min.js", "yasgui.min.css", "partygraph.js"))}, run.requests
    assert run.dialogs == [] and run.errors == []
