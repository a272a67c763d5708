"""`partygraph serve`'s page: YASGUI from the package's own files, run in headless Chromium against a real server."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest

import browser
from partygraph import serve_page
from partygraph import sparql as q
from partygraph.serve import make_server
from partygraph.store import load_inputs, open_store
from test_serve import http

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "partygraph" / "serve_static"
HOSTILE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
QUERY = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
SELECT DISTINCT ?name WHERE { ?m org:member ?p . ?p foaf:name ?name } ORDER BY ?name"""

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A read-only endpoint over the bundled seed articles, on 127.0.0.1."""
    path = tmp_path_factory.mktemp("page") / "db"
    load_inputs(path, [ROOT / "data" / "seeds"])
    srv = make_server(path, port=0, quiet=True, workers=1, timeout=10)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", q.EmbeddedBackend(open_store(path, read_only=True))
    srv.shutdown()
    srv.server_close()


def test_serve_page_static_files_by_exact_name_only(server):
    base, _ = server
    status, headers, body = http(base + "/static/yasgui.min.js")
    assert status == 200 and body == (STATIC / "yasgui.min.js").read_bytes()
    assert headers["Content-Type"].startswith("text/javascript") and headers["X-Content-Type-Options"] == "nosniff"
    for path in ("/static/../serve.py", "/static/%2e%2e/serve.py", "/static/..%2fserve.py", "/static/",
                 "/static/serve_page.py", "/static//etc/passwd", "/static/yasgui.min.js/", "/static/YASGUI.MIN.JS"):
        assert http(base + path)[0] == 404, path
    # Nothing that is not a static file of the page answers under /static/, whatever the package holds.
    assert sorted(serve_page.STATIC) == sorted(p.name for p in STATIC.iterdir())


def test_serve_page_policy_and_inlined_configuration(server, tmp_path, monkeypatch):
    base, _ = server
    status, headers, body = http(base + "/")
    page = body.decode()
    csp = headers["Content-Security-Policy"]
    assert status == 200 and "script-src 'self';" in csp and "connect-src 'self'" in csp and "unsafe-eval" not in csp
    # No inline script runs: every <script> loads a static file or holds JSON data.
    assert page.count("<script") == 3 and page.count('<script src="static/') == 2
    assert 'type="application/json"' in page and "https://" not in page.split("<script", 1)[0]
    # The whole library is offered, each query with its example's parameters bound.
    assert all(f'"name": "{qf.name}"' in page for qf in q.list_queries())
    assert 'VALUES (?name) { (\\"Nguyễn Phúc Hậu\\") }' in page
    # A unit written by name in an example is bound as the store's IRI for it, so its tab finds rows.
    assert 'VALUES (?unit) { (\\u003chttps://w3id.org/partygraph/id/org/dang-bo-tinh-binh-phuoc\\u003e) }' in page
    # A query file whose text would end the data block stays data.
    (tmp_path / "evil.rq").write_text(f"# purpose: {HOSTILE}</script>\nSELECT * WHERE {{ ?s ?p ?o }}\n",
                                      encoding="utf-8")
    monkeypatch.setenv("PARTYGRAPH_QUERIES", str(tmp_path))
    html = serve_page.page_html().decode()
    assert "</script><script>window" not in html and "\\u003c/script\\u003e" in html


def _table(page) -> list[list[str]]:
    """The rows YASR shows in the active tab (cell texts, the row-number column left out)."""
    return page.evaluate("""() => [...document.querySelectorAll('.tabPanel.active .yasr table tbody tr')]
        .map(tr => [...tr.querySelectorAll('td')].slice(1).map(td => td.innerText.trim()))""")


def _run_in_editor(run, query: str | None = None) -> list[list[str]]:
    """Type `query` (if given) into the active tab's editor, press its run button, wait for the table."""
    page = run.page
    if query is not None:
        page.click(".tabPanel.active .CodeMirror")
        page.keyboard.press("Control+A")
        page.keyboard.insert_text(query)
    page.evaluate("() => { for (const t of document.querySelectorAll('.tabPanel.active .yasr tbody')) t.remove(); }")
    page.click(".tabPanel.active .yasqe_queryButton")
    page.wait_for_selector(".tabPanel.active .yasr table tbody tr", timeout=30_000)
    return _table(page)


def _value(cell: str) -> str:
    """A literal's value as YASR shows it: '"Bí thư"@vi' and '"5"^^xsd:integer' without the quotes and tags."""
    return re.sub(r'^"(.*)"(@[\w-]+|\^\^\S+)$', r"\1", cell, flags=re.S)


@pytest.mark.browser
@pytest.mark.skipif(not browser.available(), reason="needs Chromium (/usr/bin/chromium) and playwright")
def test_serve_page_yasgui_runs_queries_in_chromium(server, tmp_path):
    base, backend = server
    with browser.open_page(base + "/") as run:
        browser.wait_settled(run, 60)
        page = run.page
        # The first tab: the partygraph prefixes and a query, answered by this server.
        first = page.evaluate("() => window.partygraph.yasgui.getTab().getYasqe().getValue()")
        assert first.startswith("PREFIX pg: <https://w3id.org/partygraph/ontology#>")
        assert page.evaluate("() => window.partygraph.yasgui.getTab().getEndpoint()") == base + "/sparql"
        # A query typed into the editor and run from its button: the page shows the store's rows.
        shown = _run_in_editor(run, QUERY)
        names = [r["name"] for r in backend.run(QUERY).records()]
        assert len(names) >= 10 and [_value(row[0]) for row in shown] == names
        # A library query from the menu opens in a new tab, its example bound, and runs.
        page.select_option("#library", "person-career")
        assert page.inner_text(".tabPanel.active .yasqe").count("Nguyễn Phúc Hậu") >= 1
        qf = q.load_query("person-career")
        want = backend.run(q.prepare(qf, qf.example_params())).records()
        shown = _run_in_editor(run)
        assert len(want) >= 2 and sorted(_value(r[1]) for r in shown) == sorted(r["role"] for r in want)
        assert not run.errors and not run.console_errors and not run.dialogs
        # Markup in a result is shown as text, never run. (The table's code parses a cell's text as HTML
        # once, off the page; the policy refuses the event handler it finds there, and says so.)
        shown = _run_in_editor(run, f"SELECT ?x WHERE {{ BIND({q.term_text(ox.Literal(HOSTILE))} AS ?x) }}")
        assert _value(shown[0][0]) == HOSTILE and page.evaluate("() => window.__xss") is None
        assert all("violates the following Content Security Policy" in e for e in run.console_errors)
        # Typing a class or property asks no vocabulary service: only offline completers are on.
        page.click(".tabPanel.active .CodeMirror")
        page.keyboard.press("Control+A")
        page.keyboard.type("PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nSELECT * WHERE { ?s a foaf:Pers")
        page.keyboard.press("Control+Space")
        page.wait_for_timeout(1000)
        assert page.evaluate("() => window.partygraph.yasgui.getTab().getYasqe().config.autocompleters") == [
            "prefixes", "variables"]
        page.screenshot(path=str(tmp_path / "yasgui.png"))
        assert (tmp_path / "yasgui.png").stat().st_size > 20_000
    # The page asked this server for its files and queries, nothing else, and nothing failed.
    assert set(run.requests) <= {f"{base}/static/{n}" for n in ("yasgui.min.js", "yasgui.min.css", "partygraph.js")} | {
        f"{base}/sparql"}, run.requests
    assert run.requests.count(f"{base}/sparql") == 3
    assert not run.errors and not run.dialogs
