"""The on-disk store: partitioning, idempotent loads, replacement, atomicity, CLI errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner

from partygraph.cli import cli
from partygraph.store import (SHARED_GRAPH, load_graphs, load_inputs, open_store, partition,
                              read_graph_file)

FIXTURE = Path(__file__).parent / "fixtures" / "mini.ttl"
PGID = "https://w3id.org/partygraph/id/"


def quads(path):
    store = open_store(path, read_only=True)
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store}


def test_store_partition_puts_each_triple_in_one_graph():
    triples = read_graph_file(FIXTURE)
    graphs = partition(triples)
    assert set(graphs) == {SHARED_GRAPH, PGID + "article/a1", PGID + "article/a2", PGID + "article/a3"}
    assert sum(len(v) for v in graphs.values()) == len(triples)
    a1 = {str(t.subject) for t in graphs[PGID + "article/a1"]}
    shared = {str(t.subject) for t in graphs[SHARED_GRAPH]}
    # Mention-level nodes and sentences belong to their article ...
    assert f"<{PGID}membership/m01>" in a1 and f"<{PGID}article/a1/s100-260>" in a1
    assert f"<{PGID}person/kieu-the-lam-aaaaaaaaaa01>" in a1
    # ... organisations, congresses and roles are shared.
    assert f"<{PGID}org/dang-bo-tinh-binh-phuoc>" in shared
    assert f"<{PGID}congress/dang-bo-khoi-cac-co-quan-tinh-binh-phuoc-8>" in shared
    assert "<https://w3id.org/partygraph/role/bi-thu>" in shared
    assert not a1 & shared


def test_store_second_load_changes_nothing(tmp_path):
    first = load_inputs(tmp_path / "db", [FIXTURE])
    before = quads(tmp_path / "db")
    second = load_inputs(tmp_path / "db", [FIXTURE])
    # The file's triples plus the holdings view, which a reload leaves as it was.
    assert first.view_triples == second.view_triples > 20
    assert first.quads_after == second.quads_after == len(before) == len(read_graph_file(FIXTURE)) + first.view_triples
    assert quads(tmp_path / "db") == before


def test_store_reloading_an_article_replaces_its_graph(tmp_path):
    load_inputs(tmp_path / "db", [FIXTURE])
    # A rebuilt a3 without the HĐND office: that office must disappear,
    # the org node (shared) stays.
    kept = [t for t in read_graph_file(FIXTURE)
            if str(t.subject).startswith(f"<{PGID}article/a3") or t.subject.value.endswith("m11")
            or t.subject.value.endswith("cccccccccc01")]
    store = open_store(tmp_path / "db")
    load_graphs(store, partition(kept))
    graph = ox.NamedNode(PGID + "article/a3")
    subjects = {q.subject.value for q in store.quads_for_pattern(None, None, None, graph)}
    assert PGID + "membership/m11" in subjects and PGID + "membership/m12" not in subjects
    assert list(store.quads_for_pattern(ox.NamedNode(PGID + "org/hoi-dong-nhan-dan-tinh-an-giang"), None, None))


def test_store_union_has_no_duplicate_triples(tmp_path):
    summary = load_inputs(tmp_path / "db", [FIXTURE])
    store = open_store(tmp_path / "db")
    res = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    assert int(next(iter(res))["n"].value) == len(read_graph_file(FIXTURE)) + summary.view_triples


def _synthetic(path: Path, articles: int, per_article: int):
    lines = []
    for a in range(articles):
        art = f"<{PGID}article/x{a}>"
        for i in range(per_article):
            lines.append(f'<{PGID}membership/x{a}-{i}> <{PGID}p> "{i}" .')
            lines.append(f"<{PGID}membership/x{a}-{i}> <http://www.w3.org/ns/prov#wasDerivedFrom> {art} .")
    path.write_text("\n".join(lines) + "\n")


def test_store_killed_load_leaves_whole_batches(tmp_path):
    """Kill a load mid-way: the store opens, and every article graph in it is complete."""
    data = tmp_path / "big.nt"
    _synthetic(data, articles=3000, per_article=20)  # 120 000 triples, 40 per article
    db = tmp_path / "db"
    exe = Path(sys.executable).parent / "partygraph"
    proc = subprocess.Popen([str(exe), "load", str(data), "--store", str(db), "--batch", "400"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # Kill once a good part is written (the whole load writes ~120 MB).
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists() and sum(f.stat().st_size for f in db.iterdir() if f.is_file()) > 20_000_000:
            break
        time.sleep(0.02)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = open_store(db)
    counts: dict = {}
    for quad in store:
        counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
    assert all(n == 40 for n in counts.values()), {g: n for g, n in counts.items() if n != 40}
    assert 0 < len(counts) < 3000 if killed else len(counts) == 3000
    # And it keeps working: finish the load.
    del store
    assert load_inputs(db, [data], batch=5000).quads_after == 120_000


def test_store_cli_bad_graph_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://e/> .\nex:a ex:b \n")
    result = CliRunner().invoke(cli, ["load", str(bad), str(FIXTURE), "--store", str(tmp_path / "db")])
    assert result.exit_code == 1  # like build: the bad input named on one line, the others loaded
    assert len([line for line in result.output.splitlines() if str(bad) in line]) == 1
    assert "Traceback" not in result.output and "1 input(s) failed" in result.output
    assert "(+456)" in result.output


def test_store_cli_load_and_query(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "db")
    r = runner.invoke(cli, ["load", str(FIXTURE), "--store", db])
    assert r.exit_code == 0, r.output
    assert "(+456)" in r.output and "holdings view 119 triples" in r.output  # 337 triples + the view (10 pg:isCurrent)
    r = runner.invoke(cli, ["load", str(FIXTURE), "--store", db])
    assert "(+0)" in r.output
    r = runner.invoke(cli, ["query", "post-succession", "-p", "unit", "pgid:org/dang-bo-tinh-binh-phuoc",
                            "-p", "role", "Bí thư", "--store", db, "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines() == ["predecessor,predecessorTerm,successor,successorTerm",
                                     "Nguyễn Văn Lợi,nhiệm kỳ 2015–2020,Trần Tuệ Hiền,nhiệm kỳ 2020–2025"]
    r = runner.invoke(cli, ["query", "search-units", "-p", "text", "An Giang", "--data", str(FIXTURE),
                            "--format", "json"])
    assert r.exit_code == 0, r.output
    assert '"value": "Đảng bộ tỉnh An Giang"' in r.output
    # A graph file queried in memory gets the holdings view too: the same answers as the store.
    for args in (["counts-by-role"], ["concurrent-offices"], ["office-holders", "-p", "unit", "pgid:org/dang-bo-tinh-binh-phuoc"]):
        from_file = runner.invoke(cli, ["query", *args, "--data", str(FIXTURE), "--format", "csv"])
        from_store = runner.invoke(cli, ["query", *args, "--store", db, "--format", "csv"])
        assert from_file.exit_code == 0 and from_file.output == from_store.output and from_file.output.count("\n") > 2
    r = runner.invoke(cli, ["query", "person-career", "--store", db])
    assert r.exit_code == 2 and "missing parameter(s) name" in r.output
    r = runner.invoke(cli, ["query", "person-career", "-p", "name", "x", "--store", str(tmp_path / "none")])
    assert r.exit_code == 2 and "no store here" in r.output
