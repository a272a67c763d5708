"""The whole store as one graph file: .trig/.nq keep the named graphs, .ttl/.nt merge them."""

from __future__ import annotations

import pyoxigraph as ox

from partygraph.atomic import atomic_write
from partygraph.errors import PartygraphError
from partygraph.namespaces import PREFIXES
from partygraph.rdf.files import format_of

#: Suffixes `dump_store` writes.
DUMPABLE = (".trig", ".nq", ".ttl", ".nt")


def dump_store(store: ox.Store, output) -> int:
    """Write every quad of `store` to `output` (atomically); returns the number of statements written.

    TriG and N-Quads keep each statement's named graph; Turtle and
    N-Triples write the union of the graphs, each triple once.
    """
    fmt = format_of(output, DUMPABLE)
    if fmt is None:
        raise PartygraphError(f"{output}: cannot dump a store as this format (use {', '.join(DUMPABLE)})")
    prefixes = PREFIXES if fmt.ox in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE) else None
    written = 0

    def statements():
        nonlocal written
        seen: set[ox.Triple] = set()
        for quad in store:
            if not fmt.quads:
                if quad.triple in seen:
                    continue
                seen.add(quad.triple)
            written += 1
            yield quad if fmt.quads else quad.triple

    try:
        with atomic_write(output, "wb") as fh:
            ox.serialize(statements(), fh, fmt.ox, prefixes=prefixes)
    except OSError as exc:
        raise PartygraphError(f"{output}: cannot write ({exc.strerror or exc})") from None
    return written
