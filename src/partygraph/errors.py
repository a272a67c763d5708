"""Errors a user sees as one line, never as a traceback."""

from __future__ import annotations


class PartygraphError(Exception):
    """A problem the user can act on; the CLI prints it as one line."""


class VocabularyError(PartygraphError):
    """A vocabulary file (lexicon.yaml, abbreviations.csv, provinces.csv, roles.ttl) is broken."""


class InputError(PartygraphError):
    """An input file (or one line of it) could not be read."""

    def __init__(self, path, problem: str, line: int | None = None, trace: str | None = None):
        self.path = str(path)
        self.problem = problem
        self.line = line
        self.trace = trace  # the traceback of an unexpected error, shown with --debug
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


def unexpected(path, exc: BaseException, stage: str, line: int | None = None) -> InputError:
    """One article's unexpected failure (a bug or a broken install) as one line; the traceback kept."""
    import traceback

    detail = " ".join(str(exc).split())[:300]
    return InputError(path, f"{stage} failed ({exc.__class__.__name__}{': ' + detail if detail else ''})", line,
                      trace=traceback.format_exc())
