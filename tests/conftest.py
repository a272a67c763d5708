"""Shared fixtures: the graph built from the bundled seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory) -> Path:
    """Path of a Turtle graph built from all bundled seed articles (built once per session)."""
    from partygraph.build import build_files

    out = tmp_path_factory.mktemp("seed") / "seeds.ttl"
    summary = build_files([SEEDS], out, progress=False)
    assert summary.articles == 5 and not summary.failed
    return out


@pytest.fixture(scope="session")
def seed_rdflib(seed_graph):
    from rdflib import Graph

    return Graph().parse(seed_graph, format="turtle")
