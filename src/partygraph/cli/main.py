"""The `partygraph` command: a thin layer over the library.

The group and the build-side commands (`build`, `validate`) live here; the
other command families have a module each in this package (`store`: load,
query, serve; `viz`: viz, analyze, export; `resolve`: resolve, reference).

Every command has help text with an example; problems are printed as one
line (`partygraph: <file>: <problem>`), never as a traceback, unless
`--debug` is given.
"""

from __future__ import annotations

import sys
import traceback

import click

from partygraph.cli.resolve import reference, resolve
from partygraph.cli.store import dump, load, query, serve
from partygraph.cli.viz import analyze, export, viz
from partygraph.errors import PartygraphError


class _Group(click.Group):
    """Turn library errors into one line and an exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PartygraphError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            click.echo(f"partygraph: {exc}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("partygraph: interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug: still one line for the user, the traceback on --debug
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            first = (str(exc).strip().splitlines() or [""])[0][:300]
            click.echo(f"partygraph: internal error ({exc.__class__.__name__}: {first}); "
                       "run with --debug for the traceback", err=True)
            sys.exit(3)


@click.group(cls=_Group)
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.version_option(package_name="partygraph")
@click.pass_context
def cli(ctx, debug):
    """Turn Vietnamese party news into an RDF knowledge graph.

    \b
    Example:
      partygraph build data/seeds --output out/seeds.ttl
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Graph file to write; the extension names the format (.ttl, .nt, .jsonld); - for standard output.")
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "rdf"]),
              help="Output format, whatever the extension (default: the extension; Turtle for -).")
@click.option("--province", help="Province the articles are about, when the text does not say.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when many inputs on a terminal).")
@click.option("--workers", "-j", type=click.IntRange(1, 64), default=None,
              help="Worker processes (default: all cores for corpora, 1 for a few files). Output does not depend on it.")
@click.pass_context
def build(ctx, inputs, output, province, progress, workers, fmt):
    """Build one graph from article files or folders of them.

    Reads .txt, .html, .jsonl and .jsonl.gz; a file that cannot be read is
    reported on one line and the others are still built (exit code 1).
    INPUT - reads standard input: JSONL records when it starts with `{`,
    else one plain-text article.

    \b
    Examples:
      partygraph build data/seeds --output out/seeds.ttl
      zcat news.jsonl.gz | partygraph build - -o - --format nt | wc -l
    """
    from partygraph.build import build_files

    summary = build_files(inputs, output, province=province, progress=progress,
                          debug=ctx.obj.get("debug", False), workers=workers, fmt=fmt)
    if summary.articles or not summary.failed:  # else "nothing could be built" has said it all
        click.echo(summary.line(), err=True)
    sys.exit(1 if summary.failed else 0)


@cli.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld"]),
              help="Format of GRAPH, whatever its extension (default: the extension; Turtle for -).")
@click.option("--progress/--no-progress", default=None,
              help="Show the steps done out of the total on stderr (default: when stderr is a terminal).")
@click.option("--quiet", "-q", is_flag=True, help="No progress; the report is still printed.")
def validate(graph, fmt, progress, quiet):
    """Check a graph file (- for standard input) against the SHACL shapes in ontology/.

    \b
    Examples:
      partygraph validate out/seeds.ttl
      partygraph build data/seeds -o - --format nt | partygraph validate - --format nt
    """
    from partygraph.progress import wanted
    from partygraph.rdf.validate import validate_file

    conforms, report = validate_file(graph, fmt, wanted(progress, quiet))
    click.echo(report)
    sys.exit(0 if conforms else 1)


for _command in (load, query, serve, viz, analyze, export, resolve, reference, dump):
    cli.add_command(_command)
