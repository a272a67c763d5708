"""partygraph benchmark suite: one command, a table on stdout, JSON in bench/results/.

    .venv/bin/python bench/run.py                      # everything (~20 min on 2 cores)
    .venv/bin/python bench/run.py --only extraction    # or build, store, scaling, general

Sections (each runs alone with --only; several may be given):

* extraction — `partygraph.extract.extract` over `partygraph.read.read_inputs`
  on party-news.jsonl.gz and general-news-20k.jsonl.gz (articles/s, MB/s of
  text; reading is not timed), and underthesea's NER on the first
  `--ner-sample` articles of the same files, with the ratio.
* build — `partygraph load` of both corpus files (22,708 articles) into a
  new store, with 1 and 2 workers, in a child process: wall time and the
  child's peak RSS (getrusage(RUSAGE_CHILDREN)).
* store — the corpus graph (plus the 5 seed articles, which hold the only
  complete congress with its elected committee) scaled by renaming
  (bench/scaled.py) to 1 M and 10 M triples, bulk-loaded (triples/s), then
  the holdings view refreshed as `partygraph load` does (seconds, triples);
  p50 of every library query at both sizes and on rdflib's in-memory graph
  at 1 M (given the same triples, view included).
* scaling — load time and query p50 at 1×, 2×, 5×, 10× of the 1 M graph,
  and build time at 1/8, 1/2 and all of the 22,708 articles.
* general — offices found per 1,000 general-news articles, and 20 of them
  (sentence + office) for a human to judge.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import multiprocessing as mp
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scaled import GENERAL_NEWS, PARTY_NEWS, ROOT, Scaler, build_lines, bulk_load  # noqa: E402

from partygraph.namespaces import PGROLE_BASE as PGROLE  # noqa: E402

SEEDS = ROOT / "data" / "seeds"
PARTYGRAPH = str(Path(sys.executable).parent / "partygraph")
RESULTS = ROOT / "bench" / "results"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# extraction

def _articles(path: Path, limit: int | None = None):
    from partygraph.errors import InputError
    from partygraph.read import read_inputs

    items = (a for a in read_inputs([str(path)]) if not isinstance(a, InputError))
    return list(itertools.islice(items, limit)) if limit else list(items)


def section_extraction(args) -> dict:
    """Extraction throughput, and underthesea's NER on a sample of the same text."""
    from partygraph.extract import extract

    out = {}
    for path in (PARTY_NEWS, GENERAL_NEWS):
        arts = _articles(path)
        mb = sum(len(a.text.encode("utf-8")) for a in arts) / 1e6
        t0 = time.process_time()
        w0 = time.perf_counter()
        offices = 0
        for a in arts:
            x = extract(a)
            offices += len(x.offices)
            if path == GENERAL_NEWS:
                _GENERAL.append((a, x.offices))
        cpu, wall = time.process_time() - t0, time.perf_counter() - w0
        row = {"articles": len(arts), "mb": mb, "seconds": wall, "cpu_seconds": cpu,
               "articles_per_s": len(arts) / wall, "mb_per_s": mb / wall, "offices": offices}
        sample = arts[:args.ner_sample]
        smb = sum(len(a.text.encode("utf-8")) for a in sample) / 1e6
        t0 = time.perf_counter()
        for a in sample:
            extract(a)
        ours = time.perf_counter() - t0
        row["sample"] = {"articles": len(sample), "mb": smb, "partygraph_s": ours}
        ner = underthesea_ner(sample)
        row["sample"].update(ner)
        if ner.get("seconds"):
            row["sample"]["ratio"] = ner["seconds"] / ours
        out[path.name] = row
        log(f"extraction {path.name}: {len(arts)} articles {mb:.1f} MB in {wall:.1f} s "
            f"({mb / wall:.2f} MB/s); underthesea {ner.get('tool')}: {ner.get('seconds')}")
    return out


_GENERAL: list = []


def underthesea_ner(sample) -> dict:
    """underthesea's NER (CRF) over the sample's sentences, or why it could not run.

    `underthesea.ner` loads a model shipped in the wheel (or fetched on first
    use); when that fails here, the POS tagger (also a CRF, shipped in the
    wheel, the step NER runs on top of) is timed instead and said so.
    """
    try:
        import underthesea
    except ImportError:
        return {"tool": None, "error": "underthesea not installed (pip install -e '.[bench]')"}
    from underthesea import sent_tokenize

    sentences = [s for a in sample for s in sent_tokenize(a.text)]
    result = {"version": getattr(underthesea, "__version__", "?"), "sentences": len(sentences)}
    for name in ("ner", "pos_tag", "word_tokenize"):
        fn = getattr(underthesea, name)
        try:
            fn(sentences[0])
        except Exception as exc:  # a missing model is reported, not fatal
            result.setdefault("unavailable", {})[name] = f"{type(exc).__name__}: {str(exc)[:200]}"
            continue
        t0 = time.perf_counter()
        for s in sentences:
            fn(s)
        result.update(tool=f"underthesea.{name}", seconds=time.perf_counter() - t0)
        return result
    result["tool"] = None
    return result


# ---------------------------------------------------------------------------
# build + load of the whole corpus

def _timed_child(cmd: list[str]) -> dict:
    """Run `cmd` in a fresh child process: wall seconds and the peak RSS of that child."""
    code = ("import resource,subprocess,sys,time,json;t=time.perf_counter();"
            "r=subprocess.run(sys.argv[1:],capture_output=True,text=True);"
            "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
            "print(json.dumps({'rc':r.returncode,'s':time.perf_counter()-t,'rss_mb':u.ru_maxrss/1024,"
            "'cpu_s':u.ru_utime+u.ru_stime,'err':r.stderr[-2000:]}))")
    # A wrapper process per run, so RUSAGE_CHILDREN covers only this run
    # (its maximum is the largest single descendant: the main load process,
    # workers being forked children with their own peak).
    proc = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def section_build(args) -> dict:
    """Whole-corpus `partygraph load` (build + load) with 1 and 2 workers."""
    out = {}
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as tmp:
            res = _timed_child([PARTYGRAPH, "load", str(PARTY_NEWS), str(GENERAL_NEWS),
                                "--store", f"{tmp}/store", "--workers", str(workers)])
        line = [x for x in res["err"].splitlines() if x.startswith("loaded")]
        res["summary"] = line[-1] if line else res["err"][-300:]
        res.pop("err")
        out[f"workers={workers}"] = res
        log(f"build+load 22,708 articles, {workers} worker(s): {res['s']:.1f} s, peak RSS {res['rss_mb']:.0f} MB "
            f"— {res['summary']}")
    return out


# ---------------------------------------------------------------------------
# store: load rate and query latency at 1 M and 10 M, rdflib at 1 M

def base_scaler(args) -> Scaler:
    global _SCALER
    if _SCALER is None:
        t0 = time.perf_counter()
        lines, summary = build_lines([PARTY_NEWS, SEEDS], workers=max(args.workers))
        log(f"base graph: {len(lines)} triples from {summary.articles} articles in {time.perf_counter() - t0:.1f} s")
        _SCALER = Scaler(lines)
    return _SCALER


_SCALER = None


def pick_params(backend) -> dict:
    """Parameter values, taken from the data, for which each query has a real, non-empty answer.

    The typical use of each query: a provincial unit, a real congress with
    its elected committee, a real co-tenure, a person with a career of
    several offices (the median such name, not the busiest), a province.
    """
    pre = ("PREFIX org: <http://www.w3.org/ns/org#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
           "PREFIX pg: <https://w3id.org/partygraph/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
           "PREFIX pgrole: <https://w3id.org/partygraph/role/> PREFIX schema: <https://schema.org/> ")

    def rows(text):
        return backend.run(pre + text).rows

    def one(text, default="none"):
        r = rows(text)
        return r[0][0].value if r else default

    # A congress whose unit has offices for the term it opened (the elected committee).
    congress = one("SELECT ?c WHERE { ?c pg:heldBy ?u ; pg:forTerm ?t . ?o org:unitOf* ?u . "
                   "?m org:organization ?o ; org:memberDuring ?t } GROUP BY ?c ORDER BY DESC(COUNT(?m)) ?c LIMIT 1")
    cunit = one(f"SELECT ?u WHERE {{ <{congress}> pg:heldBy ?u }}")
    # A provincial party organisation with many offices (the typical office-holders question).
    unit = one("SELECT ?u WHERE { ?u a pg:PartyOrganization ; pg:level pg:ProvincialLevel . ?o org:unitOf* ?u . "
               "?m org:organization ?o } GROUP BY ?u ORDER BY DESC(COUNT(?m)) ?u LIMIT 1")
    province = one(f"SELECT ?p WHERE {{ <{unit}> pg:province ?p }}")
    # A post with a succession: a unit and role held in two terms by different names.
    post = rows("SELECT ?u ?rl WHERE { ?m1 org:organization ?u ; org:role ?r ; org:memberDuring ?t1 ; org:member/foaf:name ?n1 . "
                "?m2 org:organization ?u ; org:role ?r ; org:memberDuring ?t2 ; org:member/foaf:name ?n2 . "
                "?t1 pg:startYear ?s1 . ?t2 pg:startYear ?s2 . FILTER(?s1 < ?s2 && STR(?n1) != STR(?n2)) "
                "?r skos:prefLabel ?rl FILTER(lang(?rl) = 'vi') } LIMIT 1")
    # A person whose name has several offices: the median of such names by office count.
    names = rows("SELECT ?n (COUNT(?m) AS ?k) WHERE { ?m org:member/foaf:name ?n } GROUP BY ?n "
                 "HAVING (COUNT(?m) >= 3) ORDER BY ?k ?n")
    name = names[len(names) // 2][0].value if names else "none"
    prov_u = one(f"SELECT ?u WHERE {{ ?u a pg:PartyOrganization ; pg:province \"{province}\" }} LIMIT 1")
    # A provincial secretary's office reported on a known date (holder-at-date on that day).
    dated = rows("SELECT ?u ?d WHERE { ?m org:role pgrole:bi-thu ; org:organization ?u ; pg:asOf ?d . "
                 "?u pg:level pg:ProvincialLevel FILTER NOT EXISTS { ?m pg:status pg:Former } } "
                 "ORDER BY DESC(?d) ?u LIMIT 1")
    return {
        "office-holders": {"unit": unit},
        "province-leadership": {"province": province},
        "unit-subtree": {"unit": unit},
        "concurrent-offices": {},
        "congresses-of-unit": {"unit": cunit},
        "elected-at-congress": {"congress": congress},
        "person-career": {"name": name},
        "post-succession": {"unit": post[0][0].value, "role": post[0][1].value} if post else {"unit": unit, "role": "Bí thư"},
        "co-tenure": {"unit": cunit},
        "counts-by-role": {"province": province},
        "counts-by-province": {"province": province},
        "units-without-secretary": {"province": province},
        "facts-with-sources": {"person": name},
        "change-events": {},
        "holder-at-date": ({"unit": dated[0][0].value, "role": PGROLE + "bi-thu", "date": dated[0][1].value}
                           if dated else None),
        "search-units": {"text": "khối"},
        # Queries added by others are benchmarked with their documented example.
        "_unit_in_province": {"unit": prov_u},
    }


def example_params(qf) -> list:
    import shlex

    toks = shlex.split(qf.examples[0]) if qf.examples else []
    return [(toks[i + 1], toks[i + 2]) for i, t in enumerate(toks) if t == "-p"]


#: Queries also timed without their scoping parameter (the national aggregate).
NATIONAL = ("counts-by-role", "counts-by-province", "units-without-secretary")


def query_texts(backend) -> list[tuple[str, str, dict]]:
    """(label, bound text, params) for every library query, plus the national aggregates."""
    from partygraph import sparql as q

    params = pick_params(backend)
    out = []
    for qf in q.list_queries():
        p = params.get(qf.name)
        if p is None:
            p = dict(example_params(qf))
        out.append((qf.name, q.prepare(qf, p), p))
        if qf.name in NATIONAL:
            out.append((f"{qf.name} (national)", q.prepare(qf, {}), {}))
    return out


def p50(fn, repeat: int) -> tuple[float, int]:
    """Median seconds over `repeat` runs after one warm-up; and the row count."""
    n = len(fn().rows)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), n


_RDFLIB = None


def _rdflib_child(texts, repeat, budget, conn):
    from partygraph import sparql as q

    backend = q.RdflibBackend(_RDFLIB)
    for label, text in texts:
        t0 = time.perf_counter()
        n = len(backend.run(text).rows)
        first = time.perf_counter() - t0
        # Slow queries are timed once (their p50 is their only run).
        times = [first] + [0.0] * 0
        if first * repeat < budget:
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                backend.run(text)
                times.append(time.perf_counter() - t0)
        conn.send((label, statistics.median(times), n))
    conn.send(None)


def rdflib_times(nt: bytes, texts, repeat: int, timeout: float) -> tuple[dict, float]:
    """Per-query p50 on rdflib's in-memory graph (a forked child; `timeout` s per query)."""
    global _RDFLIB
    import rdflib

    t0 = time.perf_counter()
    g = rdflib.Graph()
    g.parse(data=nt, format="nt")
    load_s = time.perf_counter() - t0
    log(f"rdflib: parsed {len(g)} triples in {load_s:.1f} s")
    _RDFLIB = g
    out = {}
    pending = list(texts)
    while pending:
        ctx = mp.get_context("fork")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_rdflib_child, args=(pending, repeat, timeout, child))
        proc.start()
        while True:
            if not parent.poll(timeout * 1.5 + 5):
                label = pending[0][0]
                out[label] = None  # over the time limit
                log(f"rdflib {label}: over {timeout:.0f} s")
                pending = pending[1:]
                break
            msg = parent.recv()
            if msg is None:
                pending = []
                break
            label, secs, n = msg
            out[label] = (secs, n)
            log(f"rdflib {label}: {secs * 1000:.0f} ms, {n} rows")
            pending = [p for p in pending if p[0] != label]
        proc.kill()
        proc.join()
    _RDFLIB = None
    del g
    return out, load_s


def run_queries(store, repeat: int) -> tuple[list, dict]:
    from partygraph import sparql as q

    backend = q.EmbeddedBackend(store)
    texts = query_texts(backend)
    rows = []
    for label, text, params in texts:
        secs, n = p50(lambda: backend.run(text), repeat)
        rows.append({"query": label, "params": params, "rows": n, "oxigraph_ms": secs * 1000})
    return rows, {label: text for label, text, _ in texts}


def section_store(args) -> dict:
    """Load rate and query p50 at 1 M and 10 M triples; rdflib at 1 M."""
    import pyoxigraph as ox

    from partygraph.store import views

    sc = base_scaler(args)
    out = {"base_triples": sc.base, "renamed_per_copy": sc.per_copy, "sizes": {}}
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        store = ox.Store(f"{tmp}/db")
        loaded = 0
        for target in args.sizes:
            copies = sc.copies_for(target)
            secs = bulk_load(store, sc, copies, start=loaded)
            t0 = time.perf_counter()
            store.optimize()
            opt = time.perf_counter() - t0
            n_new = sc.triples(copies) - sc.triples(loaded) if loaded else sc.triples(copies)
            loaded = copies
            # The holdings view, as `partygraph load` refreshes it after a load.
            t0 = time.perf_counter()
            view = views.refresh_store(store)
            view_s = time.perf_counter() - t0
            log(f"store: {len(store)} quads ({copies} copies); +{n_new} in {secs:.1f} s "
                f"({n_new / secs:,.0f} triples/s), optimize {opt:.1f} s, holdings view {view} triples in {view_s:.1f} s")
            rows, texts = run_queries(store, args.repeat)
            size = {"copies": copies, "triples": sc.triples(copies), "load_s": secs, "loaded_triples": n_new,
                    "load_rate": n_new / secs, "optimize_s": opt, "view_triples": view, "view_s": view_s,
                    "queries": rows}
            for r in rows:
                log(f"  {r['query']:36} {r['rows']:6} rows {r['oxigraph_ms']:9.1f} ms")
            if target == args.sizes[0] and not args.no_rdflib:
                # rdflib gets the same triples: the scaled graph and its holdings view.
                holdings = ox.NamedNode(views.HOLDINGS_GRAPH)
                nt = sc.ntriples(copies) + "".join(
                    f"{q.subject} {q.predicate} {q.object} .\n"
                    for q in store.quads_for_pattern(None, None, None, holdings)).encode("utf-8")
                rd, rd_load = rdflib_times(nt, list(texts.items()), args.rdflib_repeat, args.rdflib_timeout)
                size["rdflib_load_s"] = rd_load
                for r in rows:
                    got = rd.get(r["query"])
                    r["rdflib_ms"] = got[0] * 1000 if got else None
                    r["rdflib_rows"] = got[1] if got else None
                    r["ratio"] = got[0] * 1000 / r["oxigraph_ms"] if got else None
            out["sizes"][str(target)] = size
    return out


def section_scaling(args) -> dict:
    """Build time vs number of articles (1/8, 1/2 of the 22,708; all = the build section).

    The store side of the curve (load time and query p50 at 1, 2, 5, 10 M
    triples) comes from the store section, which loads the sizes one after
    the other into the same store.
    """
    out = {"build": []}
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        allf = Path(tmp) / "all.jsonl"
        with open(allf, "w", encoding="utf-8") as dst:
            for src in (PARTY_NEWS, GENERAL_NEWS):
                with gzip.open(src, "rt", encoding="utf-8") as fh:
                    shutil.copyfileobj(fh, dst)
        lines = allf.read_text(encoding="utf-8").splitlines(keepends=True)
        # Shuffled with a fixed seed so each part mixes party and general news as the whole does.
        random.Random(6).shuffle(lines)
        for frac in (8, 2):
            part = Path(tmp) / f"part{frac}.jsonl"
            part.write_text("".join(lines[: len(lines) // frac]), encoding="utf-8")
            res = _timed_child([PARTYGRAPH, "build", str(part), "--output", f"{tmp}/g.nt",
                                "--workers", str(max(args.workers))])
            line = [x for x in res["err"].splitlines() if x.startswith("built")]
            out["build"].append({"articles": len(lines) // frac, "seconds": res["s"], "rss_mb": res["rss_mb"],
                                 "summary": line[-1] if line else res["err"][-300:]})
            log(f"scaling build {len(lines) // frac} articles: {res['s']:.1f} s, RSS {res['rss_mb']:.0f} MB")
    return out


def section_general(args) -> dict:
    """Offices per 1,000 general-news articles and a sample of 20 to judge."""
    from partygraph.extract import extract

    pairs = _GENERAL or [(a, extract(a).offices) for a in _articles(GENERAL_NEWS)]
    arts = [a for a, _ in pairs]
    found = []
    for a, offices in pairs:
        for o in offices:
            found.append({"article": a.id, "person": o.person,
                          "role": o.role.vi, "org": o.org.label, "status": o.status,
                          "sentence": o.evidence.text.strip()[:400]})
    rng = random.Random(6)
    sample = rng.sample(found, min(20, len(found)))
    per_article = len({f["article"] for f in found})
    return {"articles": len(arts), "offices": len(found), "offices_per_1000": 1000 * len(found) / len(arts),
            "articles_with_offices": per_article, "sample": sample}


# ---------------------------------------------------------------------------

SECTIONS = {"extraction": section_extraction, "build": section_build, "store": section_store,
            "scaling": section_scaling, "general": section_general}


def table(res: dict) -> str:
    """The results as plain-text tables."""
    out = []
    if "extraction" in res:
        out.append("## Extraction (one process)\n")
        out.append(f"{'file':28} {'articles':>8} {'MB':>6} {'s':>7} {'art/s':>7} {'MB/s':>6} | "
                   f"{'sample':>6} {'ours s':>7} {'underthesea':>22} {'s':>8} {'ratio':>6}")
        for name, r in res["extraction"].items():
            s = r["sample"]
            tool = (s.get("tool") or "unavailable").replace("underthesea.", "")
            ut = f"{s['seconds']:8.1f}" if s.get("seconds") else f"{'-':>8}"
            ratio = f"{s['ratio']:6.0f}" if s.get("ratio") else f"{'-':>6}"
            out.append(f"{name:28} {r['articles']:8} {r['mb']:6.1f} {r['seconds']:7.1f} {r['articles_per_s']:7.0f} "
                       f"{r['mb_per_s']:6.2f} | {s['articles']:6} {s['partygraph_s']:7.2f} {tool:>22} {ut} {ratio}")
        out.append("")
    if "build" in res:
        out.append("## Whole corpus: `partygraph load` of both files (build + load, 22,708 articles)\n")
        for k, r in res["build"].items():
            out.append(f"{k:10} {r['s']:7.1f} s  peak RSS {r['rss_mb']:6.0f} MB  cpu {r['cpu_s']:6.1f} s  {r['summary']}")
        out.append("")
    if "store" in res:
        sizes = res["store"]["sizes"]
        keys = list(sizes)
        out.append("## Store: bulk load and query p50 (ms)\n")
        for k in keys:
            s = sizes[k]
            out.append(f"{s['triples']:>11,} triples: loaded {s['loaded_triples']:,} in {s['load_s']:.1f} s "
                       f"({s['load_rate']:,.0f} triples/s)"
                       + (f"; holdings view {s['view_triples']:,} triples in {s['view_s']:.1f} s" if "view_s" in s else "")
                       + (f"; rdflib parse {s['rdflib_load_s']:.1f} s" if "rdflib_load_s" in s else ""))
        head = f"{'query':36} " + " ".join(f"{'ox ' + str(sizes[k]['triples'] // 1_000_000) + 'M':>9}" for k in keys)
        out.append("")
        out.append(head + f" {'rdflib 1M':>10} {'ratio':>7} {'rows 1M':>8}")
        first = sizes[keys[0]]["queries"]
        for i, r in enumerate(first):
            cells = " ".join(f"{sizes[k]['queries'][i]['oxigraph_ms']:9.1f}" for k in keys)
            rd = r.get("rdflib_ms")
            rd_s = f"{rd:10.0f}" if rd is not None else f"{'>' + str(int(res['args']['rdflib_timeout'])) + ' s':>10}"
            ratio = f"{r['ratio']:7.0f}" if r.get("ratio") else f"{'-':>7}"
            out.append(f"{r['query']:36} {cells} {rd_s} {ratio} {r['rows']:8}")
        out.append("")
    if "scaling" in res:
        out.append("## Scaling (build: `partygraph build`, 2 workers; store: see the load lines above)\n")
        for r in res["scaling"]["build"]:
            out.append(f"build {r['articles']:6} articles: {r['seconds']:6.1f} s, RSS {r['rss_mb']:.0f} MB")
        if "build" in res:
            for k, r in res["build"].items():
                out.append(f"load  22708 articles ({k}): {r['s']:6.1f} s, RSS {r['rss_mb']:.0f} MB")
        out.append("")
    if "general" in res:
        g = res["general"]
        out.append(f"## General news: {g['offices']} offices in {g['articles']} articles = "
                   f"{g['offices_per_1000']:.1f} per 1,000 articles ({g['articles_with_offices']} articles)\n")
        for s in g["sample"]:
            out.append(f"- {s['person']} — {s['role']} — {s['org']} [{s['status']}]\n    «{s['sentence']}»")
        out.append("")
    return "\n".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", action="append", choices=list(SECTIONS), help="run only this section (repeatable)")
    ap.add_argument("--ner-sample", type=int, default=200)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 2_000_000, 5_000_000, 10_000_000])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rdflib-repeat", type=int, default=3)
    ap.add_argument("--rdflib-timeout", type=float, default=20.0)
    ap.add_argument("--no-rdflib", action="store_true")
    ap.add_argument("--tmp", default=None, help="folder for the temporary stores")
    args = ap.parse_args(argv)
    res = {"args": vars(args), "python": platform.python_version(), "machine": platform.machine(),
           "cpus": os.cpu_count(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    try:
        import pyoxigraph

        res["pyoxigraph"] = getattr(pyoxigraph, "__version__", "?")
    except ImportError:
        pass
    t0 = time.perf_counter()
    for name in args.only or list(SECTIONS):
        log(f"section {name}")
        s0 = time.perf_counter()
        res[name] = SECTIONS[name](args)
        res.setdefault("section_seconds", {})[name] = time.perf_counter() - s0
    res["seconds"] = time.perf_counter() - t0
    print(table(res))
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"run-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(res, ensure_ascii=False, indent=1, default=str))
    print(f"wrote {path} ({res['seconds']:.0f} s)")


if __name__ == "__main__":
    main()
