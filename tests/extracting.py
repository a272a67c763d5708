"""Helpers for extraction tests: build an Article from a sentence and list the offices read from it."""

from __future__ import annotations

from partygraph.extract import extract
from partygraph.read import Article


def run(text: str, province: str | None = None, published: str | None = "2020-10-15"):
    """The Extraction of one invented article."""
    return extract(Article(id="t", text=text, source="test", province=province, published=published))


def offices(x) -> set[tuple[str, str, str, str]]:
    """(person, role, organisation, status) of every office in an Extraction."""
    return {(o.person, o.role.vi, o.org.label, o.status) for o in x.offices}


def labels(x) -> set[str]:
    """The labels of every organisation in an Extraction."""
    return {o.label for o in x.orgs.values()}


def provinces(x, label: str) -> set[str | None]:
    """The provinces the Extraction gives the organisations of that label."""
    return {o.province for o in x.orgs.values() if o.label == label}
