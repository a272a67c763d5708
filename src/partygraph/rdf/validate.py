"""Check a graph against the partygraph SHACL shapes (ontology/shapes.ttl).

Validation runs without inference: the shapes target asserted types and
property uses only (see the comment at the top of shapes.ttl), which keeps a
check of a whole-corpus graph to seconds rather than the minutes an RDFS
closure would cost.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import rdflib
from rdflib.namespace import SH, XSD

import partygraph
from partygraph.errors import InputError
from partygraph.progress import meter
from partygraph.namespaces import PREFIXES
from partygraph.rdf.files import FORMATS as FILE_FORMATS, STDIO, VALIDATABLE, choose_format, read_bytes

#: The shapes ship inside the package (src/partygraph/ontology is a symlink
#: to the top-level ontology/ folder).
SHAPES_PATH = Path(partygraph.__file__).parent / "ontology" / "shapes.ttl"

#: rdflib parser name for each file extension `validate_file` accepts (from the one table, `rdf.files`).
FORMATS = {suffix: FILE_FORMATS[suffix].rdflib for suffix in VALIDATABLE}

# Literals shown bare in the report: numbers and dates read unambiguously.
_BARE = {XSD.integer, XSD.int, XSD.long, XSD.decimal, XSD.double, XSD.float,
         XSD.nonNegativeInteger, XSD.positiveInteger, XSD.date, XSD.dateTime, XSD.gYear}

#: How many violations the report lists one by one before summarising.
MAX_LISTED = 50

# Prefixes used to shorten IRIs in the report; the same as ontology/MODEL.md.
_PREFIXES = {**{k: PREFIXES[k] for k in ("pg", "pgid", "pgrole")}, "pgsh": "https://w3id.org/partygraph/shapes#",
             **{k: PREFIXES[k] for k in ("org", "foaf", "skos", "prov", "time", "schema", "rdfs")},
             "rdf": str(rdflib.RDF), "xsd": PREFIXES["xsd"]}


@lru_cache(maxsize=1)
def load_shapes() -> rdflib.Graph:
    """Return the SHACL shapes graph shipped with the package (parsed once)."""
    return rdflib.Graph().parse(SHAPES_PATH, format="turtle")


def parse_graph(path, fmt_name: str | None = None) -> rdflib.Graph:
    """Parse an RDF file (`-`: standard input), choosing the syntax from `fmt_name` or its extension.

    Quad formats (.nq, .trig) are read into a dataset and returned as the
    union of its graphs.  Raises `InputError` naming the file and the first
    line of the parser's message when the file is not valid RDF.
    """
    path = Path(path)
    if fmt_name or str(path) == STDIO:
        chosen = choose_format(path, fmt_name, VALIDATABLE)
        fmt, name = chosen.rdflib, chosen.name
    else:
        fmt = FORMATS.get(path.suffix.lower())
        name = FILE_FORMATS[path.suffix.lower()].name if fmt else None
    if fmt is None:
        raise InputError(path, f"unknown graph format {path.suffix or '(no extension)'!r}; "
                               f"use one of {', '.join(sorted(FORMATS))}")
    source = {"data": read_bytes(path)} if str(path) == STDIO else {"source": path}
    try:
        if fmt in ("nquads", "trig"):
            ds = rdflib.Dataset()
            ds.parse(**source, format=fmt)
            graph = rdflib.Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                graph.add((s, p, o))
            return graph
        return rdflib.Graph().parse(**source, format=fmt)
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    except Exception as exc:  # rdflib raises many unrelated types on bad syntax
        raise InputError(path, f"not valid {name}: {_first_line(exc)}") from None


def _first_line(exc: Exception) -> str:
    """The first meaningful line of a parser's message.

    rdflib's Turtle parser puts only "at line N of <>:" on its first line and
    the reason on the second, followed by a dump of the input; join the two
    and drop the dump so the user sees e.g. "at line 14: Bad syntax (...)".
    """
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    if not lines:
        return type(exc).__name__
    first = lines[0]
    if first.endswith(":") and len(lines) > 1:
        reason = lines[1].split(" at ^ in:")[0]
        first = f"{first.replace(' of <>', '')} {reason}"
    return first


def validate_file(path, fmt_name: str | None = None, progress: bool = False) -> tuple[bool, str]:
    """Validate the graph stored in `path` (`-`: standard input); return (conforms, report text).

    The syntax follows `fmt_name` or the extension (.ttl, .nt, .jsonld, .nq, .trig).
    Raises `InputError` when the file cannot be read or parsed. With
    `progress`, the steps done (reading, then each shape) go to stderr.
    """
    steps = meter("validated", "steps", 1 + len(node_shapes()), progress)
    steps.set_postfix_str(f"reading {Path(path).name}")
    graph = parse_graph(path, fmt_name)
    steps.update()
    try:
        return validate_graph(graph, steps)
    finally:
        steps.close()


def node_shapes() -> list[rdflib.term.Node]:
    """The node shapes of the shapes graph, in a fixed order."""
    return sorted(set(load_shapes().subjects(rdflib.RDF.type, SH.NodeShape)))


def validate_graph(graph: rdflib.Graph, steps=None) -> tuple[bool, str]:
    """Validate an rdflib graph against the partygraph shapes.

    Returns (conforms, report): "OK: <n> triples conform to the partygraph
    shapes", or a count of violations followed by at most `MAX_LISTED` lines
    "focus  path  message" and a per-message tally of any left out. One
    shape at a time (the same report as all at once, no slower), each
    counted on `steps` (a `progress.meter`) when given.
    """
    import pyshacl  # slow to import; only the validate command needs it

    conforms, results = True, rdflib.Graph()
    for shape in node_shapes():
        if steps is not None:
            steps.set_postfix_str(_short(shape))
        # inference="none": the shapes are written for the graph as asserted, and
        # an RDFS pass costs far more than the validation itself on large graphs.
        # inplace=True: nothing mutates the data graph without inference, so the
        # defensive copy pyshacl would otherwise make is wasted time and memory.
        ok, found, _ = pyshacl.validate(graph, shacl_graph=load_shapes(), use_shapes=[shape], inference="none",
                                        abort_on_first=False, allow_infos=True, allow_warnings=True, inplace=True)
        conforms = conforms and ok
        results += found  # in place: `results + found` copied every earlier result for each shape
        if steps is not None:
            steps.update()
    if conforms:
        return True, f"OK: {len(graph)} triples conform to the partygraph shapes"
    return False, _summarise(results, graph)


def _short(node) -> str:
    """A compact rendering of an RDF term for the report."""
    if node is None:
        return "-"
    if isinstance(node, rdflib.URIRef):
        text = str(node)
        for prefix, ns in _PREFIXES.items():
            if text.startswith(ns):
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"
    if isinstance(node, rdflib.BNode):
        return "[]"  # blank node ids are meaningless to the reader
    if isinstance(node, rdflib.Literal):
        if node.datatype in _BARE:
            return str(node)
        text = str(node)
        text = repr(text if len(text) <= 40 else text[:37] + "...")
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype is not None and node.datatype != XSD.string:
            return f"{text}^^{_short(node.datatype)}"
        return text
    return str(node)


def _path_text(results: rdflib.Graph, path) -> str:
    """Render a SHACL path: a plain IRI, or '|'-joined alternatives."""
    if path is None:
        return "-"
    if isinstance(path, rdflib.BNode):
        alt = results.value(path, SH.alternativePath)
        if alt is not None:
            items = rdflib.collection.Collection(results, alt)
            return "|".join(_short(p) for p in items)
        return "(complex path)"
    return _short(path)


def _summarise(results: rdflib.Graph, data: rdflib.Graph) -> str:
    """Turn a pyshacl results graph into a short, sorted, readable report.

    For "too many values" results, SHACL gives no value; the values are
    looked up in `data` so the reader sees what conflicts.
    """
    rows = set()  # two constraints of one shape can report the same thing
    # Only the report's own results: pyshacl also types the nested sh:detail
    # results of sh:node/sh:or as sh:ValidationResult, which would repeat them.
    for result in results.objects(None, SH.result):
        focus_node = results.value(result, SH.focusNode)
        message = results.value(result, SH.resultMessage)
        if message is None:
            message = "violates " + _short(results.value(result, SH.sourceConstraintComponent))
        value = results.value(result, SH.value)
        path = results.value(result, SH.resultPath)
        shown = f" (value {_short(value)})" if value is not None and value != focus_node else ""
        if (results.value(result, SH.sourceConstraintComponent) == SH.MaxCountConstraintComponent
                and isinstance(path, rdflib.URIRef)):
            values = sorted(_short(v) for v in data.objects(focus_node, path))
            shown = f" (values {', '.join(values[:5])}{', …' if len(values) > 5 else ''})"
        rows.add((_short(focus_node), _path_text(results, path),
                  str(message), shown))
    rows = sorted(rows)
    lines = [f"{len(rows)} violation{'s' if len(rows) != 1 else ''} of the partygraph shapes:"]
    lines += [f"  {focus}  {path}  {message}{shown}"
              for focus, path, message, shown in rows[:MAX_LISTED]]
    if len(rows) > MAX_LISTED:
        # Tally the rest by message so the report stays short on huge graphs.
        rest = Counter(f"{path}  {message}" for _, path, message, _ in rows[MAX_LISTED:])
        lines.append(f"  … and {len(rows) - MAX_LISTED} more:")
        lines += [f"    {n} × {text}" for text, n in rest.most_common(10)]
        if len(rest) > 10:
            lines.append(f"    … {len(rest) - 10} other kinds")
    return "\n".join(lines)
