"""Errors a user sees as one line, never as a traceback."""

from __future__ import annotations


class PartygraphError(Exception):
    """A problem the user can act on; the CLI prints it as one line."""


class InputError(PartygraphError):
    """An input file (or one line of it) could not be read."""

    def __init__(self, path, problem: str, line: int | None = None):
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")
