"""Latency of every library query at ≥1 M triples: embedded Oxigraph vs rdflib.

How the graph is made: `partygraph build` reads the first N articles of
`../shared/corpus/party-news.jsonl.gz` (default 300), then the graph is
scaled to the target size by copying it with renamed *article-scoped* IRIs
(articles, sentences, mention-level persons, memberships, events get a
`-cK` suffix in copy K) while organisations, congresses, terms and roles
stay shared — as if K times as many articles had been written about the
same units. Queries are bound with parameters picked from the data (the
busiest unit, the commonest name, …) so none returns trivially empty.

Each query runs once to warm up, then `--repeat` times; p50 is reported.
rdflib runs in a forked child with `--rdflib-timeout` seconds per query
(a query over it is reported as ">T"). Results: a table on stdout and JSON
in bench/results/.

    .venv/bin/python bench/bench_queries.py [--articles 300] [--triples 1000000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from partygraph import query as q
from partygraph.store import PGID, load_graphs, open_store, partition

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "party-news.jsonl.gz"
_SCOPED = re.compile(re.escape(PGID) + r"(article|person|membership|event)/")


def build_base(articles: int) -> list[ox.Triple]:
    """Build the first `articles` corpus articles with `partygraph build`."""
    from partygraph.build import build_graph_for_inputs
    from partygraph.store import rdflib_to_triples

    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        with gzip.open(CORPUS, "rt", encoding="utf-8") as src, open(subset, "w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= articles:
                    break
                dst.write(line)
        graph, _ = build_graph_for_inputs([str(subset)])
    return rdflib_to_triples(graph)


def _rename(term, k):
    if isinstance(term, ox.NamedNode) and _SCOPED.match(term.value):
        return ox.NamedNode(f"{term.value}-c{k}")
    return term


def scale(base: list[ox.Triple], target: int) -> list[ox.Triple]:
    """Copies of `base` with article-scoped IRIs renamed, until ≥ `target` triples."""
    scoped = [t for t in base if any(_SCOPED.match(x.value) for x in (t.subject, t.object)
                                     if isinstance(x, ox.NamedNode))]
    out = list(base)
    k = 1
    while len(out) < target and scoped:
        out += [ox.Triple(_rename(t.subject, k), t.predicate, _rename(t.object, k)) for t in scoped]
        k += 1
    return out


def pick_params(backend) -> dict:
    """Parameter values that give each query real work on this graph."""
    def one(text):
        rows = backend.run("PREFIX org: <http://www.w3.org/ns/org#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                           "PREFIX pg: <https://w3id.org/partygraph/ontology#> "
                           "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> " + text).rows
        return rows[0][0] if rows else None

    unit = one("SELECT ?u WHERE { ?u a pg:PartyOrganization . ?o org:unitOf* ?u . ?m org:organization ?o } "
               "GROUP BY ?u ORDER BY DESC(COUNT(?m)) LIMIT 1")
    sub_root = one("SELECT ?u WHERE { ?s (org:subOrganizationOf|org:unitOf)+ ?u } "
                   "GROUP BY ?u ORDER BY DESC(COUNT(?s)) LIMIT 1")
    congress = one("SELECT ?c WHERE { ?c pg:heldBy ?u ; pg:forTerm ?t . ?o org:unitOf* ?u . "
                   "?m org:organization ?o ; org:memberDuring ?t } GROUP BY ?c ORDER BY DESC(COUNT(?m)) LIMIT 1")
    name = one("SELECT ?n WHERE { ?p foaf:name ?n . ?m org:member ?p } GROUP BY ?n ORDER BY DESC(COUNT(?m)) LIMIT 1")
    province = one("SELECT ?p WHERE { ?o pg:province ?p } GROUP BY ?p ORDER BY DESC(COUNT(?o)) LIMIT 1")
    s = lambda t: t.value if t is not None else "none"  # noqa: E731
    return {
        "office-holders": {"unit": s(unit)},
        "province-leadership": {"province": s(province)},
        "unit-subtree": {"unit": s(sub_root)},
        "concurrent-offices": {},
        "congresses-of-unit": {"unit": s(unit)},
        "elected-at-congress": {"congress": s(congress)},
        "person-career": {"name": s(name)},
        "post-succession": {"unit": s(unit), "role": "Bí thư"},
        "co-tenure": {"unit": s(unit)},
        "counts-by-role": {},
        "counts-by-province": {},
        "units-without-secretary": {},
        "facts-with-sources": {"person": s(name)},
        "change-events": {},
        "search-units": {"text": "khối"},
    }


def p50(fn, repeat: int) -> tuple[float, int]:
    """Median seconds over `repeat` runs after one warm-up; and the row count."""
    n = len(fn().rows)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), n


_RDFLIB_GRAPH = None


def _rdflib_child(text, repeat, conn):
    backend = q.RdflibBackend(_RDFLIB_GRAPH)
    conn.send(p50(lambda: backend.run(text), repeat))


def rdflib_p50(text: str, repeat: int, timeout: float):
    """p50 on the rdflib graph in a forked child, None when over `timeout`."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_rdflib_child, args=(text, repeat, child))
    proc.start()
    ok = parent.poll(timeout * (repeat + 1))
    result = parent.recv() if ok else None
    proc.kill()
    proc.join()
    return result


def main(argv=None):
    global _RDFLIB_GRAPH
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rdflib-repeat", type=int, default=3)
    ap.add_argument("--rdflib-timeout", type=float, default=60.0)
    ap.add_argument("--no-rdflib", action="store_true")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    base = build_base(args.articles)
    t_build = time.perf_counter() - t0
    triples = scale(base, args.triples)
    print(f"built {args.articles} articles → {len(base)} triples in {t_build:.1f} s; "
          f"scaled to {len(triples)} triples", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store = open_store(Path(tmp) / "db")
        graphs = partition(triples)
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g))
                          for g, ts in graphs.items() for t in ts)
        store.optimize()
        t_ox_load = time.perf_counter() - t0
        embedded = q.EmbeddedBackend(store)
        params = pick_params(embedded)

        rdflib_graph, t_rdf_load = None, None
        if not args.no_rdflib:
            import rdflib

            t0 = time.perf_counter()
            nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            rdflib_graph = rdflib.Graph()
            rdflib_graph.parse(data=nt, format="nt")
            t_rdf_load = time.perf_counter() - t0
            _RDFLIB_GRAPH = rdflib_graph
        print(f"loaded: oxigraph {t_ox_load:.1f} s"
              + (f", rdflib {t_rdf_load:.1f} s" if t_rdf_load else ""), file=sys.stderr)

        rows = []
        for qf in q.list_queries():
            text = q.prepare(qf, params.get(qf.name, {}))
            ox_t, n = p50(lambda: embedded.run(text), args.repeat)
            rd = None if args.no_rdflib else rdflib_p50(text, args.rdflib_repeat, args.rdflib_timeout)
            rows.append({"query": qf.name, "rows": n, "oxigraph_ms": ox_t * 1000,
                         "rdflib_ms": rd[0] * 1000 if rd else None,
                         "rdflib_rows": rd[1] if rd else None,
                         "ratio": (rd[0] / ox_t) if rd and ox_t > 0 else None})
            r = rows[-1]
            print(f"{r['query']:26} {r['rows']:6} rows  oxigraph {r['oxigraph_ms']:9.1f} ms  "
                  + (f"rdflib {r['rdflib_ms']:10.1f} ms  ×{r['ratio']:.0f}" if r["rdflib_ms"] is not None
                     else f"rdflib >{args.rdflib_timeout:g} s" if not args.no_rdflib else ""),
                  file=sys.stderr)

    print()
    print(f"{'query':26} {'rows':>6} {'oxigraph p50 ms':>16} {'rdflib p50 ms':>14} {'ratio':>7}")
    for r in rows:
        rd = f"{r['rdflib_ms']:14.1f}" if r["rdflib_ms"] is not None else f"{'>' + str(int(args.rdflib_timeout * 1000)):>14}"
        ratio = f"{r['ratio']:7.0f}" if r["ratio"] is not None else f"{'-':>7}"
        print(f"{r['query']:26} {r['rows']:6} {r['oxigraph_ms']:16.1f} {rd} {ratio}")
    out = {"triples": len(triples), "base_triples": len(base), "articles": args.articles,
           "build_s": t_build, "oxigraph_load_s": t_ox_load, "rdflib_load_s": t_rdf_load,
           "repeat": args.repeat, "params": params, "queries": rows,
           "python": platform.python_version(), "machine": platform.machine(),
           "pyoxigraph": getattr(ox, "__version__", "?")}
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    path = results / f"queries-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1))
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()
