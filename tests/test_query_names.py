"""Units, provinces, people and roles given by name: looked up in the store built from data/seeds."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from partygraph import sparql as q
from partygraph.cli import cli
from partygraph.errors import PartygraphError
from partygraph.sparql import names
from partygraph.store import load_inputs, open_store

SEEDS = Path(__file__).parents[1] / "data" / "seeds"
PGID = "https://w3id.org/partygraph/id/"
BINH_PHUOC = PGID + "org/dang-bo-tinh-binh-phuoc"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("names") / "db"
    load_inputs(path, [SEEDS])
    return path


@pytest.fixture(scope="module")
def seeds(store_dir):
    return q.EmbeddedBackend(open_store(store_dir, read_only=True))


def resolved(backend, qname, **params):
    bound, notes = q.resolve_params(backend, q.load_query(qname), params)
    return dict(bound), notes


@pytest.mark.parametrize("typed", ["Tỉnh ủy Bình Phước", "tinh uy binh phuoc", "TỈNH UỶ BÌNH PHƯỚC",
                                   "Ban Chấp hành Đảng bộ tỉnh Bình Phước", "Đảng bộ tỉnh Bình Phước",
                                   "BCH Đảng bộ tỉnh Bình Phước", BINH_PHUOC, "pgid:org/dang-bo-tinh-binh-phuoc"])
def test_names_unit_by_name_diacritics_case_abbreviation_or_iri(seeds, typed):
    """Every way of naming the province's party organisation or its executive committee gives its IRI."""
    bound, _ = resolved(seeds, "office-holders", unit=typed)
    assert bound["unit"] == ox.NamedNode(BINH_PHUOC)


def test_names_unit_name_gives_the_rows_of_its_iri(seeds):
    def rows(unit):
        bound, _ = resolved(seeds, "unit-subtree", unit=unit)
        return seeds.run(q.prepare(q.load_query("unit-subtree"), bound)).records()

    assert rows("tinh uy binh phuoc") == rows(BINH_PHUOC) != []
    # An abbreviation of data/abbreviations.csv: "CQ&DN" is "Cơ quan và Doanh nghiệp".
    bound, notes = resolved(seeds, "congresses-of-unit", unit="Đảng ủy Khối CQ&DN tỉnh Bình Phước")
    assert bound["unit"] == ox.NamedNode(PGID + "org/dang-bo-khoi-co-quan-va-doanh-nghiep-tinh-binh-phuoc")
    assert notes == ["unit 'Đảng ủy Khối CQ&DN tỉnh Bình Phước' = pgid:org/dang-bo-khoi-co-quan-va-doanh-nghiep-"
                     "tinh-binh-phuoc (Đảng bộ Khối cơ quan và Doanh nghiệp tỉnh Bình Phước, Bình Phước)"]


def test_names_ambiguous_unit_lists_the_candidates(seeds):
    with pytest.raises(PartygraphError) as err:
        resolved(seeds, "office-holders", unit="chi bo co so")
    message = str(err.value)
    assert "names 2 organisations" in message
    assert "pgid:org/chi-bo-co-so--an-giang (Chi bộ Cơ sở, An Giang)" in message
    assert "pgid:org/chi-bo-co-so--ha-noi (Chi bộ Cơ sở, Hà Nội)" in message


@pytest.mark.parametrize("typed, says", [
    ("Tỉnh ủy Bình Dương", "unit 'Tỉnh ủy Bình Dương': no organisation of that name in the store"),
    ("Binh Phuoc", "names containing it: "),
    ("pgid:org/dang-bo-tinh-binh-duong", "unit pgid:org/dang-bo-tinh-binh-duong: no such organisation in the store"),
])
def test_names_unknown_unit_is_an_error(seeds, typed, says):
    with pytest.raises(PartygraphError, match=says):
        resolved(seeds, "office-holders", unit=typed)


@pytest.mark.parametrize("typed", ["Bình Phước", "binh phuoc", "BÌNH PHƯỚC", "tỉnh Bình Phước", "Tinh Binh Phuoc"])
def test_names_province_forms(seeds, typed):
    bound, _ = resolved(seeds, "counts-by-province", province=typed)
    assert bound["province"] == ox.Literal("Bình Phước")
    rows = seeds.run(q.prepare(q.load_query("counts-by-province"), bound)).records()
    assert {r["provinceName"] for r in rows} == {"Bình Phước"}


def test_names_province_alias_and_unknown(seeds):
    # An alias of data/provinces.csv ("TP. Hà Nội", "Thủ đô Hà Nội").
    assert resolved(seeds, "counts-by-role", province="TP. Hà Nội")[0]["province"] == ox.Literal("Hà Nội")
    assert resolved(seeds, "counts-by-role", province="thu do ha noi")[0]["province"] == ox.Literal("Hà Nội")
    # TP.HCM is a province, but no seed article is about it: said so, not 0 rows.
    with pytest.raises(PartygraphError, match=r"province 'TP.HCM' \(Hồ Chí Minh\): nothing in the store is in it"):
        resolved(seeds, "province-leadership", province="TP.HCM")
    with pytest.raises(PartygraphError, match="province 'Binh Phuc': not a province name .*Bình Phước"):
        resolved(seeds, "province-leadership", province="Binh Phuc")


def test_names_person_role_and_other_iris(seeds):
    bound, notes = resolved(seeds, "person-career", name="le van nung")
    assert bound["name"] == ox.Literal("Lê Văn Nưng") and notes == ["name 'le van nung' = 'Lê Văn Nưng'"]
    with pytest.raises(PartygraphError, match="name 'Lê Văn Nung Nung': nobody of that name in the store"):
        resolved(seeds, "person-career", name="Lê Văn Nung Nung")
    assert resolved(seeds, "post-succession", unit=BINH_PHUOC, role="bi thu")[0]["role"] == ox.Literal("Bí thư")
    with pytest.raises(PartygraphError, match="role 'Bí thư Tổng'"):
        resolved(seeds, "post-succession", unit=BINH_PHUOC, role="Bí thư Tổng")
    with pytest.raises(PartygraphError, match="pgid:congress/dang-bo-tinh-binh-phuoc-99: not in the store"):
        resolved(seeds, "elected-at-congress", congress="pgid:congress/dang-bo-tinh-binh-phuoc-99")
    # Values that are no names pass as they are.
    assert resolved(seeds, "concurrent-offices", min="3", limit="5")[0] == {
        "min": ox.Literal("3", datatype=ox.NamedNode(q.XSD + "integer")),
        "limit": ox.Literal("5", datatype=ox.NamedNode(q.XSD + "integer"))}


def test_names_cli_resolves_and_refuses_in_one_line(store_dir):
    ok = CliRunner().invoke(cli, ["query", "province-leadership", "-p", "province", "binh phuoc",
                                  "--store", str(store_dir), "--format", "csv"])
    assert ok.exit_code == 0, ok.output
    assert "Trần Tuyết Minh" in ok.output
    bad = CliRunner().invoke(cli, ["query", "office-holders", "-p", "unit", "Tỉnh ủy Atlantis",
                                   "--store", str(store_dir)])
    assert bad.exit_code == 2
    assert bad.output.splitlines() == [
        "partygraph: office-holders: unit 'Tỉnh ủy Atlantis': no organisation of that name in the store "
        "(find one with `partygraph query search-units -p text …`)"]


def test_names_province_table_covers_provinces_csv():
    table = names.province_names()
    assert table["binh-phuoc"] == "Bình Phước" and table["tp-hcm"] == "Hồ Chí Minh"
    assert table["thua-thien-hue"] == "Huế"
