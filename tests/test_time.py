"""Office dates across articles and the holder-at-date query."""

from __future__ import annotations

from datetime import date

import pytest

from partygraph import resolve as r
from partygraph.sparql import EmbeddedBackend, load_query, prepare
from partygraph.store import load_inputs, open_store
from resolve_fixture import FIXTURE

BP = "pgid:org/dang-bo-tinh-binh-phuoc"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("time") / "store"
    load_inputs(path, [FIXTURE])
    r.resolve_store(path)
    return path


def _text(term):
    return getattr(term, "value", term)


def _holders(store_dir, unit, role, day):
    text = prepare(load_query("holder-at-date"), [("unit", unit), ("role", role), ("date", day)])
    result = EmbeddedBackend(open_store(store_dir, read_only=True)).run(text)
    return sorted({_text(row[1]) for row in result.rows})


def test_time_holder_before_the_congress(store_dir):
    assert _holders(store_dir, BP, "pgrole:bi-thu", "2019-12-01") == ["Trần Quốc Khánh"]


def test_time_holder_after_the_congress_is_the_successor(store_dir):
    # Khánh was last reported in May 2020; Tâm was elected at the congress of 14 Oct 2020.
    assert _holders(store_dir, BP, "pgrole:bi-thu", "2021-06-01") == ["Lê Minh Tâm"]


def test_time_nobody_before_first_evidence(store_dir):
    assert _holders(store_dir, BP, "pgrole:bi-thu", "2010-01-01") == []


def test_time_congress_date_starts_elected_office(store_dir):
    store = open_store(store_dir, read_only=True)
    q = f"""PREFIX pg: <{r.PG}> PREFIX org: <{r.ORG}> PREFIX foaf: <{r.FOAF}>
            SELECT ?s ?e ?b WHERE {{ ?m org:member/foaf:name "Lê Minh Tâm" ; org:role <{r.PGROLE}bi-thu> ;
                                      pg:startDate ?s ; pg:endDate ?e ; pg:dateBasis ?b }}"""
    row = next(iter(store.query(q, use_default_graph_as_union=True)))
    assert row["s"].value == "2020-10-14" and "congress" in row["b"].value
    assert row["e"].value == "2025-12-31"  # term end: the 2025 congress is not in the fixture


def test_time_predecessor_ends_at_successor_start():
    def off(m, status, as_of, term=None):
        return r.OfficeRec(m, "o", "o", r.PGROLE + "bi-thu", status, term, as_of, "X", False, "O")

    a = r.Mention("a", "A", "a", "art1", date(2018, 1, 1), "X", [off("m1", "Current", date(2018, 1, 1))])
    b = r.Mention("b", "B", "b", "art2", date(2020, 3, 1), "X", [off("m2", "Elected", date(2020, 3, 1))])
    c = r.Mention("c", "A", "a", "art3", date(2022, 1, 1), "X", [off("m3", "Former", date(2022, 1, 1))])
    tenures = r.date_tenures({"a": a, "b": b, "c": c}, {"a": "A", "c": "A", "b": "B"}, {})
    ta = next(t for t in tenures if t.person == "A")
    assert (ta.start, ta.end) == (date(2018, 1, 1), date(2020, 3, 1))
    assert "successor" in ta.basis[-1]


def test_time_resolved_career_in_order(store_dir):
    text = prepare(load_query("resolved-career"), [("name", "Lê Minh Tâm")])
    result = EmbeddedBackend(open_store(store_dir, read_only=True)).run(text)
    roles = [_text(row[3]) for row in result.rows]
    assert roles == ["Bí thư", "Phó Bí thư"]
    assert len({_text(row[0]) for row in result.rows}) == 1
