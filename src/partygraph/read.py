"""Read articles from .txt, .html, .jsonl and .jsonl.gz files or folders of them.

`read_inputs(paths)` yields `Article` records and, for what cannot be read,
`InputError`s (one per file, or per bad line of a JSONL file), so one bad
file never stops the others from being built.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from partygraph.errors import InputError, unexpected

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

#: The input name that means standard input (one text, or JSONL records).
STDIN = "-"

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
        if str(p) == STDIN:
            yield p
        elif p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and _suffix(child) in SUFFIXES and not child.name.startswith("."):
                    yield child
        elif p.is_file():
            yield p
        elif not p.exists():
            yield InputError(p, "no such file or folder")
        else:
            yield InputError(p, "not a regular file")


#: Largest single article (a .txt or .html file, or the text of one JSONL
#: record). The biggest of the 25,000 corpus articles is 72 kB; anything past
#: this is a dump or a mistake, and reading it whole would take minutes.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024

# Encodings a non-UTF-8 file may be read in when detection names them:
# Vietnamese Windows text (cp1258) and UTF-16 without a byte-order mark.
_DETECTABLE = {"cp1258": "cp1258", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}
_TONE_BYTES = b"\xcc\xec\xd2\xde\xf2"  # cp1258's five combining tone marks
_VOWELS = set("aeiouyAEIOUY\u00e2\u00ea\u00f4\u0103\u01a1\u01b0\u00c2\u00ca\u00d4\u0102\u01a0\u01af")


def _looks_cp1258(text: str) -> bool:
    """True when `text` (decoded as cp1258) is Vietnamese with decomposed tone marks.

    In real cp1258 Vietnamese every tone mark follows a vowel; text in
    other 8-bit encodings decoded as cp1258 puts them after consonants.
    Used for short texts, where charset-normalizer is unsure (measured: 77%
    right at 40 characters, 100% from 150).
    """
    tones = [i for i, c in enumerate(text) if c in "\u0300\u0301\u0303\u0309\u0323"]
    return len(tones) >= 2 and all(i > 0 and text[i - 1] in _VOWELS for i in tones)


def _plausible_utf16(text: str) -> bool:
    """True when BOM-less UTF-16 decodes to text in Latin script (Vietnamese included).

    Any even number of bytes decodes as UTF-16, mostly to CJK ideographs;
    without a BOM only Latin-script text is taken as UTF-16, and nothing
    with control characters.
    """
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text):
        return False
    latin = sum(c < "\u0250" or "\u1e00" <= c <= "\u1eff" or "\u0300" <= c <= "\u036f" for c in text)
    return latin >= 0.8 * len(text)


def _detect(data: bytes) -> tuple[str | None, str | None]:
    """(codec to read `data` with, or None; the encoding charset-normalizer guessed)."""
    from charset_normalizer import from_bytes

    sample = data[:256 * 1024]
    if len(sample) < len(data) and sample[-1:] and len(sample) % 2:  # keep UTF-16 pairs whole
        sample = sample[:-1]
    best = from_bytes(sample).best()
    guess = best.encoding if best else None
    if guess in _DETECTABLE:
        return _DETECTABLE[guess], guess
    if any(b in data for b in _TONE_BYTES):
        try:
            if _looks_cp1258(data[:64 * 1024].decode("cp1258")):
                return "cp1258", "cp1258"
        except UnicodeDecodeError:
            pass
    return None, guess


def decode(data: bytes, path: Path, line: int | None = None) -> str:
    """Decode an article's bytes; raise InputError naming the problem.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are read as they
    are; otherwise the encoding is detected, and Windows-1258 and BOM-less
    UTF-16 are read (measured on 300 corpus articles each: all detected,
    and no UTF-8 file with a broken byte was taken for another encoding).
    Anything else is an error that says what the file looks like.
    """
    if not data.strip():
        raise InputError(path, "empty file", line)
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _clean(data.decode(codec), path, line)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"broken {codec.upper()} at byte {exc.start}", line) from None
    nul = b"\x00" in data[:4096]
    error = None
    if not nul:
        try:
            return _clean(data.decode("utf-8-sig"), path, line)
        except UnicodeDecodeError as exc:
            error = exc
    codec, guess = _detect(data)
    if codec:
        try:
            text = data.decode(codec)
            if not codec.startswith("utf-16") or _plausible_utf16(text):
                return _clean(text, path, line)
        except UnicodeDecodeError:
            pass
    if nul:
        raise InputError(path, "binary file (contains NUL bytes), not text", line)
    if guess is None and sum(b < 9 or 13 < b < 32 for b in data[:4096]) > 8:
        raise InputError(path, "binary file, not text", line)
    # charset-normalizer cannot tell the Latin code pages apart (it calls French
    # Latin-1 "cp1257"), so its guess is offered as a guess only.
    hint = f"; perhaps a legacy encoding ({guess}?): convert it to UTF-8" if guess and guess != "utf_8" else ""
    raise InputError(path, f"not UTF-8 (undecodable byte at offset {error.start}){hint}", line)


def _clean(text: str, path: Path, line: int | None = None) -> str:
    # NUL is a C string's end in many tools downstream; text never needs it.
    if "\x00" in text:
        raise InputError(path, "binary file (text contains NUL characters)", line)
    if not text.strip():
        raise InputError(path, "empty file", line)
    return text


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(path, f"file too large for one article ({size / 1e6:.0f} MB, limit "
                               f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB); split it, or give one article per JSONL line")


def read_text(path: Path) -> Article:
    """One plain-text article (see `decode` for the encodings read)."""
    _check_size(path)
    text = decode(path.read_bytes(), path)
    return Article(id=article_id(path.stem), text=text, source=str(path))


def read_html(path: Path) -> Article:
    """Main text and metadata of a web page, menus and comment lists dropped (trafilatura)."""
    import trafilatura

    _check_size(path)
    html = decode(path.read_bytes(), path)
    try:
        doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                          with_metadata=True, favor_precision=True, as_dict=True)
    except Exception as exc:  # trafilatura/lxml raise many types on odd markup
        raise InputError(path, f"cannot parse the HTML ({exc.__class__.__name__})") from None
    text = (doc or {}).get("text") or ""
    # A menu or a lone link ("Home") is what trafilatura returns for a page
    # without an article; no real article has fewer than 25 letters.
    if sum(c.isalpha() for c in text) < 25:
        raise InputError(path, "no article text found in the HTML page")
    title = doc.get("title")
    body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
    return Article(id=article_id(path.stem), text=body, source=str(path), title=title,
                   url=doc.get("url"), published=doc.get("date"), publisher=doc.get("sitename"))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _record_article(rec: object, path: Path, lineno: int) -> Article:
    if not isinstance(rec, dict):
        raise InputError(path, "line is not a JSON object", lineno)
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(path, "record has no 'text'", lineno)
    if len(text) > MAX_ARTICLE_BYTES:
        raise InputError(path, f"text too large for one article ({len(text) / 1e6:.0f} M characters)", lineno)
    for key, value in rec.items():
        # JSON may spell a lone UTF-16 surrogate ("\ud800"), which no Unicode
        # text contains and no RDF serialiser can write.
        if isinstance(value, str) and not _encodable(value):
            raise InputError(path, f"'{key}' holds an invalid \\u escape (a lone UTF-16 surrogate)", lineno)
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
            yield from _jsonl_records(fh, path)
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield InputError(path, f"cannot read ({exc.__class__.__name__}: {exc})")


def _jsonl_records(fh, path: Path) -> Iterator[Article | InputError]:
    """Articles of the JSONL lines of a binary file object (errors name `path` and the line)."""
    any_line = False
    for lineno, line in enumerate(fh, 1):
        if not line.strip():
            continue
        if not any_line and (b"\x00" in line or line.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))):
            yield InputError(path, "JSONL must be UTF-8 (this file looks like UTF-16 or binary)")
            return
        any_line = True
        if len(line) > 4 * MAX_ARTICLE_BYTES:  # JSON escapes can quadruple a text's bytes
            yield InputError(path, f"line too long for one article ({len(line) / 1e6:.0f} MB)", lineno)
            continue
        try:
            rec = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError:
            yield InputError(path, "line is not UTF-8", lineno)
            continue
        except json.JSONDecodeError as exc:
            yield InputError(path, f"malformed JSON ({exc.msg})", lineno)
            continue
        try:
            item = _record_article(rec, path, lineno)
        except InputError as err:
            item = err
        except Exception as exc:  # one record's bug must not lose the rest of the file
            item = unexpected(path, exc, "reading", lineno)
        yield item
    if not any_line:
        yield InputError(path, "empty file")


def read_stdin(data: bytes | None = None) -> Iterator[Article | InputError]:
    """Articles from standard input: JSONL records when its first line is a JSON object, else one text."""
    data = sys.stdin.buffer.read() if data is None else data
    path = Path("<stdin>")
    first = data.lstrip()[:1]
    if first == b"{":
        yield from _jsonl_records(io.BytesIO(data), path)
        return
    try:
        yield Article(id="stdin", text=decode(data, path), source=str(path))
    except InputError as err:
        yield err


def read_file(path: Path) -> Iterator[Article | InputError]:
    """Articles of one file, by its extension."""
    suffix = _suffix(path)
    try:
        if str(path) == STDIN:
            yield from read_stdin()
        elif suffix in JSONL_SUFFIXES:
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
    except MemoryError:
        yield InputError(path, "too large to read into memory")
    except Exception as exc:  # a bug or a broken install (e.g. an HTML library missing): this file only
        yield unexpected(path, exc, "reading")


def count_articles(paths: Iterable[str | Path | Article]) -> int:
    """About how many articles `read_inputs(paths)` gives: one per file, one per JSONL line.

    For progress totals: it reads the JSONL files once more (a second per
    20,000 records) and parses nothing.
    """
    paths = list(paths)
    total = sum(isinstance(p, Article) for p in paths)
    for item in expand_paths([p for p in paths if not isinstance(p, Article)]):
        if isinstance(item, InputError):
            continue
        if _suffix(item) not in JSONL_SUFFIXES:
            total += 1
            continue
        opener = gzip.open if item.name.lower().endswith(".gz") else open
        try:
            with opener(item, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        except (OSError, EOFError, zlib.error):
            pass  # read_inputs reports it
    return total


def read_inputs(paths: Iterable[str | Path | Article]) -> Iterator[Article | InputError]:
    """All articles under `paths`, with an InputError for each thing that could not be read.

    An `Article` among `paths` (a text given to the Python API) is passed through as it is.
    """
    for path in paths:
        if isinstance(path, Article):
            yield path
            continue
        for item in expand_paths([path]):
            if isinstance(item, InputError):
                yield item
            else:
                yield from read_file(item)
