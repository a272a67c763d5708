"""Commands `resolve` and `reference`: identities, dates and the 2025 reorganisation."""

from __future__ import annotations

from pathlib import Path

import click

DEFAULT_STORE = "out/store"


def default_decisions(store_dir) -> Path:
    """`resolve-decisions.yaml` next to the store directory."""
    return Path(store_dir).resolve().parent / "resolve-decisions.yaml"


@click.command()
@click.option("--store", "store_dir", default=DEFAULT_STORE, show_default=True, type=click.Path(file_okay=False),
              help="Store directory made by `partygraph load`.")
@click.option("--decisions", "decisions_file", type=click.Path(dir_okay=False),
              help="Merge / keep-apart decisions (YAML) to honour; open candidates are written back to it. "
                   "Default: resolve-decisions.yaml next to the store.")
@click.option("--details/--summary", default=True, show_default=True,
              help="List merges and open candidates with their evidence, or only the counts.")
@click.option("--limit", default=100, show_default=True, help="Most merges and open candidates listed.")
@click.option("--progress/--no-progress", default=None,
              help="Show the steps done out of the total on stderr (default: when stderr is a terminal).")
@click.option("--quiet", "-q", is_flag=True, help="No progress and no summary line; errors are still reported.")
def resolve(store_dir, decisions_file, details, limit, progress, quiet):
    """Decide who is who across articles, date every office, link reorganised units.

    Rewrites two named graphs of the store in one transaction each:
    pgid:graph/resolution (canonical persons that mention-level persons are
    owl:sameAs, office dates pg:startDate/pg:endDate) and pgid:graph/reference
    (the 2025 mergers and the end of the Đảng bộ Khối as org:ChangeEvents).
    Running it again on the same store changes nothing.

    \b
    Example:
      partygraph load data/seeds --store out/store
      partygraph resolve --store out/store
      partygraph query holder-at-date -p unit pgid:org/dang-bo-tinh-binh-phuoc \\
          -p role pgrole:bi-thu -p date 2021-01-01
    """
    from partygraph import resolve as r
    from partygraph.progress import wanted

    path = Path(decisions_file) if decisions_file else default_decisions(store_dir)
    report = r.resolve_store(store_dir, path, progress=wanted(progress, quiet))
    if details:
        click.echo(r.details(report, limit))
    if not quiet:
        click.echo(report.line() + f"; {report.open_written} open candidate(s) listed in {path}", err=True)


@click.command()
@click.option("--store", "store_dir", type=click.Path(file_okay=False),
              help="Put the reference graph into this store (joined to its organisations).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the reference graph to this Turtle file (- for standard output).")
def reference(store_dir, output):
    """The 2025 reorganisation (province mergers, end of the Đảng bộ Khối) as a graph.

    \b
    Examples:
      partygraph reference --output out/reference-2025.ttl
      partygraph reference --store out/store
    """
    from partygraph import resolve as r
    from partygraph.errors import PartygraphError
    from partygraph.rdf.files import named_format, open_output, serialize

    if not store_dir and not output:
        raise PartygraphError("give --store DIR and/or --output FILE.ttl")
    orgs = {}
    store = None
    if store_dir:
        from partygraph.store import open_store, require_store_dir

        require_store_dir(store_dir)
        store = open_store(store_dir)
        orgs = r.read_orgs(store)
    events, minted = r.reference_events(orgs)
    triples = r.reference_triples(events, minted)
    if store is not None:
        r.update_graph(store, r.REFERENCE_GRAPH, triples)
        store.flush()
    if output:
        with open_output(output, "wb") as fh:
            serialize(triples, named_format("ttl"), fh)
    click.echo(f"{len(events)} change events, {len(minted)} organisations named by the reference data, "
               f"{len(triples)} triples", err=True)
