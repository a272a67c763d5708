"""How the triples of many articles become one graph (the cross-article rules).

Every triple about an article's own nodes is unique to it and kept as it is.
A triple about a shared node (`partygraph.iris.is_shared`) is kept once, and:

* a shared node keeps the first `skos:prefLabel` it gets; a later, different
  one becomes an `skos:altLabel` (SKOS allows one prefLabel per language),
  unless it has that altLabel already; the `rdfs:label` of a node with a
  prefLabel (an organisation's copy of it) is likewise the first one only;
* a congress keeps the `schema:startDate`/`schema:endDate` of the first
  article that gives them.
"""

from __future__ import annotations

from rdflib.namespace import RDFS, SKOS

from partygraph.iris import is_shared
from partygraph.namespaces import SDO
from partygraph.rdf.mapping import Triple

DATES = (SDO.startDate, SDO.endDate)


class SharedMerge:
    """The merge state of one graph: which shared triples, labels and dates it holds already."""

    def __init__(self):
        self.seen: set[Triple] = set()
        self.labelled: dict = {}  # (node, label property) → the label it keeps
        self.dated: dict = {}

    def admit(self, triple: Triple, source: str | None) -> Triple | None:
        """`triple` as the graph takes it from article `source`, or None when the graph has it already."""
        s, p, o = triple
        if not is_shared(s):
            return triple
        if triple in self.seen:
            return None
        self.seen.add(triple)
        if p == SKOS.prefLabel or (p == RDFS.label and (s, SKOS.prefLabel) in self.labelled):
            if self.labelled.setdefault((s, p), o) != o:  # a later rdfs:label of a prefLabelled node goes
                return self._alt(s, o) if p == SKOS.prefLabel else None
        elif p in DATES:
            if self.dated.get(s, source) != source:
                return None
            self.dated[s] = source
        return triple

    def _alt(self, s, o) -> Triple | None:
        """A later prefLabel as an altLabel, once."""
        alt = (s, SKOS.altLabel, o)
        if alt in self.seen:
            return None
        self.seen.add(alt)
        return alt
