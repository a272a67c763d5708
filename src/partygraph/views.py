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
  earliest and latest article date of those current mentions). Its
  mentions, with their sentences, are the `org:Membership`s with the same
  organisation, role, name and term (`facts-with-sources` lists them);
* `pg:currentOffices` on each person node (one per name per article) that
  holds two or more offices not reported as former: the concurrent offices
  (kiêm nhiệm) of one report; and `pg:concurrentRank` (1 = the most such
  offices, ties by name), so that the top N are found without sorting.

The rows come from `queries/views/office-mentions.rq`, run wherever the
graph is (the store, a remote server, a file in memory), so every engine
gets the same view; only what changed is then written, in one
transaction. Nothing else is touched: dropping the graph returns the
store to its mentions.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

import pyoxigraph as ox

from partygraph import query as q
from partygraph.store import PG, PGID, update_graph

HOLDINGS_GRAPH = PGID + "graph/holdings"
MENTIONS_QUERY = "views/office-mentions.rq"

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_FORMER = PG + "Former"
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _pg(name: str) -> ox.NamedNode:
    return ox.NamedNode(PG + name)


def holding_iri(org: str, role: str, name: str, term: str | None) -> ox.NamedNode:
    """`pgid:holding/{h(org, role, name, term)}`: stable across loads and engines."""
    key = "|".join((org, role, name, term or ""))
    return ox.NamedNode(f"{PGID}holding/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}")


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_INTEGER)


def holdings_triples(rows) -> list[ox.Triple]:
    """The view's triples from the office-mention rows (m, p, o, r, name, t, status, asOf)."""
    groups: dict[tuple, list] = defaultdict(list)
    current_by_person: dict[ox.NamedNode, set] = defaultdict(set)
    for m, p, o, r, name, t, status, as_of in rows:
        former = status is not None and status.value == _FORMER
        groups[(o, r, name, t)].append((m, former, as_of))
        if not former:
            current_by_person[p].add(m)
    out: list[ox.Triple] = []
    for (o, r, name, t), mentions in sorted(groups.items(), key=lambda kv: tuple(
            "" if x is None else x.value for x in kv[0])):
        h = holding_iri(o.value, r.value, name.value, t.value if t is not None else None)
        current = [d for _, former, d in mentions if not former]
        out += [ox.Triple(h, _RDF_TYPE, _pg("Holding")), ox.Triple(h, _pg("organization"), o),
                ox.Triple(h, _pg("role"), r), ox.Triple(h, _pg("holderName"), name),
                ox.Triple(h, _pg("mentions"), _int(len({m for m, _, _ in mentions}))),
                ox.Triple(h, _pg("currentMentions"), _int(len({m for m, f, _ in mentions if not f})))]
        if t is not None:
            out.append(ox.Triple(h, _pg("term"), t))
        dates = [d for d in current if d is not None]
        if dates:
            out.append(ox.Triple(h, _pg("firstReported"), min(dates, key=lambda d: d.value)))
            out.append(ox.Triple(h, _pg("lastReported"), max(dates, key=lambda d: d.value)))
    # The concurrent offices of one report, ranked (most first, then by
    # name and IRI) so that queries take the top N by a number, never by
    # sorting names inside the store.
    names = {p: name for _, p, _, _, name, _, _, _ in rows}
    concurrent = sorted(((len(ms), p) for p, ms in current_by_person.items() if len(ms) >= 2),
                        key=lambda kp: (-kp[0], names[kp[1]].value, kp[1].value))
    for rank, (k, p) in enumerate(concurrent, 1):
        out.append(ox.Triple(p, _pg("currentOffices"), _int(k)))
        out.append(ox.Triple(p, _pg("concurrentRank"), _int(rank)))
    return out


def compute(backend) -> list[ox.Triple]:
    """The holdings view of the graph behind a query backend (embedded, remote or rdflib)."""
    text = q.load_query(str(q.library_dir() / MENTIONS_QUERY)).text
    return holdings_triples(backend.run(text).rows)


def refresh_store(store: ox.Store) -> int:
    """Recompute the view of an Oxigraph store and update its graph; the view's size in triples."""
    triples = compute(q.EmbeddedBackend(store))
    update_graph(store, HOLDINGS_GRAPH, triples)
    return len(triples)
