#!/usr/bin/env python3
"""Generate partygraph's province reference data from `vietnamadminunits`.

Writes, in src/partygraph/data/:
- provinces.csv: name, kind, code, code_post2025, era, aliases — one row per
  province-level unit that existed before 1 July 2025 (63) or after it (34);
- province_mergers_2025.csv: old_name, new_name, effective_date, source — for
  each of the 63 former provinces the one province it belongs to since
  1 July 2025 (unchanged provinces map to themselves);
- README.md: where the data came from (package and version) and the columns.

Names are NFC and use the project's tone-mark style (partygraph.normalise),
without the "Tỉnh"/"Thành phố" prefix. The source package is maintained
(https://github.com/tranngocminhhieu/vietnamadminunits) and ships both the
63-unit ("legacy") and the 34-unit tables plus the 2025 mapping, so rerun this
script after upgrading it:

    .venv/bin/pip install -U vietnamadminunits
    .venv/bin/python scripts/gen_provinces.py
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from importlib.metadata import version
from pathlib import Path

from vietnamadminunits.database import query

from partygraph.normalise import normalise_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "partygraph" / "data"

EFFECTIVE = "2025-07-01"
RESOLUTION = "Nghị quyết 202/2025/QH15"

# Common ways news text names a province that the source does not list.
# Only variants a matcher that folds case and tone-mark style would still
# miss: other spellings, abbreviations and former or informal names.
# "Huế" has been a centrally governed city since 1 January 2025, so the
# source (already in its pre-July 2025 table) calls it "Huế"; articles of
# earlier years say "Thừa Thiên Huế".
ALIASES = {
    "Hồ Chí Minh": ["TP.HCM", "TP HCM", "TPHCM", "TP. Hồ Chí Minh", "TP Hồ Chí Minh",
                    "Thành phố Hồ Chí Minh", "Sài Gòn"],
    "Hà Nội": ["Thủ đô Hà Nội", "TP. Hà Nội"],
    "Huế": ["Thừa Thiên Huế", "Thừa Thiên - Huế", "Thừa Thiên-Huế", "TT-Huế"],
    "Bà Rịa - Vũng Tàu": ["Bà Rịa – Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bà Rịa Vũng Tàu", "BR-VT"],
    "Đắk Lắk": ["Đắc Lắc", "Đăk Lăk", "Đắk Lăk"],
    "Đắk Nông": ["Đắc Nông", "Đăk Nông"],
    "Bắc Kạn": ["Bắc Cạn"],
    "Kon Tum": ["Kontum"],
    "Hải Phòng": ["TP. Hải Phòng"],
    "Đà Nẵng": ["TP. Đà Nẵng"],
    "Cần Thơ": ["TP. Cần Thơ"],
}

_KINDS = {"Tỉnh": "tinh", "Thành phố": "thanh_pho"}


def _clean(name: str) -> str:
    """NFC with the project's tone-mark style, single spaces."""
    return " ".join(normalise_text(name).split())


def _kind(full_name: str) -> str:
    for prefix, kind in _KINDS.items():
        if full_name.startswith(prefix + " "):
            return kind
    raise SystemExit(f"gen_provinces: unexpected province name {full_name!r}")


def _units(table: str) -> dict[str, dict]:
    """Province-level units of one source table, keyed by the source's key."""
    rows = query(f"SELECT DISTINCT province, provinceShort, provinceCode, provinceKey "
                 f"FROM [{table}] ORDER BY provinceCode")
    return {r["provinceKey"]: {"name": _clean(r["provinceShort"]), "kind": _kind(r["province"]),
                               "code": r["provinceCode"]} for r in rows}


def _mapping() -> dict[str, str]:
    """Old (63-unit) province key -> new (34-unit) province key."""
    # The converter module loads its JSON at import; read the same mapping.
    from vietnamadminunits.converter.converter_2025 import DICT_PROVINCE

    old_to_new: dict[str, str] = {}
    for new_key, old_keys in DICT_PROVINCE.items():
        for old_key in old_keys:
            if old_key in old_to_new:
                raise SystemExit(f"gen_provinces: {old_key} maps to two provinces")
            old_to_new[old_key] = new_key
    return old_to_new


def _places(old: dict[str, dict], level: str) -> list[list[str]]:
    """Units of one level of the 63-province table (`level`: "district" or "ward", the source's column
    prefix): place word, name, province, one row per pair ("Quận 5" is written "quận 5")."""
    rows = query(f"SELECT DISTINCT {level}Type, {level}Short, provinceKey FROM [admin_units_legacy] "
                 f"WHERE {level}Type IS NOT NULL ORDER BY provinceCode, districtCode, {level}Code")
    out = []
    for r in rows:
        word, name = _clean(r[f"{level}Type"]).lower(), _clean(r[f"{level}Short"])
        if name.lower().startswith(word + " "):
            name = name[len(word) + 1:]
        out.append((word, name, old[r["provinceKey"]]["name"]))
    return [list(row) for row in dict.fromkeys(out)]


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def generate() -> dict[str, str]:
    """Return {file name: content} for the generated files."""
    pkg_version = version("vietnamadminunits")
    source = f"vietnamadminunits {pkg_version}; {RESOLUTION}"
    old, new = _units("admin_units_legacy"), _units("admin_units")
    old_to_new = _mapping()
    if len(old) != 63 or len(new) != 34 or set(old_to_new) != set(old) \
            or set(old_to_new.values()) != set(new):
        raise SystemExit(f"gen_provinces: source has {len(old)} old and {len(new)} new "
                         "provinces or an incomplete mapping; check the package version")

    # One row per name. Most surviving provinces kept their name but some got
    # a new code (Lào Cai 10 -> 15, Tây Ninh 72 -> 80), hence code_post2025.
    new_by_name = {u["name"]: u for u in new.values()}
    rows = []
    for unit in old.values():
        after = new_by_name.get(unit["name"])
        era = "both" if after else "pre2025"
        aliases = [_clean(a) for a in ALIASES.get(unit["name"], [])]
        rows.append([unit["name"], unit["kind"], unit["code"], after["code"] if after else "",
                     era, ";".join(aliases)])
    old_names = {u["name"] for u in old.values()}
    for unit in new.values():  # none today; kept so a renamed unit is not lost
        if unit["name"] not in old_names:
            aliases = [_clean(a) for a in ALIASES.get(unit["name"], [])]
            rows.append([unit["name"], unit["kind"], "", unit["code"], "post2025", ";".join(aliases)])
    unknown = set(ALIASES) - {r[0] for r in rows}
    if unknown:
        raise SystemExit(f"gen_provinces: aliases for unknown provinces {sorted(unknown)}")

    mergers = [[old[k]["name"], new[old_to_new[k]]["name"], EFFECTIVE, source]
               for k in old]

    readme = f"""# Reference data

Generated by `scripts/gen_provinces.py`; do not edit by hand.

Source: **vietnamadminunits {pkg_version}** (https://pypi.org/project/vietnamadminunits/,
https://github.com/tranngocminhhieu/vietnamadminunits): its 63-province table
(before 1 July 2025), its 34-province table and its 2025 province mapping,
which follows {RESOLUTION} on the rearrangement of provincial-level units
(in force for the new provinces from {EFFECTIVE}).

Names are Unicode NFC, without "Tỉnh"/"Thành phố", with the project's
tone-mark style (`partygraph.normalise`: "Thanh Hóa", "Khánh Hòa").

## provinces.csv

| column | meaning |
| --- | --- |
| name | canonical name, e.g. "Bình Phước", "Hồ Chí Minh", "Huế" |
| kind | `tinh` (province) or `thanh_pho` (centrally governed city) |
| code | the unit's code before 1 July 2025 (empty for a unit created then) |
| code_post2025 | its code from 1 July 2025, empty if it was merged away |
| era | `pre2025` (merged away on {EFFECTIVE}), `post2025` (new then), or `both` |
| aliases | `;`-separated other names seen in news text (hand list in the script) |

## districts.csv

One row per district-level unit of the 63-province table (the districts as
they stood before 1 July 2025, when the level was abolished): `word` (`quận`,
`huyện`, `thị xã`, `thành phố`), `name` ("Gò Vấp", "5"), `province`. The
extractor reads it: a district named without its province, in an article
about another province, is the one province's that has a district of that
name ("huyện Cái Nước" is Cà Mau's whatever the article is about). The
districts merged away before the table's time are in the hand-written
`districts_former.csv` (same columns, plus `until` and `source`).

## communes.csv

The same for the commune-level units (`xã`, `phường`, `thị trấn`) of the
63-province table. The extractor reads it only for a commune named in an
article that names no province: the one province that has a commune of that
name ("xã Thới Hưng" is Cần Thơ's).

## province_mergers_2025.csv

One row per province before 1 July 2025: `old_name`, the `new_name` of the
province it is part of from `effective_date` (itself when unchanged), and the
`source`.

The other files here are written by hand: `lexicon.yaml` and
`abbreviations.csv` (the extractor's vocabulary) and `party_reorg_2025.csv`
(the 2025 replacement of the Đảng bộ Khối; sources in `party_reorg_2025.md`),
and `central_cities.csv`: the centrally run cities (`name` as in provinces.csv)
and the day each became one (`since`; Huế on 2025-01-01, Thừa Thiên Huế was a
province before), with the names it had as a province (`province_names`).
`partygraph resolve` reads it: a provincial post ("tỉnh") and a post in such a
city at the same time are two people; the extractor too: in an article from
before that day, or an undated one that uses a province name, its units are a
province's ("Công an tỉnh Huế"). The resolver also
reads `unit_abbreviations.csv` (same columns as `abbreviations.csv`): short
forms of unit names ("Bộ VHTT", "Hội LHPN") that only its unit key expands,
and `ministry_short_forms.csv`: a ministry named short ("Bộ Văn hóa") with the
ministry that name meant between `from` and `until` and the act that says so;
a unit named so is that ministry only when every office reported in it is
dated inside those years (undated reports leave it as named).
"""
    return {
        "provinces.csv": _csv(["name", "kind", "code", "code_post2025", "era", "aliases"], rows),
        "province_mergers_2025.csv": _csv(["old_name", "new_name", "effective_date", "source"],
                                          mergers),
        "districts.csv": _csv(["word", "name", "province"], _places(old, "district")),
        "communes.csv": _csv(["word", "name", "province"], _places(old, "ward")),
        "README.md": readme,
    }


def main(argv: list[str] | None = None) -> int:
    """Write the files, or with --check report whether they are up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the files differ from what would be generated")
    parser.add_argument("--out", type=Path, default=DATA, help="output folder")
    args = parser.parse_args(argv)
    files = generate()
    stale = []
    for name, content in files.items():
        path = args.out / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == content:
            continue
        stale.append(name)
        if not args.check:
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_text(content, encoding="utf-8")
            tmp.replace(path)  # atomic: readers never see half a file
    if args.check and stale:
        print(f"gen_provinces: out of date: {', '.join(stale)}", file=sys.stderr)
        return 1
    print(f"gen_provinces: {'checked' if args.check else 'wrote'} "
          f"{len(files)} files in {args.out} ({len(stale)} changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
