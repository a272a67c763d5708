"""`partygraph dump`: the whole store as one graph file, to hand to another tool.

TriG and N-Quads keep every named graph (each article's, the shared one,
the resolution, reference and holdings graphs), so `partygraph load` of the
file into an empty store gives the same quads (the holdings view it then
recomputes is the one read back). Turtle and N-Triples merge the graphs into
one (each triple once) for tools that know no named graphs; loading such a
file splits it again by article (`partition`) and puts the view's triples
back in its graph, but the resolution and reference graphs' triples stay
with the nodes they are about. TriG and Turtle are written readable
(`rdf.turtle`), TriG a named graph at a time; N-Quads streams from the
store; the merged formats are held in memory to write each triple once.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from partygraph.errors import PartygraphError
from partygraph.rdf.files import STDIO, choose_format, open_output, serialize
from partygraph.rdf.turtle import trig_graphs
from partygraph.store.local import open_store, require_store_dir

#: What `dump` writes (`-` without `--format`: TriG, which keeps everything).
DUMPABLE = (".trig", ".nq", ".ttl", ".nt")


@dataclass
class DumpSummary:
    """What a dump wrote, for the one-line report."""

    output: str
    format: str
    quads: int
    graphs: int
    written: int

    def line(self) -> str:
        what = "quads" if self.format in ("TriG", "N-Quads") else "triples (graphs merged)"
        return (f"dumped {self.quads} quads in {self.graphs} named graph(s) -> "
                f"{'standard output' if self.output == STDIO else self.output} ({self.format}, {self.written} {what})")


def _graph_names(store: ox.Store) -> list:
    """The default graph (when it holds anything) and the named graphs, sorted by name."""
    names = sorted(store.named_graphs(), key=str)
    has_default = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None
    return ([ox.DefaultGraph()] if has_default else []) + names


def _triples(store: ox.Store, graph) -> list[ox.Triple]:
    return [q.triple for q in store.quads_for_pattern(None, None, None, graph)]


def dump_store(store_dir, output, fmt_name: str | None = None) -> DumpSummary:
    """Write every quad of the store at `store_dir` (or an open store) to `output` (`-`: standard output),
    atomically."""
    fmt = choose_format(output, fmt_name, DUMPABLE, default=".trig")
    if isinstance(store_dir, ox.Store):
        store = store_dir
    else:
        require_store_dir(store_dir)
        store = open_store(store_dir, read_only=True)
    graphs = sum(1 for _ in store.named_graphs())
    quads = len(store)
    try:
        with open_output(output, "wb") as fh:
            if fmt.ox == ox.RdfFormat.N_QUADS:
                store.dump(fh, format=fmt.ox)
                written = quads
            elif fmt.quads:  # TriG, a graph at a time
                for text in trig_graphs((g, _triples(store, g)) for g in _graph_names(store)):
                    fh.write(text.encode("utf-8"))
                written = quads
            else:
                triples = list(dict.fromkeys(q.triple for q in store))
                serialize(triples, fmt, fh)
                written = len(triples)
    except OSError as exc:
        raise PartygraphError(f"{output}: cannot write ({exc.strerror or exc})") from None
    return DumpSummary(str(output), fmt.name, quads, graphs, written)
