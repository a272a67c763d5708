""""Current" means current: the latest report per post (store/current.py), on articles and on rows."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from partygraph import sparql as q
from partygraph.namespaces import PGID_BASE as PGID, PGROLE_BASE as PGROLE
from partygraph.store import load_inputs, open_store
from partygraph.store.current import current_rows
from resolve_fixture import FIXTURE

#: Articles written for this test (besides three of the resolve fixture: Trần Quốc Khánh, Bí thư in
#: 2019 and 2020; Lê Minh Tâm elected Bí thư for 2020–2025 in October 2020).
ARTICLES = [
    {"id": "cur-2015", "text": "Ngày 2/2/2015, đồng chí Nguyễn Văn Tư, Phó Bí thư Tỉnh ủy Bình Phước đã dự lễ "
                               "khánh thành trường học mới tại huyện Lộc Ninh."},
    {"id": "cur-2021", "text": "Ngày 5/1/2021, đồng chí Lê Minh Tâm, Bí thư Tỉnh ủy Bình Phước đã đến thăm gia đình "
                               "đồng chí Trần Quốc Khánh, nguyên Bí thư Tỉnh ủy Bình Phước. Cùng đi có đồng chí Huỳnh "
                               "Thị Hằng, Phó Bí thư Tỉnh ủy Bình Phước và đồng chí Trần Văn Mi, Phó Bí thư Tỉnh ủy "
                               "Bình Phước."},
]


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    folder = tmp_path_factory.mktemp("current")
    rows = [line for line in FIXTURE.read_text(encoding="utf-8").splitlines()
            if json.loads(line)["id"] in {"bp-2019", "bp-2020", "bp-congress"}]
    data = folder / "articles.jsonl"
    data.write_text("\n".join(rows + [json.dumps(a, ensure_ascii=False) for a in ARTICLES]) + "\n", encoding="utf-8")
    load_inputs(folder / "db", [data])
    return q.EmbeddedBackend(open_store(folder / "db"))


def run(backend, qname, **params):
    bound, _ = q.resolve_params(backend, q.load_query(qname), params)
    return backend.run(q.prepare(q.load_query(qname), bound)).records()


def holders(rows, role):
    return sorted({r["name"] for r in rows if r["role"] == role})


def test_current_secretary_is_the_latest_report_and_all_shows_every_one(backend):
    now = run(backend, "province-leadership", province="binh phuoc")
    # Khánh was Bí thư by the 2019 and 2020 reports; Tâm by the 2020 congress and the 2021 report.
    assert holders(now, "Bí thư") == ["Lê Minh Tâm"]
    every = run(backend, "province-leadership", province="binh phuoc", all="true")
    assert holders(every, "Bí thư") == ["Lê Minh Tâm", "Trần Quốc Khánh"]
    assert {r["current"] for r in every if r["name"] == "Trần Quốc Khánh"} == {"false"}
    # The same in office-holders, and a term or a date asks for the past.
    assert holders(run(backend, "office-holders", unit="Tỉnh ủy Bình Phước"), "Bí thư") == ["Lê Minh Tâm"]
    assert holders(run(backend, "office-holders", unit="Tỉnh ủy Bình Phước", date="2020-06-01"), "Bí thư") == [
        "Trần Quốc Khánh"]


def test_current_deputies_are_those_of_the_latest_round(backend):
    now = run(backend, "province-leadership", province="Bình Phước")
    # Two deputies named in 2021; the one named in 2015 is more than a term earlier.
    assert holders(now, "Phó Bí thư") == ["Huỳnh Thị Hằng", "Trần Văn Mi"]
    every = run(backend, "province-leadership", province="Bình Phước", all="true")
    assert holders(every, "Phó Bí thư") == ["Huỳnh Thị Hằng", "Nguyễn Văn Tư", "Trần Văn Mi"]


def test_current_units_without_secretary_counts_only_current_ones(backend):
    current = {r["label"] for r in run(backend, "units-without-secretary", province="Bình Phước")}
    ever = {r["label"] for r in run(backend, "units-without-secretary", province="Bình Phước", all="true")}
    assert "Đảng bộ tỉnh Bình Phước" not in current | ever
    assert ever <= current


# --- the rule on rows of queries/views/office-holdings.rq -------------------

ORG = PGID + "org/x"
INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")


def row(role, name, last=None, term=None, current=1, former=None):
    """A row (o, r, name, t, mentions, current, first, last, lastFormer); dates None when undated."""
    day = ox.Literal(last or "0001-01-01", datatype=DATE)
    return (ox.NamedNode(ORG), ox.NamedNode(PGROLE + role), ox.Literal(name),
            ox.NamedNode(PGID + f"term/{term}") if term else None, ox.Literal("1", datatype=INT),
            ox.Literal(str(current), datatype=INT), day, day, ox.Literal(former or "0001-01-01", datatype=DATE))


def names(rows):
    return sorted(r[2].value for r in current_rows(rows))


def test_current_rule_single_holder():
    assert names([row("bi-thu", "A", "2019-01-01"), row("bi-thu", "B", "2021-01-01")]) == ["B"]
    # A term without a date counts from its first year.
    assert names([row("bi-thu", "A", "2019-05-01"), row("bi-thu", "B", term="2020-2025")]) == ["B"]
    # Named as former after the latest report: nobody is current (the successor is not known).
    assert names([row("bi-thu", "A", "2019-01-01"), row("bi-thu", "B", "2021-01-01", former="2022-01-01")]) == []
    # Named as former before a later report as holder (held again), or by an undated article.
    assert names([row("bi-thu", "A", "2021-01-01", former="2018-01-01")]) == ["A"]
    assert names([row("bi-thu", "A", "2021-01-01", former="9999-12-31")]) == []
    # Two holders on the same day are both listed; one only ever reported as former, never.
    assert names([row("bi-thu", "A", "2021-01-01"), row("bi-thu", "B", "2021-01-01")]) == ["A", "B"]
    assert names([row("bi-thu", "A", "2021-01-01", current=0)]) == []
    # No date and no term to order them: one name is current, several are not told apart.
    assert names([row("bi-thu", "A")]) == ["A"]
    assert names([row("bi-thu", "A"), row("bi-thu", "B")]) == []
    # Undated reports beside dated ones cannot be placed after them.
    assert names([row("bi-thu", "A"), row("bi-thu", "B", "2010-01-01")]) == ["B"]


def test_current_rule_several_seats():
    seats = [row("pho-bi-thu", "A", term="2015-2020"), row("pho-bi-thu", "B", term="2015-2020"),
             row("pho-bi-thu", "C", term="2020-2025"), row("pho-bi-thu", "D", "2021-03-01"),
             row("pho-bi-thu", "E", "2019-03-01"), row("pho-bi-thu", "F")]
    # The latest term's holders and those reported since it began.
    assert names(seats) == ["C", "D"]
    # Reports after the term's end: the five years up to the latest report.
    assert names(seats + [row("pho-bi-thu", "G", "2026-06-01")]) == ["G"]
    assert names([row("pho-bi-thu", "A", "2015-12-31"), row("pho-bi-thu", "B", "2016-01-01"),
                  row("pho-bi-thu", "C", "2021-01-01", former="2021-05-01")]) == ["B"]
    # Nothing dated: every holder not named as former.
    assert names([row("pho-bi-thu", "A"), row("pho-bi-thu", "B"), row("pho-bi-thu", "C", former="9999-12-31")]) == [
        "A", "B"]
    # Posts are apart: a unit's secretary does not end its deputies.
    assert names([row("bi-thu", "A", "2021-01-01"), row("pho-bi-thu", "B", "2020-01-01")]) == ["A", "B"]
