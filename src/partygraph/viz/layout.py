"""Positions computed in Python, so the browser only draws.

vis-network's physics stalls above about a thousand nodes; these layouts
give every node fixed x/y coordinates (vis-network pixels, y downwards):

- `block_layout`: the org chart of posts (chart.py): every unit's subtree a
  rectangle of measured boxes, so none overlap;
- `force_layout`: networkx spring layout per connected component, the
  components packed in rows, largest first.
"""

from __future__ import annotations

import math

import networkx as nx

from partygraph.viz.model import LEVELS

ORG_W, ORG_H = 175, 70          # room for one unit box (labels wrap at 150 px)
TREE_GAP = 30


def _pack(parts: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Place independent drawings in rows, in the given order, about as wide as tall."""
    boxes = []
    for pos in parts:
        if not pos:
            continue
        xs = [x for x, _ in pos.values()]
        ys = [y for _, y in pos.values()]
        boxes.append((pos, min(xs), min(ys), max(xs) - min(xs) + ORG_W, max(ys) - min(ys) + ORG_H))
    if not boxes:
        return {}
    area = sum(w * h for *_, w, h in boxes)
    # Rows about as wide as a screen is wider than tall (the page's canvas is ~1.3:1).
    row_w = max(max(b[3] for b in boxes), math.sqrt(area * 1.3))
    out: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for pos, x0, y0, w, h in boxes:
        if x > 0 and x + w > row_w:
            x, y, row_h = 0.0, y + row_h + TREE_GAP * 2, 0.0
        for n, (px, py) in pos.items():
            out[n] = (round(x + px - x0, 1), round(y + py - y0, 1))
        x += w + TREE_GAP
        row_h = max(row_h, h)
    return out


def force_layout(g: nx.Graph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Spring layout per connected component, packed largest first."""
    und = g.to_undirected(as_view=True) if g.is_directed() else g
    comps = sorted(nx.connected_components(und), key=lambda c: (-len(c), min(c)))
    parts = []
    for comp in comps:
        sub = und.subgraph(comp)
        n = len(comp)
        if n == 1:
            parts.append({next(iter(comp)): (0.0, 0.0)})
            continue
        # Fewer iterations on big components: the layout only needs to be readable.
        pos = nx.spring_layout(sub, seed=seed, iterations=50 if n < 2000 else 30, weight=None)
        scale = 90 * math.sqrt(n)
        parts.append({k: (float(x) * scale, float(y) * scale) for k, (x, y) in pos.items()})
    return _pack(parts)


# --- the post chart (chart.py): boxes of measured size, placed as nested blocks ----------------

BLOCK_GAP = 44       # between the blocks of sibling units, and above a unit's children
POST_GAP = 10        # between a unit and its posts, and between posts
POST_COLS = (1, 1, 2, 2, 2, 3, 3, 3, 3)  # columns for a unit with n posts (more: 4)


def block_layout(g: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Centres for the post chart's boxes (node attributes `w`, `h`, `parent`).

    Every unit's subtree is a rectangle: the unit's box on top, its posts in a
    small grid under it, then the blocks of its child units in rows (wrapped
    so a block is about twice as wide as tall). Sibling rectangles never
    share a point, so no two boxes overlap, whatever their labels say.
    """
    kids: dict[str | None, list[str]] = {}
    posts: dict[str, list[str]] = {}
    for n, d in g.nodes(data=True):
        bucket = kids if d.get("kind") == "org" else posts
        bucket.setdefault(d.get("parent"), []).append(n)
    for children in kids.values():
        children.sort(key=lambda n: _unit_order(g.nodes[n]) + (n,))
    pos: dict[str, tuple[float, float]] = {}
    blocks = {}

    def block(n: str):  # -> (width, height, [(node, x, y) relative to the block's top left])
        d = g.nodes[n]
        cells = _grid(g, posts.get(n, []))
        gw = max((x + w for _, x, _, w, _ in cells), default=0)
        gh = max((y + h for _, _, y, _, h in cells), default=0)
        head_w = max(d["w"], gw)
        head_h = d["h"] + (POST_GAP + gh if cells else 0)
        below_w, below_h, placed = _rows([blocks[c] for c in kids.get(n, [])])
        w = max(head_w, below_w)
        items = [(n, w / 2, d["h"] / 2)]
        items += [(p, (w - gw) / 2 + x + cw / 2, d["h"] + POST_GAP + y + ch / 2) for p, x, y, cw, ch in cells]
        for (bw, bh, sub), bx, by in placed:
            items += [(m, (w - below_w) / 2 + bx + mx, head_h + BLOCK_GAP + by + my) for m, mx, my in sub]
        return w, head_h + (BLOCK_GAP + below_h if placed else 0), items

    for n in _postorder(kids):
        blocks[n] = block(n)
    # The biggest tree first (top left), where the page opens.
    roots = sorted(kids.get(None, []), key=lambda r: -len(blocks[r][2]))
    width, height, placed = _rows([blocks[r] for r in roots])
    for (bw, bh, sub), bx, by in placed:
        for m, mx, my in sub:
            pos[m] = (round(bx + mx, 1), round(by + my, 1))
    return pos


def _unit_order(d: dict) -> tuple:
    level = d.get("level") or ""
    return (d.get("org_type") != "Committee", LEVELS.index(level) if level in LEVELS else len(LEVELS),
            d.get("name", ""))


def _postorder(kids: dict) -> list[str]:
    """Units, every child before its parent (iterative: chains of sub-organisations can be long)."""
    out, todo = [], [(r, False) for r in kids.get(None, [])]
    while todo:
        n, done = todo.pop()
        if done:
            out.append(n)
        else:
            todo.append((n, True))
            todo.extend((c, False) for c in kids.get(n, []))
    return out


def _grid(g: nx.DiGraph, nodes: list[str]) -> list[tuple[str, float, float, float, float]]:
    """Posts in rows under their unit: (node, x, y, cell width, cell height) from the grid's top left."""
    if not nodes:
        return []
    cols = POST_COLS[len(nodes) - 1] if len(nodes) <= len(POST_COLS) else 4
    cw = max(g.nodes[p]["w"] for p in nodes)
    out, y = [], 0.0
    for start in range(0, len(nodes), cols):
        row = nodes[start:start + cols]
        rh = max(g.nodes[p]["h"] for p in row)
        out += [(p, i * (cw + POST_GAP), y, cw, rh) for i, p in enumerate(row)]
        y += rh + POST_GAP
    return out


def _rows(blocks: list[tuple]) -> tuple[float, float, list[tuple[tuple, float, float]]]:
    """Blocks in rows left to right, each row centred; rows about twice as wide as the whole is tall."""
    if not blocks:
        return 0.0, 0.0, []
    area = sum((w + BLOCK_GAP) * (h + BLOCK_GAP) for w, h, _ in blocks)
    limit = max(max(w for w, _, _ in blocks), math.sqrt(area * 2.0))
    rows, row, x = [], [], 0.0
    for b in blocks:
        if row and x + b[0] > limit:
            rows.append(row)
            row, x = [], 0.0
        row.append(b)
        x += b[0] + BLOCK_GAP
    rows.append(row)
    width = max(sum(b[0] for b in r) + BLOCK_GAP * (len(r) - 1) for r in rows)
    placed, y = [], 0.0
    for r in rows:
        rw = sum(b[0] for b in r) + BLOCK_GAP * (len(r) - 1)
        x = (width - rw) / 2
        for b in r:
            placed.append((b, x, y))
            x += b[0] + BLOCK_GAP
        y += max(b[1] for b in r) + BLOCK_GAP
    return width, y - BLOCK_GAP, placed
