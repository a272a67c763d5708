"""Normalise Vietnamese news text without losing the way back to the original.

`normalise(raw)` returns the cleaned text and, for every character of it,
the offset of the character in `raw` it came from, so evidence spans found
in the clean text can be cited in the text as published.

What changes:
- Unicode NFC (a base letter and its combining marks become one character);
- 'Ð' (U+00D0, Icelandic eth, often typed for 'Đ') and 'ð' become 'Đ'/'đ';
- non-breaking and other odd spaces become ' '; zero-width characters and
  soft hyphens are dropped; HTML entities a scraper left ("&amp;") are decoded;
- one tone-mark convention for the open syllables oa, oe and uy: the mark
  sits on the first vowel ("hoá" → "hóa", "khoẻ" → "khỏe", "uỷ" → "ủy"),
  as in the official names ("Thanh Hóa", "Khánh Hòa"). A "qu" onset is not
  a vowel pair ("quý" stays), and syllables with a final consonant keep the
  mark where both styles agree ("hoàng", "thuyết");
- an apostrophe inside a word, however typed ("R’lấp", "H\u02bcDrai"), is "'", as the place tables write it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_SPACES = {"\u00a0", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
           "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000", "\u180e"}
_REPLACE = {"\u00d0": "\u0110", "\u00f0": "\u0111"}
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

# The precomposed a/e/y carrying a tone mark, and that mark.
_TONED = {}
for _base in "aAeEyY":
    for _tone in _TONES:
        _TONED[unicodedata.normalize("NFC", _base + _tone)] = (_base, _tone)
# An open syllable ending in oa/oe/uy whose tone mark sits on the second vowel (NFC text).
_PAIR = re.compile(r"(?<![^\W\d_])([^\W\d_]*?)([oOuU])([" + "".join(_TONED) + r"])(?![^\W\d_]|[\u0300-\u036f])")

@dataclass(frozen=True, slots=True)
class Normalised:
    """Clean text plus `offsets[i]`: where clean character i starts in the raw text.

    `offsets` has one extra entry, the raw length, so a clean span [a, b)
    maps to the raw span [offsets[a], offsets[b]).
    """

    text: str
    offsets: tuple[int, ...] | range

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-text span of the clean-text span [start, end)."""
        return self.offsets[start], self.offsets[end]


def _move_tone(match: re.Match) -> str:
    onset, first, second = match.group(1), match.group(2), match.group(3)
    base, tone = _TONED[second]
    if first in "uU" and (onset[-1:] in ("q", "Q") or base not in "yY"):
        return match.group(0)  # "qu" is an onset: "quý" keeps its mark on y
    if first in "oO" and base not in "aAeE":
        return match.group(0)
    return onset + unicodedata.normalize("NFC", first + tone) + base


# An apostrophe written as another mark inside a word ("Đắk R’lấp", "Ia H’Drai"): the place tables write "'".
_APOSTROPHES = "\u2019\u2018\u02bc\u00b4\u0060"
_IN_WORD_APOSTROPHE = re.compile(rf"(?<=[^\W\d_])[{_APOSTROPHES}](?=[^\W\d_])")


def fix_apostrophes(text: str) -> str:
    """Write an apostrophe inside a word as "'", one character for one (the text keeps its length)."""
    if not any(c in text for c in _APOSTROPHES):
        return text
    return _IN_WORD_APOSTROPHE.sub("'", text)


def fix_tone_marks(nfc_text: str) -> str:
    """Put oa/oe/uy tone marks on the first vowel in open syllables.

    Only the matched syllables change, one character for one, so the text keeps
    its length (no normalisation pass over the rest, which could join characters).
    """
    if nfc_text.isascii():
        return nfc_text
    return _PAIR.sub(_move_tone, nfc_text)


# What the slow path must look at: odd spaces, invisible characters, 'Ð', combining marks.
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
_SPECIAL = re.compile("[\u00a0\u1680\u180e\u2000-\u200f\u202f\u205f\u2060\u3000\ufeff\u00ad\u00d0\u00f0"
                      "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]|" + _ENTITY.pattern)


def normalise(raw: str) -> Normalised:
    """Normalise `raw`; see the module docstring for what changes."""
    if not _SPECIAL.search(raw) and unicodedata.is_normalized("NFC", raw):
        # the common case: nothing moves, only tone marks are rewritten in place
        return Normalised(fix_apostrophes(fix_tone_marks(raw)), range(len(raw) + 1))
    return _normalise_slow(raw)


def _normalise_slow(raw: str) -> Normalised:
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        cluster = raw[i:j]
        ch = cluster[0]
        if ch == "&" and (m := _ENTITY.match(raw, i)):
            # an HTML entity left by a scraper ("KH&amp;CN"): its character, cited at the entity
            decoded = html.unescape(m.group())
            out.append(" " if decoded == "\u00a0" else decoded)
            offsets.append(i)
            i = m.end()
            continue
        if ch in _DROP:
            # a dropped character's combining marks (rare) go with it
            i = j
            continue
        if ch in _SPACES or (ch != "\n" and ch != "\t" and ch != "\r" and unicodedata.category(ch) == "Zs"):
            cluster = " " + cluster[1:]
        elif ch in _REPLACE:
            cluster = _REPLACE[ch] + cluster[1:]
        composed = unicodedata.normalize("NFC", cluster) if len(cluster) > 1 or not cluster.isascii() else cluster
        for c in composed:
            if c in _DROP:
                continue
            out.append(c)
            offsets.append(i)
        i = j
    offsets.append(n)
    text = fix_apostrophes(fix_tone_marks("".join(out)))
    return Normalised(text, tuple(offsets))


def normalise_text(raw: str) -> str:
    """Just the clean text of `normalise(raw)`."""
    return normalise(raw).text


def initial(word: str) -> str:
    """A word's initial as abbreviations write it: "D" for "Đ", no marks ("Ủy" → "U")."""
    return "D" if word[0] in "Đđ" else unicodedata.normalize("NFD", word[0])[0].upper()


def initials_of(abbr: str, words) -> bool:
    """Whether `abbr` is written with the initials of `words`, one letter each ("TCT": "Tổng Công ty")."""
    return len(words) == len(abbr) and all(initial(w) == initial(a) for w, a in zip(words, abbr))
