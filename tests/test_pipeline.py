"""The extraction pipeline: components in a checked order, language as data, small functions."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
import yaml

from partygraph.extract import extract
from partygraph.extract.component import check_order
from partygraph.extract.pipeline import PIPELINE
from partygraph.lexicon import DATA, Lexicon
from partygraph.read import Article

EXTRACT = Path(__file__).resolve().parents[1] / "src" / "partygraph" / "extract"


def _offices(text: str, lex: Lexicon | None = None) -> set[tuple[str, str, str, str]]:
    x = extract(Article(id="t", text=text, source="test"), lex)
    return {(o.person, o.role.vi, o.org.label, o.status) for o in x.offices}


def test_pipeline_new_verb_phrasing_is_one_data_line(tmp_path):
    text = "Ông Trần Văn Bình được luân chuyển giữ chức Bí thư Tỉnh ủy Nghệ An."
    assert _offices(text) == set()  # not a phrasing the lexicon knows

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    lexicon = yaml.safe_load((data / "lexicon.yaml").read_text(encoding="utf-8"))
    lexicon["office_verbs"][1]["forms"].append("được luân chuyển giữ chức")  # the one line
    (data / "lexicon.yaml").write_text(yaml.safe_dump(lexicon, allow_unicode=True), encoding="utf-8")

    assert _offices(text, Lexicon(data)) == {("Trần Văn Bình", "Bí thư", "Đảng bộ tỉnh Nghệ An", "current")}


def test_pipeline_order_is_checked():
    check_order(PIPELINE)
    offices = next(c for c in PIPELINE if c.name == "verb_clauses")
    with pytest.raises(ValueError, match="verb_clauses"):
        check_order([offices] + [c for c in PIPELINE if c is not offices])


def test_pipeline_components_declare_what_they_read_and_add():
    for c in PIPELINE:
        assert c.assigns, f"{c.name} assigns nothing"
        assert c.doc, f"{c.name} has no docstring saying what it reads"


def test_pipeline_no_long_functions_in_extract():
    long = []
    for path in EXTRACT.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.end_lineno - node.lineno + 1 > 60:
                long.append(f"{path.name}:{node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert not long, long
