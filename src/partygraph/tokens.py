"""Sentences and tokens of normalised text, with abbreviations expanded.

An abbreviation ("BTV", "UBND", "CQ&DN", "TP.") becomes the tokens of its
expansion, all pointing at the abbreviation's span, so the rest of the
extractor only ever sees full words and still cites the text as written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

_WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)*"
_NUMBER = r"\d+(?:[.,/\-]\d+)*"
_GENERIC = re.compile(rf"(?P<num>{_NUMBER})|(?P<word>{_WORD})|(?P<punct>\S)")
_ROMAN = re.compile(r"^[IVXLC]+$")


@dataclass(slots=True)
class Token:
    text: str
    key: str
    start: int
    end: int
    kind: str  # word | num | punct
    cap: bool  # starts with an upper-case letter
    abbr: bool = False

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    @property
    def upper(self) -> bool:
        return self.kind == "word" and len(self.text) > 1 and self.text.isupper()

    @property
    def roman(self) -> bool:
        return self.kind == "word" and bool(_ROMAN.match(self.text))


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    allcaps: bool
    keys: list[str] = None  # the tokens' keys, for trie look-ups

    def __post_init__(self):
        if self.keys is None:
            self.keys = [t.key for t in self.tokens]


def _pattern(abbreviations) -> re.Pattern:
    """The scanner for a table of abbreviations: it depends only on the written ones ("TP.", "CQ&DN"), so a
    table an article extends with plain initials ("PQ") shares the lexicon's."""
    return _scanner(tuple(sorted((a for a in abbreviations if not re.fullmatch(_WORD, a)), key=lambda a: (-len(a), a))))


@lru_cache(maxsize=8)
def _scanner(special: tuple[str, ...]) -> re.Pattern:
    """One scanner: written abbreviations with dots or '&' first, longest first, then numbers, words, marks."""
    # one that ends with its dot may be written against the next word ("TP.Phan Thiết"); others end at a word's end
    forms = [re.escape(a) if a.endswith(".") else f"{re.escape(a)}(?!\\w)" for a in special]
    # most positions cannot open one: a look-ahead on the first letters skips the alternatives there
    first = "".join(sorted({re.escape(a[0]) for a in special}))
    alternatives = f"(?P<abbr>(?<!\\w)(?=[{first}])(?:{'|'.join(forms)}))|" if special else ""
    return re.compile(alternatives + _GENERIC.pattern)


_last: list = [None, _GENERIC]  # the table tokenize was last given and its scanner (one per article at most)


def tokenize(text: str, offset: int = 0, abbreviations: dict | None = None) -> list[Token]:
    """Tokens of `text`; with `abbreviations`, expanded as described above."""
    if abbreviations:
        if _last[0] is not abbreviations:
            _last[:] = [abbreviations, _pattern(abbreviations)]
        pattern = _last[1]
    else:
        pattern, abbreviations = _GENERIC, {}
    tokens: list[Token] = []
    append = tokens.append
    for m in pattern.finditer(text):
        kind = m.lastgroup
        tok = m.group()
        if kind == "abbr" or (kind == "word" and tok in abbreviations):
            _expand(tokens, abbreviations[tok], m.start() + offset, m.end() + offset)
        elif kind == "word" and not tok.islower() and not tok[1:].islower() and (at := _glued_at(tok)):
            # "Đại PhongXuất hiện": two words the source ran together, split where the second begins
            for part, start in ((tok[:at], m.start()), (tok[at:], m.start() + at)):
                append(Token(part, part.lower(), start + offset, start + len(part) + offset, kind, part[:1].isupper()))
        else:
            append(Token(tok, tok.lower(), m.start() + offset, m.end() + offset, kind, tok[:1].isupper()))
    return tokens


def _glued_at(word: str) -> int:
    """Where a second word begins in `word`: a capital after a lower-case letter, opening a part with a
    letter beyond ASCII ("PhongXuất", "ĐàNẵng"); 0 for one word, and for a brand ("PetroVietnam", "iPhone")."""
    for i in range(1, len(word)):
        if word[i].isupper() and word[i - 1].islower():
            return i if not word[i:].isascii() else 0
    return 0


def _expand(tokens: list[Token], words: tuple[str, ...], start: int, end: int) -> None:
    for w in words:
        kind = "punct" if not re.match(r"\w", w) else "word"
        tokens.append(Token(w, w.lower(), start, end, kind, w[:1].isupper(), abbr=True))


_BREAK = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-ZÀ-ỸĐ0-9])|\n+")
_NO_BREAK_BEFORE = re.compile(r"(?:\b(?:TP|Tp|TX|TT|ThS|TS|PGS|GS|BS|KS|Th\.S|St|Mr|Ms|Q|P|H|T\.Ư)|\b[A-ZĐ])\.$")


def _allcaps(seg: str) -> bool:
    """True for a headline in capitals: at least 12 letters, 80 % of them upper case."""
    upper = sum(map(str.isupper, seg))
    if upper < 10:
        return False
    letters = sum(map(str.isalpha, seg))
    return letters >= 12 and upper >= 0.8 * letters


def sentences(text: str, abbreviations: dict | None = None) -> list[Sentence]:
    """Split normalised text into sentences (lines first, then sentence ends)."""
    out: list[Sentence] = []
    start = 0
    bounds = []
    for m in _BREAK.finditer(text):
        if m.group().strip() == "" and "\n" not in m.group() and _NO_BREAK_BEFORE.search(text[max(0, m.start() - 8):m.start()]):
            continue
        bounds.append((m.start(), m.end()))
    for b_start, b_end in bounds + [(len(text), len(text))]:
        seg = text[start:b_start]
        lead = len(seg) - len(seg.lstrip())
        seg = seg.strip()
        if seg:
            s = start + lead
            toks = tokenize(seg, s, abbreviations)
            allcaps = _allcaps(seg)
            out.append(Sentence(s, s + len(seg), seg, tuple(toks), allcaps))
        start = b_end
    return out
