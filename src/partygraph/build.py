"""The `build` job: read → normalise → extract → map to RDF → write one graph file."""

from __future__ import annotations

import dataclasses
import sys
import time
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from partygraph.atomic import atomic_write
from partygraph.errors import InputError, PartygraphError
from partygraph.extract.facts import extract
from partygraph.rdfmap import new_graph, role_scheme, triples
from partygraph.read import Article, expand_paths, read_inputs

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".nq": "nquads",
           ".trig": "trig", ".rdf": "xml", ".xml": "xml"}


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
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        text = (f"built {self.articles} articles: {self.people} people, {self.offices} offices, "
                f"{self.congresses} congresses, {self.changes} changes, {self.triples} triples "
                f"in {self.seconds:.1f} s ({rate:.0f} articles/s)")
        if self.failed:
            text += f"; {self.failed} input(s) could not be read"
        return text


def format_for(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise PartygraphError(f"{path}: unknown output format '{suffix}' (use .ttl, .nt or .jsonld)")
    return FORMATS[suffix]


def article_triples(article: Article):
    """Extraction and triples of one article."""
    x = extract(article)
    return x, list(triples(x))


def iter_articles(inputs: Iterable[str | Path], province: str | None, summary: Summary,
                  report=None) -> Iterator[Article]:
    """Articles under `inputs`; unreadable ones are counted and reported, not raised."""
    for item in read_inputs(inputs):
        if isinstance(item, InputError):
            summary.failed += 1
            summary.errors.append(str(item))
            if report:
                report(str(item))
            continue
        if province and not item.province:
            item = dataclasses.replace(item, province=province)
        yield item


def build_graph_for_inputs(inputs: Iterable[str | Path], province: str | None = None,
                           report=None, progress: bool = False, debug: bool = False) -> tuple[Graph, Summary]:
    """Build one rdflib Graph from article files or folders, with the role scheme included."""
    summary = Summary()
    started = time.perf_counter()
    g = new_graph()
    g += role_scheme()
    articles = iter_articles(inputs, province, summary, report)
    if progress:
        from tqdm import tqdm

        articles = tqdm(articles, unit="article", file=sys.stderr)
    for article in articles:
        try:
            x, ts = article_triples(article)
        except Exception as exc:  # one article's failure must not lose the others
            summary.failed += 1
            msg = f"{article.source}: extraction failed ({exc.__class__.__name__}: {exc})"
            summary.errors.append(msg)
            if debug:
                traceback.print_exc()
            if report:
                report(msg)
            continue
        summary.articles += 1
        summary.people += len(x.persons)
        summary.offices += len(x.offices)
        summary.congresses += len(x.congresses)
        summary.changes += len(x.changes)
        for t in ts:
            g.add(t)
    summary.triples = len(g)
    summary.seconds = time.perf_counter() - started
    return g, summary


def write_graph(g: Graph, output: str | Path) -> None:
    """Serialise `g` to `output` (format by extension), atomically."""
    fmt = format_for(output)
    try:
        with atomic_write(output, "wb") as fh:
            g.serialize(destination=fh, format=fmt, encoding="utf-8")
    except OSError as exc:
        raise PartygraphError(f"{output}: cannot write ({exc.strerror or exc})") from None


def build_files(inputs, output, province: str | None = None, progress: bool | None = None,
                debug: bool = False) -> Summary:
    """The `partygraph build` command: build `inputs` into the graph file `output`."""
    format_for(output)  # fail before the work on a bad extension
    if progress is None:
        progress = sys.stderr.isatty() and sum(1 for _ in expand_paths(inputs)) > 20
    report = lambda msg: print(f"partygraph: {msg}", file=sys.stderr)  # noqa: E731
    g, summary = build_graph_for_inputs(inputs, province, report=report, progress=progress, debug=debug)
    if summary.failed and not summary.articles:
        # Every input failed: keep whatever `output` held rather than replace
        # a good graph with an empty one.
        report(f"nothing could be built; {output} left as it was")
        return summary
    write_graph(g, output)
    summary.seconds = summary.seconds
    return summary
