"""Views, analysis and exports on a hand-written graph (tests/fixtures/viz_small.ttl).

The fixture has 10 units (8 in Bình Phước, 2 in Đồng Nai), 7 people (one
mentioned in two articles and joined by owl:sameAs, one with a hostile name)
and 15 offices over the terms 2015-2020 and 2020-2025.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from partygraph.cli import cli
from partygraph.errors import PartygraphError
from partygraph.viz import BIG_GRAPH, load, make_view, open_source
from partygraph.viz.analyze import analyze
from partygraph.viz.export import export_graph
from partygraph.viz.chart import Holder, Post, ems, post_chart, posts, wrap
from partygraph.viz.model import Evidence, Office, Org, PartyData, Person, Role, Term, body_kind
from partygraph.viz.networks import build_view, cotenure_network, orgchart, people_network
from partygraph.viz.render import json_for_script, render_html
from partygraph.viz.source import Source

FIXTURE = Path(__file__).parent / "fixtures" / "viz_small.ttl"
ID = "https://w3id.org/partygraph/id/"
HOSTILE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
LOI = ID + "person/nguyen-van-loi-000000000000"
HIEN = ID + "person/tran-tue-hien-cccccccccccc"
LAM = ID + "person/kieu-the-lam-dddddddddddd"
MINH = ID + "person/huynh-anh-minh-ffffffffffff"
DB_BP = ID + "org/dang-bo-tinh-binh-phuoc"


@pytest.fixture(scope="module")
def data():
    return load(open_source(FIXTURE))


def test_viz_model_merges_mentions_joined_by_sameas(data):
    assert len(data.persons) == 7
    assert data.persons[LOI].name == "Nguyễn Văn Lợi"
    assert len(data.persons[LOI].iris) == 3
    # Both of Lợi's Bí thư offices (from two articles) belong to the canonical person.
    assert {m.iri.rsplit("/", 1)[1] for m in data.offices if m.person == LOI} == {"m01", "m02", "m03"}


def test_viz_model_merges_by_name_when_no_resolver_ran():
    import rdflib

    g = rdflib.Graph()
    g.parse(data=f"""
        @prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix org: <http://www.w3.org/ns/org#> .
        <{ID}person/a-1> a foaf:Person ; foaf:name "Lê Văn A" .
        <{ID}person/a-2> a foaf:Person ; foaf:name "Lê Văn A" .
        <{ID}person/b-1> a foaf:Person ; foaf:name "Lê Văn B" .
        <{ID}m1> org:member <{ID}person/a-1> ; org:organization <{ID}org/x> .
        <{ID}m2> org:member <{ID}person/a-2> ; org:organization <{ID}org/y> .
        <{ID}m3> org:member <{ID}person/b-1> ; org:organization <{ID}org/y> .
    """, format="turtle")
    d = load(Source.from_rdflib(g))
    assert sorted(p.name for p in d.persons.values()) == ["Lê Văn A", "Lê Văn B"]
    assert len({m.person for m in d.offices}) == 2


def test_viz_model_evidence_carries_sentence_and_article(data):
    m01 = next(m for m in data.offices if m.iri.endswith("/m01"))
    assert [e.text for e in m01.evidence] == [
        "Đồng chí Nguyễn Văn Lợi được bầu làm Bí thư Tỉnh ủy Bình Phước nhiệm kỳ 2020 - 2025."]
    assert m01.evidence[0].headline == "Đại hội Đảng bộ tỉnh Bình Phước lần thứ XI"


def test_viz_select_root_and_depth(data):
    sel = data.select(root="dang bo tinh binh phuoc", depth=1)
    assert {o.rsplit("/", 1)[1] for o in sel.orgs} == {
        "dang-bo-tinh-binh-phuoc", "ban-chap-hanh-dang-bo-tinh-binh-phuoc",
        "dang-bo-khoi-cac-co-quan-tinh-binh-phuoc"}
    assert len(data.select(root=DB_BP).orgs) == 7  # the IRI works too, whole subtree


def test_viz_select_province_term_and_date(data):
    assert {o.rsplit("/", 1)[1] for o in data.select(province="Dong Nai").orgs} == {
        "dang-bo-tinh-dong-nai", "ban-chap-hanh-dang-bo-tinh-dong-nai"}
    assert sorted(m.iri[-3:] for m in data.select(term="2015–2020").offices) == ["m12", "m13", "m14"]
    # m02 has no term but was reported current in 2021: the 2020-2025 term is inferred.
    assert "m02" in {m.iri[-3:] for m in data.select(term="2020-2025").offices}
    assert sorted(m.iri[-3:] for m in data.select(at=date(2017, 6, 1)).offices) == ["m12", "m13", "m14"]


def test_viz_select_rejects_bad_filters(data):
    with pytest.raises(PartygraphError, match="--term"):
        data.select(term="2020")
    with pytest.raises(PartygraphError, match="--root 'Hà Nội'"):
        data.select(root="Hà Nội")


def test_viz_orgchart_has_units_holders_and_links(data):
    g = orgchart(data)
    kinds = [d["kind"] for _, d in g.nodes(data=True)]
    assert (kinds.count("org"), kinds.count("person")) == (10, 7)
    links = [(u, v) for u, v, d in g.edges(data=True) if d["kind"] != "office"]
    assert len(links) == 7
    # Parent first, so the chart is drawn top-down.
    assert (DB_BP, ID + "org/ban-chap-hanh-dang-bo-tinh-binh-phuoc") in links
    offices = [(u, v, d) for u, v, d in g.edges(data=True) if d["kind"] == "office"]
    assert len(offices) == 13
    loi = g.edges[DB_BP, LOI, ID.replace("id/", "role/") + "bi-thu"]
    assert loi["role_en"] == "Secretary" and loi["term"] == "2020-2025"
    tip = dict((k, v) for k, v in loi["tip"] if k)
    assert tip["Person"] == "Nguyễn Văn Lợi" and tip["Role"] == "Secretary (Bí thư)"
    assert "Bí thư Tỉnh ủy Nguyễn Văn Lợi dự và phát biểu." in [v for k, v in loi["tip"] if k == "Sentence"]
    assert g.nodes[LOI]["leader"] and not g.nodes[MINH]["leader"]


def test_viz_orgchart_leaders_only(data):
    g = orgchart(data, holders="leaders")
    people = {n for n, d in g.nodes(data=True) if d["kind"] == "person"}
    # Members only (Minh, Trăm and the hostile name) drop out; Lâm stays as deputy head.
    assert {data.persons[p].name for p in people} == {"Nguyễn Văn Lợi", "Trần Tuệ Hiền", "Kiều Thế Lâm",
                                                      "Nguyễn Hồng Lĩnh"}


def test_viz_people_network_marks_concurrent_offices(data):
    g = people_network(data)
    assert (g.number_of_nodes(), g.number_of_edges()) == (15, 13)
    assert g.nodes[LAM]["concurrent"] == 3
    assert g.nodes[ID + "person/nguyen-hong-linh-222222222222"]["concurrent"] == 0
    assert {d["role_category"] for _, _, d in g.edges(LAM, data=True)} == {"deputy-head", "member", "secretary"}


def test_viz_cotenure_links_same_committee_same_term(data):
    g = cotenure_network(data)
    assert g.number_of_nodes() == 5 and g.number_of_edges() == 6
    # Bí thư (attached to the Đảng bộ) and Phó Bí thư share the executive committee and the standing committee.
    assert g.edges[LOI, HIEN]["weight"] == 2
    assert g.edges[MINH, ID + "person/nguyen-van-tram-111111111111"]["term"] == "2015-2020"
    assert not g.has_edge(LOI, ID + "person/nguyen-van-tram-111111111111")  # different terms
    assert LAM not in g  # his committees had nobody else


def test_viz_render_escapes_hostile_names(data):
    page = make_view(data, "people").html
    assert HOSTILE not in page and "<img" not in page
    # Only our three script elements (data, vis-network, the page script) open a line: nothing injected.
    assert len(re.findall(r"^<script\b", page, re.M)) == 3
    payload = re.search(r'<script type="application/json" id="pg-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in payload
    parsed = json.loads(payload)
    assert HOSTILE in [n["label"] for n in parsed["nodes"]]  # shown as text, unchanged
    assert json.loads(json_for_script({"a": "</script>&\u2028"})) == {"a": "</script>&\u2028"}


def test_viz_render_is_self_contained(data):
    page = make_view(data, "orgchart").html
    assert not re.search(r"<(script|link|img|iframe)[^>]*\b(src|href)\s*=", page, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:|//)|@import", page, re.I)  # stylesheets fetch nothing
    assert "node_modules" not in page
    assert "default-src 'none'" in page
    assert "vis.Network" in page and "window.network" in page


def _synthetic(n_units: int, per_unit: int) -> PartyData:
    """A province with n_units district units, each with per_unit office holders."""
    term = Term(ID + "term/2020-2025", "nhiệm kỳ 2020–2025", 2020, 2025)
    top = Org(ID + "org/top", "Đảng bộ tỉnh X", {"PartyOrganization"}, "ProvincialLevel", "X")
    orgs = {top.iri: top}
    persons, offices = {}, []
    roles = {ID + "role/bi-thu": Role(ID + "role/bi-thu", "Bí thư", "Secretary"),
             ID + "role/uy-vien": Role(ID + "role/uy-vien", "Ủy viên", "Member")}
    for i in range(n_units):
        org = Org(f"{ID}org/u{i}", f"Đảng bộ huyện {i}", {"PartyOrganization"}, "DistrictLevel", "X",
                  [(top.iri, "subOrganizationOf")])
        orgs[org.iri] = org
        for j in range(per_unit):
            p = f"{ID}person/p{i}-{j}"
            persons[p] = Person(p, f"Người {i}-{j}", [p])
            role = "bi-thu" if j == 0 else "uy-vien"
            offices.append(Office(f"{ID}m/{i}-{j}", p, org.iri, ID + "role/" + role, term.iri, "Current"))
    return PartyData(orgs, persons, offices, roles, {term.iri: term})


def _overlaps(g, pos) -> list[tuple[str, str]]:
    """Pairs of chart boxes (centre pos, size w x h) that share more than a point."""
    rects = sorted((x - g.nodes[n]["w"] / 2, y - g.nodes[n]["h"] / 2, x + g.nodes[n]["w"] / 2,
                    y + g.nodes[n]["h"] / 2, n) for n, (x, y) in pos.items())
    bad = []
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            if b[0] >= a[2]:
                break  # sorted by left edge: no later box reaches back
            if a[1] < b[3] and b[1] < a[3]:
                bad.append((a[4], b[4]))
    return bad


def test_viz_big_orgchart_one_box_per_post_without_overlap():
    data = _synthetic(120, 12)  # 121 units, 1,440 offices in 240 posts
    result = make_view(data, "orgchart")
    g = result.graph
    kinds = [d["kind"] for _, d in g.nodes(data=True)]
    assert (kinds.count("org"), kinds.count("post")) == (121, 240)
    members = g.nodes[f"{ID}org/u7#{ID}role/uy-vien"]
    assert len(members["holders"]) == 11 and members["role_lines"] == ["Ủy viên · Member"]
    payload = json.loads(re.search(r'id="pg-data">(.*?)</script>', result.html, re.S).group(1))
    pos = {n["id"]: (n["x"], n["y"]) for n in payload["nodes"]}
    assert payload["fixed"] and len(pos) == g.number_of_nodes()
    assert _overlaps(g, pos) == []
    # The province above its districts, each district above its posts.
    assert pos[ID + "org/top"][1] < pos[ID + "org/u0"][1] < pos[f"{ID}org/u0#{ID}role/bi-thu"][1]
    # Wrapped in rows, not one 120-box line: about twice as wide as tall.
    xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
    assert 1 < (max(xs) - min(xs)) / (max(ys) - min(ys)) < 4


def test_viz_chart_posts_list_holders_in_time_order_and_pick_by_year(data):
    found = posts(data)
    bch = found[(ID + "org/ban-chap-hanh-dang-bo-tinh-binh-phuoc", ID.replace("id/", "role/") + "uy-vien")]
    assert [(h.name, h.start, h.end) for h in bch.holders] == [
        ("Huỳnh Anh Minh", 2015, 2020), ("Nguyễn Văn Trăm", 2015, 2020), (HOSTILE, 2020, 2025)]
    assert [h.name for h in bch.at(2017)] == ["Huỳnh Anh Minh", "Nguyễn Văn Trăm"]
    assert [h.name for h in bch.latest()] == [HOSTILE]
    assert bch.at(2030) == [] and not bch.single
    secretary = found[(DB_BP, ID.replace("id/", "role/") + "bi-thu")]
    assert secretary.single and [h.span for h in secretary.holders] == ["2020–2025"]
    assert secretary.holders[0].reported == ["2020-10-15", "2021-03-01"]


def test_viz_chart_single_holder_at_a_congress_year_is_the_new_one():
    role = ID.replace("id/", "role/") + "bi-thu"
    old, new = (Holder("a", "Lê Văn Cũ", 2015, 2020), Holder("b", "Lê Văn Mới", 2020, 2025))
    post = Post(ID + "org/x", role, [old, new], single=True)
    assert post.at(2020) == [new] and post.at(2019) == [old] and post.latest() == [new]
    assert Post(ID + "org/x", role, [old, new], single=False).at(2020) == [old, new]
    undated = [Holder("c", "Lê Văn C", former=True), Holder("d", "Lê Văn D")]
    assert Post(ID + "org/x", role, undated).latest() == [undated[1]]  # not the former one


def test_viz_chart_tooltip_names_the_article_not_an_iri(data):
    g = post_chart(data)
    tip = g.nodes[f"{DB_BP}#{ID.replace('id/', 'role/')}bi-thu"]["tip"]
    assert ["Post", "Bí thư · Secretary, Đảng bộ tỉnh Bình Phước"] in tip
    assert ["", "Nguyễn Văn Lợi (2020–2025); reported 2020-10-15 … 2021-03-01"] in tip
    assert ["Source (Nguyễn Văn Lợi)",
            "Đại hội Đảng bộ tỉnh Bình Phước lần thứ XI (2020-10-15) <https://example.org/a1>"] in tip
    assert ["Sentence", "Bí thư Tỉnh ủy Nguyễn Văn Lợi dự và phát biểu."] in tip
    assert not any(v.startswith("http") for _, v in tip)
    assert Evidence(article=ID + "article/x", identifier="vntc_1", publisher="VNTC").source == "VNTC vntc_1"


def test_viz_chart_labels_fit_their_boxes():
    name = "Ban Chấp hành Đảng bộ Khối cơ sở Bộ Công nghiệp thành phố Hồ Chí Minh"
    assert wrap(name, 20, 3) == ["Ban Chấp hành Đảng bộ Khối cơ sở", "Bộ Công nghiệp thành phố Hồ Chí", "Minh"]
    lines = wrap(name, 15, 3)
    assert len(lines) == 3 and lines[-1].endswith("…") and all(ems(line) <= 15 for line in lines)
    assert wrap("a " * 40, 5, 2)[-1].endswith("…")
    assert ems("Mmm") > ems("iii") * 2


def test_viz_kind_filter_reads_the_body_kinds_file(data):
    units = {o.label: body_kind(o) for o in data.orgs.values()}
    assert units["Ủy ban nhân dân tỉnh Bình Phước"] == "state"
    assert units["Đảng bộ tỉnh Bình Phước"] == "party"
    police = Org(ID + "org/ca", "Công an tỉnh Bình Phước", {"StateBody"})
    assert body_kind(police) == "police"
    assert body_kind(Org(ID + "org/du", "Đảng ủy Công an tỉnh Bình Phước", {"PartyOrganization"})) == "party"
    assert "Ủy ban nhân dân tỉnh Bình Phước" not in {o.label for o in data.select(kinds=["party"]).orgs.values()}
    with pytest.raises(PartygraphError, match="--kind army2: unknown kind of body"):
        data.select(kinds=["army2"])


def test_viz_cli_orgchart_options(tmp_path):
    out = tmp_path / "o.html"
    res = CliRunner().invoke(cli, ["viz", str(FIXTURE), "--kind", "party,state", "--at", "2017",
                                   "--all-holders", "-o", str(out)])
    assert res.exit_code == 0, res.output
    payload = json.loads(re.search(r'id="pg-data">(.*?)</script>', out.read_text("utf-8"), re.S).group(1))
    assert payload["chart"]["at"] == 2017 and payload["chart"]["all"] is True
    assert {n["body"] for n in payload["nodes"]} == {"party", "state"}
    assert "kind party,state" in payload["title"]


def test_viz_big_people_network_is_laid_out_in_python():
    data = _synthetic(90, 12)
    result = make_view(data, "people")
    payload = json.loads(re.search(r'id="pg-data">(.*?)</script>', result.html, re.S).group(1))
    assert len(payload["nodes"]) == 90 + 1080 > BIG_GRAPH
    assert payload["fixed"] and payload["big"]
    assert len({(n["x"], n["y"]) for n in payload["nodes"]}) == len(payload["nodes"])


def test_viz_analyze_finds_brokers_concurrency_and_turnover(data):
    report = analyze(data)
    assert report["top_betweenness"][0]["name"] == "Huỳnh Anh Minh"  # links the 2015 and 2020 committees
    assert {r["name"] for r in report["concurrent_offices"]} == {
        "Kiều Thế Lâm", "Trần Tuệ Hiền", "Huỳnh Anh Minh", "Nguyễn Văn Lợi"}
    assert report["components"]["count"] == 1
    assert report["turnover"]["transitions"]["2015-2020 → 2020-2025"] == {
        "committees": 2, "re_elected": 1, "new": 5, "left": 2}
    btv = next(r for r in report["turnover"]["committees"] if r["committee"] == "Ban Thường vụ Tỉnh ủy Bình Phước")
    assert btv["re_elected_names"] == ["Huỳnh Anh Minh"]


def test_viz_export_gexf_has_dynamic_term_intervals(data, tmp_path):
    out = tmp_path / "people.gexf"
    export_graph(people_network(data), "gexf", out)
    root = ET.parse(out).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    graph = root.find("g:graph", ns)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    spans = {(e.get("start"), e.get("end")) for e in graph.iter("{http://www.gexf.net/1.2draft}edge")}
    assert ("2020-01-01", "2025-12-31") in spans and ("2015-01-01", "2020-12-31") in spans
    back = nx.read_gexf(out)
    assert back.number_of_nodes() == 15 and back.number_of_edges() == 13


def test_viz_export_graphml_and_csv_round_trip(data, tmp_path):
    export_graph(cotenure_network(data), "graphml", tmp_path / "c.graphml")
    back = nx.read_graphml(tmp_path / "c.graphml")
    assert (back.number_of_nodes(), back.number_of_edges()) == (5, 6)
    assert back.edges[LOI, HIEN]["weight"] == 2
    files = export_graph(people_network(data), "csv", tmp_path / "csv")
    import csv

    rows = list(csv.DictReader(open(files[1], encoding="utf-8")))
    assert len(rows) == 13
    loi = next(r for r in rows if r["Source"] == LOI and r["role_vi"] == "Bí thư")
    assert (loi["start"], loi["end"], loi["Interval"]) == ("2020", "2025", "<[2020.0, 2025.0]>")


def test_viz_cli_writes_page_and_reports(tmp_path):
    runner = CliRunner()
    out = tmp_path / "o.html"
    res = runner.invoke(cli, ["viz", str(FIXTURE), "--view", "cotenure", "--output", str(out)])
    assert res.exit_code == 0, res.output
    assert "cotenure: 5 nodes, 6 edges" in res.output
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    res = runner.invoke(cli, ["analyze", str(FIXTURE), "--format", "json", "--top", "2"])
    assert res.exit_code == 0 and len(json.loads(res.output)["top_degree"]) == 2
    res = runner.invoke(cli, ["export", str(FIXTURE), "--format", "csv", "--view", "orgchart",
                              "--output", str(tmp_path / "csv")])
    assert res.exit_code == 0 and (tmp_path / "csv" / "edges.csv").exists()


@pytest.mark.parametrize("args, message", [
    (["viz", "missing.ttl", "-o", "x.html"], "missing.ttl: no such file or store folder"),
    (["viz", "bad.ttl", "-o", "x.html"], "bad.ttl: cannot parse as turtle"),
    (["viz", "bad.csv", "-o", "x.html"], "bad.csv: unknown graph format .csv"),
    (["viz", str(FIXTURE), "--at", "tomorrow", "-o", "x.html"], "--at 'tomorrow'"),
    (["analyze", str(FIXTURE), "--term", "2020"], "--term '2020'"),
])
def test_viz_cli_bad_input_is_one_line(tmp_path, args, message, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.ttl").write_text("this is not turtle <<<", "utf-8")
    (tmp_path / "bad.csv").write_text("a,b\n", "utf-8")
    proc = subprocess.run([str(Path(sys.executable).parent / "partygraph"), *args],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and message in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.html").exists()


def test_viz_reads_a_store_folder(tmp_path):
    import pyoxigraph as ox

    store = ox.Store(str(tmp_path / "store"))
    graph = ox.NamedNode(ID + "article/a1")  # the store keeps one named graph per article
    store.extend(ox.Quad(t.subject, t.predicate, t.object, graph)
                 for t in ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TURTLE))
    store.flush()
    del store
    d = load(open_source(tmp_path / "store"))
    g = build_view(d, "orgchart")
    assert (g.number_of_nodes(), g.number_of_edges()) == (17, 20)


def test_viz_render_page_for_empty_selection(data):
    result = make_view(data, "cotenure", province="Đồng Nai")
    assert result.graph.number_of_nodes() == 0
    assert any("nothing to draw" in n for n in result.notes)
    assert "nothing to draw" in render_html(result.graph, "cotenure", message=result.notes[0])
