"""Commands `viz`, `analyze` and `export`: views of a graph file or store folder."""

from __future__ import annotations

import json
import sys
import time
from datetime import date

import click

from partygraph.errors import PartygraphError

_GRAPH = click.argument("graph", metavar="GRAPH_OR_STORE", type=click.Path())


def _filters(f):
    f = click.option("--kind", "kinds", metavar="KIND,…", callback=_kinds,
                     help="Only these kinds of body: party, state, army, police, mass, other (comma-separated).")(f)
    f = click.option("--at", "at", metavar="DATE",
                     help="Only offices held on this date (YYYY-MM-DD, or a year YYYY: 1 July of it); "
                          "on the org chart, the year its slider opens at.")(f)
    f = click.option("--term", metavar="YYYY-YYYY", help="Only offices of this term, e.g. 2020-2025.")(f)
    f = click.option("--province", help="Only units of this province (diacritics optional).")(f)
    f = click.option("--depth", type=click.IntRange(min=0), help="Levels of units below the root to include.")(f)
    f = click.option("--root", metavar="UNIT", help="Start from this unit: an IRI or part of its label.")(f)
    return f


def _load(graph):
    from partygraph.viz import load, open_source

    return load(open_source(graph))


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date(int(value), 7, 1) if value.isdigit() and len(value) == 4 else date.fromisoformat(value)
    except ValueError:
        raise PartygraphError(f"--at {value!r}: expected a date such as 2021-06-30 or a year such as 2021") from None


def _kinds(ctx, param, value: str | None) -> list[str] | None:
    return [k.strip() for k in value.split(",") if k.strip()] if value else None


@click.command()
@_GRAPH
@click.option("--view", type=click.Choice(["orgchart", "people", "cotenure"]), default="orgchart",
              show_default=True, help="Which network to draw.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="HTML file to write (- for standard output).")
@_filters
@click.option("--holders", type=click.Choice(["all", "leaders", "none"]),
              help="Org chart: which posts to draw (default: all, leaders only for big charts).")
@click.option("--all-holders", is_flag=True,
              help="Org chart: list every holder of a post in time order (default: the latest report per post).")
@click.option("--title", help="Page title (default: the view and its filters).")
def viz(graph, view, output, root, depth, province, term, at, kinds, holders, all_holders, title):
    """Draw an interactive network as one offline HTML page.

    GRAPH_OR_STORE is a graph file (.ttl, .nt, .jsonld) or a store folder.
    The page needs no network: open it in any browser. Hover for the
    source sentence of every office; search and filter in the side panel.
    The org chart has one box per post (unit and role) naming the latest
    holders; its year slider shows who held what then; click a unit to
    collapse what is below it.

    \b
    Examples:
      partygraph viz out/seeds.ttl --view orgchart --output orgchart.html
      partygraph viz out/party.ttl --province "Hồ Chí Minh" --kind party,state --at 2017 -o hcm.html
      partygraph viz out/party.ttl --view people --province "Bình Phước" --term 2020-2025 -o people.html
      partygraph viz store/ --view cotenure --root "Tỉnh ủy Bình Phước" --depth 2 -o cotenure.html
    """
    from partygraph.viz import make_view

    started = time.perf_counter()
    data = _load(graph)
    result = make_view(data, view, root=root, depth=depth, province=province, term=term, at=_date(at),
                       holders=holders, title=title, kinds=kinds, all_holders=all_holders)
    result.write(output)
    for note in result.notes:
        click.echo(f"partygraph: {note}", err=True)
    g = result.graph
    click.echo(f"{view}: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges -> {output} "
               f"({time.perf_counter() - started:.1f}s)", err=True)


@click.command()
@_GRAPH
@click.option("--network", type=click.Choice(["cotenure", "people"]), default="cotenure", show_default=True,
              help="Network to rank people in.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many people to list.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_filters
def analyze(graph, network, top, fmt, root, depth, province, term, at, kinds):
    """Central people, concurrent offices, components and per-term turnover.

    \b
    Examples:
      partygraph analyze out/seeds.ttl
      partygraph analyze out/party.ttl --network people --top 20 --format json
    """
    from partygraph.viz.analyze import analyze as run, format_report

    data = _load(graph).select(root=root, depth=depth, province=province, term=term, at=_date(at), kinds=kinds)
    report = run(data, network=network, top=top)
    if fmt == "json":
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        click.echo(format_report(report))


@click.command()
@_GRAPH
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "csv"]), required=True,
              help="gexf carries terms as dynamic start/end (Gephi timeline); csv writes nodes.csv and edges.csv.")
@click.option("--output", "-o", required=True, type=click.Path(allow_dash=True),
              help="File to write (a folder for csv; - for standard output).")
@click.option("--view", type=click.Choice(["people", "orgchart", "cotenure"]), default="people", show_default=True,
              help="Which network to export.")
@_filters
def export(graph, fmt, output, view, root, depth, province, term, at, kinds):
    """Export a network for Gephi, Cytoscape or a spreadsheet.

    \b
    Examples:
      partygraph export out/seeds.ttl --format gexf --output people.gexf
      partygraph export out/party.ttl --view cotenure --format csv --output cotenure/
    """
    from partygraph.viz.export import export_graph
    from partygraph.viz.networks import build_view

    data = _load(graph).select(root=root, depth=depth, province=province, term=term, at=_date(at), kinds=kinds)
    g = build_view(data, view)
    try:
        written = export_graph(g, fmt, output)
    except OSError as exc:
        raise PartygraphError(f"{output}: cannot write ({exc.strerror or exc})") from None
    click.echo(f"{view}: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges -> "
               f"{', '.join(map(str, written))}", err=True)
