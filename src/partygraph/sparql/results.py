"""Query answers in one shape whatever the engine, and printed as tables, CSV or SPARQL JSON."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

import pyoxigraph as ox

from partygraph.errors import PartygraphError
from partygraph.rdf.files import named_format, serialize
from partygraph.rdf.turtle import turtle
from partygraph.sparql.library import PREFIXES, XSD


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
    """One term in SPARQL 1.1 JSON results form (`serve` and `query --format json`)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {k: term_json(getattr(term, k)) for k in ("subject", "predicate", "object")}}
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
    """Triples of a CONSTRUCT/DESCRIBE as readable Turtle (`rdf.turtle`)."""
    return turtle(res.triples)


def graph_formatter(name: str):
    """A formatter writing the triples of a CONSTRUCT/DESCRIBE in the graph format `name` (ttl, nt, jsonld)."""
    fmt = named_format(name)

    def write(res: Results) -> str:
        if res.kind != "graph":
            raise PartygraphError(f"--format {name} is for CONSTRUCT and DESCRIBE queries; "
                                  "use table, csv or json for this one")
        buf = io.BytesIO()
        serialize(res.triples, fmt, buf)
        return buf.getvalue().decode("utf-8")

    return write


FORMATTERS = {"table": format_table, "csv": format_csv, "json": format_json,
              **{name: graph_formatter(name) for name in ("ttl", "nt", "jsonld")}}
