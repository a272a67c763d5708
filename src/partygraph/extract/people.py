"""Person names from Vietnamese name structure.

A name is a run of two to five capitalised syllables. After an honorific
("đồng chí", "ông", "bà") any such run is a name; without one, the run must
open with a known surname or ethnic-minority name opener, and it counts
only when a title is attached to it (the fact linker decides that). Runs
inside place and ideology names ("tư tưởng Hồ Chí Minh", "đường Lê Lợi")
are not names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from partygraph.lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class PersonMention:
    name: str
    start: int  # token index of the first name word
    end: int  # token index after the last name word
    honorific: bool
    hon_start: int  # token index of the honorific (== start when none)


_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")


def vietnamese_syllable(word: str) -> bool:
    """True for a word that can be a Vietnamese syllable ("Nguyễn", "Thủy"; not "Esteban")."""
    base = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    base = "".join(c for c in base if not unicodedata.combining(c))
    return bool(_SYLLABLE.match(base))


def _house_number(keys, i: int) -> bool:
    """Whether token i follows "số 6", "số nhà 37": an address. A number alone may be a list's
    ("125 Thào Xuân Sùng, Bí thư …") or a district's ("quận 2 Bùi Thanh Khiết")."""
    return i >= 2 and keys[i - 1].isdigit() and keys[i - 2] in ("số", "nhà") and (
        keys[i - 2] == "số" or i >= 3 and keys[i - 3] == "số")


def title_case(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


class PersonReader:
    def __init__(self, lex: Lexicon):
        self.lex = lex

    def honorific_at(self, keys, i: int) -> int | None:
        m = self.lex.honorifics.match(keys, i)
        return m[0] if m else None

    def read(self, toks, keys, i: int, allcaps: bool, listed: bool = False) -> PersonMention | None:
        """A person's name starting at token i (an honorific may come first).

        `listed`: the name stands in a list introduced by "các đồng chí:", whose
        honorific covers every name in it.
        """
        if allcaps:
            return None
        tok = toks[i]
        if not tok.cap and tok.key not in self.lex.honorific_starts:
            return None  # fast path: most tokens start no name
        hon_end = self.honorific_at(keys, i)
        start = hon_end if hon_end is not None else i
        if hon_end is not None and start < len(toks) and keys[start] == "các":
            return None
        run = self._run(toks, keys, start)
        while len(run) > 3 and run[-1].key in self.lex.name_end_stops:
            run = run[:-1]  # "Nguyễn Xuân Tiến Có …": a sentence ran on; "Trần Văn Sáng" keeps its name
        if not run or self._country_first(run):
            return None
        end = start + len(run)
        first = toks[start]
        if first.key in self.lex.not_names:
            return None
        if hon_end is None and not listed:
            if first.key not in self.lex.surnames or len(run) < 2:
                return None
            prov = self.lex.province_trie.match(keys, start)
            if prov and prov[0] < end:
                return None  # "Bí thư Thành ủy Hà Nội Nguyễn Phú Trọng": the name starts after the place
            if self._blocked(keys, i, len(run)) or _house_number(keys, i):
                return None  # "số nhà 37 Phùng Khắc Khoan": a street named after a person
            if any(c in "fjwz" for t in run for c in t.key):
                return None  # "Giang Zhang Zuoji": letters no Vietnamese name has
        elif len(run) < 2:
            return None
        if listed and hon_end is None and not all(vietnamese_syllable(t.text) for t in run):
            return None
        if len(run) > 5:
            return None
        if first.key not in self.lex.surnames and not all(vietnamese_syllable(t.text) for t in run):
            return None  # a foreign name ("đồng chí Esteban Lazo"): its offices are not this graph's
        name = " ".join(title_case(t.text) if t.upper else t.text for t in run)
        place = self.lex.province_trie.match([t.key for t in run], 0)
        if name.lower() in self.lex.not_person_names or (place and place[0] == len(run)):
            return None  # "Hà Nội" is a place
        return PersonMention(name, start, end, hon_end is not None or listed, i)

    def _body_opens(self, toks, k: int, end: int) -> bool:
        """'Nguyễn Phú Trọng Ban Bí thư': a body's name of several words that no name runs into."""
        return end - k >= 2 and toks[k].key in self.lex.never_in_names  # not "Nguyễn Quốc Hội"

    def _country_first(self, run) -> bool:
        """'Thủ tướng Hàn Quốc Lee Nak-yeon': a run that opens with a country is no Vietnamese name."""
        words = [t.key for t in run]
        if len(words) > 2 and " ".join(words[:2]) in self.lex.not_person_names:
            return True
        return len(words) > 1 and self.lex.foreign_at(words, 0, in_text=True)

    def _run(self, toks, keys, start: int):
        run = []
        k = start
        lex = self.lex
        while k < len(toks) and len(run) < 6:
            tok = toks[k]
            if not (tok.is_word and tok.cap and not tok.abbr) or tok.roman and len(tok.text) > 1 and run:
                break
            if lex.role_trie.match(keys, k) or lex.place_words.match(keys, k):
                break
            head = lex.heads.match(keys, k)
            if head and (not run or head[0] < len(toks) and toks[head[0]].cap or self._body_opens(toks, k, head[0])):
                break  # an organisation begins; but "Nguyễn Xuân Trường" ends in a word that can open one
            if len(run) >= 3 and (prov := lex.province_trie.match(keys, k)) and prov[0] - k >= 2:
                break  # "Trần Văn Minh Hải Dương": a full name, then a province
            hon = lex.honorifics.match(keys, k) if run else None
            if hon and (hon[0] - k == 1 or not toks[k + 1].cap):
                break  # "… Nguyễn Văn A Thiếu tướng …"; but "Đỗ Trung Tá" is a name
            if len(tok.text) > 1 and not tok.text[1:].islower() and not tok.upper:
                return []  # "BìnhChủ": two words run together, no name can be told
            run.append(tok)
            k += 1
        # a name never ends in a word that starts a new sentence part ("Nguyễn Văn A Tỉnh ...")
        return run

    def _blocked(self, keys, i: int, length: int) -> bool:
        """True when the run at i sits inside a place or idea name ("tư tưởng Hồ Chí Minh", "xã Lê Lợi").

        After a place word only two-syllable runs are taken for places named after
        people: "UBND tỉnh Trần Tuyết Minh" is a title and then a name.
        """
        for back in (3, 2, 1):  # the longest phrase before the name decides ("thành phố", not "phố")
            j = i - back
            if j < 0:
                break
            m = self.lex.name_blockers.match(keys, j)
            if m and m[0] == i and j > 0 and (inside := self.lex.org_phrases.match(keys, j - 1)) and inside[0] == i:
                continue  # "Bộ Tài nguyên - Môi trường Mai Văn A": the word ends a body's name, not "trường"
            if m and m[0] == i:
                if self.lex.place_words.match(keys, j) and length > 2:
                    return False
                return True
        return False
