"""The package's shape: every module imports, no import cycles, closed namespaces, pinned IRIs."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest
from rdflib import URIRef

import partygraph
from partygraph import iris
from partygraph.namespaces import PG, PG_BASE, ontology_terms, pg

SRC = Path(partygraph.__file__).resolve().parent
ROOT = SRC.parents[1]
MODULES = sorted(
    ".".join(("partygraph", *p.relative_to(SRC).with_suffix("").parts)).removesuffix(".__init__")
    for p in SRC.rglob("*.py") if p.name != "__main__.py")


@pytest.mark.parametrize("name", MODULES)
def test_structure_every_module_imports(name):
    importlib.import_module(name)


def _imports(path: Path, module: str) -> set[str]:
    """Modules of partygraph that `path` imports (at any depth of the file: lazy imports count too)."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return {m for m in found if m in MODULES}


KNOWN_EDGES: set[tuple[str, str]] = set()  # import edges the cycle test may pass over (none)


def _unit(module: str) -> str:
    """The part of the package a module belongs to: `partygraph.store` for `partygraph.store.load`."""
    return ".".join(module.split(".")[:2])


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}

    def visit(node, path):
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path + [node, nxt]
            if nxt not in state:
                found = visit(nxt, path + [node])
                if found:
                    return found
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return None


def _graphs():
    modules, units = {}, {}
    for p in SRC.rglob("*.py"):
        name = ".".join(("partygraph", *p.relative_to(SRC).with_suffix("").parts)).removesuffix(".__init__")
        deps = {d for d in _imports(p, name) - {name} if (name, d) not in KNOWN_EDGES}
        # a package's __init__ re-exports its own modules: not a dependency between parts
        modules[name] = {d for d in deps if not (p.name == "__init__.py" and d.startswith(name + "."))}
        units.setdefault(_unit(name), set()).update(_unit(d) for d in modules[name] if _unit(d) != _unit(name))
    return modules, units


def test_structure_no_import_cycles_between_modules_or_packages():
    modules, units = _graphs()
    assert _cycle(modules) is None, " -> ".join(_cycle(modules))
    assert _cycle(units) is None, " -> ".join(_cycle(units))


def test_structure_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_structure_pg_namespace_is_closed():
    assert pg("Holding") == PG_BASE + "Holding"
    with pytest.raises(AttributeError):
        PG.noSuchTerm  # noqa: B018
    with pytest.raises(KeyError):
        pg("noSuchTerm")


def _used_pg_terms() -> dict[str, set[str]]:
    """`pg:` terms the code, the queries and the ontology files use, by file."""
    pattern = re.compile(r"\bpg:([A-Za-z_]\w*)|\bPG\.([A-Za-z_]\w*)|\bpg\(\"(\w+)\"\)|_pg\(\"(\w+)\"\)"
                         r"|\bPG \+ \"(\w+)\"")
    code = [p for p in SRC.rglob("*.py") if p.name != "namespaces.py"]  # its docstrings name made-up terms
    files = [*code, *(ROOT / "queries").rglob("*.rq"), *(ROOT / "ontology").glob("*.ttl")]
    used: dict[str, set[str]] = {}
    for f in files:
        for m in pattern.finditer(f.read_text(encoding="utf-8")):
            used.setdefault(next(g for g in m.groups() if g), set()).add(f.name)
    return used


def test_structure_every_pg_term_used_is_in_the_ontology():
    declared = set(ontology_terms())
    used = _used_pg_terms()
    assert len(used) > 40
    missing = {term: sorted(files) for term, files in used.items() if term not in declared}
    assert not missing, missing


class _Org:
    def __init__(self, label, level=None, province=None, scoped=False):
        self.label, self.level, self.province, self.scoped = label, level, province, scoped


ID = "https://w3id.org/partygraph/id/"

#: One IRI of each kind, pinned: a change of IRI scheme must fail here first.
PINNED = [
    (iris.article_iri("a1"), ID + "article/a1"),
    (iris.sentence_iri("a1", 10, 42), ID + "article/a1/s10-42"),
    (iris.person_iri("a1", "Nguyễn Văn A"), ID + "person/nguyen-van-a-653248e61db9"),
    (iris.membership_iri("a1", "Nguyễn Văn A", ID + "org/tinh-uy-binh-phuoc", "bi-thu", "current"),
     ID + "membership/b2b58198c66e"),
    (iris.event_iri("a1", "merger", [ID + "org/a", ID + "org/b"], [ID + "org/c"]), ID + "event/c0aa70c49d93"),
    (iris.org_iri(_Org("Tỉnh ủy Bình Phước", "provincial"), "a1"), ID + "org/tinh-uy-binh-phuoc"),
    (iris.org_iri(_Org("Huyện ủy Lộc Ninh", "district", "Bình Phước"), "a1"),
     ID + "org/huyen-uy-loc-ninh--binh-phuoc"),
    (iris.org_iri(_Org("Ban Tuyên giáo", scoped=True), "a1"), ID + "org/ban-tuyen-giao-f29bc91bbdab"),
    (iris.org_iri_for("Đảng bộ tỉnh Đồng Nai"), ID + "org/dang-bo-tinh-dong-nai"),
    (iris.congress_iri(ID + "org/dang-bo-tinh-binh-phuoc", 11), ID + "congress/dang-bo-tinh-binh-phuoc-11"),
    (iris.term_iri((2020, 2025)), ID + "term/2020-2025"),
    (iris.year_iri(2020), ID + "year/2020"),
    (iris.role_iri("bi-thu"), "https://w3id.org/partygraph/role/bi-thu"),
    (iris.holding_iri(ID + "org/x", "https://w3id.org/partygraph/role/bi-thu", "Nguyễn Văn A", ID + "term/2020-2025"),
     ID + "holding/012b20d3d674"),
    (iris.canonical_person_iri("Nguyễn Văn A", ID + "person/nguyen-van-a-653248e61db9"),
     ID + "person/nguyen-van-a-640d805e1f29"),
    (iris.reference_event_iri("merger-2025-x-y"), ID + "event/reference/merger-2025-x-y"),
]


@pytest.mark.parametrize("minted, expected", PINNED, ids=[e.rsplit("/", 2)[-2] for _, e in PINNED])
def test_structure_iri_of_each_kind_is_pinned(minted, expected):
    assert isinstance(minted, URIRef)
    assert str(minted) == expected


def test_structure_one_table_says_which_kinds_are_shared():
    shared = {ID + "org/x", ID + "congress/x-1", ID + "term/2020-2025", ID + "year/2020",
              "https://w3id.org/partygraph/role/bi-thu"}
    own = {ID + "article/a1", ID + "article/a1/s1-2", ID + "person/x-1", ID + "membership/1", ID + "event/1"}
    assert all(iris.is_shared(i) and not iris.is_per_article(i) for i in shared)
    assert all(iris.is_per_article(i) and not iris.is_shared(i) for i in own)
    assert not iris.is_shared(ID + "holding/1") and not iris.is_per_article(ID + "holding/1")
    assert iris.article_of(ID + "article/a1/s1-2") == ID + "article/a1"


def test_structure_the_store_splits_a_build_as_it_splits_its_file(tmp_path):
    """The mapping's own split (`graphs_of`) and the file split (`partition`) agree on the seeds."""
    from partygraph.build import Summary, iter_graph, nt_lines
    from partygraph.store.partition import graphs_of, partition

    import pyoxigraph as ox

    graphs = list(iter_graph([str(ROOT / "data" / "seeds")], Summary()))
    text = "".join(nt_lines(graphs)).encode("utf-8")
    from_file = partition([q.triple for q in ox.parse(text, format=ox.RdfFormat.N_TRIPLES)])
    built = graphs_of(graphs)
    assert {k: set(v) for k, v in built.items()} == {k: set(v) for k, v in from_file.items()}
    assert len(built) > 5


def test_structure_statuses_are_str_enums():
    from partygraph.vocab import Status

    assert Status.CURRENT == "current" and str(Status.FORMER) == "former"
    assert iris.membership_iri("a", "p", "o", "r", Status.CURRENT) == iris.membership_iri("a", "p", "o", "r", "current")


def test_structure_role_properties_are_data(tmp_path):
    """Role properties live in ontology/role-properties.ttl: one line adds a single-holder role."""
    from partygraph.role_properties import ROLE_PROPERTIES, role_properties

    props = role_properties()
    assert "https://w3id.org/partygraph/role/bi-thu" in props.single_holder
    assert props.category["pho-bi-thu"] == "deputy-secretary"
    assert "https://w3id.org/partygraph/id/org/quoc-hoi" in props.large_bodies
    extra = tmp_path / "roles.ttl"
    extra.write_text(ROLE_PROPERTIES.read_text(encoding="utf-8") + "pgrole:pho-chu-tich pg:singleHolder true .\n",
                     encoding="utf-8")
    assert role_properties(extra).single_holder == props.single_holder | {"https://w3id.org/partygraph/role/pho-chu-tich"}


def test_structure_merge_rules_work_on_terms():
    """Later prefLabels of a shared node become altLabels; a congress keeps the first article's dates."""
    from rdflib import Literal
    from rdflib.namespace import SKOS, XSD

    from partygraph.namespaces import SDO
    from partygraph.rdf.merge import SharedMerge

    org, congress, person = URIRef(ID + "org/x"), URIRef(ID + "congress/x-1"), URIRef(ID + "person/p-1")
    merge = SharedMerge()
    first = (org, SKOS.prefLabel, Literal("Tỉnh ủy X", lang="vi"))
    assert merge.admit(first, "a") == first
    assert merge.admit(first, "b") is None
    assert merge.admit((org, SKOS.prefLabel, Literal("TU X", lang="vi")), "b") == (org, SKOS.altLabel,
                                                                                    Literal("TU X", lang="vi"))
    start = (congress, SDO.startDate, Literal("2020-10-01", datatype=XSD.date))
    assert merge.admit(start, "a") == start
    assert merge.admit((congress, SDO.startDate, Literal("2020-10-02", datatype=XSD.date)), "b") is None
    own = (person, SKOS.prefLabel, Literal("A"))
    assert merge.admit(own, "a") == own and merge.admit(own, "a") == own  # an article's own triples pass
