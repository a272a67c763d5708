"""Article-level context: the article's date, the provinces it names, its usual spelling of words.

Reads the normalised text and the article's metadata; adds `Doc.date`,
`Doc.province_mentions`, `Doc.province` (the province the article is about)
and `Doc.casing` (to read all-caps headlines), then the organisation reader
that resolves a bare "tỉnh" against them.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from partygraph.extract.doc import Doc
from partygraph.extract.orgs import OrgReader
from partygraph.extract.component import component
from partygraph.normalise import normalise_text

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_HEADER_DATE = re.compile(r"(?<!\d)(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d{2})(?!\d)")


def safe_date(y, m, d) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except (TypeError, ValueError):
        return None


@component(assigns=("date",))
def article_date(doc: Doc) -> None:
    """The metadata's date, else the date most often written in the article's head (a page date)."""
    if doc.article.published and (m := _ISO_DATE.match(doc.article.published)):
        doc.date = safe_date(*m.groups())
        return
    head = doc.norm.text[:1500]
    found, first = Counter(), {}
    for m in _HEADER_DATE.finditer(head):
        d = safe_date(m.group(3), m.group(2), m.group(1))
        # a news page's date, not a birth date or a date in history
        if d and d.year >= 1990 and not any(
                w in head[max(0, m.start() - 15):m.start()].lower() for w in doc.lex.links["birth"]):
            found[d] += 1
            first.setdefault(d, m.start())
    doc.date = max(found, key=lambda d: (found[d], -first[d])) if found else None


def _province_mentions(doc: Doc) -> list[tuple[int, str]]:
    lex = doc.lex
    mentions: list[tuple[int, str]] = []
    for s in doc.sents:
        ks = s.keys
        i = 0
        while i < len(ks):
            # a capitalised name, or an abbreviation written for one ("TP HCM": "thành phố" + "HCM")
            m = lex.province_trie.match(ks, i) if s.tokens[i].cap or s.tokens[i].abbr else None
            if not (m and (i + 1 >= len(ks) or m[0] > i)):
                i += 1
                continue
            # a province name inside a person's name is not a place ("Nguyễn Thái Bình"),
            # nor inside an idea's ("tư tưởng Hồ Chí Minh")
            prev = s.tokens[i - 1] if i else None
            blocked = any((b := lex.idea_blockers.match(ks, j)) and b[0] == i for j in range(max(0, i - 4), i))
            # a province named like a person ("Hồ Chí Minh") counts only after a place word
            personlike = (m[0] - i >= 3 and ks[i] in lex.surnames
                          and not (i and lex.place_words.match(ks, i - 1)
                                   or i > 1 and lex.place_words.match(ks, i - 2)))
            if not (personlike or blocked or _name_goes_on(lex, s, m[0])) and not (
                    prev and prev.cap and prev.is_word and prev.key in lex.surnames):
                mentions.append((s.tokens[i].start, m[1].name))
            i = m[0]
    return mentions


def _name_goes_on(lex, s, end: int) -> bool:
    """A capitalised word after a province's name that goes on with it: "Thái Bình Dương" (the Pacific), a
    company's "Thái Bình Dương"; not a person's name ("Nghệ An Nguyễn Văn A"), a unit or a title after it."""
    toks = s.tokens
    if end >= len(toks) or not (toks[end].is_word and toks[end].cap) or toks[end].abbr or toks[end].upper:
        return False
    if lex.heads.match(s.keys, end) or lex.role_trie.match(s.keys, end) or lex.place_words.match(s.keys, end):
        return False
    nxt = toks[end + 1] if end + 1 < len(toks) else None
    return not (toks[end].key in lex.surnames and nxt is not None and nxt.is_word and nxt.cap)


@component(assigns=("province_mentions", "province"))
def provinces(doc: Doc) -> None:
    """Every province named, and the one the article is about: the metadata's, else the dominant one."""
    doc.province_mentions = _province_mentions(doc)
    if doc.article.province:
        doc.province = normalise_text(doc.article.province)
        return
    counts = Counter(name for _, name in doc.province_mentions)
    if counts:
        top, n = counts.most_common(1)[0]
        if (n >= 2 and n >= 0.5 * sum(counts.values())) or len(counts) == 1:
            doc.province = top


@component(requires=("province_mentions", "province"), assigns=("casing", "reader"))
def org_reader(doc: Doc) -> None:
    """The article's usual spelling of words (only needed for all-caps headlines) and its organisation reader."""
    if any(s.allcaps for s in doc.sents):
        counts: dict[str, Counter] = {}
        for s in doc.sents:
            if s.allcaps:
                continue
            for t in s.tokens:
                if t.is_word and not t.abbr and not t.upper:
                    counts.setdefault(t.key, Counter())[t.text] += 1
        doc.casing = {k: c.most_common(1)[0][0] for k, c in counts.items()}
    doc.reader = OrgReader(doc.lex, doc.province_at, doc.casing)


@component(requires=("reader",), assigns=("local_mentions",))
def local_places(doc: Doc) -> None:
    """Every district and commune named ("huyện Cần Giờ", "xã Thạnh An", "quận 5"), in order: a bare
    "huyện" or "xã" later in the text is the last one of its word named (`Doc.local_at`)."""
    lex, reader = doc.lex, doc.reader
    levels = lex.raw["focus_levels"]
    first = {w.split()[0] for w, level in lex.place_levels.items() if level in levels}
    people = None
    for s in doc.sents:
        if s.allcaps or first.isdisjoint(s.keys):
            continue
        for i, key in enumerate(s.keys):
            pw = lex.place_words.match(s.keys, i) if key in first else None
            if not pw or lex.place_levels.get(pw[1]) not in levels:
                continue
            people = _named_people(doc) if people is None else people
            place = reader.read_place(s.tokens, s.keys, i, False)
            if place and place[2] is None and place[1].startswith(pw[1] + " "):
                words = place[1][len(pw[1]) + 1:].split()
                while len(words) > 1 and words[-1].lower() in lex.name_end_stops:  # "xã Quế Long Đến …" (no stop)
                    words.pop()
                if not any(" ".join(words) in p for p in people):  # "UBND huyện Đỗ Tố" beside "ông Đỗ Tố"
                    doc.local_mentions.append((s.tokens[i].start, pw[1], " ".join(words)))
                    _district_of(doc, s, place[0], f"{pw[1]} {' '.join(words)}")
    # "thị xã Đồ" (cut short by a name after it) beside "thị xã Đồ Sơn": the longer name
    names = {(w, n) for _, w, n in doc.local_mentions}
    longest = [(p, w, max((n2 for w2, n2 in names if w2 == w and (n2 + " ").startswith(n + " ")), key=len))
               for p, w, n in doc.local_mentions]
    # a one-word name may be a name cut short ("chủ tịch thị xã Vũ Văn Thủy"): not a place to refer back to
    doc.local_mentions = [(p, w, n) for p, w, n in longest if " " in n or n.isdigit()]
    reader.local_at = doc.local_at
    named = {name for _, name in doc.province_mentions}
    reader.named_provinces = named
    if doc.province and named <= {doc.province}:
        reader.one_province = doc.province
    cut = doc.lex.raw["districts_abolished"]
    reader.no_districts = bool(doc.date and doc.date.isoformat() >= cut)
    # "Công an Thừa Thiên - Huế" in 2006 is the province's: a city run centrally only later is a "tỉnh" then,
    # and in an undated article that calls it by a name it had as a province
    reader.provinces_then = {name for name, since in doc.lex.city_since.items()
                             if (doc.date.isoformat() < since if doc.date else
                                 any(old in doc.norm.text for old in doc.lex.city_province_names[name]))}


def _district_of(doc: Doc, s, k: int, commune: str) -> None:
    """'xã Thạnh An, huyện Cần Giờ': the district a commune is in, as the text puts it."""
    lex = doc.lex
    if lex.place_levels.get(commune.split(" ")[0]) != "grassroots" or commune.split(" ")[0] == "thị":
        return
    if k < len(s.tokens) and s.tokens[k].text == "(":  # "xã Phù Mỹ (Thạch Hà)": a district the tables know
        end = next((e for e in range(k + 1, min(k + 5, len(s.tokens))) if s.tokens[e].text == ")"), None)
        name = " ".join(s.keys[k + 1:end]) if end else ""
        words = [w for w in lex.district_words if (w, name) in lex.districts]
        if len(words) == 1 and all(t.cap for t in s.tokens[k + 1:end]):
            doc.reader.districts.setdefault(commune, f"{words[0]} {' '.join(t.text for t in s.tokens[k + 1:end])}")
        return
    if k < len(s.tokens) and s.tokens[k].text == ",":
        k += 1
    pw = lex.place_words.match(s.keys, k) if k < len(s.tokens) else None
    if pw and lex.place_levels.get(pw[1]) == "district":
        place = doc.reader.read_place(s.tokens, s.keys, k, False)
        if place and place[2] is None and place[1].count(" ") >= len(pw[1].split()):
            doc.reader.districts.setdefault(commune, place[1])


def _named_people(doc: Doc) -> set[str]:
    """The names the article writes after an honorific ("ông Đỗ Tố")."""
    out, starts = set(), doc.lex.honorific_starts
    for s in doc.sents:
        if starts.isdisjoint(s.keys):
            continue
        for i, k in enumerate(s.keys):
            if k in starts and (pm := doc.people.read(s.tokens, s.keys, i, s.allcaps)):
                out.add(pm.name)
    return out
