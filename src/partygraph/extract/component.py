"""Extraction components: functions over a `Doc` that say what they read and what they add.

    @component(requires=("mentions",), assigns=("offices",))
    def appositions(doc): ...

`requires` names what earlier components must have assigned; the pipeline
(`partygraph.extract.pipeline`) checks the order once, when it is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from partygraph.extract.doc import Doc


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    func: Callable[[Doc], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str

    def __call__(self, doc: Doc) -> None:
        self.func(doc)


def component(requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()):
    """Declare a function `Doc -> None` an extraction component."""

    def wrap(func: Callable[[Doc], None]) -> Component:
        return Component(func.__name__, func, tuple(requires), tuple(assigns), (func.__doc__ or "").strip())

    return wrap


def check_order(components: list[Component]) -> None:
    """Every component's requirements are assigned by an earlier one (or by the Doc itself)."""
    have = {"article", "sentences", "lexicon"}
    for c in components:
        missing = [r for r in c.requires if r not in have]
        if missing:
            raise ValueError(f"extraction component {c.name!r} needs {missing} before it runs")
        have.update(c.assigns)
