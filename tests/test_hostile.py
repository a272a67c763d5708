"""Hostile and broken inputs through the real CLI (`python -m partygraph.cli build`).

Every bad input gets exactly one line naming the file (and line) and the
problem, or is read correctly when its encoding can be detected; good
inputs in the same run are built; the exit code is 1 for partial failure;
no traceback reaches the user. docs/robustness.md tabulates these cases.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import FOAF, ORG, PROV

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "seeds" / "001_1bc836d06166ca5d.txt"
PGID = "https://w3id.org/partygraph/id/"
TONES = "\u0300\u0301\u0303\u0309\u0323"


def pg(*args, timeout=300):
    """Run the CLI as a user would; returns the CompletedProcess."""
    return subprocess.run([sys.executable, "-m", "partygraph.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout)


def to_cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes Vietnamese: precomposed vowels, tone marks as combining bytes."""
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in d if c not in TONES)
        out.append(unicodedata.normalize("NFC", base) + "".join(c for c in d if c in TONES))
    # cp1258 has no eth (Ð); the normaliser reads an eth as Đ anyway
    return "".join(out).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111").encode("cp1258")


def strip_diacritics(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


SUR = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MID = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Xuân", "Thu"]
GIV = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hiền", "Hùng", "Khánh", "Lâm", "Long", "Mai", "Nam",
       "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Yến", "Hạnh"]
GIV2 = ["", " Anh", " Tú", " Hoa", " Lan", " Hưng"]  # 14*10*25*6 = 21,000 names, then two-part given names


def many_names_article(n: int) -> str:
    """An article naming `n` distinct people, each 'đồng chí X, Bí thư Chi bộ thôn i'."""
    combos = itertools.chain(itertools.product(GIV2, GIV, MID, SUR),
                             itertools.product(GIV2, GIV, GIV, MID, SUR))
    parts = ["Ngày 5/10/2020, Đại hội đại biểu Đảng bộ xã Tân Lập lần thứ XV, nhiệm kỳ 2020 - 2025 diễn ra."]
    for i in range(n):
        combo = next(combos)
        if len(combo) == 4:
            g2, g, m, s = combo
            name = f"{s} {m} {g}{g2}"
        else:
            g2, g, g1, m, s = combo
            name = f"{s} {m} {g1} {g}{g2}"
        parts.append(f"Đồng chí {name}, Bí thư Chi bộ thôn {i}, dự đại hội.")
    return " ".join(parts)


#: file name → (bytes, the problem its one line must name; None = must be read and built)
def hostile_files() -> dict[str, tuple[bytes, str | None]]:
    seed = SEED.read_text(encoding="utf-8")
    broken = bytearray(seed.encode("utf-8"))
    broken[500:502] = b"\xff\xfe"
    jsonl = "\n".join([
        json.dumps({"id": "jl-good", "text": seed}, ensure_ascii=False),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "surrogate", "text": "Đồng chí Trần Văn Sơn \ud800, Bí thư Tỉnh ủy Bắc Kạn."}),
        json.dumps({"id": "ctrl", "text": "Đồng chí Trần Văn Sơn\u0001, Bí thư Tỉnh ủy Bắc Kạn, dự lễ.\u0000"}),
        json.dumps({"id": 7, "text": 7}),
    ]) + "\n"
    jsonl_bytes = jsonl.encode("utf-8") + b'{"id": "latin-1", "text": "\xe9t\xe9"}\n'  # line 8: not UTF-8
    return {
        "empty.txt": (b"", "empty file"),
        "blank.txt": (b"  \n\n\t ", "empty file"),
        "binary.txt": (bytes(range(256)) * 40, "binary file"),
        "image.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary file"),
        "broken-utf8.txt": (bytes(broken), "not UTF-8 (undecodable byte at offset 500)"),
        "latin1.txt": (("Café crème, naïve déjà vu, à bientôt. " * 20).encode("latin-1"), "not UTF-8"),
        "nav-only.html": (b"<html><head><title>Tin</title></head><body><nav><a href='/'>Home</a></nav>"
                          b"</body></html>", "no article text found"),
        "cp1258.txt": (to_cp1258(seed), None),
        "utf16-bom.txt": (seed.encode("utf-16"), None),
        "utf16le.txt": (seed.encode("utf-16-le"), None),
        "utf16be.txt": (seed.encode("utf-16-be"), None),
        "english.txt": (b"Comrade John Smith, Secretary of the Provincial Party Committee, attended.", None),
        "chinese.txt": ("越南共产党中央委员会总书记阮富仲同志出席了会议。省委书记陈青敏同志。".encode(), None),
        "no-diacritics.txt": (strip_diacritics(seed).encode(), None),
        "good.txt": (seed.encode(), None),
        "articles.jsonl": (jsonl_bytes, None),
    }


#: (file, line or None, problem) lines the mixed folder must report
JSONL_LINES = [(2, "malformed JSON"), (3, "not a JSON object"), (4, "no 'text'"), (5, "lone UTF-16 surrogate"),
               (7, "no 'text'"), (8, "line is not UTF-8")]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """Build one folder holding every hostile input and the good ones; (process, graph, folder)."""
    folder = tmp_path_factory.mktemp("hostile") / "in"
    folder.mkdir()
    for name, (data, _) in hostile_files().items():
        (folder / name).write_bytes(data)
    out = folder.parent / "out.ttl"
    proc = pg("build", folder, "--output", out)
    return proc, Graph().parse(out), folder


def names_of(g: Graph, article: str) -> set[str]:
    """foaf:names of the people derived from one article."""
    art = URIRef(PGID + "article/" + article)
    return {str(n) for p in g.subjects(PROV.wasDerivedFrom, art) for n in g.objects(p, FOAF.name)}


def offices_of(g: Graph, article: str) -> int:
    art = URIRef(PGID + "article/" + article)
    return sum(1 for m in g.subjects(PROV.wasDerivedFrom, art) if (m, ORG.role, None) in g)


def test_hostile_mixed_folder_exit_1_no_traceback(mixed):
    proc, _, _ = mixed
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and not proc.stdout
    # every stderr line is a one-line report from partygraph or the summary
    for line in proc.stderr.splitlines():
        assert line.startswith(("partygraph: ", "built ")), line


@pytest.mark.parametrize("name", [n for n, (_, problem) in hostile_files().items() if problem])
def test_hostile_bad_file_gets_one_line_naming_it(mixed, name):
    proc, _, folder = mixed
    problem = hostile_files()[name][1]
    lines = [line for line in proc.stderr.splitlines() if f"{folder / name}:" in line]
    assert len(lines) == 1, proc.stderr
    assert problem in lines[0]


def test_hostile_jsonl_bad_lines_named_good_lines_built(mixed):
    proc, g, folder = mixed
    for lineno, problem in JSONL_LINES:
        lines = [line for line in proc.stderr.splitlines() if f"{folder / 'articles.jsonl'}:{lineno}:" in line]
        assert len(lines) == 1 and problem in lines[0], (lineno, proc.stderr)
    assert names_of(g, "jl-good") == names_of(g, "good") != set()
    # control characters are text, not a reason to drop the record
    assert names_of(g, "ctrl") == {"Trần Văn Sơn"}
    reported = len(proc.stderr.splitlines()) - 1  # minus the summary line
    bad_files = sum(1 for _, p in hostile_files().values() if p)
    assert reported == bad_files + len(JSONL_LINES)


@pytest.mark.parametrize("name", ["cp1258", "utf16-bom", "utf16le", "utf16be"])
def test_hostile_detected_encoding_reads_like_utf8(mixed, name):
    _, g, _ = mixed
    good = names_of(g, "good")
    assert len(good) >= 2
    assert names_of(g, name) == good
    assert offices_of(g, name) == offices_of(g, "good") > 0


def test_hostile_cp1258_short_text_detected(tmp_path):
    # charset-normalizer alone guesses other code pages on a sentence this short
    src = tmp_path / "short.txt"
    src.write_bytes(to_cp1258("Đồng chí Trần Văn Sơn, Bí thư Tỉnh ủy Bắc Kạn, dự lễ."))
    out = tmp_path / "o.ttl"
    proc = pg("build", src, "--output", out)
    assert proc.returncode == 0, proc.stderr
    assert names_of(Graph().parse(out), "short") == {"Trần Văn Sơn"}


def test_hostile_other_languages_built_without_facts(mixed):
    proc, g, folder = mixed
    for name in ("english", "chinese", "no-diacritics"):
        assert f"{folder / name}" not in proc.stderr
        art = URIRef(PGID + "article/" + name)
        assert (art, None, None) in g  # read and built ...
    assert offices_of(g, "english") == offices_of(g, "chinese") == 0  # ... and nothing invented


def test_hostile_only_bad_inputs_keep_previous_output(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "o.ttl"
    out.write_text("# previous graph\n")
    proc = pg("build", bad, tmp_path / "missing.txt", "--output", out)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"{tmp_path / 'missing.txt'}: no such file or folder" in proc.stderr
    assert out.read_text() == "# previous graph\n"


def test_hostile_200mb_files_refused_quickly_others_built(tmp_path):
    seed = SEED.read_bytes()
    big_txt = tmp_path / "huge.txt"
    big_jsonl = tmp_path / "huge.jsonl"
    chunk = seed * (8_000_000 // len(seed) + 1)
    with open(big_txt, "wb") as fh:
        for _ in range(25):
            fh.write(chunk)
    # one good record, one 200 MB record, one good record
    text = seed.decode().replace("\n", " ")
    with open(big_jsonl, "wb") as fh:
        fh.write(json.dumps({"id": "first", "text": text}, ensure_ascii=False).encode() + b"\n")
        fh.write(b'{"id": "huge", "text": "')
        piece = json.dumps(text, ensure_ascii=False)[1:-1].encode()
        for _ in range(200_000_000 // len(piece)):
            fh.write(piece)
        fh.write(b'"}\n')
        fh.write(json.dumps({"id": "last", "text": text}, ensure_ascii=False).encode() + b"\n")
    assert big_txt.stat().st_size > 200_000_000 and big_jsonl.stat().st_size > 200_000_000
    out = tmp_path / "o.ttl"
    proc = pg("build", big_txt, big_jsonl, "--output", out)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"{big_txt}: file too large for one article" in proc.stderr
    assert f"{big_jsonl}:2: line too long for one article" in proc.stderr
    g = Graph().parse(out)
    assert names_of(g, "first") == names_of(g, "last") != set()


def test_hostile_many_names_article(tmp_path):
    """3,000 people in one article: all read, none lost (100,000 in the slow variant)."""
    src = tmp_path / "names.txt"
    src.write_text(many_names_article(3_000), encoding="utf-8")
    out = tmp_path / "o.nt"
    proc = pg("build", src, "--output", out)
    assert proc.returncode == 0, proc.stderr
    assert len(names_of(Graph().parse(out), "names")) == 3_000


@pytest.mark.slow
def test_hostile_100k_names_article(tmp_path):
    src = tmp_path / "names.txt"
    src.write_text(many_names_article(100_000), encoding="utf-8")
    out = tmp_path / "o.nt"
    proc = pg("build", src, "--output", out, timeout=1800)
    assert proc.returncode == 0, proc.stderr
    names = sum(1 for line in out.open(encoding="utf-8") if "<http://xmlns.com/foaf/0.1/name>" in line)
    assert names == 100_000


def test_hostile_internal_error_is_one_line_and_debug_shows_traceback(tmp_path):
    """A bug (here: serialisation raising) still reaches the user as one line; --debug shows the traceback."""
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    out = tmp_path / "o.ttl"
    script = ("import sys, partygraph.build as b\n"
              "def boom(*a, **k): raise RuntimeError('simulated bug')\n"
              "b.write_graph = boom\n"
              "from partygraph.cli import cli\n"
              "cli(sys.argv[1:])\n")
    for debug in (False, True):
        args = (["--debug"] if debug else []) + ["build", str(good), "--output", str(out)]
        proc = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True)
        assert proc.returncode == 3
        assert proc.stderr.splitlines()[-1].startswith("partygraph: internal error (RuntimeError: simulated bug)")
        assert ("Traceback" in proc.stderr) is debug
        if not debug:
            assert len(proc.stderr.splitlines()) == 1


def test_hostile_unwritable_output_is_one_line(tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = pg("build", good, "--output", blocker / "o.ttl")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith(f"partygraph: {blocker / 'o.ttl'}: cannot write")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable files")
def test_hostile_unreadable_file_is_one_line(tmp_path):
    src = tmp_path / "secret.txt"
    src.write_bytes(SEED.read_bytes())
    src.chmod(0)
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    proc = pg("build", src, good, "--output", tmp_path / "o.ttl")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"{src}: cannot read (Permission denied)" in proc.stderr


def test_hostile_gzip_truncated_is_one_line(tmp_path):
    import gzip

    src = tmp_path / "cut.jsonl.gz"
    data = gzip.compress((json.dumps({"id": "a", "text": SEED.read_text()}, ensure_ascii=False) + "\n").encode() * 20)
    src.write_bytes(data[: len(data) // 2])
    proc = pg("build", src, "--output", tmp_path / "o.ttl")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"{src}: cannot read (EOFError" in proc.stderr
