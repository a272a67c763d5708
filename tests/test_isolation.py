"""One article that fails (a bug, a broken install) is one line; every other article is still built or loaded.

The failures go through the real code paths: the CLI runs in-process
(click's CliRunner) with the extractor or the record reader patched to
raise for one article (forked build workers inherit the patch), and in a
subprocess with lxml_html_clean made unimportable, the broken install the
issue saw.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from partygraph import build, read
from partygraph.cli import cli

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = sorted(SEEDS.glob("*.txt"))
BAD = ARTICLES[2]


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def extraction_raises_for_bad(monkeypatch):
    real = build.extract

    def extract(article):
        if article.id == BAD.stem:
            raise RuntimeError("boom\nwith a second line")
        return real(article)

    monkeypatch.setattr(build, "extract", extract)


@pytest.mark.parametrize("workers", [1, 2])
def test_isolation_build_keeps_every_good_article_when_one_extraction_raises(
        tmp_path, extraction_raises_for_bad, workers):
    out, expected = tmp_path / "all.nt", tmp_path / "good.nt"
    res = run("build", *ARTICLES, "--output", out, "--workers", workers)
    assert res.exit_code == 1, res.output
    bad_lines = [line for line in res.stderr.splitlines() if BAD.name in line]
    assert bad_lines == [f"partygraph: {BAD}: extraction failed (RuntimeError: boom with a second line)"]
    assert "Traceback" not in res.stderr and "built 4 articles" in res.stderr
    assert run("build", *(a for a in ARTICLES if a != BAD), "--output", expected).exit_code == 0
    assert out.read_bytes() == expected.read_bytes()  # every good article's facts, nothing of the bad one

    debug = run("--debug", "build", *ARTICLES, "--output", tmp_path / "d.nt", "--workers", workers)
    assert debug.exit_code == 1 and "Traceback" in debug.stderr and "RuntimeError: boom" in debug.stderr


def test_isolation_load_keeps_every_good_article_when_one_extraction_raises(tmp_path, extraction_raises_for_bad):
    store = tmp_path / "store"
    res = run("load", *ARTICLES, "--store", store, "--workers", 2)
    assert res.exit_code == 1, res.output
    assert [line for line in res.stderr.splitlines() if BAD.name in line] == [
        f"partygraph: {BAD}: extraction failed (RuntimeError: boom with a second line)"]
    assert "Traceback" not in res.stderr and "1 input(s) failed" in res.stderr
    import pyoxigraph as ox

    graphs = {g.value for g in ox.Store.read_only(str(store)).named_graphs()}
    articles = {g.rsplit("/", 1)[1] for g in graphs if "/article/" in g}
    assert articles == {a.stem for a in ARTICLES if a != BAD}


def test_isolation_jsonl_record_that_raises_is_named_by_line(tmp_path, monkeypatch):
    real = read._record_article

    def record(rec, path, lineno):
        if lineno == 2:
            raise KeyError("surprise")
        return real(rec, path, lineno)

    monkeypatch.setattr(read, "_record_article", record)
    data = tmp_path / "a.jsonl"
    data.write_text("".join(json.dumps({"id": a.stem, "text": a.read_text(encoding="utf-8")}) + "\n"
                            for a in ARTICLES[:3]), encoding="utf-8")
    out = tmp_path / "o.nt"
    res = run("build", data, "--output", out)
    assert res.exit_code == 1
    assert f"partygraph: {data}:2: reading failed (KeyError: 'surprise')" in res.stderr.splitlines()
    assert "built 2 articles" in res.stderr
    text = out.read_text(encoding="utf-8")
    assert f"article/{ARTICLES[0].stem}>" in text and f"article/{ARTICLES[2].stem}>" in text
    assert f"article/{ARTICLES[1].stem}>" not in text


def test_isolation_html_without_lxml_html_clean_fails_alone(tmp_path):
    """The issue's broken install: every .html failed and took the whole build down (exit 3, no output)."""
    out = tmp_path / "o.nt"
    broken = "import sys; sys.modules['lxml_html_clean'] = None; from partygraph.cli import cli; cli()"
    page = FIXTURES / "article.html"
    proc = subprocess.run([sys.executable, "-c", broken, "build", ARTICLES[0], page, "--output", out],
                          capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.splitlines()
    assert [line for line in lines if "article.html" in line] == [
        f"partygraph: {page}: reading failed (ImportError: lxml.html.clean module is now a separate project "
        "lxml_html_clean. Install lxml[html-clean] or lxml_html_clean directly.)"]
    assert "Traceback" not in proc.stderr and "built 1 articles" in proc.stderr
    assert f"article/{ARTICLES[0].stem}>" in out.read_text(encoding="utf-8")
