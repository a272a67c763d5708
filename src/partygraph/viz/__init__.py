"""Interactive views of the graph (org chart, people, co-tenure), analysis and exports.

    from partygraph.viz import open_source, load, make_view
    data = load(open_source("out/seeds.ttl"))
    result = make_view(data, "orgchart", root="Bình Phước")
    result.write("orgchart.html")

Modules: `source` (graph file / store / rdflib Graph behind SPARQL), `model`
(the slice of the graph the views need, and filters), `networks` (networkx
graphs of the views), `layout` (positions for big graphs), `render` (the
offline HTML page), `analyze` and `export`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from partygraph.rdf.files import open_output
from partygraph.viz.chart import post_chart
from partygraph.viz.layout import block_layout, force_layout
from partygraph.viz.model import PartyData, load
from partygraph.viz.networks import VIEWS, build_view
from partygraph.viz.render import BIG_GRAPH, chart_page_data, render_html
from partygraph.viz.source import Source, open_source

__all__ = ["open_source", "load", "make_view", "ViewResult", "Source", "PartyData", "VIEWS", "BIG_GRAPH"]


@dataclass
class ViewResult:
    """A rendered view: its graph, the page, and notes for the user."""

    view: str
    graph: nx.Graph
    html: str
    notes: list[str] = field(default_factory=list)

    def write(self, path) -> None:
        """Write the page atomically (`-`: to standard output)."""
        with open_output(path, "w") as fh:
            fh.write(self.html)


def make_view(data: PartyData, view: str, root: str | None = None, depth: int | None = None,
              province: str | None = None, term: str | None = None, at: date | None = None,
              holders: str | None = None, title: str | None = None, kinds: list[str] | None = None,
              all_holders: bool = False) -> ViewResult:
    """Filter the data, build the view's network, lay it out if big, render the page.

    The org chart (`chart.post_chart`) has one box per post; `at` does not filter
    it but sets the page's year slider (the chart keeps every year so the slider
    works), `all_holders` lists every holder instead of the latest. holders:
    "all", "leaders" or "none" posts; by default all, or leaders only when all
    would exceed BIG_GRAPH nodes. kinds: kinds of body to keep (party, state, …).
    """
    selected = data.select(root=root, depth=depth, province=province, term=term,
                           at=None if view == "orgchart" else at, kinds=kinds)
    notes: list[str] = []
    filters = _filter_text(root, depth, province, term, at, kinds)
    if view == "orgchart":
        g = post_chart(selected, holders=holders or "all")
        if holders is None and g.number_of_nodes() > BIG_GRAPH:
            # Members' posts outnumber the others: keep the leaders so the chart stays a chart.
            leaders = post_chart(selected, holders="leaders")
            notes.append(f"org chart has {g.number_of_nodes():,} boxes with every post; showing secretaries, "
                         f"deputies and heads only ({leaders.number_of_nodes():,} boxes; --holders all to force)")
            g = leaders
    else:
        g = build_view(selected, view)
        positions = force_layout(g) if g.number_of_nodes() > BIG_GRAPH else None
    if g.number_of_nodes() == 0:
        notes.append("nothing to draw" + (f" for {filters}" if filters else "") +
                     ": the graph has no offices or units matching")
    if g.number_of_nodes() > BIG_GRAPH:
        hint = "--root UNIT, --province, --term or --depth" if view == "orgchart" else "--province, --term, --root UNIT"
        notes.append(f"large view: {g.number_of_nodes():,} nodes and {g.number_of_edges():,} edges; "
                     f"layout precomputed and physics off. To focus it, filter with {hint}")
    suffix = f" — {filters}" if filters else ""
    page_title = title or f"{_VIEW_NAMES[view]}{suffix}"
    message = " ".join(n[0].upper() + n[1:] + "." for n in notes)
    if view == "orgchart":
        page = chart_page_data(g, page_title, block_layout(g), message, at.year if at else None, all_holders)
        return ViewResult(view, g, render_html(g, view, page_title, data=page), notes)
    html = render_html(g, view, page_title, positions, message=message)
    return ViewResult(view, g, html, notes)


_VIEW_NAMES = {"orgchart": "Org chart", "people": "People network", "cotenure": "Co-tenure network"}


def _filter_text(root, depth, province, term, at, kinds=None) -> str:
    parts = []
    if root:
        parts.append(f"root {root}")
    if depth is not None:
        parts.append(f"depth {depth}")
    if province:
        parts.append(f"province {province}")
    if term:
        parts.append(f"term {term}")
    if at:
        parts.append(f"at {at.isoformat()}")
    if kinds:
        parts.append("kind " + ",".join(kinds))
    return ", ".join(parts)
