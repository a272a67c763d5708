"""Docs that match the code: every query listed, every query example runs, no link leaves the repository."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from partygraph import sparql as q
from partygraph.cli import cli
from partygraph.store import load_inputs

ROOT = Path(__file__).resolve().parents[1]
#: The documentation: the README and every Markdown page of the repository outside tests.
DOCS = sorted([ROOT / "README.md"] + [p for d in ("docs", "queries", "ontology", "src/partygraph/data", "bench")
                                      for p in (ROOT / d).glob("**/*.md")])
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
QUERY_LINE = re.compile(r"^\s*(partygraph query [^#\n]*)", re.M)


def test_docs_queries_readme_lists_every_query():
    text = (ROOT / "queries" / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z-]+)` \|", text, re.M))
    assert listed == {qf.name for qf in q.list_queries()}


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_docs_links_stay_in_the_repository(doc):
    text = doc.read_text(encoding="utf-8")
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue  # a web address or an anchor
        path = (doc.parent / target.split("#", 1)[0]).resolve()
        assert path.is_relative_to(ROOT), f"{doc.name}: {target} leaves the repository"
        assert path.exists(), f"{doc.name}: {target} does not exist"
    for outside in ("../shared", "/work/", "/tmp/", "/home/"):
        assert outside not in text, f"{doc.name} points outside the repository: {outside}"


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("docs") / "store"
    load_inputs(path, [ROOT / "data" / "seeds"])
    return path


def _query_lines():
    lines = []
    for doc in (ROOT / "README.md", ROOT / "queries" / "README.md"):
        for line in QUERY_LINE.findall(doc.read_text(encoding="utf-8")):
            args = shlex.split(line.replace("\\", ""))[2:]
            if "--endpoint" in args or "--list" in args or args[0].endswith(".rq"):
                continue  # a server of the reader's, the list, a file of the reader's
            lines.append((doc.relative_to(ROOT), args))
    return lines


def test_docs_query_examples_run_on_the_seeds(seed_store):
    """The query commands of the README and queries/README.md name real queries and return rows."""
    lines = _query_lines()
    assert any(doc.name == "README.md" and doc.parent == Path(".") for doc, _ in lines)
    for doc, args in lines:
        if "--store" in args:
            i = args.index("--store")
            del args[i:i + 2]
        result = CliRunner().invoke(cli, ["query", *args, "--store", str(seed_store), "--format", "csv"])
        assert result.exit_code == 0, (doc, args, result.output)
        assert len(result.stdout.splitlines()) > 1, (doc, args, "no rows")
