"""The `build` job: read → normalise → extract → map to RDF → write one graph file.

Articles are extracted by worker processes and their triples (rdflib terms)
streamed to the writer or the store one article at a time, in input order,
so memory stays flat as the corpus grows and the output does not depend on
the number of workers. Triples about shared nodes (organisations,
congresses, terms, roles) are merged by `partygraph.rdf.merge`; every other
triple belongs to one article and is unique to it.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib.plugins.serializers.nt import _nt_row

from partygraph.errors import InputError, PartygraphError, unexpected
from partygraph.iris import is_per_article
from partygraph.extract import extract
from partygraph.lexicon import lexicon
from partygraph.rdf.files import (STDIO, WRITABLE, Format, choose_format, format_of, open_output, serialize,
                                  to_ox_triple)
from partygraph.rdf.mapping import ArticleTriples, article_triples, new_graph, role_scheme
from partygraph.rdf.merge import SharedMerge
from partygraph.progress import counted
from partygraph.rdf.turtle import turtle_chunks
from partygraph.read import Article, count_articles, expand_paths, read_inputs


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
    """What a worker sends back for one article: counts and its triples, or an error."""

    source: str
    counts: tuple[int, int, int, int] = (0, 0, 0, 0)
    graph: ArticleTriples | None = None
    error: str | None = None
    trace: str | None = None


def format_for(path: str | Path, name: str | None = None) -> Format:
    """The format `path` is written in (`name`: `--format`; `-`, standard output, gets Turtle by
    default); raises for a format `build` cannot write."""
    if name or str(path) == STDIO:
        return choose_format(path, name, WRITABLE)
    fmt = format_of(path, WRITABLE)
    if fmt is None:
        suffix = Path(path).suffix.lower()
        raise PartygraphError(f"{path}: unknown output format '{suffix}' (use .ttl, .nt or .jsonld)")
    return fmt


def article_result(article: Article) -> ArticleResult:
    """Extract one article and map it to triples (run in a worker process)."""
    try:
        x = extract(article)
        graph = article_triples(x)
        # A triple the writers could not take (a lone surrogate, an IRI with a space) would lose the whole
        # output, not this article only: every triple must convert to Oxigraph's checked terms here.
        for t in graph.triples:
            to_ox_triple(t)
        counts = (len(x.persons), len(x.offices), len(x.congresses), len(x.changes))
        return ArticleResult(article.source, counts, graph)
    except Exception as exc:  # one article's failure must not lose the others
        err = unexpected(article.source, exc, "extraction")
        return ArticleResult(article.source, error=err.problem, trace=err.trace)


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
        yield from map(article_result, articles)
        return
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(workers) as pool:
        yield from pool.imap(article_result, articles, chunksize=4)


def iter_graph(inputs: Iterable[str | Path], summary: Summary, province: str | None = None, report=None,
               progress: bool | str = False, debug: bool = False, workers: int = 1) -> Iterator[ArticleTriples]:
    """The graph of `inputs`, an article at a time (merged: see `rdf.merge`), the role scheme first."""
    started = time.perf_counter()
    summary.workers = workers
    merge = SharedMerge()
    scheme = tuple(sorted(role_scheme()))
    merge.seen.update(scheme)
    summary.triples += len(scheme)
    yield ArticleTriples(None, scheme)
    lexicon()  # checked once, here, not in every worker for every article
    for res in _results(inputs, summary, province, report, progress, workers, debug):
        if res.error:
            _failed(summary, f"{res.source}: {res.error}", res.trace, report, debug)
            continue
        _count(res, summary)
        kept = (merge.admit(t, res.source) for t in res.graph.triples)
        graph = ArticleTriples(res.graph.article, tuple(t for t in kept if t is not None))
        summary.triples += len(graph.triples)
        yield graph
    summary.seconds = time.perf_counter() - started


def _results(inputs, summary: Summary, province, report, progress: bool | str, workers: int,
             debug: bool) -> Iterator[ArticleResult]:
    """Each article's result; counted on stderr when `progress` is set (a string names the verb)."""
    inputs = list(inputs)
    results = iter_results(iter_articles(inputs, province, summary, report, debug), workers)
    if not progress:
        return results
    verb = progress if isinstance(progress, str) else "built"
    return counted(results, verb, "articles", total=count_articles(inputs))


def _failed(summary: Summary, message: str, trace: str | None, report, debug: bool) -> None:
    """Count and report one input (or article) that could not be built."""
    summary.failed += 1
    summary.errors.append(message)
    if debug and trace:
        print(trace, file=sys.stderr)
    if report:
        report(message)


def _count(res: ArticleResult, summary: Summary) -> None:
    summary.articles += 1
    people, offices, congresses, changes = res.counts
    summary.people += people
    summary.offices += offices
    summary.congresses += congresses
    summary.changes += changes


def iter_lines(inputs: Iterable[str | Path], summary: Summary, **options) -> Iterator[str]:
    """N-Triples lines of the graph of `inputs` (`iter_graph`'s triples, formatted)."""
    return nt_lines(iter_graph(inputs, summary, **options))


def nt_lines(graphs: Iterable[ArticleTriples]) -> Iterator[str]:
    """N-Triples lines of the triples of `graphs`, in order."""
    for graph in graphs:
        for t in graph.triples:
            yield _nt_row(t)


def triples_of(graphs: Iterable[ArticleTriples]):
    """The triples of `graphs`, in order."""
    for graph in graphs:
        yield from graph.triples


def write_graph(graphs: Iterable[ArticleTriples], output: str | Path, fmt_name: str | None = None) -> None:
    """Write the triples of `graphs` to `output` (`-`: standard output) in the format `fmt_name` or its
    extension names, atomically."""
    fmt = format_for(output, fmt_name)
    try:
        _write(graphs, output, fmt)
    except OSError as exc:
        raise PartygraphError(f"{output}: cannot write ({exc.strerror or exc})") from None


def _write(graphs: Iterable[ArticleTriples], output: str | Path, fmt: Format) -> None:
    with open_output(output, "wb") as fh:
        if fmt.rdflib == "nt":
            buf = []
            for line in nt_lines(graphs):
                buf.append(line)
                if len(buf) >= 10_000:
                    fh.write("".join(buf).encode("utf-8"))
                    buf.clear()
            fh.write("".join(buf).encode("utf-8"))
        elif fmt.rdflib == "turtle":  # an article's own nodes as it comes, the shared ones at the end
            chunks = ([to_ox_triple(t) for t in graph.triples] for graph in graphs)
            for text in turtle_chunks(chunks, held=lambda s: not is_per_article(s.value)):
                fh.write(text.encode("utf-8"))
        elif fmt.rdflib in ("trig", "nquads"):  # all in the default graph
            serialize((ox.Quad(*to_ox_triple(t), ox.DefaultGraph()) for t in triples_of(graphs)), fmt, fh)
        else:
            g = new_graph()
            for t in triples_of(graphs):
                g.add(t)
            g.serialize(destination=fh, format=fmt.rdflib, encoding="utf-8")


def build_files(inputs, output, province: str | None = None, progress: bool | None = None,
                debug: bool = False, workers: int | None = None, fmt: str | None = None) -> Summary:
    """The `partygraph build` command: build `inputs` into the graph file `output` (`-`: standard output)."""
    format_for(output, fmt)  # fail before the work on a bad extension
    many = sum(1 for _ in expand_paths(inputs)) > 20 or any(str(p).endswith((".jsonl", ".gz")) for p in inputs)
    if progress is None:
        progress = sys.stderr.isatty() and many
    if workers is None:
        workers = default_workers() if many else 1
    summary = Summary()
    report = lambda msg: print(f"partygraph: {msg}", file=sys.stderr)  # noqa: E731

    def checked(graphs):
        yield from graphs
        if summary.failed and not summary.articles:
            raise _NothingBuilt  # aborts the atomic write: `output` keeps what it held

    try:
        write_graph(checked(iter_graph(inputs, summary, province, report, progress, debug, workers)), output, fmt)
    except _NothingBuilt:
        report(f"nothing could be built; {output} " + ("left as it was" if Path(output).exists() else "not written"))
    return summary


class _NothingBuilt(Exception):
    """Every input failed; raised inside the write so a good old graph is not replaced by an empty one."""
