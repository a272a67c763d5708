"""Progress with totals on stderr for `load`, `validate` and `resolve`; stdout stays clean.

CliRunner's stderr is not a terminal, so progress shows only with
`--progress`, as in a pipeline or a log file.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from partygraph.cli import cli
from partygraph.read import count_articles

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def last_state(stderr: str, verb: str) -> str:
    """The last progress state of `verb`, "verb N/TOTAL …" (tqdm redraws it after a carriage return)."""
    states = [s for s in re.split(r"[\r\n]", stderr) if re.match(verb + r" [\d,]+/[\d,]+ ", s)]
    assert states, stderr
    return states[-1]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The seed articles loaded with --progress: the result and the store's folder."""
    path = tmp_path_factory.mktemp("progress") / "store"
    return run("load", SEEDS, "--store", path, "--progress", "--workers", "1"), path


def test_load_progress_counts_articles_of_the_total_on_stderr_only(store):
    result, _ = store
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert re.fullmatch(r"loaded 5/5 articles \(100\.0%\) \d+ s", last_state(result.stderr, "loaded"))
    assert "loaded 0/5 articles (0.0%)" in result.stderr  # the total is known from the start
    assert "store now holds" in result.stderr  # the summary line too


def test_load_graph_files_progress_and_quiet(store, seed_graph, tmp_path):
    result = run("load", seed_graph, "--store", tmp_path / "s", "--progress")
    assert result.exit_code == 0 and result.stdout == ""
    assert last_state(result.stderr, "loaded").startswith("loaded 1/1 graph files (100.0%)")
    # Not on a terminal and not asked for: the summary line only.
    result = run("load", seed_graph, "--store", tmp_path / "s")
    assert result.exit_code == 0 and re.match(r"loaded \d+ triples from 1 input", result.stderr)
    assert "%)" not in result.stderr
    # --quiet wins over --progress and silences the summary; errors still show.
    result = run("load", seed_graph, "--store", tmp_path / "s", "--progress", "--quiet")
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n")
    result = run("load", bad, "--store", tmp_path / "s", "--quiet")
    assert result.exit_code == 1 and "bad.ttl" in result.stderr


def test_validate_progress_steps_and_clean_report(seed_graph):
    result = run("validate", seed_graph, "--progress")
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"OK: \d+ triples conform to the partygraph shapes\n", result.stdout)
    state = last_state(result.stderr, "validated")
    assert re.match(r"validated 10/10 steps \(100\.0%\) \d+ s", state), state
    assert "reading seeds.ttl" in result.stderr and "pgsh:PersonShape" in result.stderr
    assert run("validate", seed_graph, "-q").stderr == ""


def test_resolve_progress_steps(store, tmp_path):
    _, path = store
    result = run("resolve", "--store", path, "--decisions", tmp_path / "d.yaml", "--progress", "--summary")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert re.match(r"resolved 7/7 steps \(100\.0%\) \d+ s", last_state(result.stderr, "resolved"))
    assert "clustering 15 mentions" in result.stderr
    quiet = run("resolve", "--store", path, "--decisions", tmp_path / "d.yaml", "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout.startswith("# Merges")


def test_count_articles(tmp_path):
    (tmp_path / "a.txt").write_text("Một bài báo.", encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps({"id": str(i), "text": "Bài báo."}) for i in range(3)) + "\n\n")
    assert count_articles([tmp_path]) == 4
    assert count_articles([SEEDS, tmp_path / "missing"]) == 5
