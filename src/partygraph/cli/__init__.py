"""The `partygraph` command line: one click group, one module per command family."""

from partygraph.cli.main import cli

__all__ = ["cli"]
