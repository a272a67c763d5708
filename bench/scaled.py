"""The real corpus graph, scaled up by renaming (shared by the bench scripts).

How a bigger graph is made from the real one: copy K (K = 1, 2, …) of the
corpus graph renames every *article-scoped* IRI — the article itself, its
sentences (`pgid:article/{id}/s…`), and the mention-level persons,
memberships and change events minted from it (`pgid:person/…`,
`pgid:membership/…`, `pgid:event/…`) — by appending `-cK` to the IRI's
first path segment after the kind (`pgid:article/a3` → `pgid:article/a3-c2`,
`pgid:article/a3/s0-40` → `pgid:article/a3-c2/s0-40`). Organisations,
congresses, terms and roles are not renamed, so copy K reads as K times as
many articles written about the same units and the same people (same
names), which is how a bigger corpus of the same papers grows. Triples of
shared nodes that point at an article (`org prov:wasDerivedFrom article`)
are copied too, with the renamed article.

Quads go to the named graphs the store uses (`pgid:article/{id}` for an
article's own triples, `pgid:graph/shared` for the rest), so a scaled store
has the layout `partygraph load` makes.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PARTY_NEWS = CORPUS / "party-news.jsonl.gz"
GENERAL_NEWS = CORPUS / "general-news-20k.jsonl.gz"

from partygraph.namespaces import PGID_BASE as PGID
from partygraph.store import partition

_SCOPED = re.compile(r"(<" + re.escape(PGID) + r"(?:article|person|membership|event)/[^/#?>]+)")


def build_lines(inputs, workers: int = 2) -> tuple[list[str], object]:
    """N-Triples lines of the corpus graph from the streaming build, and its Summary."""
    from partygraph.build import Summary, iter_lines

    summary = Summary()
    lines = list(iter_lines([str(p) for p in inputs], summary, workers=workers))
    return lines, summary


class Scaler:
    """Quads of the base graph and of its renamed copies, as N-Quads bytes."""

    def __init__(self, lines: list[str]):
        import pyoxigraph as ox

        # The graphs `partygraph load` puts each triple in (partygraph.store.partition).
        triples = [q.triple for q in ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)]
        #: (triple text without " .", graph IRI text, renamed in copies?)
        self.rows: list[tuple[str, str, bool]] = []
        for graph, in_graph in partition(triples).items():
            for t in in_graph:
                body = f"{t.subject} {t.predicate} {t.object}"
                self.rows.append((body, f"<{graph}>", bool(_SCOPED.search(body))))
        self.base = len(self.rows)
        self.per_copy = sum(1 for r in self.rows if r[2])

    def copies_for(self, target: int) -> int:
        """How many copies (the base counting as the first) reach `target` triples."""
        if target <= self.base or not self.per_copy:
            return 1
        return 1 + -(-(target - self.base) // self.per_copy)

    def triples(self, copies: int) -> int:
        """Triples (= quads) in `copies` copies."""
        return self.base + (copies - 1) * self.per_copy

    def chunks(self, copies: int, start: int = 0) -> Iterator[bytes]:
        """N-Quads of copies `start` … `copies - 1`, one bytes chunk per copy."""
        for k in range(start, copies):
            if k == 0:
                text = "".join(f"{b} {g} .\n" for b, g, _ in self.rows)
            else:
                suffix = rf"\1-c{k}"
                text = "".join(f"{_SCOPED.sub(suffix, b)} {_SCOPED.sub(suffix, g)} .\n"
                               for b, g, scoped in self.rows if scoped)
            yield text.encode("utf-8")

    def ntriples(self, copies: int) -> bytes:
        """The triples of `copies` copies as N-Triples (graph names dropped), for rdflib."""
        out = []
        for k in range(copies):
            suffix = rf"\1-c{k}"
            out.extend(f"{b if k == 0 else _SCOPED.sub(suffix, b)} .\n"
                       for b, _, scoped in self.rows if k == 0 or scoped)
        return "".join(out).encode("utf-8")


def bulk_load(store, scaler: Scaler, copies: int, start: int = 0) -> float:
    """Bulk-load copies `start`…`copies-1` into a pyoxigraph store; seconds taken."""
    import pyoxigraph as ox

    t0 = time.perf_counter()
    for chunk in scaler.chunks(copies, start):
        store.bulk_load(chunk, format=ox.RdfFormat.N_QUADS)
    return time.perf_counter() - t0
