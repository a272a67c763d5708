"""The 2025 reorganisation: reference events, successors, joins with article events."""

from __future__ import annotations


import pytest

from partygraph import resolve as r
from partygraph.store import load_inputs, open_store
from resolve_fixture import FIXTURE



@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("reorg") / "store"
    load_inputs(path, [FIXTURE])
    r.resolve_store(path)
    return open_store(path)


def _ask(store, body):
    q = f"PREFIX pg: <{r.PG}> PREFIX org: <{r.ORG}> PREFIX schema: <{r.SDO}> PREFIX pgid: <{r.PGID}> ASK {{ {body} }}"
    return bool(store.query(q, use_default_graph_as_union=True))


def test_reorg_merged_province_party_links_to_successor(store):
    assert _ask(store, "<https://w3id.org/partygraph/id/org/dang-bo-tinh-binh-phuoc> pg:successor <https://w3id.org/partygraph/id/org/dang-bo-tinh-dong-nai>")
    assert _ask(store, """?e a org:ChangeEvent ; pg:kind pg:Merger ; schema:startDate "2025-07-01"^^<http://www.w3.org/2001/XMLSchema#date> ;
                          org:originalOrganization <https://w3id.org/partygraph/id/org/dang-bo-tinh-binh-phuoc> ;
                          org:resultingOrganization <https://w3id.org/partygraph/id/org/dang-bo-tinh-dong-nai>""")


def test_reorg_continuing_institution_gets_successor(store):
    assert _ask(store, "<https://w3id.org/partygraph/id/org/uy-ban-nhan-dan-tinh-binh-phuoc> pg:successor <https://w3id.org/partygraph/id/org/uy-ban-nhan-dan-tinh-dong-nai>")
    # A province that was not merged away has no successor.
    assert not _ask(store, "<https://w3id.org/partygraph/id/org/uy-ban-nhan-dan-tinh-nghe-an> pg:successor ?x")


def test_reorg_article_event_joins_reference_nodes(store):
    # The merger read from article dn-2025 and the reference event share organisation nodes.
    assert _ask(store, """?a org:originalOrganization <https://w3id.org/partygraph/id/org/dang-bo-tinh-binh-phuoc> .
                          ?a <http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/partygraph/id/article/dn-2025> .
                          ?b org:originalOrganization <https://w3id.org/partygraph/id/org/dang-bo-tinh-binh-phuoc> .
                          FILTER(STRSTARTS(STR(?b), "https://w3id.org/partygraph/id/event/reference/"))""")


def test_reorg_every_merged_province_has_an_event_without_store():
    events, minted = r.reference_events()
    merged_away = {old for old, new in r.province_successors().items() if old != new}
    originals = {minted[o]["label"] for e in events if e.kind == "merger" for o in e.originals if o in minted}
    assert len(merged_away) == 29
    assert {f"Đảng bộ {r.unit_phrase(p)}" for p in merged_away} <= originals
    central = next(e for e in events if e.iri.endswith("khoi-trung-uong-2025"))
    assert central.date == "2025-02-03" and len(central.results) == 4 and "121-KL/TW" in central.source


def test_reorg_khoi_template_instantiated_only_for_units_present():
    orgs = {r.PGID + "org/dang-bo-khoi-cac-co-quan-tinh-binh-phuoc":
            {"labels": {"Đảng bộ Khối các cơ quan tỉnh Bình Phước"}, "alts": set(), "types": set(),
             "province": "Bình Phước", "level": None}}
    events, minted = r.reference_events(orgs)
    khoi = [e for e in events if "khoi-tinh-2025" in e.iri]
    assert [e.iri.rsplit("/", 1)[-1] for e in khoi] == ["khoi-tinh-2025-binh-phuoc"]
    assert khoi[0].originals == [r.PGID + "org/dang-bo-khoi-cac-co-quan-tinh-binh-phuoc"]
    assert {minted[x]["label"] for x in khoi[0].results} == {
        "Đảng bộ các cơ quan Đảng tỉnh Bình Phước", "Đảng bộ Ủy ban nhân dân tỉnh Bình Phước"}


def test_reorg_org_key_ignores_spelling_only():
    assert r.org_key("Đảng bộ Khối Cơ quan & Doanh nghiệp tỉnh Bình Phước") == \
        r.org_key("Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh  Bình Phước")
    assert r.org_key("Đảng bộ tỉnh Bình Phước") != r.org_key("Đảng bộ tỉnh Bình Định")
