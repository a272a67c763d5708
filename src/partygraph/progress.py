"""Progress of long commands on stderr: "loaded 1,200/22,708 articles (5.3%) 41 s".

Shown when stderr is a terminal, or when asked for (`--progress`, which also
works into a log file), never with `--quiet`; it never touches stdout, so
output piped on stays clean. tqdm draws it (redrawn in place on a
terminal, at most ten times a second).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def wanted(progress: bool | None, quiet: bool = False) -> bool:
    """Whether to show progress: never when quiet, else as asked, else when stderr is a terminal."""
    if quiet:
        return False
    if progress is not None:
        return progress
    return sys.stderr.isatty()


def _bar(verb: str, unit: str, total: int | None, items=None):
    from tqdm import tqdm

    done = "{n:,}/{total:,} " + unit + " ({percentage:.1f}%)" if total else "{n:,} " + unit
    return tqdm(items, total=total, file=sys.stderr, desc=verb, mininterval=0.1,
                bar_format="{desc} " + done + " {elapsed_s:.0f} s{postfix}")


def counted(items: Iterable[T], verb: str, unit: str, total: int | None = None,
            enabled: bool = True) -> Iterable[T]:
    """`items`, counted on stderr while they are iterated (as they are when not `enabled`)."""
    return _bar(verb, unit, total, items) if enabled else items


class _Silent:
    """What `meter` gives when progress is off: the same calls, doing nothing."""

    def update(self, n: int = 1) -> None:
        pass

    def set_postfix_str(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


def meter(verb: str, unit: str, total: int | None = None, enabled: bool = True):
    """A counter advanced by hand: `.update(n)`, `.set_postfix_str(what)`, `.close()`."""
    return _bar(verb, unit, total) if enabled else _Silent()


def step(bar, what: str, fn, *args):
    """`fn(*args)` as one step of `bar` (a `meter`), named while it runs."""
    bar.set_postfix_str(what)
    result = fn(*args)
    bar.update()
    return result
