"""`python -m partygraph.cli …` runs the command line."""

from partygraph.cli.main import cli

cli()
