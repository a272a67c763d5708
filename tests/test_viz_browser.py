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
EXPECTED = {"orgchart": (17, 20), "people": (15, 13), "cotenure": (5, 6)}


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
        if view != "cotenure" or HOSTILE in labels:
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
    page_file = tmp_path / "orgchart.html"
    make_view(data, "orgchart").write(page_file)
    with browser.open_page(page_file) as run:
        browser.wait_settled(run)
        text = _hover(run, "https://w3id.org/partygraph/id/person/nguyen-van-loi-000000000000").text_content()
        assert "Person: Nguyễn Văn Lợi" in text
        assert "Secretary (Bí thư), Đảng bộ tỉnh Bình Phước, 2020-2025" in text
        assert "Source: Đại hội Đảng bộ tỉnh Bình Phước lần thứ XI (2020-10-15)" in text


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

    result = make_view(_synthetic(100, 12), "orgchart", holders="all")  # 101 units + 1,200 people
    page_file = tmp_path / "big.html"
    result.write(page_file)
    with browser.open_page(page_file) as run:
        browser.wait_settled(run)
        assert run.page.evaluate("[window.nodes.length, window.edges.length]") == [1301, 1300]
        assert run.page.evaluate("window.network.physics.physicsEnabled") is False
        assert "To focus it, filter with --root UNIT" in run.page.locator("#pg-message").text_content()
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
