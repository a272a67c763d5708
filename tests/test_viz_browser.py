"""Each view opened in headless Chromium from file://, offline.

Asserts the drawn network (vis DataSets) has the expected nodes and edges,
that the page asked for nothing, that a hostile name stays text, and saves
a PNG screenshot per view (in pytest's tmp dir, or $PARTYGRAPH_SCREENSHOTS).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import browser
from partygraph.viz import load, make_view, open_source

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not browser.available(), reason="needs Chromium (/usr/bin/chromium) and playwright")]

FIXTURE = Path(__file__).parent / "fixtures" / "viz_small.ttl"
HOSTILE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
ID = "https://w3id.org/partygraph/id/"
ROLE = "https://w3id.org/partygraph/role/"
EXPECTED = {"orgchart": (19, 7), "people": (15, 13), "cotenure": (5, 6)}  # org chart: 10 units, 9 posts


@pytest.fixture(scope="module")
def data():
    return load(open_source(FIXTURE))


def _screenshot(run, tmp_path, name):
    out = tmp_path / f"{name}.png"
    run.page.screenshot(path=str(out))
    keep = os.environ.get("PARTYGRAPH_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(out, Path(keep) / out.name)
    assert out.stat().st_size > 10_000  # a drawn page, not a blank one
    return out


@pytest.mark.parametrize("view", ["orgchart", "people", "cotenure"])
def test_viz_browser_view_draws_offline_and_safely(data, view, tmp_path):
    page_file = tmp_path / f"{view}.html"
    make_view(data, view).write(page_file)
    with browser.open_page(page_file) as run:
        browser.wait_settled(run)
        counts = run.page.evaluate("[window.nodes.length, window.edges.length]")
        assert tuple(counts) == EXPECTED[view]
        # What vis-network actually placed on the canvas, not just the data.
        placed = run.page.evaluate("Object.keys(window.network.getPositions()).length")
        assert placed == EXPECTED[view][0]
        labels = run.page.evaluate("window.nodes.get().map(n => n.label)")
        if view == "orgchart":  # the post's box names its latest holder (cut to fit), the tooltip in full
            assert any(label.startswith("Ủy viên · Member\n" + HOSTILE[:20]) for label in labels)
            tips = run.page.evaluate("window.nodes.get().map(n => n.tip.map(l => l[1]).join(' '))")
            assert any(HOSTILE + " (2020–2025)" in tip for tip in tips)
        elif view != "cotenure" or HOSTILE in labels:
            assert HOSTILE in labels
        assert run.page.evaluate("typeof window.__xss") == "undefined"
        assert run.page.evaluate("document.querySelectorAll('img').length") == 0
        assert run.requests == [] and run.dialogs == [] and run.errors == []
        _screenshot(run, tmp_path, f"viz-{view}")


def _hover(run, node_id):
    x, y = run.page.evaluate(
        """id => { const p = window.network.canvasToDOM(window.network.getPosition(id));
                   const r = document.getElementById('pg-network').getBoundingClientRect();
                   return [p.x + r.left, p.y + r.top]; }""", node_id)
    run.page.mouse.move(x - 30, y - 30)
    run.page.mouse.move(x, y, steps=4)
    run.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    return run.page.locator("div.vis-tooltip")


def test_viz_browser_tooltip_shows_hostile_name_as_text(data, tmp_path):
    page_file = tmp_path / "people.html"
    make_view(data, "people").write(page_file)
    with browser.open_page(page_file) as run:
        browser.wait_settled(run)
        tip = _hover(run, "https://w3id.org/partygraph/id/person/script-eeeeeeeeeeee")
        text = tip.text_content()
        assert HOSTILE in text
        assert "Sentence: Ủy viên Ban Chấp hành: <script>window.__xss=1</script> và Huỳnh Anh Minh." in text
        assert tip.locator("script, img").count() == 0
        assert run.page.evaluate("typeof window.__xss") == "undefined"
        assert run.requests == [] and run.dialogs == []


def test_viz_browser_tooltip_names_role_term_and_source(data, tmp_path):
    page_file = tmp_path / "people.html"
    make_view(data, "people").write(page_file)
    with browser.open_page(page_file) as run:
        browser.wait_settled(run)
        text = _hover(run, "https://w3id.org/partygraph/id/person/nguyen-van-loi-000000000000").text_content()
        assert "Person: Nguyễn Văn Lợi" in text
        assert "Secretary (Bí thư), Đảng bộ tỉnh Bình Phước, 2020-2025" in text
        assert "Source: Đại hội Đảng bộ tỉnh Bình Phước lần thứ XI (2020-10-15)" in text


def test_viz_browser_chart_tooltip_is_the_article_and_sentence_wrapped(data, tmp_path):
    page_file = tmp_path / "orgchart.html"
    make_view(data, "orgchart").write(page_file)
    with browser.open_page(page_file) as run:
        browser.wait_settled(run)
        tip = _hover(run, f"{ID}org/dang-bo-tinh-binh-phuoc#{ROLE}bi-thu")
        text = tip.text_content()
        assert "Post: Bí thư · Secretary, Đảng bộ tỉnh Bình Phước" in text
        assert "Source (Nguyễn Văn Lợi): Đại hội Đảng bộ tỉnh Bình Phước lần thứ XI (2020-10-15)" in text
        assert "Sentence: Đồng chí Nguyễn Văn Lợi được bầu làm Bí thư Tỉnh ủy Bình Phước nhiệm kỳ 2020 - 2025." in text
        box = tip.bounding_box()
        assert box["width"] < 600 and box["height"] > 100  # wrapped, not one long line


def test_viz_browser_search_and_filters(data, tmp_path):
    page_file = tmp_path / "people.html"
    make_view(data, "people").write(page_file)
    with browser.open_page(page_file) as run:
        page = run.page
        browser.wait_settled(run)
        page.fill("#pg-search", "loi")  # diacritics optional
        assert page.locator("#pg-results li").all_text_contents() == ["Nguyễn Văn Lợi"]
        page.click("#pg-results li")
        assert page.evaluate("window.network.getSelectedNodes()") == [
            "https://w3id.org/partygraph/id/person/nguyen-van-loi-000000000000"]
        assert "Person: Nguyễn Văn Lợi" in page.locator("#pg-info").text_content()
        assert page.locator("#pg-count").text_content() == "15 nodes, 13 edges"
        # Hiding members drops their edges and the people whose top office is a membership.
        page.uncheck("#pg-filters input[data-key=member]")
        assert page.locator("#pg-count").text_content() == "12 nodes, 6 edges"
        page.uncheck("#pg-filters input[data-key=DistrictLevel]")
        assert page.locator("#pg-count").text_content() == "11 nodes, 6 edges"
        legend = page.locator("#pg-legend").text_content()
        assert "Provincial unit" in legend and "Secretary" in legend and "Holds concurrent offices" in legend


def test_viz_browser_big_view_is_drawn_without_physics(tmp_path):
    from test_viz import _synthetic

    result = make_view(_synthetic(100, 12), "people")  # 100 units + 1,200 people
    page_file = tmp_path / "big.html"
    result.write(page_file)
    with browser.open_page(page_file) as run:
        browser.wait_settled(run)
        assert run.page.evaluate("[window.nodes.length, window.edges.length]") == [1300, 1200]
        assert run.page.evaluate("window.network.physics.physicsEnabled") is False
        assert "To focus it, filter with --province" in run.page.locator("#pg-message").text_content()
        assert run.requests == [] and run.errors == []


def test_viz_browser_seed_orgchart(seed_graph, tmp_path):
    result = make_view(load(open_source(seed_graph)), "orgchart")
    g = result.graph
    assert g.number_of_nodes() > 0
    page_file = tmp_path / "seeds.html"
    result.write(page_file)
    with browser.open_page(page_file) as run:
        browser.wait_settled(run)
        assert run.page.evaluate("[window.nodes.length, window.edges.length]") == [
            g.number_of_nodes(), g.number_of_edges()]
        assert run.requests == [] and run.errors == []
        _screenshot(run, tmp_path, "viz-seed-orgchart")


# --- the org chart of posts: no overlap, the year slider, collapse, kinds -------------------------

# Every pair of drawn boxes (vis-network's bounding boxes) that share more than an edge.
OVERLAPS_JS = """() => {
  const net = window.network, ids = net.body.nodeIndices;
  const boxes = ids.map(id => [id, net.getBoundingBox(id)]).sort((a, b) => a[1].left - b[1].left);
  const bad = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j][1].left < boxes[i][1].right; j++) {
      const a = boxes[i][1], b = boxes[j][1];
      if (a.top < b.bottom && b.top < a.bottom) bad.push([boxes[i][0], boxes[j][0]]);
    }
  }
  return [ids.length, bad];
}"""
SHOWN_JS = """() => Object.fromEntries(window.nodes.get().filter(n => n.kind === 'post')
  .map(n => [n.id, window.partygraph.chart.shown(n.id)]))"""


def _drawn(run) -> int:
    count, bad = run.page.evaluate(OVERLAPS_JS)
    assert bad == [], f"{len(bad)} overlapping boxes, e.g. {bad[:3]}"
    return count


def _python_shown(g, data, year):
    """What chart.py's Post.at / Post.latest say each post's box names (the page must agree)."""
    from partygraph.viz.chart import posts

    out = {}
    for (org, role), post in posts(data).items():
        node = g.nodes.get(f"{org}#{role}")
        if node is not None:
            picked = post.latest() if year is None else post.at(year)
            out[f"{org}#{role}"] = [node["holders"][post.holders.index(h)]["name"] for h in picked]
    return out


def test_viz_browser_chart_slider_collapse_and_kinds(data, tmp_path):
    result = make_view(data, "orgchart")
    page_file = tmp_path / "chart.html"
    result.write(page_file)
    bch = f"{ID}org/ban-chap-hanh-dang-bo-tinh-binh-phuoc#{ROLE}uy-vien"
    with browser.open_page(page_file) as run:
        page = run.page
        browser.wait_settled(run)
        assert _drawn(run) == 19
        assert page.evaluate(SHOWN_JS)[bch][0].startswith(HOSTILE[:20])
        assert page.locator("#pg-year-label").text_content() == "latest report"
        assert page.evaluate(SHOWN_JS) == _python_shown(result.graph, data, None)
        for year in range(2015, 2026):  # the page's rule is chart.py's, year by year
            page.locator("#pg-year").fill(str(year))
            assert page.locator("#pg-year-label").text_content() == str(year)
            assert page.evaluate(SHOWN_JS) == _python_shown(result.graph, data, year), year
        page.locator("#pg-year").fill("2017")
        assert page.evaluate(SHOWN_JS)[bch] == ["Huỳnh Anh Minh (2015–2020)", "Nguyễn Văn Trăm (2015–2020)"]
        # Posts nobody held in 2017 are not drawn: 10 units and the 2 posts of 2015-2020.
        assert _drawn(run) == 12
        page.check("#pg-all")
        assert len(page.evaluate(SHOWN_JS)[bch]) == 3 and _drawn(run) == 19
        page.uncheck("#pg-all")
        # Click the province's party organisation: everything below it folds away, and back.
        page.locator("#pg-year").fill("2026")
        x, y = page.evaluate("""id => { const p = window.network.canvasToDOM(window.network.getPosition(id));
            const r = document.getElementById('pg-network').getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }""",
                             f"{ID}org/dang-bo-tinh-binh-phuoc")
        page.mouse.click(x, y)
        # Left: the folded unit; Đồng Nai's two units and post; the People's Committee (no parent) and its post.
        assert _drawn(run) == 6
        assert "Unit: Đảng bộ tỉnh Bình Phước" in page.locator("#pg-info").text_content()
        page.click("#pg-expand")
        assert _drawn(run) == 19
        page.uncheck("#pg-filters input[data-key=state]")
        labels = page.evaluate("window.network.body.nodeIndices.map(id => window.nodes.get(id).label)")
        assert not any(label.startswith("Ủy ban nhân dân") for label in labels) and len(labels) == 17
        assert run.requests == [] and run.errors == [] and run.dialogs == []


CITY = "Hồ Chí Minh"
# The city with the most offices in ../shared/corpus/party-news.jsonl.gz (measured on the whole corpus:
# offices by pg:province of their unit: Hồ Chí Minh 657, Hà Nội 246, Yên Bái 150, Đà Nẵng 129).
# Of the 2,708 articles, the ~270 naming the city's party committee: a chart of about 170 boxes built
# in a few seconds (the whole corpus gives 431 boxes, 0 overlapping, in 25 s: too slow for a unit test).
CITY_COMMITTEE = tuple(f"{committee} {city}" for committee in ("Thành ủy", "Thành uỷ")
                       for city in ("TP Hồ Chí Minh", "Thành phố Hồ Chí Minh", "thành phố Hồ Chí Minh",
                                    "TP.HCM", "TPHCM", "TP HCM"))
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "party-news.jsonl.gz"


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    """The city's chart built from the corpus articles that name the city's party committee."""
    import gzip

    from partygraph.build import build_files

    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} is absent (the party corpus sits beside the repository in CI)")
    folder = tmp_path_factory.mktemp("city")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, open(folder / "city.jsonl", "w", encoding="utf-8") as out:
        out.writelines(line for line in src if any(name in line for name in CITY_COMMITTEE))
    build_files([folder / "city.jsonl"], folder / "city.ttl", progress=False)
    city_data = load(open_source(folder / "city.ttl"))
    result = make_view(city_data, "orgchart", province=CITY)
    result.write(folder / "city.html")
    return city_data.select(province=CITY), result, folder / "city.html"


def test_viz_browser_city_chart_has_no_overlap_and_the_slider_changes_holders(city, tmp_path):
    data, result, page_file = city
    g = result.graph
    assert g.number_of_nodes() > 150
    years = sorted({y for (_, post) in _post_items(data, g) for h in post.holders if h.start is not None
                    for y in range(h.start, h.end + 1)})
    # The earlier year with the most posts named: a year the slider can say something about.
    earlier = max(years[:-1], key=lambda y: (sum(bool(p.at(y)) for _, p in _post_items(data, g)), y))
    with browser.open_page(page_file, 1600, 1000) as run:
        page = run.page
        browser.wait_settled(run)
        assert _drawn(run) == g.number_of_nodes()
        latest = page.evaluate(SHOWN_JS)
        assert latest == _python_shown(g, data, None)
        _screenshot(run, tmp_path, "orgchart-city")
        page.locator("#pg-year").fill(str(earlier))
        then = page.evaluate(SHOWN_JS)
        assert then == _python_shown(g, data, earlier) and then != latest
        drawn_then = _drawn(run)
        assert 0 < drawn_then < g.number_of_nodes()  # posts nobody held then are not drawn
        _screenshot(run, tmp_path, f"orgchart-city-{earlier}")
        page.check("#pg-all")
        assert _drawn(run) == g.number_of_nodes()  # every holder listed: still no overlap
        assert run.requests == [] and run.errors == []


def _post_items(data, g):
    from partygraph.viz.chart import posts

    return [(key, p) for key, p in posts(data).items() if f"{key[0]}#{key[1]}" in g]


def test_viz_browser_seed_chart_has_no_overlap(seed_graph, tmp_path):
    result = make_view(load(open_source(seed_graph)), "orgchart")
    page_file = tmp_path / "seeds-chart.html"
    result.write(page_file)
    with browser.open_page(page_file) as run:
        browser.wait_settled(run)
        assert _drawn(run) == result.graph.number_of_nodes() > 5
        run.page.check("#pg-all")
        assert _drawn(run) == result.graph.number_of_nodes()
        assert run.requests == [] and run.errors == []
