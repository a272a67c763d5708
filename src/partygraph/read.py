"""Read articles from .txt, .html, .jsonl and .jsonl.gz files or folders of them.

`read_inputs(paths)` yields `Article` records and, for what cannot be read,
`InputError`s (one per file, or per bad line of a JSONL file), so one bad
file never stops the others from being built.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from partygraph.errors import InputError

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

_ID_SAFE = re.compile(r"[^0-9A-Za-z._-]+")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read: its raw text and whatever metadata came with it."""

    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    province: str | None = None
    publisher: str | None = None
    extra: dict = field(default_factory=dict, compare=False)


def article_id(raw: str) -> str:
    """A safe identifier for IRIs: keeps letters, digits, '.', '_' and '-'."""
    cleaned = _ID_SAFE.sub("-", raw.strip()).strip("-")
    return cleaned or "article"


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named, and the readable files inside folders named (recursively, sorted)."""
    for p in map(Path, paths):
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and _suffix(child) in SUFFIXES and not child.name.startswith("."):
                    yield child
        elif p.is_file():
            yield p
        elif not p.exists():
            yield InputError(p, "no such file or folder")
        else:
            yield InputError(p, "not a regular file")


def decode(data: bytes, path: Path) -> str:
    """Decode bytes as UTF-8 (with or without BOM) or BOM-marked UTF-16; else raise InputError."""
    if not data.strip():
        raise InputError(path, "empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"broken UTF-16 at byte {exc.start}") from None
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (undecodable byte at offset {exc.start})") from None


def read_text(path: Path) -> Article:
    text = decode(path.read_bytes(), path)
    return Article(id=article_id(path.stem), text=text, source=str(path))


def read_html(path: Path) -> Article:
    """Main text and metadata of a web page, menus and comment lists dropped (trafilatura)."""
    import trafilatura

    html = decode(path.read_bytes(), path)
    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                      with_metadata=True, favor_precision=True, as_dict=True)
    text = (doc or {}).get("text") or ""
    if not text.strip():
        raise InputError(path, "no article text found in the HTML page")
    title = doc.get("title")
    body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
    return Article(id=article_id(path.stem), text=body, source=str(path), title=title,
                   url=doc.get("url"), published=doc.get("date"), publisher=doc.get("sitename"))


def _record_article(rec: object, path: Path, lineno: int) -> Article:
    if not isinstance(rec, dict):
        raise InputError(path, "line is not a JSON object", lineno)
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, "record has no 'text'", lineno)
    rid = rec.get("id")
    rid = article_id(str(rid)) if rid not in (None, "") else f"{article_id(path.name)}-{lineno}"

    def opt(key):
        value = rec.get(key)
        return str(value) if value not in (None, "") else None

    return Article(id=rid, text=text, source=f"{path}:{lineno}", title=opt("title"), url=opt("url"),
                   published=opt("published") or opt("date"), province=opt("province"),
                   publisher=opt("publisher") or opt("source"))


def read_jsonl(path: Path) -> Iterator[Article | InputError]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            any_line = False
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                any_line = True
                try:
                    rec = json.loads(line.decode("utf-8"))
                except UnicodeDecodeError:
                    yield InputError(path, "line is not UTF-8", lineno)
                    continue
                except json.JSONDecodeError as exc:
                    yield InputError(path, f"malformed JSON ({exc.msg})", lineno)
                    continue
                try:
                    yield _record_article(rec, path, lineno)
                except InputError as err:
                    yield err
            if not any_line:
                yield InputError(path, "empty file")
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield InputError(path, f"cannot read ({exc.__class__.__name__}: {exc})")


def read_file(path: Path) -> Iterator[Article | InputError]:
    """Articles of one file, by its extension."""
    suffix = _suffix(path)
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path)
        elif suffix in HTML_SUFFIXES:
            yield read_html(path)
        elif suffix in TEXT_SUFFIXES or suffix == "":
            yield read_text(path)
        else:
            yield InputError(path, f"unknown file type '{suffix}' (expected .txt, .html, .jsonl or .jsonl.gz)")
    except InputError as err:
        yield err
    except OSError as exc:
        yield InputError(path, f"cannot read ({exc.strerror or exc})")


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """All articles under `paths`, with an InputError for each thing that could not be read."""
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item)
