"""The Python API (`partygraph.build_graph`, `partygraph.Store`): the README's example as written, and its parts."""

from __future__ import annotations

import doctest
import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

import partygraph
from partygraph.errors import PartygraphError
from partygraph.namespaces import PGID_BASE

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"

# Sentences written for these tests (not from any article).
TEXT = ("Đồng chí Nguyễn Văn Toàn, Ủy viên Ban Thường vụ Tỉnh ủy, "
        "Trưởng Ban Tổ chức Tỉnh ủy Bình Phước, phát biểu tại hội nghị.")
OTHER = "Đồng chí Lê Thị Hoa, Phó Bí thư Tỉnh ủy Tây Ninh, dự buổi làm việc."


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^## Python API\n.*?^```pycon\n(.*?)^```", text, re.S | re.M)
    assert found, "README.md has no ```pycon block under '## Python API'"
    return found.group(1)


def test_api_readme_example_runs_as_written(tmp_path, monkeypatch):
    (tmp_path / "data").symlink_to(ROOT / "data")
    monkeypatch.chdir(tmp_path)
    test = doctest.DocTestParser().get_doctest(readme_example(), {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    out: list[str] = []
    runner.run(test, out=out.append)
    assert runner.summarize(verbose=False).failed == 0, "".join(out)
    assert runner.summarize(verbose=False).attempted >= 8
    assert (tmp_path / "out" / "all.trig").stat().st_size > 10_000


def test_api_import_is_cheap():
    code = ("import sys, partygraph; print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('rdflib', 'pyoxigraph', 'pyshacl', 'trafilatura') or m.startswith('partygraph.')))")
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert loaded.strip() == "[]"
    assert callable(partygraph.build_graph) and partygraph.Store is partygraph.api.Store
    with pytest.raises(AttributeError):
        partygraph.no_such_name  # noqa: B018


def test_api_build_graph_reads_texts_paths_folders_and_jsonl(tmp_path):
    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text(json.dumps({"id": "my-1", "text": OTHER, "published": "2024-05-02"}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    graph = partygraph.build_graph([TEXT, jsonl, str(SEEDS / "000_867808e4786f0d5e.txt")])
    names = {str(o) for o in graph.objects(None, URIRef("http://xmlns.com/foaf/0.1/name"))}
    assert {"Nguyễn Văn Toàn", "Lê Thị Hoa"} <= names
    articles = set(graph.subjects(RDF.type, URIRef("https://schema.org/NewsArticle")))
    assert URIRef(PGID_BASE + "article/my-1") in articles
    assert URIRef(PGID_BASE + "article/000_867808e4786f0d5e") in articles and len(articles) == 3
    # The role scheme is in the graph, so it passes validation.
    assert (None, RDF.type, SKOS.ConceptScheme) in graph
    assert (None, SKOS.prefLabel, Literal("Bí thư", lang="vi")) in graph
    assert partygraph.validate(graph)[0]
    # One text alone; the same text twice is the same article.
    assert set(partygraph.build_graph(TEXT)) == set(partygraph.build_graph([TEXT, TEXT]))
    folder = partygraph.build_graph(SEEDS)
    assert len(set(folder.subjects(RDF.type, URIRef("https://schema.org/NewsArticle")))) == 5


def test_api_build_graph_names_what_it_cannot_read(tmp_path):
    with pytest.raises(PartygraphError, match="missing.txt: no such file"):
        partygraph.build_graph([TEXT, str(tmp_path / "missing.txt")])
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(PartygraphError, match="empty.txt: empty file"):
        partygraph.build_graph(tmp_path / "empty.txt")
    with pytest.raises(TypeError, match="not a text, path or article"):
        partygraph.build_graph([42])


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "store"
    store = partygraph.Store(path)
    summary = store.load([SEEDS, TEXT])
    assert not summary.failed and summary.quads_after == len(store)
    return store


def test_api_store_query_by_name_with_keyword_parameters(disk_store):
    rows = disk_store.query("person-career", name="Nguyễn Văn Toàn").records()
    assert sorted((r["role"], r["organization"]) for r in rows) == [
        ("Trưởng ban", "Ban Tổ chức Tỉnh ủy Bình Phước"), ("Ủy viên", "Ban Thường vụ Tỉnh ủy Bình Phước")]
    # The same rows as the command line's path: the library query bound by `prepare`.
    from partygraph import sparql as q

    text = q.prepare(q.load_query("person-career"), [("name", "Nguyễn Văn Toàn")])
    assert q.EmbeddedBackend(disk_store.oxigraph).run(text).rows == disk_store.query(
        "person-career", name="Nguyễn Văn Toàn").rows
    with pytest.raises(PartygraphError, match="no such query"):
        disk_store.query("no-such-query")
    with pytest.raises(PartygraphError, match="unknown parameter 'nmae'"):
        disk_store.query("person-career", nmae="Nguyễn Văn Toàn")


def test_api_store_query_raw_sparql_binds_parameters_as_terms(disk_store):
    query = "SELECT ?p WHERE { ?p foaf:name ?name }"
    assert len(disk_store.query(query, name="Nguyễn Văn Toàn").rows) == 1
    # a name is looked up as the CLI does: text that would break out of the query is just a name nobody has
    with pytest.raises(PartygraphError, match="nobody of that name"):
        disk_store.query(query, name='" } ?p ?x ?y { "')
    with pytest.raises(PartygraphError, match="nobody of that name"):
        disk_store.query("person-career", name="Nguyen Van Khong Co")
    assert len(disk_store.query("person-career", name="nguyen van toan").rows) >= 1  # diacritics optional
    assert disk_store.query("ASK { ?m org:role pgrole:bi-thu }").boolean is True


def test_api_store_on_disk_is_the_cli_store(disk_store, tmp_path):
    before = len(disk_store)
    disk_store.load(TEXT)  # the same article again replaces its graph: nothing changes
    assert len(disk_store) == before
    from click.testing import CliRunner

    from partygraph.cli import cli

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(tmp_path / "a.txt"), "--store", str(tmp_path / "db")])
    assert result.exit_code == 0, result.output
    store = partygraph.Store(tmp_path / "db", read_only=True)
    assert len(store) == len(partygraph.Store(tmp_path / "db", read_only=True))
    rows = store.query("person-career", name="Nguyễn Văn Toàn").records()
    assert {r["organization"] for r in rows} == {"Ban Tổ chức Tỉnh ủy Bình Phước", "Ban Thường vụ Tỉnh ủy Bình Phước"}


def test_api_store_dump_keeps_or_merges_the_named_graphs(disk_store, tmp_path):
    quads = set(disk_store.oxigraph)
    assert disk_store.dump(tmp_path / "all.nq") == len(quads)
    assert set(ox.parse(path=str(tmp_path / "all.nq"))) == quads
    assert disk_store.dump(tmp_path / "all.trig") == len(quads)
    assert set(ox.parse(path=str(tmp_path / "all.trig"))) == quads
    triples = {q.triple for q in quads}
    assert disk_store.dump(tmp_path / "all.ttl") == len(triples)
    assert {q.triple for q in ox.parse(path=str(tmp_path / "all.ttl"))} == triples
    with pytest.raises(PartygraphError, match="unknown graph format"):
        disk_store.dump(tmp_path / "all.csv")
    assert not (tmp_path / "all.csv").exists()


def test_api_store_loads_an_rdflib_graph_in_memory():
    store = partygraph.Store()
    store.load(partygraph.build_graph(OTHER))
    rows = store.query("person-career", name="Lê Thị Hoa").records()
    assert [(r["role"], r["organization"]) for r in rows] == [("Phó Bí thư", "Đảng bộ tỉnh Tây Ninh")]
