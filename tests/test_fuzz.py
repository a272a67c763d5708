"""Fuzzing the normaliser, the extractor and the RDF mapping with hypothesis.

For any Unicode text, and for text assembled from party-news vocabulary
(titles, unit names, people's names, dates, punctuation, odd spaces and
decomposed accents), the pipeline finishes; every fact's evidence span lies
inside the raw text and is that text; the triples survive N-Triples and
Turtle round trips (rdflib and pyoxigraph) and conform to the SHACL shapes.

The default suite runs about 200 examples; `pytest -m slow tests/test_fuzz.py`
runs 10,000.
"""

from __future__ import annotations

import itertools
import unicodedata

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph

from partygraph.build import article_result, nt_lines
from partygraph.extract import extract
from partygraph.normalise import normalise
from partygraph.rdf.mapping import new_graph, role_scheme, triples
from partygraph.read import Article
from partygraph.rdf.validate import validate_graph

TITLES = ["Bí thư", "Phó Bí thư", "Phó Bí thư Thường trực", "Ủy viên Ban Thường vụ", "Uỷ viên Ban Chấp hành",
          "Ủy viên Trung ương Đảng", "Chủ tịch", "Phó Chủ tịch", "Trưởng ban", "Phó trưởng Ban Tuyên giáo",
          "Chủ nhiệm Ủy ban Kiểm tra", "Tổng Bí thư", "Giám đốc", "nguyên Bí thư", "Bí thư Chi bộ"]
UNITS = ["Tỉnh ủy", "Thành ủy", "Huyện ủy", "Đảng ủy xã", "Đảng bộ tỉnh", "Đảng bộ Khối các cơ quan tỉnh",
         "HĐND tỉnh", "UBND tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", "Ban Chấp hành Trung ương", "Bộ Chính trị",
         "Chi bộ thôn", "Đảng ủy Quân sự tỉnh", "Hội Nông dân", "Tỉnh Đoàn", "Công ty TNHH MTV"]
PLACES = ["Bình Phước", "An Giang", "Hà Nội", "Thanh Hóa", "Thanh Hoá", "Khánh Hòa", "Đồng Tháp", "Tân Lập",
          "Đồng Phú", "TP. Hồ Chí Minh", "Bắc Kạn", "Nghệ An", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu"]
NAMES = ["Nguyễn Văn Lợi", "Trần Tuệ Hiền", "Lê Văn Hiểu", "Kiều Thế Lâm", "Thái Thanh Quý", "Nguyễn Phú Trọng",
         "Trần Thị Mai", "Hồ Chí Minh", "Võ Văn Thưởng", "Phạm Minh Chính", "Đỗ Thị Thu Hà", "Nguyễn", "Văn"]
VERBS = ["đồng chí", "các đồng chí", "bầu", "làm", "đắc cử", "tái đắc cử", "giữ chức", "được bầu giữ chức",
         "dự", "chủ trì", "là", "và", "sáp nhập", "thành lập", "giải thể", "trên cơ sở hợp nhất", "thôi giữ chức",
         "Đại hội đại biểu", "Đại hội", "lần thứ", "nhiệm kỳ", "khóa", "gồm", "đại biểu", "Ban Thường vụ"]
NUMBERS = ["XV", "VIII", "XIII", "2020 - 2025", "2015–2020", "2020-2025", "ngày 19-21/8/2020", "sáng 30-9",
           "5/10/2020", "ngày 25/9/2020", "299/300", "1.234", "45", "0", "99999999999999999999", "32/13/2020"]
PUNCT = [",", ".", ";", ":", "(", ")", "–", "-", "\"", "“", "”", "\n", "\n\n", " ", "…", "/", "TP.", "Th.S",
         "\u00a0", "\u200b", "\u00ad", "\ufeff", "\u0301", "\u0323", "Ð", "\t", "\r\n"]

piece = st.one_of(st.sampled_from(TITLES), st.sampled_from(UNITS), st.sampled_from(PLACES),
                  st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(NUMBERS),
                  st.sampled_from(PUNCT), st.text(max_size=3))


@st.composite
def party_text(draw) -> str:
    """Vietnamese-looking text: vocabulary pieces, joined by spaces or not, sometimes NFD or upper case."""
    parts = draw(st.lists(piece, max_size=80))
    text = "".join(itertools.chain.from_iterable((p, draw(st.sampled_from([" ", " ", " ", "", ", "])))
                                                 for p in parts))
    form = draw(st.sampled_from(["as is", "as is", "NFD", "upper"]))
    if form == "NFD":
        text = unicodedata.normalize("NFD", text)
    elif form == "upper":
        text = text.upper()
    return text


any_text = st.text(max_size=400)


def evidences(x):
    """Every Evidence of an Extraction, with what it supports."""
    for name, ev in x.persons.items():
        yield f"person {name}", ev
    for key, ev in x.org_evidence.items():
        yield f"org {key}", ev
    for o in x.offices:
        yield f"office {o.person}", o.evidence
    for c in x.congresses:
        if c.evidence is not None:
            yield f"congress {c.ordinal}", c.evidence
    for ch in x.changes:
        yield f"change {ch.kind}", ch.evidence


def check_pipeline(raw: str, shapes: bool = True) -> None:
    """The properties every text must have; raises AssertionError naming the broken one."""
    norm = normalise(raw)
    assert len(norm.offsets) == len(norm.text) + 1
    assert list(norm.offsets) == sorted(norm.offsets) and norm.offsets[-1] == len(raw)

    article = Article(id="fuzz", text=raw, source="fuzz")
    x = extract(article)
    for what, ev in evidences(x):
        assert 0 <= ev.start <= ev.end <= len(raw), (what, ev)
        assert raw[ev.start:ev.end] == ev.text, (what, ev)
        # ... and is the sentence the fact was read in, not a shifted slice
        assert normalise(ev.text).text.strip() in norm.text, (what, ev)

    g = new_graph()
    for t in triples(x):
        assert not any(isinstance(term, BNode) for term in t)
        g.add(t)
    for fmt in ("nt", "turtle"):
        data = g.serialize(format=fmt, encoding="utf-8")
        back = Graph().parse(data=data, format=fmt)
        assert set(back) == set(g), fmt
    oxi = list(ox.parse(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES))
    assert len(oxi) == len(g)

    # The build's own path: the article's triples as terms, written as N-Triples lines and read back by pyoxigraph.
    res = article_result(article)
    assert res.error is None, res.error
    lines = "".join(nt_lines([res.graph]))
    assert len(list(ox.parse(lines.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))) == len(g)

    if shapes and len(g):
        g += role_scheme()
        conforms, report = validate_graph(g)
        assert conforms, report


def test_fuzz_normalise_offsets_with_composing_starters():
    """Found by test_fuzz_party_news_text_10k: NFC over the whole text joined two starters."""
    norm = normalise("\u1100\u1161")  # HANGUL CHOSEONG KIYEOK + JUNGSEONG A (NFD of '가')
    assert len(norm.offsets) == len(norm.text) + 1


FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=5_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(any_text)
def test_fuzz_any_unicode_text(raw):
    check_pipeline(raw)


@FAST
@given(party_text())
def test_fuzz_party_news_text(raw):
    check_pipeline(raw)


@pytest.mark.slow
@SLOW
@given(any_text)
def test_fuzz_any_unicode_text_10k(raw):
    check_pipeline(raw)


@pytest.mark.slow
@SLOW
@given(party_text())
def test_fuzz_party_news_text_10k(raw):
    check_pipeline(raw)
