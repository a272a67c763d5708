"""The build command end to end: inputs of every kind, bad inputs, outputs."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import FOAF, ORG, RDF

from partygraph.namespaces import PG

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def pg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "partygraph.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)


def test_build_seed_graph_has_people_offices_and_provenance(seed_rdflib):
    g = seed_rdflib
    people = set(g.subjects(RDF.type, FOAF.Person))
    memberships = set(g.subjects(RDF.type, ORG.Membership))
    assert len(people) >= 10 and len(memberships) >= 20
    for m in memberships:
        ev = g.value(m, PG.evidence)
        text, start, end = g.value(ev, PG.text), g.value(ev, PG.start), g.value(ev, PG.end)
        assert int(end) - int(start) == len(str(text))


def test_build_evidence_offsets_index_the_article(tmp_path):
    article = sorted(SEEDS.glob("*.txt"))[3]
    out = tmp_path / "one.ttl"
    assert pg("build", article, "--output", out).returncode == 0
    g = Graph().parse(out)
    raw = article.read_text(encoding="utf-8")
    sentences = set(g.subjects(RDF.type, PG.Sentence))
    assert sentences
    for s in sentences:
        assert raw[int(g.value(s, PG.start)):int(g.value(s, PG.end))] == str(g.value(s, PG.text))


def test_build_is_deterministic_and_formats_agree(tmp_path):
    outs = {}
    for name in ("a.ttl", "b.ttl", "c.nt", "d.jsonld"):
        assert pg("build", SEEDS, "--output", tmp_path / name).returncode == 0
        outs[name] = Graph().parse(tmp_path / name)
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()
    assert isomorphic(outs["a.ttl"], outs["c.nt"]) and isomorphic(outs["a.ttl"], outs["d.jsonld"])


def test_build_reads_jsonl_gz_with_metadata_and_reports_bad_lines(tmp_path):
    src = tmp_path / "articles.jsonl.gz"
    good = {"id": "x1", "text": "Đồng chí Lê Văn Hiểu, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh dự hội nghị.",
            "province": "Đồng Tháp", "published": "2021-05-04", "url": "https://example.org/a"}
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(good, ensure_ascii=False) + "\n{not json\n" + json.dumps({"id": "x2"}) + "\n")
    out = tmp_path / "o.ttl"
    proc = pg("build", src, "--output", out)
    assert proc.returncode == 1  # some inputs failed
    assert f"{src}:2: malformed JSON" in proc.stderr
    assert f"{src}:3: record has no 'text'" in proc.stderr
    assert "Traceback" not in proc.stderr
    g = Graph().parse(out)
    names = {str(o) for o in g.objects(None, FOAF.name)}
    assert names == {"Lê Văn Hiểu"}
    labels = {str(o) for o in g.objects(None, None) if isinstance(o, Literal)}
    assert "Đảng bộ tỉnh Đồng Tháp" in labels


@pytest.mark.parametrize("content, problem", [
    (b"", "empty file"),
    (b"\x00\x01\x02binary\x00", "binary file"),
    ("Đảng bộ tỉnh".encode("cp1258", errors="replace") + b"\xff\xfe\xfa", "not UTF-8"),
])
def test_build_bad_file_one_line_and_others_still_built(tmp_path, content, problem):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Đồng chí Trần Văn Sơn, Bí thư Tỉnh ủy Bắc Kạn, dự lễ.", encoding="utf-8")
    out = tmp_path / "o.ttl"
    proc = pg("build", bad, good, "--output", out)
    assert proc.returncode == 1
    lines = [l for l in proc.stderr.splitlines() if str(bad) in l]
    assert len(lines) == 1 and problem in lines[0]
    assert "Traceback" not in proc.stderr
    assert "Trần Văn Sơn" in out.read_text(encoding="utf-8")


def test_build_html_page_main_text_only(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("""<html><head><title>Hội nghị Tỉnh ủy</title>
<meta property="og:url" content="https://baomoi.example/a.html"></head><body>
<nav><a href="/">Trang chủ</a> | <a href="/x">Đồng chí Nguyễn Văn Menu, Bí thư Tỉnh ủy Nghệ An</a></nav>
<article><h1>Hội nghị Tỉnh ủy Nghệ An</h1>
<p>Sáng 3/4/2021, Tỉnh ủy Nghệ An tổ chức hội nghị lần thứ 5. Đồng chí Thái Thanh Quý, Ủy viên Trung ương Đảng,
Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì hội nghị. Hội nghị đã thảo luận nhiều nội dung quan trọng về phát
triển kinh tế - xã hội của tỉnh trong năm nay và những năm tiếp theo.</p></article>
<div class="comments"><p>Bình luận: ông Nguyễn Văn Bình Luận, Bí thư Chi bộ thôn X</p></div>
</body></html>""", encoding="utf-8")
    out = tmp_path / "o.ttl"
    proc = pg("build", page, "--output", out)
    assert proc.returncode == 0, proc.stderr
    names = {str(o) for o in Graph().parse(out).objects(None, FOAF.name)}
    assert names == {"Thái Thanh Quý"}


def test_build_output_not_half_written_on_bad_extension(tmp_path):
    out = tmp_path / "o.xyz"
    proc = pg("build", SEEDS, "--output", out)
    assert proc.returncode == 2 and "unknown output format" in proc.stderr
    assert not out.exists() and not list(tmp_path.iterdir())


def test_build_output_has_the_usual_permissions(tmp_path):
    import os
    import stat

    out = tmp_path / "o.ttl"
    assert pg("build", sorted(SEEDS.glob("*.txt"))[0], "--output", out).returncode == 0
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
