"""Export a view's network for Gephi and other tools: GraphML, GEXF, CSV.

Offices carry their term as a time interval: GEXF gets dynamic `start`/`end`
attributes (dates, so Gephi's timeline works: a term 2020-2025 spans
2020-01-01 to 2025-12-31), GraphML and CSV get `start`/`end` year columns
(CSV also a Gephi `Interval` column).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx

from partygraph.atomic import atomic_write
from partygraph.errors import PartygraphError
from partygraph.rdf.files import open_output

FORMATS = ("graphml", "gexf", "csv")


def _tooltip(tip) -> str:
    return "\n".join(f"{k}: {v}" if k else str(v) for k, v in (tip or []))


def _flat(d: dict) -> dict:
    """Attributes GraphML/GEXF can hold: no None, no lists (tooltips become text)."""
    out = {}
    for k, v in d.items():
        if v is None or v == "":
            continue
        if k == "tip":
            out["tooltip"] = _tooltip(v)
        elif isinstance(v, bool):
            out[k] = v
        elif isinstance(v, (int, float, str)):
            out[k] = v
        else:
            out[k] = str(v)
    return out


def _open(output: Path):
    """Standard output for '-', else a temporary file renamed over `output` when complete."""
    return open_output(output, "wb")


def export_graph(g: nx.Graph, fmt: str, output) -> list[Path]:
    """Write the graph in `fmt` ('-': to standard output); returns the files written
    (CSV writes nodes.csv and edges.csv into a folder)."""
    output = Path(output)
    if fmt == "csv":
        if str(output) == "-":
            raise PartygraphError("--output -: csv writes two files (nodes.csv and edges.csv); give a folder")
        return _write_csv(g, output)
    flat = g.__class__()
    flat.graph.update({k: v for k, v in g.graph.items() if isinstance(v, (str, int, float))})
    for n, d in g.nodes(data=True):
        flat.add_node(n, **_flat(d))
    edges = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True))
    for u, v, k, d in edges:
        attrs = _flat(d)
        if g.is_multigraph():
            flat.add_edge(u, v, key=k, **attrs)
        else:
            flat.add_edge(u, v, **attrs)
    if fmt == "graphml":
        with _open(output) as fh:
            nx.write_graphml(flat, fh)
    elif fmt == "gexf":
        for _, d in flat.nodes(data=True):
            _to_dates(d)
        for *_, d in flat.edges(data=True):
            _to_dates(d)
        flat.graph["mode"] = "dynamic"
        with _open(output) as fh:
            nx.write_gexf(flat, fh)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return [output]


def _to_dates(d: dict) -> None:
    # networkx writes int times as timeformat "long", which GEXF 1.2 and Gephi
    # do not know; ISO dates give timeformat "date", which they do.
    if "start" in d:
        d["start"] = f"{int(d['start']):04d}-01-01"
    if "end" in d:
        d["end"] = f"{int(d['end']):04d}-12-31"


def _interval(d: dict) -> str:
    if d.get("start") is None:
        return ""
    end = d.get("end") if d.get("end") is not None else d["start"]
    return f"<[{d['start']}.0, {end}.0]>"


NODE_COLUMNS = ["Id", "Label", "kind", "group", "level", "org_type", "province", "role_category",
                "concurrent", "start", "end", "Interval", "tooltip"]
EDGE_COLUMNS = ["Source", "Target", "Type", "kind", "role_vi", "role_en", "role_category", "term", "status",
                "Weight", "start", "end", "Interval", "tooltip"]


def _write_csv(g: nx.Graph, folder: Path) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(f"{folder} exists and is not a folder (CSV export writes nodes.csv and edges.csv)")
    nodes = io.StringIO()
    w = csv.DictWriter(nodes, NODE_COLUMNS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for n, d in g.nodes(data=True):
        w.writerow({**d, "Id": n, "Label": d.get("label", n), "Interval": _interval(d),
                    "tooltip": _tooltip(d.get("tip"))})
    edges = io.StringIO()
    w = csv.DictWriter(edges, EDGE_COLUMNS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    kind = "Directed" if g.is_directed() else "Undirected"
    for u, v, d in g.edges(data=True):
        w.writerow({**d, "Source": u, "Target": v, "Type": kind, "Weight": d.get("weight", 1),
                    "Interval": _interval(d), "tooltip": _tooltip(d.get("tip"))})
    written = []
    for name, buf in (("nodes.csv", nodes), ("edges.csv", edges)):
        with atomic_write(folder / name, "w") as fh:
            fh.write(buf.getvalue())
        written.append(folder / name)
    return written
