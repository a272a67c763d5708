"""The holdings view: offices summed over the articles that report them, kept current by `load`."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from partygraph import sparql as q
from partygraph.namespaces import PG_BASE as PG, PGID_BASE as PGID, PGROLE_BASE as PGROLE
from partygraph.store import load_inputs, open_store, update_graph
from partygraph.store import views
from resolve_fixture import subset

BINH_PHUOC = PGID + "org/dang-bo-tinh-binh-phuoc"


def _holdings(store, name):
    """{(role id, term or None): record} of the holdings of `name` in Đảng bộ tỉnh Bình Phước."""
    text = f"""PREFIX pg: <{PG}>
        SELECT ?r ?t ?mentions ?current ?first ?last ?h WHERE {{
          ?h a pg:Holding ; pg:organization <{BINH_PHUOC}> ; pg:role ?r ; pg:holderName "{name}" ;
             pg:mentions ?mentions ; pg:currentMentions ?current .
          OPTIONAL {{ ?h pg:term ?t }} OPTIONAL {{ ?h pg:firstReported ?first }} OPTIONAL {{ ?h pg:lastReported ?last }}
        }}"""
    return {(r["r"].rsplit("/", 1)[1], r["t"]): r for r in q.EmbeddedBackend(store).run(text).records()}


def test_views_one_holding_per_office_across_articles(tmp_path):
    db = tmp_path / "db"
    first = load_inputs(db, [subset(tmp_path, {"bp-2019"})])
    store = open_store(db)
    assert first.view_triples > 0
    one = _holdings(store, "Trần Quốc Khánh")[("bi-thu", None)]
    assert (one["mentions"], one["current"], one["first"], one["last"]) == (1, 1, "2019-03-10", "2019-03-10")
    del store
    # The second article reports the same office: the load updates the view.
    load_inputs(db, [subset(tmp_path, {"bp-2020", "bp-congress"})])
    store = open_store(db)
    khanh = _holdings(store, "Trần Quốc Khánh")
    assert list(khanh) == [("bi-thu", None)]
    two = khanh[("bi-thu", None)]
    assert (two["mentions"], two["current"], two["first"], two["last"]) == (2, 2, "2019-03-10", "2020-05-12")
    assert two["h"] == one["h"] == views.holding_iri(BINH_PHUOC, PGROLE + "bi-thu", "Trần Quốc Khánh", None).value
    # An office stated for a term is its own holding, with the term.
    tam = _holdings(store, "Lê Minh Tâm")
    assert list(tam) == [("bi-thu", PGID + "term/2020-2025")]
    # Its mentions are the memberships with the same organisation, role and name.
    n = q.EmbeddedBackend(store).run(f"""PREFIX org: <http://www.w3.org/ns/org#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        SELECT (COUNT(?m) AS ?n) WHERE {{ ?m org:organization <{BINH_PHUOC}> ; org:role <{PGROLE}bi-thu> ;
        org:member/foaf:name "Trần Quốc Khánh" }}""").records()[0]["n"]
    assert n == two["mentions"]


def test_views_reload_changes_nothing_and_drop_restores_mentions(tmp_path):
    db = tmp_path / "db"
    data = subset(tmp_path, {"bp-2019", "bp-2020", "bp-congress", "dn-2025"})
    first = load_inputs(db, [data])
    second = load_inputs(db, [data])
    assert second.quads_after == first.quads_after and second.view_triples == first.view_triples
    store = open_store(db)
    assert update_graph(store, views.HOLDINGS_GRAPH, views.compute(q.EmbeddedBackend(store))) == 0
    # Dropping the view's graph leaves the mentions exactly as loaded.
    store.remove_graph(ox.NamedNode(views.HOLDINGS_GRAPH))
    assert len(store) == first.quads_after - first.view_triples


def _view_of(memberships):
    """The view of a store holding only these offices: (id, person id, name, org id, status, date or None)."""
    nt = []
    for m, p, name, org, status, day in memberships:
        mi, pi = f"<{PGID}membership/{m}>", f"<{PGID}person/{p}>"
        nt += [f"{mi} <http://www.w3.org/ns/org#member> {pi} .",
               f"{mi} <http://www.w3.org/ns/org#organization> <{PGID}org/{org}> .",
               f"{mi} <http://www.w3.org/ns/org#role> <{PGROLE}bi-thu> .",
               f"{mi} <{PG}status> <{PG}{status}> .",
               f'{pi} <http://xmlns.com/foaf/0.1/name> "{name}" .']
        if day:
            nt.append(f'{mi} <{PG}asOf> "{day}"^^<http://www.w3.org/2001/XMLSchema#date> .')
    store = ox.Store()
    store.load(("\n".join(nt) + "\n").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    views.refresh_store(store)
    view = {}
    for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(views.HOLDINGS_GRAPH)):
        view.setdefault(quad.subject.value, {})[quad.predicate.value.rsplit("#", 1)[-1]] = quad.object.value
    return view


def test_views_former_only_office_has_no_dates():
    view = _view_of([("a", "p1", "Nguyễn Văn Lợi", "x", "Former", "2021-01-05"),
                     ("b", "p2", "Nguyễn Văn Lợi", "x", "Former", "2022-03-01"),
                     ("c", "p3", "Trần Tuệ Hiền", "x", "Current", "2021-01-05"),
                     ("d", "p4", "Trần Tuệ Hiền", "x", "Elected", "2020-10-16"),
                     ("e", "p5", "Trần Tuệ Hiền", "x", "Current", None),
                     ("f", "p6", "Trần Tuệ Hiền", "x", "Former", "2023-01-01")])
    loi = view[views.holding_iri(PGID + "org/x", PGROLE + "bi-thu", "Nguyễn Văn Lợi", None).value]
    hien = view[views.holding_iri(PGID + "org/x", PGROLE + "bi-thu", "Trần Tuệ Hiền", None).value]
    # Only ever named as former: no dates of holding it.
    assert (loi["mentions"], loi["currentMentions"]) == ("2", "0") and "firstReported" not in loi
    # Dates of the mentions reporting it as held; an undated one and the later "former" one do not count.
    assert (hien["mentions"], hien["currentMentions"], hien["firstReported"], hien["lastReported"]) == (
        "4", "3", "2020-10-16", "2021-01-05")
    # No person node holds two offices here.
    assert not any("currentOffices" in v for v in view.values())


def test_views_concurrent_rank_orders_by_offices_then_name():
    view = _view_of([("1", "b", "Bùi B", "o1", "Current", None), ("2", "b", "Bùi B", "o2", "Current", None),
                     ("3", "a", "An A", "o1", "Current", None), ("4", "a", "An A", "o2", "Elected", None),
                     ("5", "c", "Cao C", "o1", "Current", None), ("6", "c", "Cao C", "o2", "Current", None),
                     ("7", "c", "Cao C", "o3", "Current", None), ("8", "d", "Đỗ D", "o1", "Current", None),
                     ("9", "d", "Đỗ D", "o2", "Former", None)])
    got = {iri.rsplit("/", 1)[1]: (int(v["currentOffices"]), int(v["concurrentRank"]))
           for iri, v in view.items() if "currentOffices" in v}
    assert got == {"c": (3, 1), "a": (2, 2), "b": (2, 3)}


@pytest.mark.parametrize("name", ["counts-by-role", "counts-by-province", "concurrent-offices"])
def test_views_aggregates_equal_counting_every_mention(tmp_path, name):
    """The view-backed queries give what aggregating the mentions directly gives (on real articles)."""
    db = tmp_path / "db"
    load_inputs(db, [Path(__file__).parents[1] / "data" / "seeds"])
    backend = q.EmbeddedBackend(open_store(db))
    direct = {
        "counts-by-role": """SELECT ?role (COUNT(DISTINCT ?m) AS ?offices) (COUNT(DISTINCT ?name) AS ?people) WHERE {
            ?m org:organization ?o ; org:role ?r ; org:member/foaf:name ?name .
            ?r skos:prefLabel ?role FILTER(lang(?role) = "vi") } GROUP BY ?role""",
        "counts-by-province": """SELECT ?provinceName (COUNT(DISTINCT ?m) AS ?offices) (COUNT(DISTINCT ?name) AS ?people) WHERE {
            ?o a org:Organization ; pg:province ?p . BIND(STR(?p) AS ?provinceName)
            ?m org:organization ?o ; org:member/foaf:name ?name } GROUP BY ?provinceName""",
        "concurrent-offices": """SELECT ?name (COUNT(?m) AS ?offices) WHERE {
            ?m org:member ?p . ?p foaf:name ?name FILTER NOT EXISTS { ?m pg:status pg:Former } }
            GROUP BY ?p ?name HAVING (COUNT(?m) >= 2)""",
    }[name]
    prefixes = ("PREFIX org: <http://www.w3.org/ns/org#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX pg: <https://w3id.org/partygraph/ontology#> ")
    want = backend.run(prefixes + direct).records()
    got = backend.run(q.prepare(q.load_query(name), {})).records()
    if name == "counts-by-role":
        sums = {}
        for r in got:
            sums.setdefault(r["role"], [0, None])[0] += r["offices"]
        assert {r["role"]: r["offices"] for r in want} == {k: v[0] for k, v in sums.items()}
    elif name == "counts-by-province":
        sums = {}
        for r in got:
            sums[r["provinceName"]] = sums.get(r["provinceName"], 0) + r["offices"]
        assert {r["provinceName"]: r["offices"] for r in want} == {k: v for k, v in sums.items() if v}
    else:
        assert sorted((r["name"], r["offices"]) for r in want) == sorted((r["name"], r["offices"]) for r in got)
    assert want


def test_views_holdings_conform_to_the_shapes(tmp_path):
    import rdflib

    from partygraph.rdf.validate import validate_graph

    db = tmp_path / "db"
    load_inputs(db, [subset(tmp_path, {"bp-2019", "bp-2020", "bp-congress"})])
    store = open_store(db)
    graph = rdflib.Graph()
    graph.parse(data=ox.serialize((qd.triple for qd in store), format=ox.RdfFormat.N_TRIPLES).decode("utf-8"),
                format="nt")
    assert len(list(graph.triples((None, None, rdflib.URIRef(PG + "Holding"))))) >= 2
    conforms, report = validate_graph(graph)
    assert conforms, report
    # A holding without its count breaks the shape.
    holding = next(graph.subjects(rdflib.RDF.type, rdflib.URIRef(PG + "Holding")))
    graph.remove((holding, rdflib.URIRef(PG + "mentions"), None))
    conforms, report = validate_graph(graph)
    assert not conforms and "a holding needs exactly one pg:mentions" in report
