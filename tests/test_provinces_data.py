"""Tests for the generated province reference data in src/partygraph/data/."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import partygraph
from partygraph.normalise import normalise_text

DATA = Path(partygraph.__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def provinces() -> list[dict[str, str]]:
    return _rows("provinces.csv")


@pytest.fixture(scope="module")
def mergers() -> list[dict[str, str]]:
    return _rows("province_mergers_2025.csv")


def test_provinces_data_counts_63_before_and_34_after(provinces):
    before = {r["name"] for r in provinces if r["era"] in ("pre2025", "both")}
    after = {r["name"] for r in provinces if r["era"] in ("post2025", "both")}
    assert len(before) == 63
    assert len(after) == 34
    assert len({r["name"] for r in provinces}) == len(provinces), "names are unique"
    assert {r["era"] for r in provinces} <= {"pre2025", "post2025", "both"}


def test_provinces_data_known_rows(provinces):
    by_name = {r["name"]: r for r in provinces}
    assert by_name["Bình Phước"]["era"] == "pre2025"
    assert by_name["Đồng Nai"]["era"] == "both"
    assert by_name["Hồ Chí Minh"]["kind"] == "thanh_pho"
    assert "TP.HCM" in by_name["Hồ Chí Minh"]["aliases"].split(";")
    assert "Thừa Thiên Huế" in by_name["Huế"]["aliases"].split(";")
    # Surviving provinces may change code: Tây Ninh took Long An's 80.
    assert (by_name["Tây Ninh"]["code"], by_name["Tây Ninh"]["code_post2025"]) == ("72", "80")
    kinds = {r["name"] for r in provinces if r["kind"] == "thanh_pho"}
    assert kinds == {"Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
    codes = [r["code"] for r in provinces if r["era"] != "post2025"]
    assert len(set(codes)) == 63 and all(re.fullmatch(r"\d\d", c) for c in codes)


def test_provinces_data_every_old_province_maps_to_one_new(provinces, mergers):
    before = {r["name"] for r in provinces if r["era"] in ("pre2025", "both")}
    after = {r["name"] for r in provinces if r["era"] in ("post2025", "both")}
    olds = [m["old_name"] for m in mergers]
    assert sorted(olds) == sorted(before), "each old province exactly once"
    assert {m["new_name"] for m in mergers} == after
    for m in mergers:
        assert m["effective_date"] == "2025-07-01"
        assert m["source"].startswith("vietnamadminunits ")
    mapping = {m["old_name"]: m["new_name"] for m in mergers}
    assert mapping["Bình Phước"] == "Đồng Nai"
    assert mapping["Bình Dương"] == mapping["Bà Rịa - Vũng Tàu"] == "Hồ Chí Minh"
    assert mapping["Hà Nội"] == "Hà Nội"
    # A province that survives the merger keeps its own name.
    for name in after:
        assert mapping[name] == name


def test_provinces_data_names_are_nfc_in_project_tone_style(provinces, mergers):
    names = [r["name"] for r in provinces]
    names += [a for r in provinces for a in r["aliases"].split(";") if a]
    names += [m["old_name"] for m in mergers] + [m["new_name"] for m in mergers]
    for name in names:
        assert unicodedata.is_normalized("NFC", name), name
        assert normalise_text(name) == name, name
        assert name == name.strip() and "  " not in name, name
    for r in provinces:
        assert not r["name"].startswith(("Tỉnh ", "Thành phố ")), r["name"]
    assert {"Hòa Bình", "Khánh Hòa", "Thanh Hóa"} <= set(names)


def test_provinces_data_records_its_source():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert re.search(r"Source: \*\*vietnamadminunits \d+\.\d+(\.\d+)?\*\*", readme)
    versions = {m["source"].split(";")[0] for m in _rows("province_mergers_2025.csv")}
    assert len(versions) == 1
    assert versions.pop() in readme


def test_provinces_data_matches_generator():
    # The files are generated; regenerating from the installed package must
    # give the same bytes (skipped where the package is not installed or is
    # a different version than the one recorded).
    pytest.importorskip("vietnamadminunits")
    from importlib.metadata import version

    recorded = _rows("province_mergers_2025.csv")[0]["source"].split(";")[0].split()[1]
    if version("vietnamadminunits") != recorded:
        pytest.skip(f"installed vietnamadminunits differs from recorded {recorded}")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_provinces.py"), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
