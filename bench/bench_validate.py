#!/usr/bin/env python3
"""Time `partygraph.rdf.validate` on a synthetic graph of N copies of the test fixture.

Each copy renames every pgid: node (article, sentence, person, membership,
org, term, congress, event) so the graph grows like a real corpus build:
~67 triples per copy.  Usage: bench/bench_validate.py [copies ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import rdflib
from rdflib import URIRef

from partygraph.rdf.validate import load_shapes, validate_graph

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "validate_small.ttl"
ID = "https://w3id.org/partygraph/id/"


def synthetic(copies: int) -> rdflib.Graph:
    """The fixture repeated `copies` times with distinct instance IRIs."""
    base = list(rdflib.Graph().parse(FIXTURE))
    g = rdflib.Graph()
    for i in range(copies):
        def ren(node):
            if isinstance(node, URIRef) and str(node).startswith(ID):
                return URIRef(f"{node}-{i}")
            return node
        for s, p, o in base:
            g.add((ren(s), p, ren(o)))
    return g


def main() -> None:
    load_shapes()
    for copies in [int(a) for a in sys.argv[1:]] or [100, 1000, 5000]:
        g = synthetic(copies)
        t = time.perf_counter()
        ok, report = validate_graph(g)
        dt = time.perf_counter() - t
        print(f"{copies:>6} copies {len(g):>8} triples: {dt:6.2f} s "
              f"({len(g) / dt:,.0f} triples/s) {report.splitlines()[0][:40]}")


if __name__ == "__main__":
    main()
