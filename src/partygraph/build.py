"""The `build` job: read → normalise → extract → map to RDF → write one graph file.

Articles are extracted by worker processes and their triples streamed to
the output as N-Triples lines, in input order, so memory stays flat as the
corpus grows and the output does not depend on the number of workers.
Triples about shared nodes (organisations, congresses, terms, roles) are
written once; every other triple belongs to one article and is unique to it.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib.plugins.serializers.nt import _nt_row

from partygraph.atomic import atomic_write
from partygraph.errors import InputError, PartygraphError, unexpected
from partygraph.extract import extract
from partygraph.lexicon import lexicon
from partygraph.rdfmap import PGID, PREFIXES, new_graph, role_scheme, triples
from partygraph.read import Article, expand_paths, read_inputs

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".nq": "nquads",
           ".trig": "trig", ".rdf": "xml", ".xml": "xml"}
# Subjects shared between articles; all other subjects are minted per article.
SHARED = tuple(f"<{PGID}{kind}/" for kind in ("org", "congress", "term", "year")) + ("<https://w3id.org/partygraph/role/",)


@dataclass
class Summary:
    """Counts of one build, for the summary line."""

    articles: int = 0
    failed: int = 0
    people: int = 0
    offices: int = 0
    congresses: int = 0
    changes: int = 0
    triples: int = 0
    seconds: float = 0.0
    workers: int = 1
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        text = (f"built {self.articles} articles: {self.people} people, {self.offices} offices, "
                f"{self.congresses} congresses, {self.changes} changes, {self.triples} triples "
                f"in {self.seconds:.1f} s ({rate:.0f} articles/s)")
        if self.failed:
            text += f"; {self.failed} input(s) could not be read"
        return text


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What a worker sends back for one article: counts and N-Triples lines, or an error."""

    source: str
    counts: tuple[int, int, int, int] = (0, 0, 0, 0)
    lines: tuple[str, ...] = ()
    error: str | None = None
    trace: str | None = None


def format_for(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise PartygraphError(f"{path}: unknown output format '{suffix}' (use .ttl, .nt or .jsonld)")
    return FORMATS[suffix]


def article_lines(article: Article) -> ArticleResult:
    """Extract one article and map it to N-Triples lines (run in a worker process)."""
    try:
        x = extract(article)
        lines = dict.fromkeys(_nt_row(t) for t in triples(x))  # ordered, without repeats
        # A line the writer could not take would lose the whole output, not this article only.
        deque(ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES), maxlen=0)
        counts = (len(x.persons), len(x.offices), len(x.congresses), len(x.changes))
        return ArticleResult(article.source, counts, tuple(lines))
    except Exception as exc:  # one article's failure must not lose the others
        err = unexpected(article.source, exc, "extraction")
        return ArticleResult(article.source, error=err.problem, trace=err.trace)


def _failed(summary: Summary, message: str, trace: str | None, report, debug: bool) -> None:
    """Count and report one input (or article) that could not be built."""
    summary.failed += 1
    summary.errors.append(message)
    if debug and trace:
        print(trace, file=sys.stderr)
    if report:
        report(message)


def iter_articles(inputs: Iterable[str | Path], province: str | None, summary: Summary,
                  report=None, debug: bool = False) -> Iterator[Article]:
    """Articles under `inputs`; unreadable ones are counted and reported, not raised."""
    for item in read_inputs(inputs):
        if isinstance(item, InputError):
            _failed(summary, str(item), item.trace, report, debug)
            continue
        if province and not item.province:
            item = dataclasses.replace(item, province=province)
        yield item


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def iter_results(articles: Iterable[Article], workers: int) -> Iterator[ArticleResult]:
    """Results in input order, from `workers` processes (or this one)."""
    if workers <= 1:
        yield from map(article_lines, articles)
        return
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(workers) as pool:
        yield from pool.imap(article_lines, articles, chunksize=4)


def iter_lines(inputs: Iterable[str | Path], summary: Summary, province: str | None = None, report=None,
               progress: bool = False, debug: bool = False, workers: int = 1) -> Iterator[str]:
    """N-Triples lines of the graph of `inputs`, each once, role scheme first."""
    started = time.perf_counter()
    summary.workers = workers
    shared: set[str] = set()
    pref_labels: set[str] = set()
    dated: dict[str, str] = {}
    for t in sorted(role_scheme()):
        line = _nt_row(t)
        shared.add(line)
        summary.triples += 1
        yield line
    lexicon()  # checked once, here, not in every worker for every article
    articles = iter_articles(inputs, province, summary, report, debug)
    results = iter_results(articles, workers)
    if progress:
        from tqdm import tqdm

        results = tqdm(results, unit="article", file=sys.stderr)
    for res in results:
        if res.error:
            _failed(summary, f"{res.source}: {res.error}", res.trace, report, debug)
            continue
        summary.articles += 1
        people, offices, congresses, changes = res.counts
        summary.people += people
        summary.offices += offices
        summary.congresses += congresses
        summary.changes += changes
        for line in res.lines:
            if line.startswith(SHARED):
                if line in shared:
                    continue
                shared.add(line)
                if PREF_LABEL in line:
                    line = _one_pref_label(line, pref_labels)
                elif DATES[0] in line or DATES[1] in line:
                    # a congress keeps the dates of the first article that gives them
                    subject = line.split(" ", 1)[0]
                    if dated.get(subject, res.source) != res.source:
                        continue
                    dated[subject] = res.source
            summary.triples += 1
            yield line
    summary.seconds = time.perf_counter() - started


PREF_LABEL = " <http://www.w3.org/2004/02/skos/core#prefLabel> "
ALT_LABEL = " <http://www.w3.org/2004/02/skos/core#altLabel> "
DATES = (" <https://schema.org/startDate> ", " <https://schema.org/endDate> ")


def _one_pref_label(line: str, labelled: set[str]) -> str:
    """Keep the first prefLabel a shared node gets; later spellings become altLabels (SKOS allows one)."""
    subject = line.split(" ", 1)[0]
    if subject in labelled:
        return line.replace(PREF_LABEL, ALT_LABEL, 1)
    labelled.add(subject)
    return line


def write_graph(lines: Iterable[str], output: str | Path) -> None:
    """Write N-Triples `lines` to `output` in the format its extension names, atomically."""
    fmt = format_for(output)
    try:
        _write(lines, output, fmt)
    except OSError as exc:
        raise PartygraphError(f"{output}: cannot write ({exc.strerror or exc})") from None


def _write(lines: Iterable[str], output: str | Path, fmt: str) -> None:
    with atomic_write(output, "wb") as fh:
        if fmt == "nt":
            buf = []
            for line in lines:
                buf.append(line)
                if len(buf) >= 10_000:
                    fh.write("".join(buf).encode("utf-8"))
                    buf.clear()
            fh.write("".join(buf).encode("utf-8"))
        elif fmt == "turtle":
            def parsed():
                chunk = []
                for line in lines:
                    chunk.append(line)
                    if len(chunk) >= 10_000:
                        yield from ox.parse("".join(chunk).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
                        chunk.clear()
                yield from ox.parse("".join(chunk).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)

            ox.serialize(parsed(), fh, ox.RdfFormat.TURTLE, prefixes={k: str(v) for k, v in PREFIXES.items()})
        else:
            g = new_graph()
            g.parse(data="".join(lines), format="nt")
            g.serialize(destination=fh, format=fmt, encoding="utf-8")


def build_files(inputs, output, province: str | None = None, progress: bool | None = None,
                debug: bool = False, workers: int | None = None) -> Summary:
    """The `partygraph build` command: build `inputs` into the graph file `output`."""
    format_for(output)  # fail before the work on a bad extension
    many = sum(1 for _ in expand_paths(inputs)) > 20 or any(str(p).endswith((".jsonl", ".gz")) for p in inputs)
    if progress is None:
        progress = sys.stderr.isatty() and many
    if workers is None:
        workers = default_workers() if many else 1
    summary = Summary()
    report = lambda msg: print(f"partygraph: {msg}", file=sys.stderr)  # noqa: E731

    def checked(lines):
        yield from lines
        if summary.failed and not summary.articles:
            raise _NothingBuilt  # aborts the atomic write: `output` keeps what it held

    try:
        write_graph(checked(iter_lines(inputs, summary, province, report, progress, debug, workers)), output)
    except _NothingBuilt:
        report(f"nothing could be built; {output} " + ("left as it was" if Path(output).exists() else "not written"))
    return summary


class _NothingBuilt(Exception):
    """Every input failed; raised inside the write so a good old graph is not replaced by an empty one."""
