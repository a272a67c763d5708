"""The store as a file (`dump`, `load` of a dump), readable Turtle, `-` streams, and CONSTRUCT/DESCRIBE
over the SPARQL protocol (SPARQLWrapper against a real `serve` on 127.0.0.1) and from `partygraph query`."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic
from SPARQLWrapper import GET, JSONLD, N3, POST, RDFXML, TURTLE, XML, SPARQLWrapper

from conftest import SEEDS
from partygraph import sparql as q
from partygraph.build import build_files
from partygraph.cli import cli
from partygraph.iris import HOLDINGS_GRAPH, REFERENCE_GRAPH, RESOLUTION_GRAPH, SHARED_GRAPH
from partygraph.resolve import resolve_store
from partygraph.serve import make_server
from partygraph.store import load_inputs, open_store

PGID = "https://w3id.org/partygraph/id/"
UNIT = PGID + "org/dang-bo-tinh-binh-phuoc"
CONSTRUCT = ("PREFIX org: <http://www.w3.org/ns/org#>\n"
             "CONSTRUCT { ?m ?p ?o } WHERE { ?m a org:Membership ; ?p ?o ; org:organization ?u . "
             "?u org:unitOf|org:subOrganizationOf <" + UNIT + "> }")
DESCRIBE = f"DESCRIBE <{UNIT}>"
ARTICLE = SEEDS / "001_1bc836d06166ca5d.txt"


def partygraph(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "partygraph.cli", *map(str, args)], input=stdin,
                          capture_output=True, timeout=300)


def quads(path) -> set:
    return set(open_store(path, read_only=True))


def triples_of(path) -> set:
    return {x.triple for x in quads(path)}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The seeds loaded and resolved: article graphs, shared, holdings, resolution and reference."""
    path = tmp_path_factory.mktemp("files") / "db"
    load_inputs(path, [SEEDS])
    resolve_store(path, path.parent / "decisions.yaml")
    return path


def test_files_dump_trig_loads_back_into_the_same_quads(store, tmp_path):
    out = tmp_path / "store.trig"
    result = CliRunner().invoke(cli, ["dump", "--store", str(store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    names = {x.graph_name.value for x in quads(store)}
    assert {SHARED_GRAPH, HOLDINGS_GRAPH, RESOLUTION_GRAPH, REFERENCE_GRAPH} < names
    assert len([n for n in names if n.startswith(PGID + "article/")]) == 5
    copy = tmp_path / "copy"
    load_inputs(copy, [out])
    assert quads(copy) == quads(store)  # the holdings view recomputed on load is the one read back
    again = tmp_path / "again.trig"
    assert CliRunner().invoke(cli, ["dump", "--store", str(copy), "-o", str(again)]).exit_code == 0
    assert again.read_bytes() == out.read_bytes()


def test_files_dump_to_stdout_piped_into_load_from_stdin(store, tmp_path):
    dumped = partygraph("dump", "--store", store, "-o", "-", "--format", "nq")
    assert dumped.returncode == 0, dumped.stderr
    assert len(list(ox.parse(dumped.stdout, format=ox.RdfFormat.N_QUADS))) == len(quads(store))
    loaded = partygraph("load", "-", "--format", "nq", "--store", tmp_path / "copy", stdin=dumped.stdout)
    assert loaded.returncode == 0, loaded.stderr
    assert quads(tmp_path / "copy") == quads(store)


@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_files_merged_dump_reloads_each_triple_once(store, tmp_path, suffix):
    out = tmp_path / f"store{suffix}"
    assert CliRunner().invoke(cli, ["dump", "--store", str(store), "-o", str(out)]).exit_code == 0
    fmt = ox.RdfFormat.TURTLE if suffix == ".ttl" else ox.RdfFormat.N_TRIPLES
    written = [x.triple for x in ox.parse(out.read_bytes(), format=fmt)]
    assert len(written) == len(set(written)) and set(written) == triples_of(store)
    copy = tmp_path / "copy"
    load_inputs(copy, [out])
    # Same triples, none in two graphs: the holdings view went back to its graph, not beside it.
    assert triples_of(copy) == triples_of(store) and len(quads(copy)) == len(triples_of(copy))
    view = {x for x in quads(store) if x.graph_name.value == HOLDINGS_GRAPH}
    assert {x for x in quads(copy) if x.graph_name.value == HOLDINGS_GRAPH} == view


def test_files_turtle_is_readable(seed_graph, tmp_path):
    text = seed_graph.read_text(encoding="utf-8")
    assert "\\/" not in text
    for prefix in ("pga", "pgp", "pgo", "pgm", "pgc", "pgt"):
        assert f"@prefix {prefix}: <{PGID}" in text
    assert "pgo:dang-bo-tinh-binh-phuoc a org:Organization" in text
    subjects = [line.split(" ", 1)[0] for line in text.splitlines() if line and line[0] not in " @"]
    assert len(subjects) == len(set(subjects)) > 100  # one block per subject
    parsed = [x.triple for x in ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)]
    assert len(parsed) == len(set(parsed))  # no triple written twice
    build_files([SEEDS], tmp_path / "seeds.nt", progress=False)
    g = Graph().parse(data=text, format="turtle")
    assert isomorphic(g, Graph().parse(tmp_path / "seeds.nt", format="nt"))


def test_files_people_and_organisations_have_rdfs_labels(seed_rdflib):
    g = seed_rdflib
    names = g.query("PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                     " SELECT ?n ?l WHERE { ?p a foaf:Person ; foaf:name ?n OPTIONAL { ?p rdfs:label ?l } }")
    orgs = g.query("PREFIX org: <http://www.w3.org/ns/org#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                   "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                   "SELECT ?n ?l WHERE { ?o a org:Organization ; skos:prefLabel ?n OPTIONAL { ?o rdfs:label ?l } }")
    assert len(names) == 15 and len(orgs) > 30
    assert all(row.l == row.n for row in list(names) + list(orgs))


def test_files_build_reads_text_and_jsonl_from_stdin(tmp_path):
    text = ARTICLE.read_bytes()
    nt = partygraph("build", "-", "-o", "-", "--format", "nt", stdin=text)
    assert nt.returncode == 0, nt.stderr
    triples = {x.triple for x in ox.parse(nt.stdout, format=ox.RdfFormat.N_TRIPLES)}
    from_file = tmp_path / "file.nt"
    build_files([ARTICLE], from_file, progress=False)
    # The same facts as from the file, with the article named `stdin`.
    same = {str(x).replace("article/001_1bc836d06166ca5d", "article/stdin")
            for x in (y.triple for y in ox.parse(from_file.read_bytes(), format=ox.RdfFormat.N_TRIPLES))}
    assert len(triples) == len(same) and any(PGID + "article/stdin>" in str(t) for t in triples)
    records = "".join(json.dumps({"id": i, "text": text.decode("utf-8")}) + "\n" for i in ("a1", "a2"))
    ttl = partygraph("build", "-", "-o", "-", stdin=records.encode())
    assert ttl.returncode == 0, ttl.stderr
    assert "pga:a1 a " in ttl.stdout.decode() and "pga:a2 a " in ttl.stdout.decode()
    checked = partygraph("validate", "-", stdin=ttl.stdout)
    assert checked.returncode == 0 and checked.stdout.decode().startswith("OK:")


def test_files_query_prints_construct_as_turtle_ntriples_or_jsonld(store, tmp_path):
    rq = tmp_path / "members.rq"
    rq.write_text(CONSTRUCT, encoding="utf-8")
    expected = set(q.EmbeddedBackend(open_store(store, read_only=True)).run(CONSTRUCT).triples)
    assert len(expected) > 20
    runner = CliRunner()
    for fmt, rdf in (("ttl", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES), ("jsonld", ox.RdfFormat.JSON_LD)):
        result = runner.invoke(cli, ["query", str(rq), "--store", str(store), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert {x.triple for x in ox.parse(result.stdout.encode(), format=rdf)} == expected
    # The graph as a file on standard input gives the same answer.
    nt = runner.invoke(cli, ["query", str(rq), "--store", str(store), "--format", "nt"]).stdout
    ttl = runner.invoke(cli, ["dump", "--store", str(store), "-o", "-", "--format", "ttl"]).stdout_bytes
    piped = runner.invoke(cli, ["query", str(rq), "--data", "-", "--format", "nt"], input=ttl)
    assert piped.exit_code == 0 and sorted(piped.stdout.splitlines()) == sorted(nt.splitlines())
    select = runner.invoke(cli, ["query", "search-units", "-p", "text", "Khối", "--store", str(store),
                                 "--format", "ttl"])
    assert select.exit_code == 2 and "is for CONSTRUCT and DESCRIBE" in select.output
    assert "Traceback" not in select.output


@pytest.fixture(scope="module")
def endpoint(store):
    server = make_server(store, port=0, quiet=True, workers=1, timeout=30)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


def _as_ox(converted) -> set:
    """What SPARQLWrapper's convert() gave (an rdflib graph, or Turtle bytes) as pyoxigraph triples."""
    if isinstance(converted, bytes):
        return {x.triple for x in ox.parse(converted, format=ox.RdfFormat.TURTLE)}
    return {x.triple for x in ox.parse(converted.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)}


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [XML, TURTLE, N3, JSONLD, RDFXML])
def test_files_sparqlwrapper_construct_and_describe(endpoint, store, fmt, method):
    local = q.EmbeddedBackend(open_store(store, read_only=True))
    for text in (CONSTRUCT, DESCRIBE):
        sw = SPARQLWrapper(endpoint)
        sw.setQuery(text)
        sw.setReturnFormat(fmt)
        sw.setMethod(method)
        expected = set(local.run(text).triples)
        assert len(expected) > 5
        assert _as_ox(sw.query().convert()) == expected


def test_files_merge_keeps_each_label_once():
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS, SKOS

    from partygraph.rdf.merge import SharedMerge

    merge, o = SharedMerge(), URIRef(PGID + "org/dang-bo-tinh-x")
    first, other = Literal("Đảng bộ tỉnh X", lang="vi"), Literal("Tỉnh ủy X", lang="vi")
    kept = [merge.admit(t, "a1") for t in ((o, SKOS.prefLabel, first), (o, RDFS.label, first),
                                            (o, SKOS.altLabel, other))]
    assert None not in kept
    # A second article calling it by the other name: that name is an altLabel already, and the
    # node keeps one rdfs:label, its prefLabel's.
    assert merge.admit((o, SKOS.prefLabel, other), "a2") is None
    assert merge.admit((o, RDFS.label, other), "a2") is None
    third = Literal("Đảng bộ tỉnh X mới", lang="vi")
    assert merge.admit((o, SKOS.prefLabel, third), "a3") == (o, SKOS.altLabel, third)
    assert merge.admit((o, SKOS.prefLabel, third), "a4") is None


def test_files_viz_and_export_write_to_stdout(seed_graph):
    runner = CliRunner()
    page = runner.invoke(cli, ["viz", str(seed_graph), "-o", "-"])
    assert page.exit_code == 0 and page.stdout.lstrip().lower().startswith("<!doctype html>")
    gexf = runner.invoke(cli, ["export", str(seed_graph), "--format", "gexf", "-o", "-"])
    assert gexf.exit_code == 0 and "<gexf" in gexf.stdout
