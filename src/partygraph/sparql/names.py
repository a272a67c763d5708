"""Parameters given by name: a unit, a province, a person or a role named as people write them.

`resolve_params(backend, query, params)` turns each value into the term the
query needs, looking the name up in the graph behind the backend, and
refuses what the graph does not hold (one line, `PartygraphError`), so
that a typo is an error, never 0 rows in silence:

* `unit`: an organisation's IRI, or a name (`skos:prefLabel`,
  `skos:altLabel`, `rdfs:label`), diacritics and case optional,
  abbreviations of `data/abbreviations.csv` expanded ("BTV Tỉnh ủy Bình
  Phước"). The name of a party organisation's executive committee ("Tỉnh
  ủy Bình Phước", "Ban Chấp hành Đảng bộ tỉnh Bình Phước") stands for the
  party organisation, whose subtree holds the committee, its secretary and
  its deputies. A name several organisations carry is an error listing them;
* `province`: a province's name or alias (`data/provinces.csv`: "Binh
  Phuoc", "TP.HCM", "tỉnh Bình Phước"), as the name written in the graph;
* `name`, `person`: a person's name, diacritics optional when only one
  name in the graph folds to it;
* `role`: a role's label ("bí thư") as the role scheme writes it;
* any other IRI value must occur in the graph.

Which parameter is which is its name, the same in every query
(queries/README.md, "Names as parameters").
"""

from __future__ import annotations

import difflib
from functools import lru_cache

import pyoxigraph as ox

from partygraph.errors import PartygraphError
from partygraph.iris import slug
from partygraph.namespaces import sparql_prefixes
from partygraph.normalise import normalise_text
from partygraph.sparql.library import QueryFile, parse_value, prepare
from partygraph.sparql.results import compact

_PREFIXES = sparql_prefixes("org", "skos", "rdfs", "foaf", "pg", "pgrole")
#: Every label, read once when a name is not written exactly as in the graph.
_LABELS = _PREFIXES + "SELECT ?o ?label WHERE { ?o skos:prefLabel|skos:altLabel|rdfs:label ?label }"
#: Nodes labelled with one of some literals (an index look-up).
_EXACT = _PREFIXES + "SELECT ?o WHERE { VALUES ?label { %s } ?o skos:prefLabel|skos:altLabel|rdfs:label ?label }"
#: The organisations among some nodes, and the party organisation an executive committee stands for.
_UNITS = _PREFIXES + """SELECT ?o ?unit ?unitLabel ?province WHERE {
  VALUES ?o { %s }
  ?o a org:Organization .
  OPTIONAL { ?o a pg:Committee ; org:unitOf ?party . ?party a pg:PartyOrganization }
  BIND(COALESCE(?party, ?o) AS ?unit)
  OPTIONAL { ?unit skos:prefLabel ?unitLabel }
  OPTIONAL { ?unit pg:province ?province }
}"""
_SUGGESTIONS = 5
_CANDIDATES = 10


def fold(text: str) -> str:
    """A name's matching key: the slug of its normalised text (diacritics, case and punctuation dropped)."""
    return slug(normalise_text(text))


def graph_fold(label: str) -> str:
    """The matching key of a name written in the graph (already normalised: `fold` less its cost)."""
    return slug(label)


def folds(text: str) -> set[str]:
    """The keys of a name as typed and with its abbreviations expanded ("BTV" → "Ban Thường vụ")."""
    from partygraph.lexicon import expanded_keys, lexicon

    return {fold(text), fold(" ".join(expanded_keys(text, lexicon().abbreviations)))}


def _ask(backend, body: str) -> bool:
    return bool(backend.run(_PREFIXES + f"ASK {{ {body} }}").boolean)


def _value_text(term) -> str:
    return compact(term.value) if isinstance(term, ox.NamedNode) else term.value


# ---------------------------------------------------------------------------
# Units

def _units_named(backend, text: str) -> list[dict]:
    """The organisations a name stands for: labelled so exactly (an index look-up), else
    folded alike, as typed or with its abbreviations expanded (every label read once)."""
    exact = normalise_text(text)
    literals = f"{ox.Literal(exact, language='vi')} {ox.Literal(exact)}"
    nodes = {r["o"] for r in backend.run(_EXACT % literals).records()}
    if not nodes:
        labels = [(r["o"], graph_fold(r["label"])) for r in backend.run(_LABELS).records()]
        for keys in ({fold(text)}, folds(text)):  # the abbreviations need the lexicon: only if needed
            nodes = {o for o, key in labels if key in keys}
            if nodes:
                break
    if not nodes:
        return []
    return backend.run(_UNITS % " ".join(f"<{o}>" for o in sorted(nodes))).records()


def _describe(row: dict) -> str:
    where = f", {row['province']}" if row.get("province") else ""
    return f"{compact(row['unit'])} ({row.get('unitLabel') or compact(row['unit'])}{where})"


def resolve_unit(backend, term) -> tuple[ox.NamedNode, str | None]:
    """An organisation's IRI for a unit parameter, and a note saying which one a name stood for."""
    if isinstance(term, ox.NamedNode):
        if not _ask(backend, f"{term} a org:Organization"):
            raise PartygraphError(f"unit {_value_text(term)}: no such organisation in the store "
                                  "(find one with `partygraph query search-units -p text …`)")
        return term, None
    text = term.value
    units = {r["unit"]: r for r in _units_named(backend, text)}
    if len(units) == 1:
        row = next(iter(units.values()))
        return ox.NamedNode(row["unit"]), f"unit {text!r} = {_describe(row)}"
    if units:
        listed = [_describe(r) for _, r in sorted(units.items())]
        more = f"; and {len(listed) - _CANDIDATES} more" if len(listed) > _CANDIDATES else ""
        raise PartygraphError(f"unit {text!r} names {len(units)} organisations: "
                              f"{'; '.join(listed[:_CANDIDATES])}{more}; give one IRI")
    raise PartygraphError(f"unit {text!r}: no organisation of that name in the store{_similar_units(backend, text)}")


def _similar_units(backend, text: str) -> str:
    keys = folds(text)
    rows = backend.run(_LABELS).records()
    names = sorted({r["label"] for r in rows if any(k in graph_fold(r["label"]) for k in keys)}, key=len)
    return f" (names containing it: {'; '.join(names[:_SUGGESTIONS])})" if names else \
        " (find one with `partygraph query search-units -p text …`)"


# ---------------------------------------------------------------------------
# Provinces, persons, roles

@lru_cache(maxsize=1)
def province_names() -> dict[str, str]:
    """Folded name or alias (with and without "tỉnh"/"thành phố") → the province's name (data/provinces.csv)."""
    from partygraph.lexicon import lexicon

    out: dict[str, str] = {}

    def walk(node, path):
        for word, child in node.items():
            if word is None:
                out.setdefault(fold(" ".join(path)), child.name)
            else:
                walk(child, path + [word])

    walk(lexicon().province_trie.root, [])
    for name in lexicon().provinces:
        out[fold(name)] = name
    return out


def _strip_place_word(key: str) -> str:
    for word in ("tinh-", "thanh-pho-", "tp-"):
        if key.startswith(word):
            return key[len(word):]
    return key


def resolve_province(backend, term) -> tuple[ox.Literal, str | None]:
    """The province's name as the graph writes it."""
    text = term.value
    graph = {graph_fold(r["p"]): r["p"] for r in backend.run(
        _PREFIXES + "SELECT DISTINCT ?p WHERE { ?o pg:province ?p }").records()}
    typed = {fold(text), _strip_place_word(fold(text))}
    for key in typed & set(graph):  # as the graph writes it: no need for the vocabulary
        return ox.Literal(graph[key]), (None if graph[key] == text else f"province {text!r} = {graph[key]!r}")
    known = province_names()
    for key in typed | folds(text) | {_strip_place_word(k) for k in folds(text)}:
        name = known.get(key)
        if name and fold(name) in graph:
            value = graph[fold(name)]
            return ox.Literal(value), (None if value == text else f"province {text!r} = {value!r}")
        if name:
            raise PartygraphError(f"province {text!r} ({name}): nothing in the store is in it")
    close = difflib.get_close_matches(fold(text), list(graph), n=_SUGGESTIONS)
    hint = f" (in the store: {', '.join(graph[c] for c in close)})" if close else ""
    raise PartygraphError(f"province {text!r}: not a province name{hint}")


def resolve_person(backend, term) -> tuple[ox.Literal, str | None]:
    """A person's name as the graph writes it (exactly, else the one name that folds alike)."""
    if _ask(backend, f"?p foaf:name {ox.Literal(term.value)}"):
        return term, None
    key = fold(term.value)
    names = sorted({r["n"] for r in backend.run(_PREFIXES + "SELECT DISTINCT ?n WHERE { ?p foaf:name ?n }").records()
                    if graph_fold(r["n"]) == key})
    if len(names) == 1:
        return ox.Literal(names[0]), f"name {term.value!r} = {names[0]!r}"
    if names:
        raise PartygraphError(f"name {term.value!r} is written {len(names)} ways in the store: "
                              f"{'; '.join(names)}; give one")
    raise PartygraphError(f"name {term.value!r}: nobody of that name in the store")


def resolve_role(backend, term):
    """A role IRI that the store holds, or a role label of the scheme (compared folded)."""
    if isinstance(term, ox.NamedNode):
        return resolve_iri(backend, term)
    labels = backend.run(_PREFIXES + "SELECT DISTINCT ?l WHERE { ?r skos:inScheme pgrole:scheme ; "
                                     "skos:prefLabel ?l }").records()
    found = sorted({r["l"] for r in labels if fold(r["l"]) == fold(term.value)})
    if not found:
        raise PartygraphError(f"role {term.value!r}: no role of that name in the role scheme")
    return ox.Literal(found[0]), None


def resolve_iri(backend, term):
    """Any other IRI parameter: the store must hold it (as a subject or an object)."""
    if isinstance(term, ox.NamedNode) and not _ask(backend, f"{{ {term} ?p ?o }} UNION {{ ?s ?p {term} }}"):
        raise PartygraphError(f"{_value_text(term)}: not in the store")
    return term, None


#: What a parameter is, by its name (the same in every query of the library).
RESOLVERS = {"unit": resolve_unit, "province": resolve_province, "name": resolve_person,
             "person": resolve_person, "role": resolve_role}


def resolve_params(backend, query: QueryFile, params) -> tuple[list[tuple[str, object]], list[str]]:
    """The parameters as terms the graph holds, and notes on the names looked up (for stderr)."""
    items = list(params.items()) if isinstance(params, dict) else list(params)
    out, notes = [], []
    for name, value in items:
        key = name.lstrip("?$")
        term = value if isinstance(value, (ox.NamedNode, ox.Literal)) else parse_value(str(value))
        resolver = RESOLVERS.get(key, resolve_iri)
        if key != "limit" and (key in RESOLVERS or isinstance(term, ox.NamedNode)):
            try:
                term, note = resolver(backend, term)
            except PartygraphError as exc:
                raise PartygraphError(f"{query.name}: {exc}") from None
            if note:
                notes.append(note)
        out.append((name, term))
    return out, notes


def prepare_named(backend, query: QueryFile, params) -> tuple[str, list[str]]:
    """The query's text with its parameters looked up in `backend` (`resolve_params`) and bound, and the
    notes on the names looked up: what the CLI, the Python API and the editor page run."""
    bound, notes = resolve_params(backend, query, params)
    return prepare(query, bound), notes
