"""The on-disk Oxigraph store: open it, write graphs into it in transactions."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from partygraph.errors import InputError, PartygraphError
from partygraph.store.partition import DEFAULT_BATCH, _nt, update_batches


def update_graph(store: ox.Store, graph: str, triples: list[ox.Triple]) -> int:
    """Make `graph` hold exactly `triples`, writing only the difference in one
    update (one transaction); returns the number of quads removed and added."""
    name = ox.NamedNode(graph)
    old = {q.triple for q in store.quads_for_pattern(None, None, None, name)}
    new = set(triples)
    gone, added = old - new, new - old
    parts = []
    if gone:
        parts.append(f"DELETE DATA {{ GRAPH <{graph}> {{\n" + "\n".join(_nt(t) for t in gone) + "\n} }")
    if added:
        parts.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(_nt(t) for t in added) + "\n} }")
    if parts:
        store.update(" ;\n".join(parts))
    return len(gone) + len(added)


def open_store(path, read_only: bool = False) -> ox.Store:
    """Open (or create, unless read-only) the Oxigraph store in directory `path`."""
    path = Path(path)
    try:
        if read_only:
            if not path.is_dir():
                raise InputError(path, "no such store directory (create it with `partygraph load`)")
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        raise InputError(path, f"cannot open store: {_first_line(exc)}") from None


def store_quads(store: ox.Store) -> int:
    """Number of quads in the store."""
    return len(store)


def load_graphs(store: ox.Store, graphs: dict[str, list[ox.Triple]], batch: int = DEFAULT_BATCH) -> None:
    """Write partitioned graphs into `store`, each batch in one transaction."""
    for update in update_batches(graphs, batch):
        store.update(update)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def require_store_dir(path) -> Path:
    """Check that `path` looks like an Oxigraph store made by `load`."""
    path = Path(path)
    if not path.is_dir() or not any(path.iterdir()):
        raise PartygraphError(f"{path}: no store here (create one with `partygraph load INPUT --store {path}`)")
    return path


