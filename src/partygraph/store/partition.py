"""Which named graph of a store each triple goes to, and the SPARQL updates that put them there.

Every triple lives in exactly one named graph, so the union default graph
that queries see never holds the same triple twice: `pgid:article/{id}`
holds what one article alone states (its nodes: `partygraph.iris.SCOPE`),
`pgid:graph/shared` everything else. An article graph is dropped and
re-inserted as a unit (in one update), the shared graph only added to.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator

import pyoxigraph as ox

from partygraph.iris import HOLDINGS_GRAPH, SHARED_GRAPH, article_of, is_article, is_per_article, kind_of
from partygraph.namespaces import PROV_BASE, pg
from partygraph.rdf.files import to_ox_triple
from partygraph.rdf.mapping import ArticleTriples

PROV_DERIVED = PROV_BASE + "wasDerivedFrom"
#: What only the holdings view states (`store.views`): about `pgid:holding/…` nodes, and these on persons.
VIEW_PREDICATES = frozenset({pg("currentOffices"), pg("concurrentRank")})

#: Triples per SPARQL update when loading (one transaction each).
DEFAULT_BATCH = 20_000


def graphs_of(articles: Iterable[ArticleTriples]) -> dict[str, list[ox.Triple]]:
    """Named graphs of built articles: each article's own triples in its graph, the rest shared.

    The mapping says which article a triple belongs to, so nothing is guessed here.
    """
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for a in articles:
        name = str(a.article) if a.article is not None else SHARED_GRAPH
        for t in a.triples:
            graphs[name if is_per_article(t[0]) else SHARED_GRAPH].append(to_ox_triple(t))
    return dict(graphs)


def article_graph_of(subject, derived: dict) -> str:
    """Name of the graph that should hold triples about `subject` in a graph file (not built here).

    `derived` maps subject IRIs to the set of article IRIs they are
    `prov:wasDerivedFrom` in the input being loaded.
    """
    if isinstance(subject, ox.NamedNode):
        iri = subject.value
        if kind_of(iri) == "holding":
            return HOLDINGS_GRAPH
        article = article_of(iri)
        if article:
            return article
        if is_per_article(iri):
            articles = derived.get(iri, ())
            if len(articles) == 1:
                return next(iter(articles))
    return SHARED_GRAPH


def partition(triples: Iterable[ox.Triple]) -> dict[str, list[ox.Triple]]:
    """Split the triples of a graph file into named graphs: one per article plus the shared one.

    A file says which article a node comes from only by `prov:wasDerivedFrom`;
    built articles are split by `graphs_of`, which knows. The holdings view's
    triples (a dump merged into one graph) go to its graph, which the load
    then recomputes, so a view read back is never there twice.
    """
    triples = list(triples)
    derived: dict[str, set[str]] = defaultdict(set)
    for t in triples:
        if t.predicate.value == PROV_DERIVED and isinstance(t.object, ox.NamedNode):
            if is_article(t.object.value) and isinstance(t.subject, ox.NamedNode):
                derived[t.subject.value].add(t.object.value)
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    for t in triples:
        view = t.predicate.value in VIEW_PREDICATES
        graphs[HOLDINGS_GRAPH if view else article_graph_of(t.subject, derived)].append(t)
    return dict(graphs)


def _nt(triple: ox.Triple) -> str:
    # str() of a pyoxigraph term is its N-Triples form, fully escaped.
    return f"{triple.subject} {triple.predicate} {triple.object} ."


def update_batches(graphs: dict[str, list[ox.Triple]], batch: int = DEFAULT_BATCH) -> Iterator[str]:
    """SPARQL updates that put `graphs` into a store, one transaction each.

    An article graph is dropped and re-inserted in the same update (never
    split over two), the shared graph is only inserted into.
    """
    parts: list[str] = []
    size = 0

    def flush():
        nonlocal parts, size
        text = " ;\n".join(parts)
        parts, size = [], 0
        return text

    for name, triples in graphs.items():
        if name == SHARED_GRAPH:
            continue
        body = "\n".join(_nt(t) for t in triples)
        parts.append(f"DROP SILENT GRAPH <{name}>")
        parts.append(f"INSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")
        size += len(triples)
        if size >= batch:
            yield flush()
    shared = graphs.get(SHARED_GRAPH, [])
    for start in range(0, len(shared), batch):
        chunk = shared[start:start + batch]
        body = "\n".join(_nt(t) for t in chunk)
        parts.append(f"INSERT DATA {{ GRAPH <{SHARED_GRAPH}> {{\n{body}\n}} }}")
        size += len(chunk)
        if size >= batch:
            yield flush()
    if parts:
        yield flush()


