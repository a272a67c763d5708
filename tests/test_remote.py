"""Remote engines: push the graph to a real Oxigraph server and read it back.

Starts `oxigraph serve` (the PyPI `oxigraph` package's binary) on a free
127.0.0.1 port with the union default graph, the setting that makes a
server answer like the embedded store.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from partygraph import sparql as q
from partygraph.cli import cli
from partygraph.store import load_inputs, open_store
from engines import example_params, free_port, wait_until_up

FIXTURE = Path(__file__).parent / "fixtures" / "mini.ttl"
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


@pytest.fixture()
def oxigraph_server(tmp_path):
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "server"),
                             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    if not wait_until_up(base + "/query?query=ASK%7B%7D", proc, 30):
        proc.kill()
        pytest.fail("oxigraph server did not start")
    yield base
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def embedded(tmp_path_factory, seed_graph):
    """The seed graph (tests/conftest.py) in an embedded store, and its quad count."""
    path = tmp_path_factory.mktemp("embedded") / "db"
    summary = load_inputs(path, [seed_graph])
    return q.EmbeddedBackend(open_store(path, read_only=True)), summary.quads_after


def count(base):
    res = q.RemoteBackend(base + "/query").run("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return res.records()[0]["n"]


@pytest.mark.parametrize("how", ["update", "gsp"])
def test_remote_load_and_query_match_embedded(oxigraph_server, embedded, seed_graph, how):
    """The seed graph pushed with `load --endpoint` answers every library query as the embedded store does."""
    base = oxigraph_server
    local, quads = embedded
    target = ["--update-endpoint", base + "/update"] if how == "update" else ["--gsp", base + "/store"]
    runner = CliRunner()
    r = runner.invoke(cli, ["load", str(seed_graph), "--endpoint", base + "/query", *target])
    assert r.exit_code == 0, r.output
    assert count(base) == quads > 1000
    # Loading again changes nothing on the server either.
    r = runner.invoke(cli, ["load", str(seed_graph), "--endpoint", base + "/query", *target])
    assert r.exit_code == 0, r.output
    assert count(base) == quads
    answered = []
    for qf in q.list_queries():
        # Names in the examples looked up as `partygraph query` does (sparql/names.py).
        text = q.prepare_named(local, qf, example_params(qf))[0]
        got = CliRunner().invoke(cli, ["query", qf.name, *sum((["-p", k, v] for k, v in example_params(qf)), []),
                                       "--endpoint", base + "/query", "--format", "csv"])
        assert got.exit_code == 0, (qf.name, got.output)
        want = local.run(text)
        assert got.stdout.splitlines() == q.format_csv(want).splitlines(), qf.name
        if want.rows:
            answered.append(qf.name)
    # The comparison means something: most examples find rows on the seeds.
    assert len(answered) >= 10, answered


def test_remote_query_command_and_injection(oxigraph_server):
    base = oxigraph_server
    runner = CliRunner()
    # Without the query URL the view cannot be summed there, and the load says so.
    r = runner.invoke(cli, ["load", str(FIXTURE), "--update-endpoint", base + "/update"])
    assert r.exit_code == 0 and "holdings view NOT refreshed" in r.output
    r = runner.invoke(cli, ["load", str(FIXTURE), "--update-endpoint", base + "/update", "--endpoint", base + "/query"])
    assert r.exit_code == 0 and "holdings view 119 triples" in r.output  # 10 of them pg:isCurrent
    before = count(base)
    r = runner.invoke(cli, ["query", "post-succession", "-p", "unit", "pgid:org/dang-bo-tinh-binh-phuoc",
                            "-p", "role", "Bí thư", "--endpoint", base + "/query", "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[1] == "Nguyễn Văn Lợi,nhiệm kỳ 2015–2020,Trần Tuệ Hiền,nhiệm kỳ 2020–2025"
    r = runner.invoke(cli, ["query", "search-units", "-p", "text", '"} ; DROP ALL ; {"',
                            "--endpoint", base + "/query", "--format", "csv"])
    assert r.exit_code == 0 and r.output.splitlines() == ["unit,label,level,provinceName"]
    assert count(base) == before > 300  # the injected DROP ALL did nothing


def test_remote_unreachable_is_one_line(tmp_path):
    port = free_port()
    r = CliRunner().invoke(cli, ["query", "search-units", "-p", "text", "x",
                                 "--endpoint", f"http://127.0.0.1:{port}/query"])
    assert r.exit_code == 2 and r.output.count("\n") == 1 and f"127.0.0.1:{port}" in r.output
