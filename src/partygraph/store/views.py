"""Derived views: summaries of the mentions that the query library reads.

An office (`org:Membership`) is a *mention*: one per article that reports
it, so a well-covered office sits in the graph dozens of times and every
"who holds what" question, or count over roles and provinces, would
aggregate all of them again. The holdings view sums them once per load.

Graph `pgid:graph/holdings` (ontology/MODEL.md, "Holdings"):

* one `pg:Holding` per (organisation, role, holder's name, term):
  `pg:organization`, `pg:role`, `pg:holderName`, `pg:term` (when stated),
  `pg:mentions` (articles reporting it), `pg:currentMentions` (those not
  reporting it as former), `pg:firstReported`/`pg:lastReported` (the
  earliest and latest article date of those current mentions),
  `pg:isCurrent true` when current by the latest-report rule
  (`store.current`: the latest report per post, never a former one). Its
  mentions, with their sentences, are the `org:Membership`s with the same
  organisation, role, name and term (`facts-with-sources` lists them);
* `pg:currentOffices` on each person node (one per name per article) that
  holds two or more offices not reported as former: the concurrent offices
  (kiêm nhiệm) of one report; and `pg:concurrentRank` (1 = the most such
  offices, ties by name), so that the top N are found without sorting.

The sums come from two aggregate queries, `queries/views/office-holdings.rq`
and `queries/views/concurrent-offices.rq`, run wherever the graph is (the
store, a remote server, a file in memory), so every engine gets the same
view and Python holds one row per office, never one per mention; only
what changed is then written, in one transaction. Nothing else is
touched: dropping the graph returns the store to its mentions.
"""

from __future__ import annotations

import pyoxigraph as ox

from partygraph import iris
from partygraph.iris import HOLDINGS_GRAPH
from partygraph.namespaces import RDF_TYPE, XSD_BASE, pg
from partygraph.sparql.backends import EmbeddedBackend
from partygraph.sparql.library import library_dir, load_query
from partygraph.store.current import NO_FIRST, NO_LAST, current_rows
from partygraph.store.local import update_graph

HOLDINGS_QUERY = "views/office-holdings.rq"
CONCURRENT_QUERY = "views/concurrent-offices.rq"

_RDF_TYPE = ox.NamedNode(RDF_TYPE)
_TRUE = ox.Literal("true", datatype=ox.NamedNode(XSD_BASE + "boolean"))


def _pg(name: str) -> ox.NamedNode:
    return ox.NamedNode(pg(name))


def holding_iri(org: str, role: str, name: str, term: str | None) -> ox.NamedNode:
    """`pgid:holding/{h(org, role, name, term)}` (`iris.holding_iri`): stable across loads and engines."""
    return ox.NamedNode(iris.holding_iri(org, role, name, term))


def holding_triples(rows) -> list[ox.Triple]:
    """Holdings from office-holdings.rq rows (o, r, name, t, mentions, current, first, last, lastFormer),
    `pg:isCurrent true` on those current by the latest-report rule (`store.current`)."""
    out: list[ox.Triple] = []
    now = {id(row) for row in current_rows(rows)}
    for row in rows:
        o, r, name, t, mentions, current, first, last = row[:8]
        h = holding_iri(o.value, r.value, name.value, t.value if t is not None else None)
        out += [ox.Triple(h, _RDF_TYPE, _pg("Holding")), ox.Triple(h, _pg("organization"), o),
                ox.Triple(h, _pg("role"), r), ox.Triple(h, _pg("holderName"), name),
                ox.Triple(h, _pg("mentions"), mentions), ox.Triple(h, _pg("currentMentions"), current)]
        if t is not None:
            out.append(ox.Triple(h, _pg("term"), t))
        if first is not None and first.value != NO_FIRST:
            out.append(ox.Triple(h, _pg("firstReported"), first))
        if last is not None and last.value != NO_LAST:
            out.append(ox.Triple(h, _pg("lastReported"), last))
        if id(row) in now:
            out.append(ox.Triple(h, _pg("isCurrent"), _TRUE))
    return out


def concurrent_triples(rows) -> list[ox.Triple]:
    """Counts and ranks from concurrent-offices.rq rows (p, name, offices).

    Ranked most offices first, then by name and IRI, so that queries take
    the top N by a number, never by sorting names inside the store.
    """
    ranked = sorted(rows, key=lambda row: (-int(row[2].value), row[1].value, row[0].value))
    out: list[ox.Triple] = []
    for rank, (p, _, offices) in enumerate(ranked, 1):
        out.append(ox.Triple(p, _pg("currentOffices"), offices))
        out.append(ox.Triple(p, _pg("concurrentRank"), ox.Literal(str(rank), datatype=offices.datatype)))
    return out


def compute(backend) -> list[ox.Triple]:
    """The holdings view of the graph behind a query backend (embedded, remote or rdflib)."""
    def rows(name):
        return backend.run(load_query(str(library_dir() / name)).text).rows

    return holding_triples(rows(HOLDINGS_QUERY)) + concurrent_triples(rows(CONCURRENT_QUERY))


def refresh_store(store: ox.Store) -> int:
    """Recompute the view of an Oxigraph store and update its graph; the view's size in triples."""
    triples = compute(EmbeddedBackend(store))
    update_graph(store, HOLDINGS_GRAPH, triples)
    return len(triples)
