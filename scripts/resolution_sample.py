"""Draw the hand-check samples of docs/resolution-sample.md from a loaded store (fixed seed).

    python scripts/resolution_sample.py /tmp/resolve-store --seed 14 -n 50 > /tmp/sample.md

Three samples: merge links (one per name), open candidate pairs (one per name), and organisation
nodes that carry offices (after the spelling groups are folded), each printed with what a reader
needs to judge it: the sentences naming the person, the article's province, the offices; for a
unit, its labels and the office-carrying units whose key equals its own or starts it or with it.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict

from partygraph import resolve as r
from partygraph.iris import compact, is_article_scoped
from partygraph.store import open_store

SENTENCES = """PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX pg: <https://w3id.org/partygraph/ontology#>
SELECT ?m ?text WHERE { ?m prov:wasDerivedFrom ?s . ?s pg:text ?text }"""


def sentences(store) -> dict[str, list[str]]:
    out = defaultdict(list)
    for row in store.query(SENTENCES, use_default_graph_as_union=True):
        out[row["m"].value].append(row["text"].value)
    return out


def show(m, said) -> str:
    return f"    - [{art(m)} {m.date or 'undated'} prov={m.article_province}] {offices(m)} || {excerpt(m, said)}"


def art(m) -> str:
    return m.article.rsplit("/", 1)[-1]


def offices(m) -> str:
    return "; ".join(sorted({f"{o.role.rsplit('/', 1)[-1]}@{o.label}" for o in m.offices})) or "no office"


def excerpt(m, said, width=70) -> str:
    """The words around the name in the sentence that names it (a short window, not the article's text)."""
    texts = [" ".join(t.split()) for t in said.get(m.iri, [])]
    text = next((t for t in texts if m.name.casefold() in t.casefold()), texts[0] if texts else "")
    at = max(0, text.casefold().find(m.name.casefold()))
    start, end = max(0, at - width), min(len(text), at + len(m.name) + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def one_per_name(items, key, n, rng):
    by = defaultdict(list)
    for it in items:
        by[key(it)].append(it)
    names = sorted(by)
    rng.shuffle(names)
    return [rng.choice(by[k]) for k in names[:n]]


def org_sample(orgs, groups, used, n, rng) -> list[str]:
    head = {iri: g[0] for g in groups for iri in g}
    nodes = sorted({head.get(o, o) for o in used if o in orgs and not is_article_scoped(o)})
    keys = {o: r.org_key(max(orgs[o]["labels"], key=len)) for o in nodes}
    lines = []
    for o in rng.sample(nodes, min(n, len(nodes))):
        # what a duplicate looks like: the same key under another IRI (another province, or none), or one
        # key the other's start (a name cut short, or run on)
        near = sorted(x for x in nodes if x != o and (keys[x] + " ").startswith(keys[o] + " ")
                      or x != o and (keys[o] + " ").startswith(keys[x] + " "))[:6]
        alts = sorted({label for x, h in head.items() if h == o for label in orgs[x]["labels"]})
        lines.append(f"**U. {sorted(orgs[o]['labels'])[0]}** `{compact(o)}`"
                     + (f" — spellings folded: {'; '.join(alts)}" if alts else ""))
        lines += [f"    - near: {sorted(orgs[x]['labels'])[0]} `{compact(x)}`" for x in near]
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("-n", type=int, default=50)
    args = ap.parse_args(argv)
    store = open_store(args.store)
    mentions, orgs, res = r.identities(store)
    said = sentences(store)
    rng = random.Random(args.seed)  # each sample draws from its own generator: one changes, the others stay
    out = [f"## {args.n} merge links (one per name, seed {args.seed})"]
    for k, (x, y, why) in enumerate(one_per_name(res.merges, lambda t: mentions[t[0]].key, args.n, rng), 1):
        out += [f"**M{k}. {mentions[x].name}** — evidence: {why}", show(mentions[x], said), show(mentions[y], said)]
    rng = random.Random(args.seed)
    out.append(f"## {args.n} open candidates (one per name, seed {args.seed})")
    for k, p in enumerate(one_per_name(res.open, lambda p: p.a.anchor.key, args.n, rng), 1):
        out += [f"**O{k}. {p.a.name}** — {p.reason}", f"    a: {p.a.describe()}", show(p.a.anchor, said),
                f"    b: {p.b.describe()}", show(p.b.anchor, said)]
    rng = random.Random(args.seed)
    out.append(f"## {args.n} organisation nodes that carry offices (seed {args.seed})")
    used = {o.org for m in mentions.values() for o in m.offices}
    out += org_sample(orgs, res.unit_groups, used, args.n, rng)
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
