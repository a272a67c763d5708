"""Tests for partygraph.rdf.validate and the `partygraph validate` command."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import FOAF, PROV, RDF, SKOS, XSD

from partygraph.cli import cli
from partygraph.errors import InputError
from partygraph.rdf.validate import MAX_LISTED, SHAPES_PATH, validate_file, validate_graph

FIXTURE = Path(__file__).parent / "fixtures" / "validate_small.ttl"
ONTOLOGY = SHAPES_PATH.parent

PG = Namespace("https://w3id.org/partygraph/ontology#")
ID = Namespace("https://w3id.org/partygraph/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")

MEMBERSHIP = ID["membership/0123456789ab"]
TERM = ID["term/2025-2030"]
SENTENCE = ID["article/a1/s0-80"]
CONGRESS = ID["congress/dang-bo-tinh-binh-phuoc-12"]
PARTY_ORG = ID["org/dang-bo-tinh-binh-phuoc"]
EVENT = ID["event/0123456789ab"]


@pytest.fixture
def graph() -> rdflib.Graph:
    """A fresh copy of the small valid fixture graph."""
    return rdflib.Graph().parse(FIXTURE, format="turtle")


def _replace(graph, subject, predicate, value):
    graph.remove((subject, predicate, None))
    if value is not None:
        graph.add((subject, predicate, value))
    return graph


def test_validate_fixture_conforms():
    conforms, report = validate_file(FIXTURE)
    n = len(rdflib.Graph().parse(FIXTURE))
    assert conforms, report
    assert report == f"OK: {n} triples conform to the partygraph shapes"


def test_validate_ontology_files_conform():
    # The ontology and the role scheme ship inside every built graph, so they
    # must pass the shapes themselves (roles are skos:Concepts, not orgs).
    g = rdflib.Graph()
    for name in ("partygraph.ttl", "roles.ttl"):
        g.parse(ONTOLOGY / name, format="turtle")
    g.parse(FIXTURE, format="turtle")
    conforms, report = validate_graph(g)
    assert conforms, report


def test_validate_membership_without_role_fails(graph):
    conforms, report = validate_graph(_replace(graph, MEMBERSHIP, ORG.role, None))
    assert not conforms
    assert report.splitlines()[0] == "1 violation of the partygraph shapes:"
    assert "pgid:membership/0123456789ab  org:role  a membership needs exactly one org:role" in report


def test_validate_membership_role_must_be_concept(graph):
    graph.remove((URIRef("https://w3id.org/partygraph/role/bi-thu"), RDF.type, SKOS.Concept))
    conforms, report = validate_graph(graph)
    assert not conforms
    assert "org:role" in report and "pgrole:bi-thu" in report


def test_validate_membership_status_outside_the_three_values_fails(graph):
    conforms, report = validate_graph(_replace(graph, MEMBERSHIP, PG.status, PG.Acting))
    assert not conforms
    assert "pg:status" in report and "(value pg:Acting)" in report


def test_validate_membership_without_provenance_fails(graph):
    conforms, report = validate_graph(_replace(graph, MEMBERSHIP, PROV.wasDerivedFrom, None))
    assert not conforms
    assert "prov:wasDerivedFrom" in report


def test_validate_term_start_after_end_fails(graph):
    conforms, report = validate_graph(_replace(graph, TERM, PG.startYear, Literal(2031)))
    assert not conforms
    assert "pgid:term/2025-2030  pg:startYear" in report
    assert "pgid:term/2025-2030  pg:startYear  a term's pg:startYear is after its pg:endYear (value 2031)" in report


def test_validate_term_equal_years_conform(graph):
    _replace(graph, TERM, PG.startYear, Literal(2030))
    conforms, report = validate_graph(graph)
    assert conforms, report


def test_validate_sentence_end_before_start_fails(graph):
    # The fixture sentence starts at 0; move its start past its end (80).
    conforms, report = validate_graph(_replace(graph, SENTENCE, PG.start, Literal(90)))
    assert not conforms
    assert "pgid:article/a1/s0-80  pg:start" in report
    assert "(value 90)" in report
    assert "a sentence's pg:start is after its pg:end" in report


def test_validate_sentence_negative_offset_fails(graph):
    _replace(graph, SENTENCE, PG.start, Literal(-1))
    conforms, report = validate_graph(graph)
    assert not conforms
    assert ">= 0" in report


def test_validate_congress_ordinal_must_be_positive_integer(graph):
    conforms, report = validate_graph(_replace(graph, CONGRESS, PG.ordinal, Literal("12")))
    assert not conforms
    assert "pg:ordinal" in report and "(value '12')" in report
    conforms, report = validate_graph(_replace(graph, CONGRESS, PG.ordinal, Literal(0)))
    assert not conforms and "(value 0)" in report


def test_validate_congress_dates_in_order(graph):
    _replace(graph, CONGRESS, SCHEMA.endDate, Literal("2025-10-01", datatype=XSD.date))
    conforms, report = validate_graph(graph)
    assert not conforms
    assert "schema:startDate" in report


def test_validate_organisation_needs_one_vietnamese_label(graph):
    graph.add((PARTY_ORG, SKOS.prefLabel, Literal("Đảng bộ Bình Phước", lang="vi")))
    conforms, report = validate_graph(graph)
    assert not conforms
    assert "pgid:org/dang-bo-tinh-binh-phuoc  skos:prefLabel  an organisation needs exactly one" in report
    # Too many values: the report lists them, so the conflict is visible.
    assert "(values 'Đảng bộ Bình Phước'@vi, 'Đảng bộ tỉnh Bình Phước'@vi)" in report
    # A label without the @vi tag is not the canonical Vietnamese name.
    _replace(graph, PARTY_ORG, SKOS.prefLabel, Literal("Đảng bộ tỉnh Bình Phước"))
    conforms, report = validate_graph(graph)
    assert not conforms
    assert "in Vietnamese (@vi) (value 'Đảng bộ tỉnh Bình Phước')" in report


def test_validate_committee_typed_only_by_subclass_needs_ontology(graph):
    # A node typed pg:Committee alone is still checked (it is a target), and
    # passes once the graph carries the ontology's rdfs:subClassOf axioms.
    committee = ID["org/ban-chap-hanh-dang-bo-tinh-binh-phuoc"]
    graph.remove((committee, RDF.type, ORG.Organization))
    conforms, report = validate_graph(graph)
    assert not conforms
    assert "must be typed org:Organization" in report
    graph.parse(ONTOLOGY / "partygraph.ttl", format="turtle")
    conforms, report = validate_graph(graph)
    assert conforms, report


def test_validate_untyped_organisation_object_fails(graph):
    # The node is only reachable as an org:organization value; it must still
    # be typed and labelled.
    other = ID["org/untyped"]
    _replace(graph, MEMBERSHIP, ORG.organization, other)
    conforms, report = validate_graph(graph)
    assert not conforms
    assert "pgid:org/untyped  -  an organisation must be typed org:Organization" in report
    assert "pgid:org/untyped  skos:prefLabel" in report


def test_validate_change_event_needs_an_organisation(graph):
    graph.remove((EVENT, ORG.originalOrganization, None))
    graph.remove((EVENT, ORG.resultingOrganization, None))
    conforms, report = validate_graph(graph)
    assert not conforms
    assert "org:originalOrganization or org:resultingOrganization" in report


def test_validate_person_without_name_fails(graph):
    graph.remove((None, FOAF.name, None))
    conforms, report = validate_graph(graph)
    assert not conforms
    assert "foaf:name" in report


def test_validate_long_report_is_capped(graph):
    for i in range(MAX_LISTED + 20):
        graph.add((ID[f"person/p{i}"], RDF.type, FOAF.Person))
    conforms, report = validate_graph(graph)
    lines = report.splitlines()
    assert not conforms
    assert lines[0] == f"{MAX_LISTED + 20} violations of the partygraph shapes:"
    assert len(lines) < MAX_LISTED + 5
    assert "… and 20 more:" in report
    assert "20 × foaf:name  a person needs" in report


@pytest.mark.parametrize("suffix", [".nt", ".jsonld", ".nq", ".trig"])
def test_validate_file_reads_other_formats(graph, tmp_path, suffix):
    fmt = {".nt": "nt", ".jsonld": "json-ld", ".nq": "nquads", ".trig": "trig"}[suffix]
    path = tmp_path / f"g{suffix}"
    if fmt in ("nquads", "trig"):
        ds = rdflib.Dataset()
        named = ds.graph(URIRef("https://example.org/g"))
        for triple in graph:
            named.add(triple)
        ds.serialize(path, format=fmt)
    else:
        graph.serialize(path, format=fmt)
    conforms, report = validate_file(path)
    assert conforms, report
    assert report.startswith(f"OK: {len(graph)} triples")


def test_validate_file_unparsable_raises_input_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix pg: <https://w3id.org/partygraph/ontology#> .\npg:a pg:b .\n")
    with pytest.raises(InputError) as info:
        validate_file(bad)
    assert info.value.path == str(bad)
    assert info.value.problem.startswith("not valid Turtle: at line 2")
    assert "\n" not in str(info.value)


def test_validate_cli_ok_and_violation_exit_codes(graph, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["validate", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK: ")
    broken = tmp_path / "broken.ttl"
    _replace(graph, MEMBERSHIP, ORG.role, None).serialize(broken, format="turtle")
    result = runner.invoke(cli, ["validate", str(broken)])
    assert result.exit_code == 1
    assert "org:role" in result.output


def test_validate_cli_unparsable_file_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle at all\n")
    result = CliRunner().invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"partygraph: {bad}: not valid Turtle: ")
    assert "Traceback" not in result.output


def test_validate_cli_unknown_extension_is_one_line_error(tmp_path):
    path = tmp_path / "graph.xyz"
    path.write_text("")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    assert "unknown graph format '.xyz'" in result.output


# --- graphs built from the bundled seed articles -----------------------------

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"


def _build(inputs, output) -> None:
    """Run `partygraph build` in-process through the CLI (the public contract)."""
    import importlib.util

    if importlib.util.find_spec("partygraph.build") is None:
        pytest.skip("partygraph build is not available yet")
    result = CliRunner().invoke(cli, ["build", *map(str, inputs), "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert output.exists()


@pytest.mark.parametrize("article", sorted(p.name for p in SEEDS.iterdir()))
def test_validate_seed_article_graph_conforms(article, tmp_path):
    # CONTRACT.md: building one article yields only that article's facts plus
    # reference vocabulary, and it must still be a complete, valid graph.
    output = tmp_path / "one.ttl"
    _build([SEEDS / article], output)
    conforms, report = validate_file(output)
    assert conforms, report


def test_validate_all_seeds_graph_conforms(tmp_path):
    output = tmp_path / "seeds.nt"
    _build([SEEDS], output)
    conforms, report = validate_file(output)
    assert conforms, report
    assert report.startswith("OK: ")
