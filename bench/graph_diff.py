"""What a change to the extractor did to a corpus graph: counts before and after, and samples to judge.

    python bench/graph_diff.py BEFORE.nt AFTER.nt [--sample 50] [--seed 1]

Prints, for both graphs and as a difference: offices, persons (distinct
names), organisation nodes, generic organisation nodes (named relative to
one article: a place that could not be told), malformed labels (a name cut
short: "Bộ Bưu", "Hội Nhà văn lần"), head-of-state offices, and the nodes
named "Mặt trận Tổ quốc Việt Nam"; then a random sample of the offices that
are new, each with its sentence, for a hand check of their precision.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

PREFIXES = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX pg: <https://w3id.org/partygraph/ontology#>
"""
OFFICES = PREFIXES + """
SELECT ?name ?role ?org ?status ?text WHERE {
  ?m a org:Membership ; org:member/foaf:name ?name ; org:role/skos:prefLabel ?role ; org:organization ?o .
  FILTER(lang(?role) = "vi")
  ?o skos:prefLabel ?org .
  OPTIONAL { ?m pg:status ?st . BIND(REPLACE(STR(?st), "^.*#", "") AS ?status) }
  OPTIONAL { ?m pg:evidence/pg:text ?text }
}"""
ORGS = PREFIXES + "SELECT ?o ?label WHERE { ?o a org:Organization ; skos:prefLabel ?label }"
MEMBERSHIPS = PREFIXES + "SELECT (COUNT(?m) AS ?n) WHERE { ?m a org:Membership }"
NAMES = PREFIXES + "SELECT DISTINCT ?name WHERE { ?p a foaf:Person ; foaf:name ?name }"

# a name cut short: a ministry, department or office named by one syllable, or a label ending in a word
# that never ends a name
_CUT = re.compile(r"^(?:Bộ|Cục|Vụ|Sở|Tổng cục|Viện|Hội) \S+$|\s(?:lần|khóa|nhiệm|và|của|các|thứ)$")
_HEAD_OF_STATE = re.compile(r"^Chủ tịch nước|^Phó Chủ tịch nước|^(?:Phó )?Chủ tịch \| (?:Nhà )?[Nn]ước\b")


def load(path: Path) -> ox.Store:
    store = ox.Store()
    fmt = ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE
    store.bulk_load(path=str(path), format=fmt)
    return store


def figures(store: ox.Store) -> tuple[dict, set]:
    offices = set()
    for s in store.query(OFFICES):
        text = s["text"].value if s["text"] is not None else ""
        status = s["status"].value if s["status"] is not None else ""
        offices.add((s["name"].value, s["role"].value, s["org"].value, status, " ".join(text.split())[:400]))
    orgs = [(s["o"].value, s["label"].value) for s in store.query(ORGS)]
    generic = [label for iri, label in orgs if re.search(r"-[0-9a-f]{12}$", iri)]
    facts = {o[:4] for o in offices}
    out = {
        "offices (memberships, one per article)": int(next(iter(store.query(MEMBERSHIPS)))["n"].value),
        "offices (distinct person, role, org, status)": len(facts),
        "persons": sum(1 for _ in store.query(NAMES)),
        "organisation nodes": len(orgs),
        "generic organisation nodes": len(generic),
        "malformed labels": sum(1 for _, label in orgs if _CUT.search(label)),
        "head-of-state offices": sum(1 for f in facts if _HEAD_OF_STATE.search(f"{f[1]} | {f[2]}")),
        "'Mặt trận Tổ quốc Việt Nam' nodes": sum(1 for _, label in orgs if label == "Mặt trận Tổ quốc Việt Nam"),
    }
    return out, offices


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    (fb, ob), (fa, oa) = figures(load(args.before)), figures(load(args.after))
    print(f"{'':46} {'before':>9} {'after':>9} {'change':>9}")
    for k in fb:
        print(f"{k:46} {fb[k]:>9} {fa[k]:>9} {fa[k] - fb[k]:>+9}")
    old = {o[:4] for o in ob}
    new = sorted({o[:4]: o for o in oa if o[:4] not in old}.values())
    gone = {o[:4] for o in ob} - {o[:4] for o in oa}
    print(f"\noffices new: {len(new)}, gone: {len(gone)}")
    print("new offices by role:", Counter(o[1] for o in new).most_common(12))
    rng = random.Random(args.seed)
    print(f"\n# a random sample of {min(args.sample, len(new))} new offices (person | role | organisation | status)")
    for o in rng.sample(new, min(args.sample, len(new))):
        print(f"- {o[0]} | {o[1]} | {o[2]} | {o[3]}\n    {o[4]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
