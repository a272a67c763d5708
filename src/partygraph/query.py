"""Run the query library (`queries/*.rq`) against a store, a file or a server.

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

import csv
import datetime as _dt
import io
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from partygraph.errors import InputError, PartygraphError

XSD = "http://www.w3.org/2001/XMLSchema#"

#: Prefixes accepted in parameter values and used to shorten IRIs in tables.
PREFIXES = {
    "pg": "https://w3id.org/partygraph/ontology#",
    "pgid": "https://w3id.org/partygraph/id/",
    "pgrole": "https://w3id.org/partygraph/role/",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "schema": "https://schema.org/",
    "xsd": XSD,
}

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
    here = Path(__file__).resolve().parent
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

    `-?digits` → xsd:integer; `YYYY-MM-DD` (a real date) → xsd:date;
    `http(s)://…` or `<…>` → IRI; `pgid:…`, `pgrole:…`, `pg:`… (the known
    prefixes) → IRI; anything else → a plain string literal.
    """
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
        if m and m.group(1) in PREFIXES:
            iri = PREFIXES[m.group(1)] + m.group(2)
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


# ---------------------------------------------------------------------------
# Results and backends

@dataclass
class Results:
    """Answers in one shape whatever the backend: SELECT rows, ASK, or triples."""

    kind: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: list = field(default_factory=list)

    def records(self) -> list[dict]:
        """Rows as dicts of variable → plain value (str/int), for tests and scripts."""
        return [{v: plain(t) for v, t in zip(self.variables, row)} for row in self.rows]


def plain(term):
    """A Python value for a term: int for integers, str otherwise, None if unbound."""
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value == XSD + "integer":
        try:
            return int(term.value)
        except ValueError:
            return term.value
    return term.value


def from_pyoxigraph(result) -> Results:
    """Results from what `pyoxigraph.Store.query` returned."""
    if isinstance(result, ox.QueryBoolean):
        return Results("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return Results("select", names, [tuple(sol[v] for v in names) for sol in result])
    return Results("graph", triples=list(result))


def to_ox(term):
    """Convert an rdflib term to the pyoxigraph term with the same meaning."""
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


def from_sparql_json(data: dict) -> Results:
    """Results from a SPARQL 1.1 JSON results document."""
    if "boolean" in data:
        return Results("ask", boolean=bool(data["boolean"]))
    names = data.get("head", {}).get("vars", [])
    rows = []
    for b in data.get("results", {}).get("bindings", []):
        rows.append(tuple(_json_term(b.get(v)) for v in names))
    return Results("select", names, rows)


def _json_term(obj):
    if obj is None:
        return None
    kind = obj["type"]
    if kind == "uri":
        return ox.NamedNode(obj["value"])
    if kind == "bnode":
        return ox.BlankNode(obj["value"])
    if "xml:lang" in obj:
        return ox.Literal(obj["value"], language=obj["xml:lang"])
    if obj.get("datatype"):
        return ox.Literal(obj["value"], datatype=ox.NamedNode(obj["datatype"]))
    return ox.Literal(obj["value"])


class EmbeddedBackend:
    """The on-disk Oxigraph store; queries see the union of all graphs."""

    def __init__(self, store):
        self.store = store

    def run(self, text: str) -> Results:
        """Run a SPARQL query."""
        try:
            return from_pyoxigraph(self.store.query(text, use_default_graph_as_union=True))
        except SyntaxError as exc:
            raise PartygraphError(f"query syntax: {str(exc).splitlines()[0]}") from None


class RdflibBackend:
    """An rdflib Graph in memory (for comparison and small files)."""

    def __init__(self, graph):
        self.graph = graph

    def run(self, text: str) -> Results:
        """Run a SPARQL query."""
        res = self.graph.query(text)
        if res.type == "ASK":
            return Results("ask", boolean=bool(res.askAnswer))
        if res.type == "SELECT":
            names = [str(v) for v in res.vars]
            return Results("select", names, [tuple(to_ox(t) for t in row) for row in res])
        return Results("graph", triples=[ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in res])


class RemoteBackend:
    """Any SPARQL 1.1 query endpoint, through SPARQLWrapper."""

    def __init__(self, endpoint: str, timeout: float = 60):
        self.endpoint = endpoint
        self.timeout = timeout

    def run(self, text: str) -> Results:
        """Run a SPARQL query with POST (long bound queries exceed URL limits)."""
        from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

        sw = SPARQLWrapper(self.endpoint)
        sw.setMethod(POST)
        sw.setTimeout(int(self.timeout))
        # Whole-line comments go: SPARQLWrapper takes a word such as "load"
        # or "drop" in a comment for the query's form and sends it as an update.
        sw.setQuery("\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")))
        graph_query = sw.queryType in ("CONSTRUCT", "DESCRIBE")
        sw.setReturnFormat(TURTLE if graph_query else JSON)
        try:
            response = sw.query()
            if graph_query:
                data = response.response.read()
                return Results("graph", triples=[q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE)])
            return from_sparql_json(response.convert())
        except Exception as exc:  # SPARQLWrapper raises many unrelated types
            raise PartygraphError(f"{self.endpoint}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None


# ---------------------------------------------------------------------------
# Output

def compact(iri: str) -> str:
    """Shorten an IRI with the known prefixes, for tables."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def format_table(res: Results) -> str:
    """Aligned text table; IRIs shortened with the known prefixes."""
    if res.kind == "ask":
        return "true" if res.boolean else "false"
    if res.kind == "graph":
        return format_graph(res)
    rows = [[_cell(t) for t in row] for row in res.rows]
    rows = [[c.replace("\n", " ") for c in row] for row in rows]
    widths = [len(v) for v in res.variables]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    line = "  ".join(v.ljust(w) for v, w in zip(res.variables, widths)).rstrip()
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def format_csv(res: Results) -> str:
    """SPARQL 1.1 CSV results (lexical values, full IRIs)."""
    if res.kind == "ask":
        return "true\n" if res.boolean else "false\n"
    if res.kind == "graph":
        return format_graph(res)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(res.variables)
    for row in res.rows:
        w.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value) for t in row])
    return buf.getvalue()


def term_json(term) -> dict:
    """One term in SPARQL 1.1 JSON results form."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def format_json(res: Results) -> str:
    """SPARQL 1.1 JSON results."""
    if res.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(res.boolean)})
    if res.kind == "graph":
        return format_graph(res)
    bindings = [{v: term_json(t) for v, t in zip(res.variables, row) if t is not None} for row in res.rows]
    return json.dumps({"head": {"vars": res.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1)


def format_graph(res: Results) -> str:
    """Triples of a CONSTRUCT/DESCRIBE as Turtle."""
    return ox.serialize(res.triples, format=ox.RdfFormat.TURTLE,
                        prefixes=PREFIXES).decode("utf-8")


FORMATTERS = {"table": format_table, "csv": format_csv, "json": format_json}
