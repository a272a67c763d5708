"""One self-contained, offline HTML page per view, drawn by vis-network.

The page inlines vis-network's script and stylesheet (the copies pyvis ships)
and our own small script; nothing is fetched (a Content-Security-Policy
forbids it, too). Graph data goes in as JSON inside
`<script type="application/json">` with `<`, `>` and `&` escaped, and every
label and tooltip reaches the page as text: tooltips are DOM elements built
with `textContent`, never HTML strings, so a person named
`<script>alert(1)</script>` is shown, not run.

The page exposes `window.network`, `window.nodes`, `window.edges` (the vis
DataSets) and `window.partygraph` (`settled` becomes true once drawn and still).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from partygraph.htmltext import json_for_script
from partygraph.viz.chart import MARGIN, MAX_HOLDER_LINES, POST_FONT, UNIT_FONT, text_width
from partygraph.viz.model import LEVEL_LABELS, LEVELS, ROLE_CATEGORIES, ROLE_CATEGORY_LABELS, body_kinds

# Above this many nodes the browser's physics stalls: positions are computed
# in Python and physics is switched off.
BIG_GRAPH = 1000
# Above this many edges their labels are left out: unreadable and slow to draw.
EDGE_LABEL_LIMIT = 300

LEVEL_COLOURS = {"CentralLevel": "#6a3d9a", "ProvincialLevel": "#1f78b4", "DistrictLevel": "#33a02c",
                 "GrassrootsLevel": "#8fc97a", "BranchLevel": "#9ecae1", "unknown": "#bdbdbd"}
ROLE_COLOURS = {"secretary": "#e31a1c", "deputy-secretary": "#ff7f00", "head": "#b15928",
                "deputy-head": "#e6ab02", "member": "#737373", "other": "#c994c7"}
LINK_COLOUR = "#9e9e9e"
COTENURE_COLOUR = "#5b7fa6"
DARK_BACKGROUNDS = {"#6a3d9a", "#1f78b4", "#33a02c", "#e31a1c", "#b15928", "#737373"}

VIEW_TITLES = {"orgchart": "Org chart", "people": "People network", "cotenure": "Co-tenure network"}


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's minified script and stylesheet, from the copy pyvis ships."""
    lib = Path(resources.files("pyvis")) / "templates" / "lib"
    candidates = sorted(lib.glob("vis-*/vis-network.min.js"), reverse=True)
    if not candidates:
        raise RuntimeError(f"vis-network.min.js not found under {lib}; is pyvis installed?")
    js_path = candidates[0]
    js = js_path.read_text("utf-8")
    # Devtools would fetch the (absent) source map: drop the reference.
    js = re.sub(r"//# sourceMappingURL=\S+\s*$", "", js)
    return js, (js_path.parent / "vis-network.css").read_text("utf-8")


def _colour(bg: str, border: str | None = None) -> dict:
    border = border or bg
    return {"background": bg, "border": border,
            "highlight": {"background": bg, "border": "#000000"},
            "hover": {"background": bg, "border": "#000000"}}


def vis_data(g: nx.Graph, positions: dict | None = None) -> tuple[list[dict], list[dict]]:
    """vis-network node and edge records for a view graph (see networks.py attributes)."""
    nodes, edges = [], []
    for n, d in g.nodes(data=True):
        rec = {"id": n, "label": _short(d.get("label") or n), "tip": d.get("tip") or [["Name", str(n)]],
               "kind": d.get("kind", ""), "group": d.get("group", "")}
        if d.get("kind") == "org":
            level = d.get("level") or "unknown"
            bg = LEVEL_COLOURS.get(level, LEVEL_COLOURS["unknown"])
            rec.update(level=level, color=_colour(bg, "#333333"),
                       shape={"Committee": "box", "PartyOrganization": "ellipse"}.get(d.get("org_type"), "box"),
                       font={"color": "#ffffff" if bg in DARK_BACKGROUNDS else "#111111", "size": 14},
                       widthConstraint={"maximum": 150}, margin=8)
            if d.get("org_type") not in ("Committee", "PartyOrganization"):
                rec["shapeProperties"] = {"borderDashes": [5, 4]}
                rec["borderWidth"] = 2
        else:
            cat = d.get("role_category", "other")
            bg = ROLE_COLOURS.get(cat, ROLE_COLOURS["other"])
            leader = bool(d.get("leader"))
            concurrent = int(d.get("concurrent") or 0) >= 2
            rec.update(cat=cat, shape="diamond" if concurrent else "dot",
                       size=(20 if leader else 11) + (4 if concurrent else 0),
                       color=_colour(bg, "#000000" if concurrent else bg),
                       borderWidth=3 if concurrent else 1, widthConstraint={"maximum": 105},
                       font={"size": 17 if leader else 13, "strokeWidth": 3, "strokeColor": "#ffffff"})
        if positions and n in positions:
            rec["x"], rec["y"] = positions[n]
        nodes.append(rec)
    labels = g.number_of_edges() <= EDGE_LABEL_LIMIT
    multi = g.is_multigraph()
    for i, e in enumerate(g.edges(keys=True, data=True) if multi else g.edges(data=True)):
        u, v, d = (e[0], e[1], e[3]) if multi else e
        kind = d.get("kind", "")
        rec = {"id": i, "from": u, "to": v, "kind": kind, "tip": d.get("tip") or [["Link", kind]]}
        if kind == "office":
            cat = d.get("role_category", "other")
            strong = cat in ("secretary", "deputy-secretary")
            rec.update(cat=cat, color={"color": ROLE_COLOURS.get(cat, ROLE_COLOURS["other"]), "opacity": 0.9},
                       width=3.5 if strong else 1.5)
            if labels:
                rec["label"] = d.get("label", "")
        elif kind == "cotenure":
            w = int(d.get("weight") or 1)
            rec.update(cat="cotenure", color={"color": COTENURE_COLOUR, "opacity": 0.7},
                       width=min(1 + 1.5 * (w - 1), 8), value=w)
            if labels and d.get("label"):
                rec["label"] = d["label"]
        else:
            rec.update(cat="link", color={"color": LINK_COLOUR}, width=1.5,
                       dashes=kind == "subOrganizationOf")
        edges.append(rec)
    return nodes, edges


def chart_vis_data(g: nx.DiGraph, positions: dict) -> tuple[list[dict], list[dict]]:
    """vis-network records for the post chart (chart.py): boxes of the measured width at fixed places."""
    nodes = []
    for n, d in g.nodes(data=True):
        x, y = positions[n]
        rec = {"id": n, "label": d["label"], "tip": d["tip"], "kind": d["kind"], "parent": d.get("parent"),
               "x": x, "y": y, "shape": "box", "margin": MARGIN, "borderWidth": 1,
               # No maximum: vis-network would wrap lines again (it sometimes measures them in
               # another font); chart.py wrapped them to fit, so the box stays at its minimum.
               "widthConstraint": {"minimum": text_width(d["w"])}}
        if d["kind"] == "org":
            bg = LEVEL_COLOURS.get(d["level"], LEVEL_COLOURS["unknown"])
            rec.update(level=d["level"], body=d["body"], color=_colour(bg, "#333333"),
                       font={"color": "#ffffff" if bg in DARK_BACKGROUNDS else "#111111", "size": UNIT_FONT})
            if d["org_type"] not in ("Committee", "PartyOrganization"):
                rec.update(shapeProperties={"borderDashes": [5, 4]}, borderWidth=2)
        else:
            unit = g.nodes[d["unit"]]
            rec.update(level=unit["level"], body=unit["body"], cat=d["cat"], single=d["single"],
                       role_lines=d["role_lines"], holders=d["holders"], undated=d["undated"], borderWidth=2,
                       color=_colour("#ffffff", ROLE_COLOURS.get(d["cat"], ROLE_COLOURS["other"])),
                       font={"color": "#111111", "size": POST_FONT})
        nodes.append(rec)
    edges = [{"id": i, "from": u, "to": v, "kind": d["kind"], "tip": d["tip"], "cat": "link",
              "color": {"color": LINK_COLOUR, "opacity": 0.45}, "width": 1.2} for i, (u, v, d) in enumerate(g.edges(data=True))]
    return nodes, edges


def chart_page_data(g: nx.DiGraph, title: str, positions: dict, message: str = "",
                    at: int | None = None, all_holders: bool = False) -> dict:
    """page_data for the post chart: adds the time slider's years, body kinds and the holder rules."""
    nodes, edges = chart_vis_data(g, positions)
    years = [y for n in nodes for h in n.get("holders", ()) for y in (h["start"], h["end"]) if y is not None]
    levels = {n["level"] for n in nodes if n["kind"] == "org"}
    cats = {n["cat"] for n in nodes if n["kind"] == "post"}
    bodies = {n["body"] for n in nodes}
    legend = [{"label": f"{LEVEL_LABELS.get(lv, lv)} unit", "color": LEVEL_COLOURS[lv], "shape": "box"}
              for lv in list(LEVELS) + ["unknown"] if lv in levels]
    legend += [{"label": f"{ROLE_CATEGORY_LABELS[c]} post", "color": ROLE_COLOURS[c], "shape": "line"}
               for c in ROLE_CATEGORIES if c in cats]
    legend.append({"label": "dashed border: not a party body", "color": "#ffffff", "shape": "box"})
    return {
        "view": "orgchart", "title": title, "message": message, "fixed": True, "big": len(nodes) > BIG_GRAPH,
        "hierarchical": True, "nodes": nodes, "edges": edges, "legend": legend,
        "filters": {
            "roles": [{"key": c, "label": ROLE_CATEGORY_LABELS[c], "color": ROLE_COLOURS[c]}
                      for c in ROLE_CATEGORIES if c in cats],
            "levels": [{"key": lv, "label": LEVEL_LABELS.get(lv, lv), "color": LEVEL_COLOURS[lv]}
                       for lv in list(LEVELS) + ["unknown"] if lv in levels],
            "kinds": [{"key": k["key"], "label": k["label"], "color": "#ffffff"}
                      for k in body_kinds() if k["key"] in bodies],
        },
        "chart": {"years": [min(years), max(years)] if years else None, "at": at, "all": all_holders,
                  "maxLines": MAX_HOLDER_LINES, "focus": _biggest_tree(g)},
    }


def _biggest_tree(g: nx.DiGraph) -> str | None:
    """The top unit with the most units and posts below it."""
    below: dict[str, int] = {}
    for n in reversed(list(nx.topological_sort(g))):
        below[n] = 1 + sum(below[c] for c in g.successors(n))
    for n, d in g.nodes(data=True):
        if d["kind"] == "post" and d["unit"] in below:
            below[d["unit"]] += 1
    roots = [n for n, d in g.nodes(data=True) if d["kind"] == "org" and not d.get("parent")]
    return min(roots, key=lambda n: (-below[n], n), default=None)


def _short(label: str, limit: int = 90) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def page_data(g: nx.Graph, view: str, title: str, positions: dict | None, message: str = "") -> dict:
    """Everything the page script needs, as one JSON-able dict."""
    nodes, edges = vis_data(g, positions)
    big = len(nodes) > BIG_GRAPH
    levels_present = {n.get("level") for n in nodes if n["kind"] == "org"}
    cats_present = {n.get("cat") for n in nodes if n["kind"] == "person"} | \
                   {e.get("cat") for e in edges if e["kind"] == "office"}
    legend = []
    for level in list(LEVELS) + ["unknown"]:
        if level in levels_present:
            legend.append({"label": f"{LEVEL_LABELS.get(level, level)} unit", "color": LEVEL_COLOURS[level],
                           "shape": "box"})
    for cat in ROLE_CATEGORIES:
        if cat in cats_present:
            legend.append({"label": ROLE_CATEGORY_LABELS[cat], "color": ROLE_COLOURS[cat], "shape": "line"})
    if any(n.get("shape") == "diamond" for n in nodes):
        legend.append({"label": "Holds concurrent offices", "color": "#ffffff", "shape": "diamond"})
    if view == "orgchart":
        legend.append({"label": "unit of / part of (dashed)", "color": LINK_COLOUR, "shape": "line"})
    if view == "cotenure":
        legend.append({"label": "served together (width = shared committees)", "color": COTENURE_COLOUR,
                       "shape": "line"})
    return {
        "view": view, "title": title, "message": message,
        "fixed": positions is not None, "big": big,
        "hierarchical": view == "orgchart",
        "nodes": nodes, "edges": edges, "legend": legend,
        "filters": {
            "roles": [{"key": c, "label": ROLE_CATEGORY_LABELS[c], "color": ROLE_COLOURS[c]}
                      for c in ROLE_CATEGORIES if c in cats_present],
            "levels": [{"key": lv, "label": LEVEL_LABELS.get(lv, lv), "color": LEVEL_COLOURS[lv]}
                       for lv in list(LEVELS) + ["unknown"] if lv in levels_present],
        },
    }


def _inline_script(code: str) -> str:
    # A literal "</script" inside would close the element early.
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)


def render_html(g: nx.Graph, view: str, title: str | None = None, positions: dict | None = None,
                message: str = "", data: dict | None = None) -> str:
    """The complete HTML page for a view graph (or for ready page `data`, see chart_page_data)."""
    js, css = vis_assets()
    title = title or VIEW_TITLES.get(view, view)
    data = data or page_data(g, view, title, positions, message)
    parts = {
        "TITLE": html.escape(title),
        "CSS": css.replace("</", "<\\/"),
        "VISJS": _inline_script(js),
        "DATA": json_for_script(data),
        "APPJS": _inline_script(APP_JS),
        "APPCSS": APP_CSS,
    }
    # One pass, so a placeholder-like string inside vis-network is never replaced.
    return re.sub(r"@@(TITLE|CSS|VISJS|DATA|APPJS|APPCSS)@@", lambda m: parts[m.group(1)], TEMPLATE)


TEMPLATE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@@TITLE@@</title>
<style>@@CSS@@</style>
<style>@@APPCSS@@</style>
</head>
<body>
<header id="pg-bar">
  <strong id="pg-title"></strong>
  <span id="pg-count"></span>
  <input id="pg-search" type="search" placeholder="Search names and units…" autocomplete="off" aria-label="Search">
  <span id="pg-hits"></span>
  <button id="pg-fit" type="button">Fit</button>
  <span id="pg-time" hidden>
    <label for="pg-year">Year</label>
    <input id="pg-year" type="range" step="1" aria-label="Year">
    <output id="pg-year-label" for="pg-year"></output>
    <label><input id="pg-all" type="checkbox"> all holders</label>
    <button id="pg-expand" type="button">Expand all</button>
  </span>
</header>
<div id="pg-message" hidden></div>
<div id="pg-main">
  <div id="pg-network"></div>
  <aside id="pg-side">
    <ul id="pg-results"></ul>
    <section><h3>Filter</h3><div id="pg-filters"></div></section>
    <section><h3>Legend</h3><div id="pg-legend"></div></section>
    <section><h3>Selected</h3><div id="pg-info"><em>Click a node or edge.</em></div></section>
  </aside>
</div>
<script type="application/json" id="pg-data">@@DATA@@</script>
<script>@@VISJS@@</script>
<script>@@APPJS@@</script>
</body>
</html>
"""

APP_CSS = """
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; font-size: 14px; }
#pg-bar { display: flex; gap: .6em; align-items: center; padding: .4em .8em; background: #f3f3f3; border-bottom: 1px solid #ccc; }
#pg-search { flex: 0 1 22em; padding: .25em .4em; }
#pg-time { display: inline-flex; gap: .4em; align-items: center; margin-left: auto; }
#pg-time[hidden] { display: none; }
#pg-year { width: 16em; }
#pg-year-label { min-width: 7.5em; font-weight: bold; }
#pg-count, #pg-hits { color: #555; }
#pg-message { padding: .4em .8em; background: #fff4ce; border-bottom: 1px solid #e0c97a; }
#pg-main { display: flex; height: calc(100% - 2.6em); }
#pg-network { flex: 1; min-width: 0; }
#pg-side { width: 19em; overflow-y: auto; border-left: 1px solid #ccc; padding: 0 .6em; background: #fafafa; }
#pg-side h3 { font-size: 1em; margin: .8em 0 .3em; }
#pg-results { list-style: none; padding: 0; margin: .4em 0; }
#pg-results li { cursor: pointer; padding: .15em .2em; border-bottom: 1px solid #eee; }
#pg-results li:hover { background: #e8f0fe; }
.pg-swatch { display: inline-block; width: 1.1em; height: .8em; margin-right: .4em; vertical-align: middle; border: 1px solid #555; }
.pg-swatch.line { height: .25em; border: none; }
.pg-swatch.diamond { width: .7em; height: .7em; transform: rotate(45deg); border: 2px solid #000; }
#pg-filters label { display: block; }
.pg-tip { max-width: 34em; white-space: normal; font-family: system-ui, sans-serif; font-size: 13px; }
.pg-tip div { margin: .1em 0; }
div.vis-tooltip { white-space: normal; max-width: 36em; }
#pg-info .pg-tip { max-width: none; }
"""

APP_JS = r"""
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('pg-data').textContent);
  var state = window.partygraph = { view: data.view, ready: false, settled: false, hidden: { roles: {}, levels: {}, kinds: {} } };
  document.getElementById('pg-title').textContent = data.title;
  if (data.message) {
    var msg = document.getElementById('pg-message');
    msg.textContent = data.message;
    msg.hidden = false;
  }

  // Tooltips are DOM elements filled with textContent: never parsed as HTML.
  function tipElement(lines) {
    var box = document.createElement('div');
    box.className = 'pg-tip';
    lines.forEach(function (line) {
      var row = document.createElement('div');
      if (line[0]) {
        var key = document.createElement('b');
        key.textContent = line[0] + ': ';
        row.appendChild(key);
      }
      var val = document.createElement('span');
      val.textContent = line[1];
      row.appendChild(val);
      box.appendChild(row);
    });
    return box;
  }
  // --- org chart of posts (chart.py): which holders a box names, collapse, the year slider.
  // The rules are chart.py's Post.at / Post.latest; the layout reserved room for the longest label.
  function postChart(data, state) {
    var conf = data.chart, byId = {}, children = {};
    state.year = conf.at === null || conf.at === undefined ? null : conf.at;  // null: the latest report
    state.all = !!conf.all;
    state.collapsed = {};
    data.nodes.forEach(function (n) {
      byId[n.id] = n;
      if (n.parent) (children[n.parent] = children[n.parent] || []).push(n.id);
    });
    function shown(n) {
      if (state.all) return n.holders;
      if (state.year === null) return n.holders.filter(function (h) { return h.latest; });
      var y = state.year;
      var found = n.holders.filter(function (h) { return h.start !== null && h.start <= y && y <= h.end; });
      if (n.single && found.length) {
        var last = Math.max.apply(null, found.map(function (h) { return h.start; }));
        found = found.filter(function (h) { return h.start === last; });
      }
      return found;
    }
    function label(n, list) {
      var names = list.map(function (h) { return h.name; });
      if (names.length > conf.maxLines) {
        names = names.slice(0, conf.maxLines - 1).concat(['+ ' + (names.length - conf.maxLines + 1) + ' more']);
      }
      if (!state.all && state.year === null && n.undated && n.undated < n.holders.length) {
        names.push('+ ' + n.undated + ' undated (all holders)');
      }
      return n.role_lines.concat(names).join('\n');
    }
    function relabel() {
      var out = [];
      data.nodes.forEach(function (n) {
        if (n.kind !== 'post') return;
        var list = shown(n);
        n._empty = list.length === 0;
        n.label = label(n, list);
        out.push({ id: n.id, label: n.label });
      });
      return out;
    }
    relabel();
    var api = {
      visible: function (n) {
        if (n.kind === 'post' && byId[n.id]._empty) return false;
        for (var p = n.parent; p; p = byId[p] && byId[p].parent) if (state.collapsed[p]) return false;
        return true;
      },
      shown: function (id) { return shown(byId[id]).map(function (h) { return h.name; }); },
      setYear: function (year) { state.year = year; api.update(); },
      setAll: function (all) { state.all = all; api.update(); },
      toggle: function (id) {
        var n = byId[id];
        if (!n || n.kind !== 'org' || !children[id]) return;
        state.collapsed[id] = !state.collapsed[id];
        window.nodes.update({ id: id, borderWidth: state.collapsed[id] ? 5 : (n.borderWidth || 1),
                              color: { border: state.collapsed[id] ? '#000000' : n.color.border } });
        state.refresh();
      },
      expandAll: function () { Object.keys(state.collapsed).forEach(function (id) { if (state.collapsed[id]) api.toggle(id); }); },
      update: function () {
        window.nodes.update(relabel());
        state.refresh();
        var out = document.getElementById('pg-year-label');
        if (out) out.textContent = state.all ? 'all years' : (state.year === null ? 'latest report' : String(state.year));
      },
      wire: function () {
        var box = document.getElementById('pg-time'), slider = document.getElementById('pg-year');
        var all = document.getElementById('pg-all');
        box.hidden = false;
        if (conf.years) {
          slider.min = conf.years[0];
          slider.max = conf.years[1] + 1;  // the last stop: the latest report of each post
          slider.value = state.year === null ? conf.years[1] + 1 : state.year;
          slider.addEventListener('input', function () {
            var v = Number(slider.value);
            api.setYear(v > conf.years[1] ? null : v);
          });
        } else {
          slider.disabled = true;
          slider.title = 'No holder in this chart has a known year';
        }
        all.checked = state.all;
        all.addEventListener('change', function () { slider.disabled = all.checked || !conf.years; api.setAll(all.checked); });
        slider.disabled = slider.disabled || state.all;
        document.getElementById('pg-expand').addEventListener('click', api.expandAll);
        api.update();
      }
    };
    state.chart = api;
    return api;
  }
  function fold(s) {
    return String(s).replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  var chart = data.chart ? postChart(data, state) : null;
  data.nodes.forEach(function (n) {
    n.title = tipElement(n.tip);
    n._search = fold((n.kind === 'post' ? n.holders.map(function (h) { return h.name; }).join(' ') + ' ' : '') + n.label + ' ' + n.id);
  });
  data.edges.forEach(function (e) { e.title = tipElement(e.tip); });
  var nodes = window.nodes = new vis.DataSet(data.nodes);
  var edges = window.edges = new vis.DataSet(data.edges);

  function nodeVisible(n) {
    if (chart && !chart.visible(n)) return false;
    if (n.kind === 'org') return !state.hidden.levels[n.level] && !state.hidden.kinds[n.body];
    if (n.kind === 'post') return !state.hidden.roles[n.cat] && !state.hidden.levels[n.level] && !state.hidden.kinds[n.body];
    return !state.hidden.roles[n.cat];
  }
  function edgeVisible(e) {
    if (e.kind === 'office') return !state.hidden.roles[e.cat];
    if (chart) return nodeVisible(nodes.get(e.from)) && nodeVisible(nodes.get(e.to));
    return true;
  }
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, { filter: edgeVisible });

  var options = {
    autoResize: true,
    // Labels stay drawn a little further out than vis-network's default (5 px).
    nodes: { font: { size: 14 }, borderWidth: 1, scaling: { label: { drawThreshold: 3 } } },
    edges: {
      smooth: data.big || data.chart ? false : (data.hierarchical ? { type: 'cubicBezier', forceDirection: 'vertical', roundness: 0.4 } : { type: 'continuous' }),
      font: { size: 11, align: 'middle', strokeWidth: 3 },
      selectionWidth: 2
    },
    interaction: { hover: !data.big, tooltipDelay: 150, hideEdgesOnDrag: data.big, hideEdgesOnZoom: data.big, keyboard: false,
                   dragNodes: !chart },
    layout: { improvedLayout: !data.fixed && data.nodes.length < 150, randomSeed: 7 },
    physics: data.fixed ? false : {
      solver: 'forceAtlas2Based',
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.4 },
      stabilization: { iterations: 400, updateInterval: 50, fit: true }
    }
  };
  var container = document.getElementById('pg-network');
  var network = window.network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  state.ready = true;

  function settle() {
    if (state.settled) return;
    network.setOptions({ physics: false });
    network.fit();
    if (chart && data.chart.focus && network.getScale() < 0.6) {
      // Too small to read: open on the biggest tree's top at a readable size (Fit shows everything).
      var top = network.getPosition(data.chart.focus), scale = 0.9;
      network.moveTo({ position: { x: top.x, y: top.y + container.clientHeight / 2 / scale - 40 }, scale: scale });
    }
    state.settled = true;
    document.body.setAttribute('data-settled', 'true');
  }
  if (data.fixed) {
    network.once('afterDrawing', function () { settle(); });
  } else {
    network.once('stabilizationIterationsDone', settle);
    network.once('stabilized', settle);
  }

  var count = document.getElementById('pg-count');
  function updateCount() {
    count.textContent = nodeView.length + ' nodes, ' + edgeView.length + ' edges';
  }
  updateCount();
  state.refresh = function () { nodeView.refresh(); edgeView.refresh(); updateCount(); };

  // --- selection panel
  var info = document.getElementById('pg-info');
  function showInfo(item) {
    while (info.firstChild) info.removeChild(info.firstChild);
    if (item) info.appendChild(tipElement(item.tip));
  }
  network.on('click', function (params) {
    if (params.nodes.length) {
      showInfo(nodes.get(params.nodes[0]));
      if (chart) chart.toggle(params.nodes[0]);
    } else if (params.edges.length) showInfo(edges.get(params.edges[0]));
  });
  if (chart) chart.wire(nodes);

  // --- search
  var search = document.getElementById('pg-search');
  var results = document.getElementById('pg-results');
  var hits = document.getElementById('pg-hits');
  var matches = [];
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: !data.big });
    showInfo(nodes.get(id));
  }
  search.addEventListener('input', function () {
    var q = fold(search.value.trim());
    while (results.firstChild) results.removeChild(results.firstChild);
    matches = [];
    if (q.length < 2) { hits.textContent = ''; return; }
    nodes.forEach(function (n) { if (n._search.indexOf(q) >= 0 && nodeVisible(n)) matches.push(n); });
    hits.textContent = matches.length + ' found';
    matches.slice(0, 30).forEach(function (n) {
      var li = document.createElement('li');
      li.textContent = n.label;
      li.addEventListener('click', function () { focusNode(n.id); });
      results.appendChild(li);
    });
  });
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && matches.length) focusNode(matches[0].id);
  });
  document.getElementById('pg-fit').addEventListener('click', function () { network.fit(); });

  // --- filters and legend
  var filters = document.getElementById('pg-filters');
  function addFilters(title, items, bucket) {
    if (!items.length) return;
    var head = document.createElement('div');
    head.textContent = title;
    head.style.fontWeight = 'bold';
    filters.appendChild(head);
    items.forEach(function (item) {
      var label = document.createElement('label');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.dataset.key = item.key;
      box.addEventListener('change', function () {
        state.hidden[bucket][item.key] = !box.checked;
        nodeView.refresh();
        edgeView.refresh();
        updateCount();
      });
      var sw = document.createElement('span');
      sw.className = 'pg-swatch';
      sw.style.background = item.color;
      label.appendChild(box);
      label.appendChild(sw);
      label.appendChild(document.createTextNode(item.label));
      filters.appendChild(label);
    });
  }
  addFilters('Role', data.filters.roles, 'roles');
  addFilters('Unit level', data.filters.levels, 'levels');
  addFilters('Kind of body', data.filters.kinds || [], 'kinds');

  var legend = document.getElementById('pg-legend');
  data.legend.forEach(function (item) {
    var row = document.createElement('div');
    var sw = document.createElement('span');
    sw.className = 'pg-swatch ' + item.shape;
    sw.style.background = item.color;
    row.appendChild(sw);
    row.appendChild(document.createTextNode(item.label));
    legend.appendChild(row);
  });
})();
"""
