"""The query library (`queries/*.rq`) and binding its parameters.

`sparql.backends` runs the bound text against a store, a file or a server,
`sparql.results` shapes and prints the answers.

Parameters are bound as RDF terms, never pasted as text. A value given on
the command line becomes one term (`parse_value`): an xsd:integer, an
xsd:date, an IRI, or a plain string literal. The term is written into a
`VALUES` block at the top of the query's outer WHERE group using the RDF
library's N-Triples serialisation, which escapes quotes, backslashes and
line breaks and refuses IRIs with characters such as `>` or spaces; the
engine then parses that block as data. Whatever a value contains, it can
only ever be that one term, so `"} ; DROP ALL ; {"` is just a string.

The same bound text goes to every backend (the embedded Oxigraph store,
rdflib's in-memory graph, a remote SPARQL 1.1 server through SPARQLWrapper),
so all of them give the same answers. Oxigraph's own `substitutions=`
argument is not used: in pyoxigraph 0.5 it rejects variables that are not
projected (so every GROUP BY query) and leaves `BOUND(?param)` false, which
would make a query mean different things embedded and remote.

Scope rule for query writers: a parameter is visible in the outer WHERE
group (its triple patterns, FILTERs, BINDs and OPTIONALs), not inside
subqueries. An optional parameter is tested as
`FILTER(!BOUND(?param) || ?x = ?param)`, true when the parameter is unbound.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import shlex
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from partygraph.errors import InputError, PartygraphError
from partygraph.namespaces import KIND_PREFIXES, QUERY_PREFIXES, XSD_BASE

XSD = XSD_BASE
#: Prefixes accepted in parameter values and used to shorten IRIs in tables.
PREFIXES = QUERY_PREFIXES
#: Prefixes a parameter value may use: the query prefixes and the per-kind ones of written Turtle (`pgo:…`).
_VALUE_PREFIXES = {**QUERY_PREFIXES, **KIND_PREFIXES}

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


# ---------------------------------------------------------------------------
# The library

def library_dir() -> Path:
    """Folder holding the `.rq` query library.

    `PARTYGRAPH_QUERIES` overrides; otherwise the `queries/` folder shipped
    in the package (a link to the repository's `queries/`).
    """
    env = os.environ.get("PARTYGRAPH_QUERIES")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parents[1]  # the package folder
    for candidate in (here / "queries", here.parents[1] / "queries"):
        if candidate.is_dir():
            return candidate
    return here / "queries"


@dataclass
class Param:
    """A declared query parameter (`# param ?name: description`)."""

    name: str
    description: str

    @property
    def optional(self) -> bool:
        """Declared optional when its description starts with `(optional)`."""
        return self.description.lower().startswith("(optional)")


@dataclass
class QueryFile:
    """A SPARQL query and the documentation in its header comment."""

    name: str
    path: Path | None
    text: str
    purpose: str = ""
    params: dict[str, Param] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)

    @classmethod
    def from_text(cls, name: str, text: str, path: Path | None = None) -> "QueryFile":
        """Read the `# purpose:`, `# param ?x:` and `# example:` header lines."""
        q = cls(name=name, path=path, text=text)
        for line in text.splitlines():
            s = line.strip()
            if not s:
                continue
            if not s.startswith("#"):
                break
            body = s.lstrip("#").strip()
            low = body.lower()
            if low.startswith("purpose:"):
                q.purpose = body.split(":", 1)[1].strip()
            elif low.startswith("param "):
                m = re.match(r"param\s+[?$]([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)", body, re.I)
                if m:
                    q.params[m.group(1)] = Param(m.group(1), m.group(2).strip())
            elif low.startswith("example:"):
                q.examples.append(body.split(":", 1)[1].strip())
        return q

    def example_params(self) -> list[tuple[str, str]]:
        """The `-p NAME VALUE` pairs of the first `# example:` line (none without one)."""
        toks = shlex.split(self.examples[0]) if self.examples else []
        return [(toks[i + 1], toks[i + 2]) for i, t in enumerate(toks[:-2]) if t == "-p"]


def list_queries() -> list[QueryFile]:
    """Every query of the library, sorted by name."""
    folder = library_dir()
    return [QueryFile.from_text(p.stem, p.read_text(encoding="utf-8"), p)
            for p in sorted(folder.glob("*.rq"))]


def load_query(name_or_path: str) -> QueryFile:
    """A library query by name (`office-holders`) or a `.rq` file by path."""
    p = Path(name_or_path)
    if p.suffix == ".rq" and p.exists():
        try:
            return QueryFile.from_text(p.stem, p.read_text(encoding="utf-8"), p)
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(p, f"cannot read query: {exc}") from None
    lib = library_dir() / f"{p.stem if p.suffix == '.rq' else name_or_path}.rq"
    if lib.is_file():
        return QueryFile.from_text(lib.stem, lib.read_text(encoding="utf-8"), lib)
    if p.suffix == ".rq":
        raise InputError(p, "no such query file")
    known = ", ".join(q.name for q in list_queries())
    raise PartygraphError(f"{name_or_path}: no such query in {library_dir()} (known: {known})")


# ---------------------------------------------------------------------------
# Parameters

def parse_value(text: str) -> ox.NamedNode | ox.Literal:
    """Turn a command-line value into one RDF term.

    `-?digits` → xsd:integer; `true`/`false` → xsd:boolean; `YYYY-MM-DD` (a real date) → xsd:date;
    `http(s)://…` or `<…>` → IRI; `pgid:…`, `pgo:…`, `pgrole:…`, `pg:`… (the known
    prefixes) → IRI; anything else → a plain string literal.
    """
    if text in ("true", "false"):
        return ox.Literal(text, datatype=ox.NamedNode(XSD + "boolean"))
    if re.fullmatch(r"-?\d{1,18}", text):
        return ox.Literal(str(int(text)), datatype=ox.NamedNode(XSD + "integer"))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            _dt.date.fromisoformat(text)
        except ValueError:
            raise PartygraphError(f"parameter value {text!r}: not a real date") from None
        return ox.Literal(text, datatype=ox.NamedNode(XSD + "date"))
    iri = None
    if re.match(r"https?://", text):
        iri = text
    elif text.startswith("<") and text.endswith(">"):
        iri = text[1:-1]
    else:
        m = re.fullmatch(r"([a-z]+):(\S+)", text)
        if m and m.group(1) in _VALUE_PREFIXES:
            iri = _VALUE_PREFIXES[m.group(1)] + m.group(2)
    if iri is not None:
        try:
            return ox.NamedNode(iri)
        except ValueError as exc:
            raise PartygraphError(f"parameter value {text!r}: not a valid IRI ({exc})") from None
    # The graph stores names in NFC; a value typed in NFD would never match.
    return ox.Literal(unicodedata.normalize("NFC", text))


def term_text(term) -> str:
    """N-Triples text of one term, the only way values enter a query."""
    if not isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        raise TypeError(f"not an RDF term: {term!r}")
    return str(term)


_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')


def _where_brace(text: str) -> int:
    """Index just after the `{` opening the query's outer WHERE group.

    Skips comments, strings and IRIs so a `{` or `WHERE` inside them never
    counts. Raises `PartygraphError` when there is no such group.
    """
    i, n, depth = 0, len(text), 0
    last_word = ""
    first_form = ""
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            last_word = ""
            continue
        if c == "<":
            m = _IRIREF.match(text, i)
            if m:
                i = m.end()
                last_word = ""
                continue
        if c.isalpha() or c in "?$_":
            m = re.match(r"[?$]?[\w:.\-]*[\w]|[?$]?\w", text[i:])
            word = m.group(0)
            if depth == 0 and not first_form and word.upper() in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
                first_form = word.upper()
            last_word = word.upper()
            i += len(word)
            continue
        if c == "{":
            if depth == 0 and (last_word == "WHERE" or first_form in ("SELECT", "ASK", "DESCRIBE")):
                if first_form == "CONSTRUCT" and text[:i].upper().rstrip().endswith("CONSTRUCT WHERE"):
                    break
                return i + 1
            depth += 1
        elif c == "}":
            depth -= 1
        if not c.isspace():
            last_word = ""
        i += 1
    raise PartygraphError("cannot bind parameters: the query has no `WHERE { … }` group "
                          "(write CONSTRUCT queries as `CONSTRUCT { … } WHERE { … }`)")


def bind(text: str, bindings: dict) -> str:
    """Return `text` with `bindings` (name → RDF term) bound as a VALUES block."""
    if not bindings:
        return text
    for name in bindings:
        if not _NAME.fullmatch(name):
            raise PartygraphError(f"parameter name {name!r}: use letters, digits and _")
    at = _where_brace(text)
    names = " ".join(f"?{n}" for n in bindings)
    values = " ".join(term_text(t) for t in bindings.values())
    return f"{text[:at]}\n  VALUES ({names}) {{ ({values}) }}\n{text[at:]}"


def prepare(query: QueryFile, raw_params: list[tuple[str, str]] | dict) -> str:
    """Check parameters against the query's header and bind them."""
    items = list(raw_params.items()) if isinstance(raw_params, dict) else list(raw_params)
    bindings: dict = {}
    for name, value in items:
        name = name.lstrip("?$")
        if query.params and name not in query.params:
            raise PartygraphError(f"{query.name}: unknown parameter {name!r} "
                                  f"(known: {', '.join(query.params) or 'none'})")
        if not query.params and not re.search(r"[?$]" + re.escape(name) + r"\b", query.text):
            raise PartygraphError(f"{query.name}: the query has no variable ?{name}")
        if name in bindings:
            raise PartygraphError(f"{query.name}: parameter {name!r} given twice")
        bindings[name] = value if isinstance(value, (ox.NamedNode, ox.Literal)) else parse_value(str(value))
    limit = bindings.pop("limit", None) if "limit" in query.params else None
    missing = [p.name for p in query.params.values() if not p.optional and p.name not in bindings]
    if missing:
        raise PartygraphError(f"{query.name}: missing parameter(s) {', '.join(missing)} "
                              f"(e.g. {query.examples[0] if query.examples else '-p NAME VALUE'})")
    text = query.text if limit is None else set_limit(query, limit)
    return bind(text, bindings)


_LIMIT = re.compile(r"^(\s*LIMIT\s+)(\d+)(\s*(?:#.*)?)$", re.I | re.M)


def set_limit(query: QueryFile, term) -> str:
    """The query text with the number of its `LIMIT n` lines set to `term`.

    `?limit` is the one parameter that is not an RDF term in a VALUES block:
    SPARQL only takes a constant after LIMIT, so the value must be a
    non-negative integer (checked here, so no other text can enter); 0
    removes the limit. Every `LIMIT` line of the query takes the value.
    """
    if not (isinstance(term, ox.Literal) and term.datatype.value == XSD + "integer" and int(term.value) >= 0):
        raise PartygraphError(f"{query.name}: parameter 'limit' must be a whole number ≥ 0, not {term.value!r}")
    n = int(term.value)
    if not _LIMIT.search(query.text):
        raise PartygraphError(f"{query.name}: declares ?limit but has no `LIMIT n` line")
    if n == 0:
        return _LIMIT.sub(lambda m: m.group(3).strip(), query.text)
    return _LIMIT.sub(lambda m: f"{m.group(1)}{n}{m.group(3)}", query.text)
