"""Commands `load`, `query` and `serve`: the store side of partygraph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from partygraph.errors import PartygraphError

DEFAULT_STORE = "out/store"
#: `--format` names of the graph files `load` and `query --data` read.
GRAPH_FORMATS = ["ttl", "nt", "nq", "trig", "jsonld", "rdf"]


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--store", "store_dir", default=DEFAULT_STORE, show_default=True, type=click.Path(file_okay=False),
              help="Directory of the on-disk Oxigraph store (created if missing).")
@click.option("--endpoint", help="A SPARQL server's query URL; load there instead of the local store.")
@click.option("--update-endpoint", help="The server's SPARQL 1.1 Update URL (e.g. http://host:7878/update).")
@click.option("--gsp", help="The server's Graph Store Protocol URL (e.g. http://host:7878/store).")
@click.option("--province", help="Province the articles are about, when the text does not say.")
@click.option("--batch", default=20_000, show_default=True, help="Triples per transaction.")
@click.option("--workers", type=int, default=None,
              help="Worker processes extracting articles (default: one per core, at most 8).")
@click.option("--format", "fmt", type=click.Choice(GRAPH_FORMATS),
              help="Read the inputs (and - , standard input) as graph files in this format.")
@click.option("--progress/--no-progress", default=None,
              help="Show articles loaded out of the total on stderr (default: when stderr is a terminal).")
@click.option("--quiet", "-q", is_flag=True, help="No progress and no summary line; errors are still reported.")
@click.pass_context
def load(ctx, inputs, store_dir, endpoint, update_endpoint, gsp, province, batch, workers, fmt, progress, quiet):
    """Add articles (files or folders) or graph files to the store.

    Article inputs are built into a graph first; .ttl/.nt/.nq/.trig/.jsonld
    files are loaded as they are; the named graphs of a .trig/.nq file (a
    `partygraph dump`) are kept. Each article's facts form one named graph
    that a later load of the same article replaces, so loading again
    changes nothing. Each batch is one transaction. INPUT - reads standard
    input: articles (text or JSONL), or a graph with --format.

    \b
    Examples:
      partygraph load data/seeds --store out/store
      partygraph dump --store out/store -o - | partygraph load - --format trig --store copy/
      partygraph load corpus.jsonl.gz --store out/store --progress 2> load.log
      partygraph load out/seeds.ttl --endpoint http://localhost:7878/query \\
          --update-endpoint http://localhost:7878/update
    """
    from partygraph import store
    from partygraph.build import default_workers
    from partygraph.progress import wanted

    workers = workers or default_workers()
    debug = ctx.obj.get("debug", False)
    progress = wanted(progress, quiet)
    if endpoint or update_endpoint or gsp:
        summary, requests = store.load_remote(inputs, update_endpoint or (None if gsp else endpoint),
                                              gsp, province, min(batch, 5_000), workers, endpoint, debug, fmt,
                                              progress)
        view = (f"; holdings view {summary.view_triples} triples" if summary.view_triples >= 0 else
                "; holdings view NOT refreshed (give the server's query URL with --endpoint)")
        failed = f"; {len(summary.failed)} input(s) failed" if summary.failed else ""
        line = (f"sent {summary.triples} triples in {summary.graphs} graph(s) from "
                f"{summary.inputs} input(s) with {requests} request(s){view}{failed}")
    else:
        summary = store.load_inputs(store_dir, inputs, province, batch, workers, debug, fmt, progress)
        line = summary.line()
    if not quiet:
        click.echo(line, err=True)
    sys.exit(1 if summary.failed else 0)


@click.command()
@click.argument("name", required=False)
@click.option("-p", "--param", "params", multiple=True, type=(str, str), metavar="NAME VALUE",
              help="Bind ?NAME to VALUE (integer, YYYY-MM-DD date, IRI or pgid:… name, else a string).")
@click.option("--store", "store_dir", default=DEFAULT_STORE, show_default=True, type=click.Path(file_okay=False),
              help="Store directory to query.")
@click.option("--data", "data_file", type=click.Path(exists=True, dir_okay=False, allow_dash=True),
              help="Query a graph file (.ttl, .nt, .nq, .trig, .jsonld…; - for standard input) in memory "
                   "instead of the store.")
@click.option("--data-format", type=click.Choice(GRAPH_FORMATS),
              help="Format of --data, whatever its extension (default: the extension; Turtle for -).")
@click.option("--endpoint", help="Query a SPARQL server at this URL instead of the store.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "ttl", "nt", "jsonld"]), default="table",
              show_default=True, help="table, csv, json (SPARQL results); ttl, nt, jsonld for CONSTRUCT/DESCRIBE "
                                      "(which the others print as Turtle).")
@click.option("--list", "list_", is_flag=True, help="List the query library and exit.")
@click.option("--show", is_flag=True, help="Print the query with its parameters bound, do not run it.")
def query(name, params, store_dir, data_file, data_format, endpoint, fmt, list_, show):
    """Run a library query (NAME) or a .rq file, with parameters bound as RDF terms.

    Units, provinces and people may be given by name (diacritics and case
    optional); an unknown name or IRI is an error. "Who holds" queries list
    the current holders (latest report per post) unless -p all true.

    \b
    Examples:
      partygraph query --list
      partygraph query province-leadership -p province "binh phuoc"
      partygraph query province-leadership -p province "Bình Phước" -p all true
      partygraph query office-holders -p unit "Tỉnh ủy Bình Phước" --format csv
      partygraph query office-holders -p unit pgid:org/dang-bo-tinh-binh-phuoc
      partygraph query my.rq --endpoint http://localhost:7878/query
      partygraph build data/seeds -o - | partygraph query search-units -p text "Bình Phước" --data -
      partygraph query my-construct.rq --format nt
    """
    from partygraph import sparql as q

    if list_:
        for qf in q.list_queries():
            click.echo(f"{qf.name:26} {qf.purpose}")
            for p in qf.params.values():
                click.echo(f"{'':28}?{p.name}: {p.description}")
        return
    if not name:
        raise PartygraphError("give a query NAME or FILE.rq (see `partygraph query --list`)")
    qf = q.load_query(name)
    if show and not (endpoint or data_file or Path(store_dir).is_dir()):
        click.echo(q.prepare(qf, list(params)))  # no graph to look names up in: bound as given
        return
    backend = _backend(store_dir, data_file, endpoint, data_format)
    # Names (units, provinces, people) looked up in the graph; an unknown one is an error.
    text, notes = q.prepare_named(backend, qf, list(params))
    for note in notes:
        click.echo(note, err=True)
    if show:
        click.echo(text)
        return
    result = backend.run(text)
    out = q.FORMATTERS[fmt](result)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")


def _backend(store_dir, data_file, endpoint, data_format=None):
    """Where `query` runs: a server, a graph file in memory (with its holdings view) or the store."""
    from partygraph import sparql as q

    if endpoint:
        return q.RemoteBackend(endpoint)
    if data_file:
        import pyoxigraph as ox

        from partygraph.store.load import read_graphs
        from partygraph.store.views import refresh_store

        mem = ox.Store()  # split as `load` splits it, so a view in the file is not there twice
        mem.extend(ox.Quad(*t, ox.NamedNode(g)) for g, ts in read_graphs(data_file, data_format).items() for t in ts)
        refresh_store(mem)
        return q.EmbeddedBackend(mem)
    from partygraph.store import open_store, require_store_dir

    require_store_dir(store_dir)
    return q.EmbeddedBackend(open_store(store_dir, read_only=True))


@click.command()
@click.option("--store", "store_dir", default=DEFAULT_STORE, show_default=True, type=click.Path(file_okay=False),
              help="Store directory to dump.")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write: .trig/.nq keep the named graphs, .ttl/.nt merge them; - for standard output.")
@click.option("--format", "fmt", type=click.Choice(["trig", "nq", "ttl", "nt"]),
              help="Format, whatever the extension (default: the extension; TriG for -).")
def dump(store_dir, output, fmt):
    """Write the whole store to one graph file: articles, shared nodes, resolution, views.

    TriG and N-Quads keep every named graph, so `partygraph load FILE` into an
    empty store gives the same quads; Turtle and N-Triples merge them into
    one graph (each triple once) for tools without named graphs.

    \b
    Examples:
      partygraph dump --store out/store -o out/store.trig
      partygraph dump --store out/store -o - --format nt | gzip > store.nt.gz
      partygraph load out/store.trig --store out/copy
    """
    from partygraph.store.dump import dump_store

    click.echo(dump_store(store_dir, output, fmt).line(), err=True)


@click.command()
@click.option("--store", "store_dir", default=DEFAULT_STORE, show_default=True, type=click.Path(file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True)
@click.option("--timeout", default=10.0, show_default=True, help="Seconds a query may run.")
@click.option("--limit", default=10_000, show_default=True, help="Most rows (or triples) in one answer.")
@click.option("--workers", default=2, show_default=True, help="Query worker processes (read-only mode).")
@click.option("--max-body", default=1 << 20, show_default=True, help="Largest request body in bytes.")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL updates (needs --token).")
@click.option("--token", envvar="PARTYGRAPH_TOKEN", help="Bearer token updates must send (or $PARTYGRAPH_TOKEN).")
@click.option("--allow-service", is_flag=True,
              help="Let queries call other endpoints with SERVICE (refused by default: the server would "
                   "send requests to any address a query names).")
@click.option("--quiet", is_flag=True, help="Do not log requests.")
def serve(store_dir, host, port, timeout, limit, workers, max_body, allow_update, token, allow_service, quiet):
    """Serve the store as a SPARQL 1.1 endpoint (read-only unless told otherwise).

    Queries: GET/POST /sparql; results as SPARQL JSON, XML, CSV or TSV, and
    CONSTRUCT/DESCRIBE as Turtle, N-Triples, JSON-LD or RDF/XML, by Accept
    header or format= parameter (as SPARQLWrapper sends); a SPARQL editor (YASGUI) at /.

    \b
    Example:
      partygraph serve --store out/store --port 7878
    """
    from partygraph.serve import make_server

    server = make_server(store_dir, host, port, timeout, limit, allow_update, token, workers, max_body, quiet,
                         allow_service)
    click.echo(f"SPARQL endpoint on http://{host}:{server.server_address[1]}/sparql "
               f"({'read-write' if allow_update else 'read-only'}{', SERVICE allowed' if allow_service else ''}); "
               "Ctrl-C stops", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
