"""Facts of one article: offices held, congresses, change events, hierarchy.

The linker works sentence by sentence over mentions (people, titles,
organisations) and knows the ways Vietnamese party news attaches a title to
a person:

- apposition: "đồng chí A, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy";
- title before the name: "Phó Bí thư Thường trực Đảng ủy Khối … Vũ Ngọc Vinh";
- a verb: "A đắc cử chức Bí thư …", "bầu đồng chí A và đồng chí B làm Phó Bí thư";
- title first, then a list: "Phó Bí thư là các đồng chí A và B".

Every fact keeps the sentence it was read in. A title whose organisation
cannot be told is left out rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from partygraph.extract.orgs import CENTRAL_EXEC, Org, OrgReader, OrgRegistry, party_org
from partygraph.extract.people import PersonReader
from partygraph.extract.records import Change, Congress, Evidence, Extraction, Office
from partygraph.extract.tokens import Sentence, Token, sentences, tokenize
from partygraph.lexicon import Lexicon, Role, keys as phrase_keys, lexicon
from partygraph.normalise import Normalised, normalise, normalise_text
from partygraph.read import Article

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(text: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(text.upper()):
        v = ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


@dataclass(frozen=True, slots=True)
class Title:
    role: Role
    org: Org | None
    start: int
    end: int
    former: bool
    term: tuple[int, int] | None


_TERM = re.compile(r"\s*,?\s*(?:nhiệm kỳ|giai đoạn)\s*\(?(\d{4})\s*[-–—]\s*(\d{4})", re.I)
_ANY_TERM = re.compile(r"nhiệm kỳ\s*(\d{4})\s*[-–—]\s*(\d{4})", re.I)
_HEADER_DATE = re.compile(r"(?<!\d)(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d{2})(?!\d)")
# "từ ngày 19-21/8/2020", "ngày 19 - 21/8", "trong các ngày 21, 22/7", "từ ngày 15 đến 21-10-1963", "sáng 30-9"
_DATE_RANGE = re.compile(
    r"(?:ngày|các ngày|hai ngày)\s+(\d{1,2})\s*(?:[-–]|đến|và|,)\s*(?:ngày\s+)?(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*((?:19|20)\d{2}))?(?!\d)",
    re.I)
_DATE_SPAN = re.compile(
    r"từ\s+ngày\s+(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*((?:19|20)\d{2}))?\s*(?:đến|tới|-)\s*(?:ngày\s+)?(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*((?:19|20)\d{2}))?",
    re.I)
_DATE_ONE = re.compile(r"(?:ngày|sáng|chiều|tối|trưa)\s+(?:ngày\s+)?(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*((?:19|20)\d{2}))?(?!\d)", re.I)
# where a congress's own dates stop: another congress, an anniversary, a named day, a new clause
_DATE_WINDOW = re.compile(r"Đại hội|đại hội|kỷ niệm|Kỷ niệm|Ngày [A-ZĐ]|;")
_LEAD_DATE = re.compile(r"\s*(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?\d{1,2}\s*[-/]\s*\d{1,2}(?:\s*[-/]\s*\d{4})?\s*,\s*",
                        re.I)
_DELEGATES = re.compile(r"(\d[\d.]*)\s*/\s*(\d[\d.]*)\s*đại biểu", re.I)
_COMMITTEE = re.compile(r"bầu\s+Ban Chấp hành(?:[^;]*?khóa\s+([IVXLC]+|\d+))?[^;]*?gồm\s+(\d+)\s+đồng chí", re.I)
_STANDING = re.compile(r"bầu\s+(?:(\d+)\s+đồng chí\s+(?:Ủy viên\s+)?Ban Thường vụ"
                       r"|Ban Thường vụ[^;]*?gồm\s+(\d+)\s+đồng chí)", re.I)


def _int(text: str) -> int:
    return int(text.replace(".", ""))


def _safe_date(y, m, d) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        return None


class ArticleExtractor:
    """Extraction state for one article; `run()` returns the Extraction."""

    def __init__(self, article: Article, lex: Lexicon | None = None):
        self.lex = lex or lexicon()
        self.article = article
        self.norm: Normalised = normalise(article.text)
        self.sents = sentences(self.norm.text, self.lex.abbreviations)
        self.date = self._article_date()
        self.province_mentions, self.province = self._provinces()
        # the article's usual spelling of words, to read all-caps headlines: only needed when there is one
        casing = self._casing() if any(s.allcaps for s in self.sents) else {}
        self.reader = OrgReader(self.lex, self.province_at, casing)
        self.people = PersonReader(self.lex)
        self.registry = OrgRegistry()
        self.out = Extraction(article=article, date=self.date, province=self.province)
        self._org_cache: dict[str, Org] = {}
        self._sent_text, self._sent_start = "", 0
        self._override: str | None = None

    # -- article-level context --------------------------------------------
    def _casing(self) -> dict[str, str]:
        """The usual spelling of each word in this article, to read all-caps headlines."""
        counts: dict[str, Counter] = {}
        for s in self.sents:
            if s.allcaps:
                continue
            for t in s.tokens:
                if t.is_word and not t.abbr and not t.upper:
                    counts.setdefault(t.key, Counter())[t.text] += 1
        return {k: c.most_common(1)[0][0] for k, c in counts.items()}

    def _article_date(self) -> date | None:
        if self.article.published:
            m = re.match(r"(\d{4})-(\d{2})-(\d{2})", self.article.published)
            if m:
                return _safe_date(*m.groups())
        head = self.norm.text[:1500]
        found = Counter()
        first = {}
        for m in _HEADER_DATE.finditer(head):
            d = _safe_date(m.group(3), m.group(2), m.group(1))
            # a news page's date, not a birth date or a date in history
            if d and d.year >= 1990 and "sinh" not in head[max(0, m.start() - 15):m.start()].lower():
                found[d] += 1
                first.setdefault(d, m.start())
        if not found:
            return None
        return max(found, key=lambda d: (found[d], -first[d]))

    def _provinces(self):
        mentions: list[tuple[int, str]] = []
        trie = self.lex.province_trie
        for s in self.sents:
            ks = s.keys
            i = 0
            while i < len(ks):
                m = trie.match(ks, i) if s.tokens[i].cap else None
                if m and (i + 1 >= len(ks) or m[0] > i):
                    # a province name inside a person's name is not a place ("Nguyễn Thái Bình"),
                    # nor inside an idea's ("tư tưởng Hồ Chí Minh")
                    prev = s.tokens[i - 1] if i else None
                    blocked = any((b := self.lex.idea_blockers.match(ks, j)) and b[0] == i for j in range(max(0, i - 4), i))
                    # a province named like a person ("Hồ Chí Minh") counts only after a place word
                    personlike = (m[0] - i >= 3 and ks[i] in self.lex.surnames
                                  and not (i and self.lex.place_words.match(ks, i - 1)
                                           or i > 1 and self.lex.place_words.match(ks, i - 2)))
                    if personlike or blocked:
                        i = m[0]
                        continue
                    if not (prev and prev.cap and prev.is_word and prev.key in self.lex.surnames):
                        mentions.append((s.tokens[i].start, m[1].name))
                    i = m[0]
                else:
                    i += 1
        meta = normalise_text(self.article.province) if self.article.province else None
        if meta:
            return mentions, meta
        counts = Counter(name for _, name in mentions)
        if counts:
            top, n = counts.most_common(1)[0]
            if n >= 2 and n >= 0.5 * sum(counts.values()):
                return mentions, top
            if len(counts) == 1:
                return mentions, top
        return mentions, None

    def province_at(self, pos: int) -> str | None:
        """The province a bare 'tỉnh' at `pos` means: the nearest named before it, else the article's."""
        if self._override:
            return self._override
        best = None
        for p, name in self.province_mentions:
            if p < pos:
                best = name
            else:
                break
        return best or self.province

    # -- helpers -------------------------------------------------------------
    def evidence(self, s: Sentence) -> Evidence:
        a, b = self.norm.raw_span(s.start, s.end)
        return Evidence(a, b, self.article.text[a:b])

    def resolve(self, org: Org | None, pos: int) -> Org | None:
        if org is None or not org.bare:
            return org
        if org.parent is not None and org.parent.bare:
            parent = self.resolve(org.parent, pos)
            if parent is None:
                return None
            if org.kind == "executive":
                return self.reader.executive_of(parent)
            if org.kind == "committee":
                return self.reader.committee(org.head, org.kind, parent)
        found = self.registry.resolve(org, pos)
        if found is None and org.kind in ("state", "mass") and org.parent is None:
            return replace(org, bare=False)  # kept, scoped to this article
        return found

    def org_by_label(self, label: str) -> Org | None:
        if label not in self._org_cache:
            toks = tokenize(normalise_text(label), 0, self.lex.abbreviations)
            r = self.reader.read(toks, 0)
            self._org_cache[label] = r[1] if r else None
        return self._org_cache[label]

    def record_org(self, org: Org | None, ev: Evidence) -> None:
        while org is not None and not org.bare:
            k = org.key
            if k not in self.out.orgs:
                self.out.orgs[k] = org
                self.out.org_evidence[k] = ev
            elif org.label != self.out.orgs[k].label:
                self.out.alt_labels.setdefault(k, set()).add(org.label)
            for alt in org.alt:
                self.out.alt_labels.setdefault(k, set()).add(alt)
            org = org.parent

    # -- run -------------------------------------------------------------------
    def run(self) -> Extraction:
        # pass 1: every full organisation mention, for resolving short ones later
        parsed: list[list[tuple[int, int, Org]]] = []
        heads = self.lex.heads.root  # a cheap first-word test before each look-up
        for s in self.sents:
            found = []
            i = 0
            while i < len(s.tokens):
                r = self.reader.read(s.tokens, i, s.allcaps) if s.keys[i] in heads else None
                if r and r[0] > i:
                    found.append((i, r[0], r[1]))
                    self.registry.add(s.tokens[i].start, r[1])
                    i = r[0]
                else:
                    i += 1
            parsed.append(found)
        # pass 2: facts
        for s, found in zip(self.sents, parsed):
            ev = self.evidence(s)
            for i, _, org in found:
                self.record_org(self.resolve(org, s.tokens[i].start), ev)
            if s.allcaps:
                self.congresses(s, ev, found)
                continue
            self.offices(s, ev, found)
            self.congresses(s, ev, found)
            self.changes(s, ev, found)
            self.stated_hierarchy(s, ev, found)
        self._dedupe()
        return self.out

    # -- titles ----------------------------------------------------------------
    def read_title(self, toks, keys, i: int, allcaps: bool) -> Title | None:
        lex = self.lex
        former = False
        k = i
        if k < len(keys) and keys[k] in lex.former_markers:
            former, k = True, k + 1
        if k >= len(keys):
            return None
        # "Tỉnh ủy viên": a member of the executive committee
        head = lex.heads.match(keys, k)
        if head and head[1].kind == "executive" and head[1].read == "place":
            r = self.reader.read(toks, k, allcaps)
            if r and r[0] < len(keys) and keys[r[0]] == "viên":
                org = self.resolve(r[1], toks[k].start)
                if org is None:
                    return None
                return self._finish_title(toks, keys, lex.roles["uy-vien"], org, i, r[0] + 1, former)
        m = lex.role_trie.match(keys, k)
        if m is None:
            return None
        j, role = m
        if not toks[k].cap and not toks[k].abbr and k > 0 and keys[k - 1] in ("các", "những", "mọi", "nhiều"):
            return None  # "các bí thư chi bộ": a class of people, not an office
        org_start = j
        if role.org_starts_with:
            n_org = len(phrase_keys(role.org_starts_with))
            if keys[j - n_org:j] == list(phrase_keys(role.org_starts_with)):
                org_start = j - n_org
        org, end = None, j
        if org_start < len(toks):
            r = self.reader.read(toks, org_start, allcaps, after_title=True)
            if r and (r[0] > j or (org_start < j and r[0] == j)):
                end, org = r
                org = self.resolve(org, toks[org_start].start)
                if org is None:
                    return None
        if org is None and role.implied_org and not self._qualified(toks, keys, j):
            org = self.org_by_label(role.implied_org)
        return self._finish_title(toks, keys, role, org, i, end, former)

    def _qualified(self, toks, keys, j: int) -> bool:
        """'Thủ tướng Vương quốc Bỉ': a title qualified by a name that is not a person is not ours."""
        if j >= len(toks) or not (toks[j].is_word and toks[j].cap):
            return False
        if self.people.read(toks, keys, j, False) is not None:
            return False
        return not self.lex.honorifics.match(keys, j)

    def _finish_title(self, toks, keys, role: Role, org: Org | None, start: int, end: int, former: bool) -> Title:
        lex = self.lex
        if org is not None:
            if role.id in lex.raw["unit_roles"] and org.kind == "executive":
                if org.label == CENTRAL_EXEC and role.id == lex.raw["central_secretary"]["role"]:
                    org = self.org_by_label(lex.raw["central_secretary"]["organization"]) or org
                elif org.parent is not None:
                    org = org.parent
            # "Tỉnh ủy X (cũ)": a body that no longer exists
            if end + 2 < len(keys) and toks[end].text == "(" and keys[end + 1] == "cũ" and toks[end + 2].text == ")":
                former, end = True, end + 3
            elif end < len(keys) and keys[end] == "cũ":
                former, end = True, end + 1
        term = None
        if 0 < end < len(toks):
            m = _TERM.match(self._sent_text, toks[end - 1].end - self._sent_start)
            if m and int(m.group(1)) < int(m.group(2)):
                term = (int(m.group(1)), int(m.group(2)))
                while end < len(toks) and toks[end].end <= self._sent_start + m.end():
                    end += 1
        return Title(role, org, start, end, former, term)

    def read_chain(self, toks, keys, k: int, allcaps: bool, stop_before: set[int]) -> list[Title]:
        """Titles separated by commas / 'kiêm' / 'và', starting at k.

        A title written right before another person's name is that person's
        ("Tổng Bí thư A, Phó Thủ tướng thường trực B"), so the chain stops there.
        """
        chain: list[Title] = []
        while k < len(toks):
            t = self.read_title(toks, keys, k, allcaps)
            if t is None or self._owned_by_next(toks, t.end, stop_before):
                break
            chain.append(t)
            k = t.end
            if k < len(toks) and (toks[k].text in (",", ";") and toks[k].text == "," or keys[k] in ("kiêm", "và")):
                nxt = k + 1
                if nxt < len(toks) and keys[nxt] == "kiêm":
                    nxt += 1
                if self.read_title(toks, keys, nxt, allcaps) is not None:
                    k = nxt
                    continue
            break
        return self._one_place_per_chain(chain, toks, keys, allcaps)

    def _membership_title(self, toks, keys, k: int, allcaps: bool, role_id: str) -> list[Title]:
        """'tham gia Ban Chấp hành Đảng bộ tỉnh': role Ủy viên in the executive or standing committee named."""
        r = self.reader.read(toks, k, allcaps, after_title=True) if k < len(toks) else None
        if not r:
            return []
        org = self.resolve(r[1], toks[k].start)
        if org is None or org.kind not in ("executive", "committee"):
            return []
        return [self._finish_title(toks, keys, self.lex.roles[role_id], org, k, r[0], False)]

    def _cut_by_next(self, toks, keys, end: int, allcaps: bool, person_starts: set[int]) -> bool:
        """Whether the chain ending at `end` goes on with ", <title> <next name>"."""
        if end + 1 >= len(toks) or toks[end].text != ",":
            return False
        t = self.read_title(toks, keys, end + 1, allcaps)
        return t is not None and self._owned_by_next(toks, t.end, person_starts)

    def _foreign_title_next(self, keys, end: int) -> bool:
        """Whether the chain ending at `end` goes on with ", <title> … <another country>" in the same item."""
        if end + 1 >= len(keys) or keys[end] != "," or keys[end + 1] not in self.lex.title_starts:
            return False
        for k in range(end + 1, min(len(keys), end + 12)):  # the next title and its body's name
            if keys[k] in (",", ";", ".", "và", "(", ")"):
                break
            if self.lex.foreign_at(keys, k, in_text=True):
                return True
        return False

    def _owned_by_next(self, toks, end: int, person_starts: set[int]) -> bool:
        """A title that runs straight into a name ("…, Bí thư Thành ủy Hà Nội Nguyễn Phú Trọng") is that name's."""
        return end in person_starts

    def _one_place_per_chain(self, chain: list[Title], toks, keys, allcaps: bool) -> list[Title]:
        """One place for a chain: "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh X" is X's Tỉnh ủy, and
        "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Y" is Y's Huyện ủy."""
        chain = [t for t in chain if t.org is not None]
        if len(chain) < 2:
            return chain
        chain = self._fill_local_places(chain, toks, keys, allcaps)
        explicit = {self._explicit_province(keys, t) for t in chain} - {None}
        if len(explicit) != 1:
            return chain
        (province,) = explicit
        out = []
        for t in chain:
            if t.org.province not in (None, province) and self._explicit_province(keys, t) is None:
                self._override = province
                try:
                    t = self.read_title(toks, keys, t.start, allcaps) or t
                finally:
                    self._override = None
            out.append(t)
        return out

    def _fill_local_places(self, chain, toks, keys, allcaps) -> list[Title]:
        named: dict[str, str] = {}
        for t in chain:
            for word in ("huyện", "quận", "thị xã", "xã", "phường", "thị trấn"):
                m = re.search(rf"(?<!\w){word} ([A-ZĐÀ-Ỹ][^\s,;.]*(?: [A-ZĐÀ-Ỹ][^\s,;.]*){{0,3}})", t.org.label)
                if m and not t.org.label.endswith(f" {word}"):
                    named.setdefault(word, m.group(1))
        if not named:
            return chain
        out = []
        for t in chain:
            word = next((w for w in named if t.org.label.endswith(f" {w}")), None)
            if word and t.org.scoped:
                self.reader.place_override = {word: named[word]}
                try:
                    t = self.read_title(toks, keys, t.start, allcaps) or t
                finally:
                    self.reader.place_override = {}
            out.append(t)
        return out

    def _explicit_province(self, keys, t: Title) -> str | None:
        for i in range(t.start, t.end):
            m = self.lex.province_trie.match(keys, i)
            if m and m[0] <= t.end:
                return m[1].name
        return None

    # -- offices -----------------------------------------------------------------
    def offices(self, s: Sentence, ev: Evidence, found) -> None:
        toks = s.tokens
        keys = s.keys
        self._sent_text, self._sent_start = s.text, s.start
        persons = []
        org_end = {a: b for a, b, _ in found}
        i = 0
        while i < len(toks):
            if i in org_end:  # a name never starts inside an organisation's name
                i = org_end[i]
                continue
            pm = self.people.read(toks, keys, i, s.allcaps)
            if pm:
                persons.append(pm)
                i = pm.end
            else:
                i += 1
        if not persons:
            return
        person_starts = {p.hon_start for p in persons}
        by_start = {p.hon_start: p for p in persons}
        # every title in the sentence, by the token it starts at
        titles: dict[int, Title] = {}
        for k in range(len(toks)):
            if keys[k] not in self.lex.title_starts:
                continue
            t = self.read_title(toks, keys, k, s.allcaps)
            if t is not None and not any(o.start < k < o.end for o in titles.values()):
                titles.setdefault(k, t)  # "Chủ tịch" inside "Phó Chủ tịch" is not a title of its own
        ends: dict[int, Title] = {}
        for t in sorted(titles.values(), key=lambda t: (t.end, -(t.end - t.start))):
            ends.setdefault(t.end, t)
        grouped: set[int] = set()
        stated_year = self._sentence_term(s)
        for pm in persons:
            if pm.honorific:
                self._add_person(pm.name, ev)
            before = self._titles_before(toks, pm.hon_start, ends)
            if self._leads_foreign_delegation(keys, before[0].start if before else pm.hon_start):
                continue  # "đoàn … Trung Quốc do Phó Chủ tịch Quốc hội A dẫn đầu": another country's office
            k = pm.end
            # apposition, possibly more than one ("A, Phó Bí thư Tỉnh ủy (nguyên Phó Chủ tịch UBND tỉnh) …")
            after = pm.end
            while k < len(toks) and toks[k].text in (",", "-", "–", "(", ":"):
                chain = self.read_chain(toks, keys, k + 1, s.allcaps, person_starts)
                if before and chain and self._cut_by_next(toks, keys, chain[-1].end, s.allcaps, person_starts):
                    # A list with titles before each name ("nguyên Tổng Bí thư A, Ủy viên Bộ Chính trị,
                    # Trưởng ban X B"): the titles after A may as well be B's, so neither gets them.
                    break
                if chain and self._foreign_title_next(keys, chain[-1].end):
                    break  # "A, Ủy viên Bộ Chính trị, Chủ tịch nước Cộng hòa dân chủ nhân dân Lào": not ours
                for t in chain:
                    self._office(pm.name, t, "former" if t.former else "current", ev)
                if not chain:
                    break
                k = after = chain[-1].end
                while k < len(toks) and toks[k].text in (")", "-", "–"):
                    k += 1
                after = k
                if k < len(toks) and toks[k].text == "," and self.lex.office_verbs.match(keys, k + 1):
                    after = k + 1
            # a list of people, then a verb and a title ("bầu ông A, Phó Bí thư Tỉnh ủy, giữ chức Chủ tịch …")
            group = [pm]
            k = after
            while k + 1 < len(toks) and keys[k] in (",", "và", "cùng") and k + 1 in by_start:
                group.append(by_start[k + 1])
                k = by_start[k + 1].end
            while k < len(toks) and keys[k] in self.lex.auxiliaries:  # "A đã tái đắc cử …"
                k += 1
            verb = self.lex.office_verbs.match(keys, k) if pm.hon_start not in grouped else None
            chains = []
            while verb:
                vend, (status, implied_role) = verb
                while vend < len(toks) and toks[vend].text == ":":  # "từng giữ các chức vụ: …"
                    vend += 1
                if status == "current" and self._elected_before(keys, group[0].hon_start):
                    status = "elected"
                if implied_role:  # "tham gia Ban Chấp hành Đảng bộ tỉnh": a member of that body
                    chain = self._membership_title(toks, keys, vend, s.allcaps, implied_role)
                else:
                    chain = self.read_chain(toks, keys, vend, s.allcaps, person_starts)
                if not chain and status == "elected" and not implied_role:
                    chain = self._context_title(toks, keys, vend, s, found)
                chains.append((status, chain))
                # "…, giữ chức Phó Bí thư Tỉnh ủy": a second verb continues the list
                nxt = chain[-1].end if chain else None
                verb = None
                if nxt is not None and nxt + 1 < len(toks) and keys[nxt] in (",", "và"):
                    verb = self.lex.office_verbs.match(keys, nxt + 1)
                    if verb and verb[1][0] == "former":
                        verb = None
            if chains:
                grouped.update(member.hon_start for member in group)
            for status, chain in chains:
                for t in chain:
                    for member in group:
                        st = "former" if t.former else status
                        term = t.term or (stated_year if st == "elected" else None)
                        self._office(member.name, replace(t, term=term), st, ev)
            # titles written before the name
            for t in before:
                self._office(pm.name, t, "former" if t.former else "current", ev)
        # a committee, then its members: "bầu Ban Chấp hành nhiệm kỳ 2017-2019, gồm các đồng chí: A, B và C"
        for i, oend, org in found:
            if org.kind not in ("executive", "committee"):
                continue
            j = self._skip_term(s, oend)
            link = self.lex.role_list_links.match(keys, j) if j < len(keys) and keys[j] in ("gồm", "bao") else None
            if not link:
                continue
            j = link[0]
            while j < len(toks) and toks[j].text in (":", ","):
                j += 1
            committee = self.resolve(org, toks[i].start)
            if committee is None:
                continue
            status = "elected" if self._elected_before(keys, i) else "current"
            title = Title(self.lex.roles["uy-vien"], committee, i, oend, False, stated_year)
            for member in self._person_list(toks, keys, j, by_start, s.allcaps):
                self._office(member.name, title, status, ev)
        # a title, then the people who hold it
        for k, t in sorted(titles.items()):
            link = self.lex.role_list_links.match(keys, t.end + (1 if t.end < len(keys) and keys[t.end] == "," else 0))
            if not link:
                continue
            j = link[0]
            while j < len(toks) and toks[j].text in (":", ","):
                j += 1
            org = t.org or self._context_org(s, found, t.start)
            if org is None:
                continue
            for member in self._person_list(toks, keys, j, by_start, s.allcaps):
                status = "elected" if self._elected_before(keys, t.start) or stated_year else "current"
                self._office(member.name, replace(t, org=org, term=t.term or stated_year), status, ev)
                self._add_person(member.name, ev)

    def _leads_foreign_delegation(self, keys, k: int) -> bool:
        """Whether `k` follows the "do" of "đoàn … <another country> … do …": that delegation's leader."""
        if k < 1 or keys[k - 1] != "do":
            return False
        window = keys[max(0, k - 16):k - 1]
        if "đoàn" not in window:
            return False
        start = len(window) - window[::-1].index("đoàn")
        return any(self.lex.foreign_at(window, i, in_text=True) for i in range(start, len(window)))

    def _skip_term(self, s: Sentence, k: int) -> int:
        """The token after ', nhiệm kỳ 2020 - 2025,' or ' khóa X' at k (k itself when there is none)."""
        toks = s.tokens
        if k >= len(toks) or k == 0:
            return k
        rest = s.text[toks[k - 1].end - s.start:]
        m = re.match(r"\s*,?\s*(?:(?:nhiệm kỳ|giai đoạn)(?:\s+mới)?\s*\(?\d{4}\s*[-–—]\s*\d{4}\)?|khóa\s+[IVXLC\d]+)\s*,?", rest, re.I)
        if not m:
            return k
        end = toks[k - 1].end + m.end()
        while k < len(toks) and toks[k].start < end:
            k += 1
        return k

    def _person_list(self, toks, keys, j, by_start, allcaps):
        out = []
        while j < len(toks):
            pm = by_start.get(j) or self.people.read(toks, keys, j, allcaps, listed=True)
            if pm is None:
                break
            out.append(pm)
            j = pm.end
            if j < len(toks) and keys[j] in (",", "và", ";"):
                j += 1
                continue
            break
        return out

    def _titles_before(self, toks, pos: int, ends: dict[int, Title]) -> list[Title]:
        chain = []
        t = ends.get(pos)
        while t is not None and t.org is not None:
            chain.insert(0, t)
            if t.start > 0 and toks[t.start - 1].text == ",":
                t = ends.get(t.start - 1)
            else:
                break
        return chain

    def _elected_before(self, keys, pos: int) -> bool:
        """'bầu đồng chí A …', or an election sentence that lists its results with ';'."""
        if "bầu" in keys[:pos] and ";" in keys[:pos] and self.out.congresses:
            return True
        for back in (1, 2, 3, 4):
            j = pos - back
            if j >= 0:
                m = self.lex.elect_verbs.match(keys, j)
                if m and m[0] >= pos - 2 and keys[j] in ("bầu",):
                    return True
        return False

    def _context_title(self, toks, keys, k, s, found) -> list[Title]:
        """'được bầu giữ chức Bí thư' with no organisation: the party body the sentence names."""
        m = self.lex.role_trie.match(keys, k)
        if not m:
            return []
        org = self._context_org(s, found, k)
        if org is None:
            return []
        return [self._finish_title(toks, keys, m[1], org, k, m[0], False)]

    def _context_org(self, s: Sentence, found, before: int) -> Org | None:
        best = None
        for i, _, org in found:
            if i < before and org.kind in ("party", "executive"):
                best = self.resolve(org, s.tokens[i].start)
        if best is not None and best.kind == "executive" and best.parent is not None:
            best = best.parent
        return best

    def _sentence_term(self, s: Sentence) -> tuple[int, int] | None:
        m = _ANY_TERM.search(s.text)
        if m and int(m.group(1)) < int(m.group(2)):
            return int(m.group(1)), int(m.group(2))
        return None

    def _add_person(self, name: str, ev: Evidence) -> None:
        self.out.persons.setdefault(name, ev)

    def _office(self, person: str, t: Title, status: str, ev: Evidence) -> None:
        if t.org is None or t.org.bare:
            return
        self._add_person(person, ev)
        self.record_org(t.org, ev)
        self.out.offices.append(Office(person, t.role, t.org, status, t.term, ev))

    # -- congresses -------------------------------------------------------------
    def congresses(self, s: Sentence, ev: Evidence, found) -> None:
        toks = s.tokens
        keys = s.keys
        for i in range(len(toks) - 1):
            if keys[i] != "đại" or keys[i + 1] != "hội":
                continue
            k = i + 2
            org, ordinal = None, None
            while k < len(toks):
                if keys[k:k + 2] == ["đại", "biểu"]:
                    k += 2
                elif keys[k:k + 2] == ["toàn", "quốc"]:
                    org, k = party_org(), k + 2
                elif keys[k] == "của" and org is None:
                    k += 1
                elif keys[k] == "đảng" and org is None and (k + 1 >= len(keys) or keys[k + 1] not in ("bộ", "ủy", "cộng")):
                    org, k = party_org(), k + 1
                elif keys[k:k + 2] == ["lần", "thứ"] and k + 2 < len(toks) and ordinal is None:
                    ordinal = self._ordinal(toks[k + 2])
                    k += 3
                elif toks[k].roman and ordinal is None and toks[k].text.isupper():
                    ordinal = roman_to_int(toks[k].text)
                    k += 1
                elif org is None and (r := self.reader.read(toks, k, s.allcaps)) and r[0] > k:
                    org = self.resolve(r[1], toks[k].start)
                    k = r[0]
                    if org is None:
                        break
                else:
                    break
            subject = org is None
            if subject:
                org = self._congress_subject(s, found, keys, i)
            if org is None or ordinal is None or org.kind not in ("party", "executive", "mass"):
                continue
            if org.kind == "executive" and org.parent is not None:
                org = org.parent
            rest = s.text[toks[k - 1].end - s.start:] if k > 0 else s.text
            term = None
            m = _TERM.match(rest) or _TERM.match(s.text[toks[k].start - s.start:] if k < len(toks) else "")
            if m and int(m.group(1)) < int(m.group(2)):
                term = (int(m.group(1)), int(m.group(2)))
            # the congress's own dates follow its name closely ("… nhiệm kỳ 2020 - 2025 diễn ra từ ngày 19-21/8")
            start, end = self._dates(_DATE_WINDOW.split(rest[:80])[0], term)
            before = s.text[:toks[i].start - s.start]
            if start is None and (subject or _LEAD_DATE.fullmatch(before)):
                # "Ngày 13-8, Đảng bộ xã A tổ chức Đại hội lần thứ VII", "Sáng 30-9, Đại hội … khai mạc":
                # the date the sentence opens with
                start, end = self._dates(before, term)
            if start is not None and not self._plausible(start, term):
                start = end = None
            if start is not None and start == end:
                # one date: the day it opened ("khai mạc") or the day it closed ("bế mạc")
                if "bế mạc" in s.text.lower() and "khai mạc" not in s.text.lower():
                    start = None
            delegates = present = None
            dm = _DELEGATES.search(rest)
            if dm:
                present, delegates = _int(dm.group(1)), _int(dm.group(2))
                if present > delegates:
                    present = delegates = None
            self.record_org(org, ev)
            self.out.congresses.append(Congress(org, ordinal, term, start, end, delegates, present, evidence=ev))
        self._sizes(s, found)

    def _plausible(self, day: date, term) -> bool:
        """A congress opens in the first year of its term (or the year before)."""
        if term:
            return day.year in (term[0] - 1, term[0])
        return True

    def _congress_subject(self, s: Sentence, found, keys, i: int) -> Org | None:
        """'Đảng bộ xã A tổ chức Đại hội lần thứ VII': the unit before the verb."""
        for oi, oend, org in reversed(found):
            if oend <= i and self.lex.raw and any(
                    keys[oend:i] == list(phrase_keys(v)) for v in self.lex.raw["congress_verbs"]):
                return self.resolve(org, s.tokens[oi].start)
        return None

    def _ordinal(self, tok: Token) -> int | None:
        if tok.kind == "num" and tok.text.isdigit():
            return int(tok.text)
        if tok.roman:
            return roman_to_int(tok.text)
        return self.lex.raw["ordinal_words"].get(tok.key)

    def _dates(self, text: str, term) -> tuple[date | None, date | None]:
        default_year = term[0] if term else (self.date.year if self.date else None)
        m = _DATE_SPAN.search(text)
        if m:
            d1, m1, y1, d2, m2, y2 = m.groups()
            y2 = y2 or y1 or default_year
            y1 = y1 or y2
            return _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
        m = _DATE_RANGE.search(text)
        if m:
            d1, d2, mo, y = m.groups()
            y = y or default_year
            a, b = _safe_date(y, mo, d1), _safe_date(y, mo, d2)
            if a and b and a <= b:
                return a, b
        m = _DATE_ONE.search(text)
        if m:
            d, mo, y = m.groups()
            one = _safe_date(y or default_year, mo, d)
            return one, one
        return None, None

    def _sizes(self, s: Sentence, found) -> None:
        """'bầu Ban Chấp hành … khóa VIII gồm 27 đồng chí': sizes elected by the unit's latest congress."""
        units = {}
        for i, _, org in found:
            org = self.resolve(org, s.tokens[i].start)
            if org is not None and org.kind in ("executive", "committee") and org.parent is not None:
                unit = org.parent if org.kind == "executive" else (org.parent.parent or org.parent)
                units.setdefault(unit.key, unit)
        idx = next((n for n in range(len(self.out.congresses) - 1, -1, -1)
                    if self.out.congresses[n].org.key in units), None)
        if idx is None:
            return
        last = self.out.congresses[idx]
        changes = {}
        m = _COMMITTEE.search(s.text)
        if m:
            changes["committee_size"] = int(m.group(2))
            if m.group(1):
                changes["khoa"] = roman_to_int(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
        m = _STANDING.search(s.text)
        if m:
            changes["standing_size"] = int(m.group(1) or m.group(2))
        if changes:
            self.out.congresses[idx] = replace(last, **changes)

    # -- hierarchy the text states ---------------------------------------------------
    def stated_hierarchy(self, s: Sentence, ev: Evidence, found) -> None:
        """'Chi bộ X trực thuộc Đảng ủy Y': X is a sub-organisation of Đảng bộ Y."""
        keys = s.keys
        for i, end, org in found:
            j = end
            if j < len(keys) and keys[j] == "trực":
                j += 1
            if j >= len(keys) or keys[j] != "thuộc" or org.kind != "party":
                continue
            r = self.reader.read(s.tokens, j + 1, s.allcaps) if j + 1 < len(keys) else None
            if not r:
                continue
            child, parent = self.resolve(org, s.tokens[i].start), self.resolve(r[1], s.tokens[j + 1].start)
            if parent is not None and parent.kind == "executive" and parent.parent is not None:
                parent = parent.parent
            if child is None or parent is None or parent.kind != "party" or child.key == parent.key:
                continue
            self.record_org(child, ev)
            self.record_org(parent, ev)
            self.out.stated_parents.add((child.key, parent.key))

    # -- change events ------------------------------------------------------------
    def changes(self, s: Sentence, ev: Evidence, found) -> None:
        toks = s.tokens
        keys = s.keys
        i = 0
        while i < len(toks):
            m = self.lex.change_verbs.match(keys, i) if keys[i] in self.lex.change_verbs.root else None
            if not m:
                i += 1
                continue
            end, kind = m
            if any(self.lex.change_blockers.match(keys, j) for j in range(max(0, i - 5), i)):
                i = end
                continue
            k = end
            if k < len(toks) and toks[k].kind == "num":
                k += 1
            orgs, k = self._org_list(toks, keys, k, s)
            if kind == "merger":
                result = None
                if k < len(toks) and keys[k] in ("thành", "vào"):
                    into = keys[k] == "vào"
                    r = self.reader.read(toks, k + 1, s.allcaps)
                    if r:
                        result = self.resolve(r[1], toks[k + 1].start)
                        if into and result is not None:
                            orgs.append(result)
                elif len(orgs) >= 2:
                    result = self._merged(orgs)
                if result is not None and len(orgs) >= 2:
                    orgs = [self._with_place(o, result) if not o.province and result.province else o
                            for o in orgs]
                    for o in orgs + [result]:
                        self.record_org(o, ev)
                    self.out.changes.append(Change("merger", tuple(orgs), (result,), ev))
            elif kind == "founding" and orgs and orgs[0].kind not in ("enterprise", "other"):
                founded = orgs[0]
                self.record_org(founded, ev)
                self.out.changes.append(Change("founding", (), (founded,), ev))
                if founded.kind == "party":
                    parent = self._context_org(s, found, i)
                    if parent is not None and parent.label != founded.label:
                        self.out.stated_parents.add((founded.key, parent.key))
                        self.record_org(parent, ev)
            elif kind == "dissolution" and orgs:
                for o in orgs:
                    self.record_org(o, ev)
                self.out.changes.append(Change("dissolution", tuple(orgs), (), ev))
            i = max(k, end)

    def _org_list(self, toks, keys, k, s):
        orgs: list[Org] = []
        first: Org | None = None
        while k < len(toks):
            r = self.reader.read(toks, k, s.allcaps)
            if r and r[0] > k:
                org = self.resolve(r[1], toks[k].start)
                if org is None:
                    break
                orgs.append(org)
                first = first or org
                k = r[0]
            elif first is not None and toks[k].cap and first.kind == "party":
                # "Khối Cơ quan và Khối Doanh nghiệp": the second name shares the head
                end, words, place = self.reader.read_name(toks, keys, k, s.allcaps)
                if not words:
                    break
                orgs.append(self.reader.unit(" ".join([first.head] + words), None, None, scoped=True))
                k = end
            else:
                break
            if k < len(toks) and keys[k] in ("và", ","):
                k += 1
                continue
            break
        return orgs, k

    def _merged(self, orgs: list[Org]) -> Org | None:
        """The unit two merged ones became, named by joining them ("Khối Cơ quan và Doanh nghiệp")."""
        heads = {o.head for o in orgs}
        if len(heads) != 1:
            return None
        head = orgs[0].head
        names = [o.label[len(head):].strip() for o in orgs]
        common = names[0].split()[0] if names[0] else ""
        if not common or not all(n.split()[:1] == [common] for n in names):
            return None
        joined = f"{head} {common} " + " và ".join(n.split(" ", 1)[1] for n in names if " " in n)
        low = joined.lower()
        for _, cand in self.registry.mentions:
            if cand.label.lower() == low or cand.label.lower().startswith(low + " "):
                return cand
        return self.reader.unit(joined, None, None, scoped=True)

    def _with_place(self, org: Org, result: Org) -> Org:
        suffix = result.label.rsplit(" tỉnh ", 1)
        if len(suffix) == 2 and result.province:
            return self.reader.unit(f"{org.label} tỉnh {result.province}", org.level, result.province)
        return org

    # -- tidy ---------------------------------------------------------------------
    def _congress_terms(self) -> None:
        """An office elected in an article about a congress is for that congress's term."""
        terms = {}
        for c in self.out.congresses:
            if c.term:
                terms.setdefault(c.org.key, set()).add(c.term)
        out = []
        for o in self.out.offices:
            if o.status == "elected" and o.term is None:
                org = o.org
                while org is not None:
                    found = terms.get(org.key)
                    if found and len(found) == 1:
                        o = replace(o, term=next(iter(found)))
                        break
                    org = org.parent
            out.append(o)
        self.out.offices = out

    def _dedupe(self) -> None:
        self._congress_terms()
        seen: dict[tuple, Office] = {}
        for o in self.out.offices:
            k = (o.person, o.role.id, o.org.key, o.status)
            if k not in seen or (o.term and not seen[k].term):
                seen[k] = o
        self.out.offices = list(seen.values())
        merged: dict[tuple, Congress] = {}
        for c in self.out.congresses:
            k = (c.org.key, c.ordinal)
            if k in merged:
                old = merged[k]
                merged[k] = replace(old, **{f: getattr(c, f) for f in (
                    "term", "start", "end", "delegates", "delegates_present", "committee_size",
                    "standing_size", "khoa") if getattr(old, f) is None and getattr(c, f) is not None})
            else:
                merged[k] = c
        self.out.congresses = list(merged.values())
        changes: dict[tuple, Change] = {}
        for ch in self.out.changes:
            changes.setdefault((ch.kind, tuple(o.label for o in ch.originals), tuple(o.label for o in ch.results)), ch)
        self.out.changes = list(changes.values())


def extract(article: Article, lex: Lexicon | None = None) -> Extraction:
    """Read one article's people, organisations, offices, congresses and changes."""
    return ArticleExtractor(article, lex).run()
