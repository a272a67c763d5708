"""Turtle and TriG people can read: prefixed names, one block per subject, each triple once.

pyoxigraph's serialiser (0.5) writes a `/` inside a prefixed name escaped
(`pgid:person\\/nguyen-van-a-…`) and starts a new block whenever the subject
changes, so a shared node several articles describe is written several
times. This writer groups the triples by subject (subjects, predicates and
objects sorted; `rdf:type` first, as `a`), shortens IRIs with the per-kind
prefixes of `namespaces.KIND_PREFIXES` (`pgp:`, `pgo:`, `pgm:` …) and writes
in full an IRI that no prefix shortens without an escape (a sentence,
`pgid:article/{id}/s…`). Only the prefixes a file uses are declared.
Literals are written in their N-Triples form (valid Turtle), integers bare.

`turtle` and `trig` hold the whole graph in memory, as grouping by subject
needs. `turtle_chunks` writes triples that come in chunks (a build's
articles) as they come: a subject that may recur in a later chunk (a shared
organisation, congress, term or role) is held to the end, the others
(an article's own nodes) are written with their chunk, so memory holds the
shared nodes only. N-Triples and N-Quads stream whatever the size.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox

from partygraph.namespaces import RDF_TYPE, TURTLE_PREFIXES, XSD_BASE

#: A local name that needs no escape: PN_LOCAL of Turtle 1.1 over ASCII, without `\` escapes or `%`.
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_KIND_ORDER = {ox.NamedNode: 0, ox.BlankNode: 1, ox.Literal: 2}


class Namer:
    """Turtle text of terms, remembering which prefixes were used."""

    def __init__(self, prefixes: dict[str, str] | None = None):
        prefixes = TURTLE_PREFIXES if prefixes is None else prefixes
        self.order = list(prefixes)
        self.longest_first = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self.used: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        for prefix, ns in self.longest_first:
            if iri.startswith(ns):
                local = iri[len(ns):]
                if not local or _LOCAL.fullmatch(local):
                    self.used[prefix] = ns
                    return f"{prefix}:{local}"
        return str(ox.NamedNode(iri))

    def term(self, term) -> str:
        if isinstance(term, ox.NamedNode):
            return self.iri(term.value)
        if isinstance(term, ox.Literal):
            return self.literal(term)
        return str(term)  # blank nodes (`_:id`) and triple terms

    def literal(self, lit: ox.Literal) -> str:
        if lit.language:
            return str(lit)
        dt = lit.datatype.value
        if dt == XSD_BASE + "integer" and _INTEGER.fullmatch(lit.value):
            return lit.value
        text = str(ox.Literal(lit.value))
        return text if dt == XSD_BASE + "string" else f"{text}^^{self.iri(dt)}"

    def header(self, used_only: bool = True) -> str:
        """`@prefix` lines of the prefixes used (or of all), in the table's order."""
        table = dict(self.longest_first)
        return "".join(f"@prefix {p}: <{table[p]}> .\n" for p in self.order if p in self.used or not used_only)


def _key(term) -> tuple:
    return _KIND_ORDER.get(type(term), 3), str(term)


def _blocks(triples: Iterable[ox.Triple], namer: Namer, indent: str = "") -> list[str]:
    """One `subject p o , o ; p o .` block per subject."""
    by_subject: dict = defaultdict(lambda: defaultdict(set))
    for t in triples:
        by_subject[t.subject][t.predicate].add(t.object)
    out = []
    for s in sorted(by_subject, key=_key):
        preds = by_subject[s]
        lines = []
        for p in sorted(preds, key=lambda p: (p.value != RDF_TYPE, p.value)):
            verb = "a" if p.value == RDF_TYPE else namer.iri(p.value)
            lines.append(f"{verb} " + " , ".join(namer.term(o) for o in sorted(preds[p], key=_key)))
        out.append(f"{indent}{namer.term(s)} " + f" ;\n{indent}    ".join(lines) + " .\n")
    return out


def turtle(triples: Iterable[ox.Triple], prefixes: dict[str, str] | None = None) -> str:
    """The triples as readable Turtle (see the module's docstring)."""
    namer = Namer(prefixes)
    body = "\n".join(_blocks(triples, namer))
    return namer.header() + ("\n" if body else "") + body


def turtle_chunks(chunks: Iterable[Iterable[ox.Triple]], held: Callable[[object], bool]) -> Iterator[str]:
    """Readable Turtle of triples in chunks, piece by piece; `held(subject)`: it may recur in a later chunk.

    Every prefix is declared (which are used is known only at the end).
    """
    namer = Namer()
    yield namer.header(used_only=False)
    later: list[ox.Triple] = []
    for chunk in chunks:
        now = []
        for t in chunk:
            (later if held(t.subject) else now).append(t)
        for block in _blocks(now, namer):
            yield "\n" + block
    for block in _blocks(later, namer):
        yield "\n" + block


def trig_graphs(graphs: Iterable[tuple[object, Iterable[ox.Triple]]]) -> Iterator[str]:
    """Readable TriG of (graph name, triples) pairs, a graph at a time (the default graph's blocks bare).

    Every prefix is declared; a graph name given twice gets two `{ … }` blocks.
    """
    namer = Namer()
    yield namer.header(used_only=False)
    for name, triples in graphs:
        if isinstance(name, ox.DefaultGraph):
            yield "".join("\n" + block for block in _blocks(triples, namer))
        else:
            inner = "\n".join(_blocks(triples, namer, "    "))
            yield f"\n{namer.term(name)} {{\n{inner}}}\n"


def trig(quads: Iterable[ox.Quad]) -> str:
    """The quads as readable TriG: the default graph first, then the named graphs in order of their names."""
    graphs: dict = defaultdict(list)
    for q in quads:
        graphs[q.graph_name].append(q.triple)
    order = sorted(graphs, key=lambda g: (not isinstance(g, ox.DefaultGraph), _key(g)))
    return "".join(trig_graphs((g, graphs[g]) for g in order))
