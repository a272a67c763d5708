"""Congresses: "Đại hội đại biểu Đảng bộ tỉnh X lần thứ VIII, nhiệm kỳ 2020-2025, diễn ra từ ngày 19-21/8".

`congresses` reads each congress with an ordinal (its unit, term, dates,
delegates); `congress_sizes` reads the committee sizes an election reports
("bầu Ban Chấp hành … khóa VIII gồm 27 đồng chí") for the unit's latest
congress. The words are the lexicon's `congress` and `phrasing` sections.
"""

from __future__ import annotations

from datetime import date

from partygraph.extract.component import component
from partygraph.extract.context import safe_date
from partygraph.extract.doc import Doc, SentenceMentions, SizeReport
from partygraph.extract.orgs import Org, party_org
from partygraph.extract.records import Congress
from partygraph.tokens import Token
from partygraph.lexicon import keys as phrase_keys

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


def ordinal(doc: Doc, tok: Token) -> int | None:
    """'VIII', '8', 'nhất' → 8, 8, 1."""
    if tok.kind == "num" and tok.text.isdigit():
        return int(tok.text)
    if tok.roman:
        return roman_to_int(tok.text)
    return doc.lex.raw["ordinal_words"].get(tok.key)


def _name(doc: Doc, m: SentenceMentions, k: int) -> tuple[Org | None, int | None, int]:
    """After "Đại hội": its unit and ordinal, in any order ("đại biểu Đảng bộ tỉnh X lần thứ VIII")."""
    s, words = m.sentence, doc.lex.congress
    toks, keys = s.tokens, s.keys
    org = num = None
    while k < len(toks):
        if (w := words.skip.match(keys, k)) is not None:
            k = w[0]
        elif (w := words.national.match(keys, k)) is not None:
            org, k = party_org(), w[0]
        elif org is None and keys[k] in words.of:
            k += 1
        elif org is None and keys[k] in words.party and (k + 1 >= len(keys) or keys[k + 1] not in words.not_party):
            org, k = party_org(), k + 1
        elif num is None and (w := words.ordinal.match(keys, k)) is not None and w[0] < len(toks) \
                and ordinal(doc, toks[w[0]]) is not None:
            num, k = ordinal(doc, toks[w[0]]), w[0] + 1
        elif num is None and toks[k].roman and toks[k].text.isupper():
            num, k = roman_to_int(toks[k].text), k + 1
        elif org is None and (r := doc.reader.read(toks, k, s.allcaps)) and r[0] > k:
            org, k = doc.resolve(r[1], toks[k].start), r[0]
            if org is None:
                break  # a short name nothing resolves: perhaps the sentence's subject is meant
        else:
            break
    return org, num, k


def _subject(doc: Doc, m: SentenceMentions, i: int) -> Org | None:
    """'Đảng bộ xã A tổ chức Đại hội lần thứ VII': the unit before the verb."""
    keys = m.sentence.keys
    for oi, oend, org in reversed(m.orgs):
        if oend < len(keys) and keys[oend] == ",":  # "Đảng bộ phường A, TP.HCM, tổ chức …"
            close = next((k for k in range(oend + 1, min(i, oend + 6)) if keys[k] == ","), None)
            oend = close + 1 if close is not None else oend
        if oend <= i and any(keys[oend:i] == list(phrase_keys(v)) for v in doc.lex.raw["congress_verbs"]):
            return doc.resolve(org, m.sentence.tokens[oi].start)
    return None


def _sentence_unit(doc: Doc, m: SentenceMentions, i: int, num: int) -> Org | None:
    """'Đảng bộ A vẫn đạt mục tiêu Nghị quyết Đại hội III': the one party unit the sentence names before
    the congress; the Party's when the sentence names only central bodies ("Tổng Bí thư khóa X … Đại hội IX")."""
    units, central = set(), False
    for oi, _, org in m.orgs:
        if org.kind not in ("party", "executive", "committee"):
            continue
        org = doc.resolve(org, m.sentence.tokens[oi].start)
        if org is None:
            continue  # "Bí thư Đảng ủy": a short name of some unit, maybe the one named
        if org.level == "central":
            central = True
        elif oi < i and org.kind == "party":
            units.add(org)  # written as the unit itself ("Đảng bộ A"), not through its committee
        elif org.kind == "party":
            return None
    year = doc.date.year if doc.date else (m.term[1] if m.term else None)
    if len(units) == 1 and not central and not _national_near(doc, num, year):
        return units.pop()
    return party_org() if central and not units else None


def _national_near(doc: Doc, num: int, year: int | None) -> bool:
    """Whether the national congress numbered `num` is the one of the time (the article's date, else the
    term the sentence states), or the time is unknown."""
    if year is None:
        return True
    years = doc.lex.congress.national_years
    now = max((n for n, y in years.items() if y <= year), default=0)
    return num in (now - 1, now, now + 1)


def _term(doc: Doc, m: SentenceMentions, k: int) -> tuple[int, int] | None:
    s, toks = m.sentence, m.sentence.tokens
    if k < len(toks) and toks[k].text == "(":  # "lần VIII (nhiệm kỳ 2005-2010)"
        k += 1
    rest = s.text[toks[k - 1].end - s.start:] if k > 0 else s.text
    found = doc.lex.phrasing.term_after.match(rest) or doc.lex.phrasing.term_after.match(
        s.text[toks[k].start - s.start:] if k < len(toks) else "")
    if found and int(found.group(1)) < int(found.group(2)):
        return int(found.group(1)), int(found.group(2))
    return None


def dates(doc: Doc, text: str, term) -> tuple[date | None, date | None]:
    """The first date span, range or single date in `text` (the year from the term or the article)."""
    p = doc.lex.phrasing
    default_year = term[0] if term else (doc.date.year if doc.date else None)
    if found := p.date_span.search(text):
        d1, m1, y1, d2, m2, y2 = found.groups()
        y2 = y2 or y1 or default_year
        y1 = y1 or y2
        return safe_date(y1, m1, d1), safe_date(y2, m2, d2)
    if found := p.date_range.search(text):
        d1, d2, mo, y = found.groups()
        y = y or default_year
        a, b = safe_date(y, mo, d1), safe_date(y, mo, d2)
        if a and b and a <= b:
            return a, b
    if found := p.date_one.search(text):
        d, mo, y = found.groups()
        one = safe_date(y or default_year, mo, d)
        return one, one
    return None, None


def _when(doc: Doc, m: SentenceMentions, i: int, k: int, term, subject: bool):
    """The congress's own dates: right after its name, else the date the sentence opens with."""
    s, toks, p = m.sentence, m.sentence.tokens, doc.lex.phrasing
    rest = s.text[toks[k - 1].end - s.start:] if k > 0 else s.text
    start, end = dates(doc, p.date_window.split(rest[:80])[0], term)
    before = s.text[:toks[i].start - s.start]
    if start is None and (subject or p.lead_date.fullmatch(before)):
        # "Ngày 13-8, Đảng bộ xã A tổ chức Đại hội lần thứ VII", "Sáng 30-9, Đại hội … khai mạc"
        start, end = dates(doc, before, term)
    if start is not None and term and start.year not in (term[0] - 1, term[0]):
        start = end = None  # a congress opens in the first year of its term (or the year before)
    if start is not None and start == end:
        # one date: the day it opened or the day it closed
        low = s.text.lower()
        if any(w in low for w in doc.lex.congress.closing) and not any(w in low for w in doc.lex.congress.opening):
            start = None
    return start, end


def _delegates(doc: Doc, m: SentenceMentions, k: int) -> tuple[int | None, int | None]:
    s, toks = m.sentence, m.sentence.tokens
    rest = s.text[toks[k - 1].end - s.start:] if k > 0 else s.text
    found = doc.lex.phrasing.delegates.search(rest)
    if not found:
        return None, None
    present, delegates = (int(g.replace(".", "")) for g in found.groups())
    return (None, None) if present > delegates else (delegates, present)


def _congress(doc: Doc, m: SentenceMentions, i: int, k: int) -> Congress | None:
    org, num, k = _name(doc, m, k)
    subject = org is None
    if subject:
        org = _subject(doc, m, i) or (_sentence_unit(doc, m, i, num) if num is not None else None)
    if org is None or num is None or org.kind not in ("party", "executive", "mass"):
        return None
    if org.kind == "executive" and org.parent is not None:
        org = org.parent
    term = _term(doc, m, k)
    start, end = _when(doc, m, i, k, term, subject or _subject(doc, m, i) is not None)
    delegates, present = _delegates(doc, m, k)
    return Congress(org, num, term, start, end, delegates, present, evidence=m.evidence)


@component(requires=("mentions.orgs",), assigns=("congresses",))
def congresses(doc: Doc) -> None:
    """Every "Đại hội" with an ordinal, its unit, term, dates and delegates."""
    words = doc.lex.congress.word
    for m in doc.mentions:
        keys = m.sentence.keys
        for i in range(len(keys) - 1):
            found = words.match(keys, i)
            if found is None:
                continue
            c = _congress(doc, m, i, found[0])
            if c is not None:
                doc.record_org(c.org, m.evidence, m.index)
                doc.congresses.append((m.index, c))


def _sizes(doc: Doc, m: SentenceMentions) -> dict:
    p = doc.lex.phrasing
    sizes = {}
    if found := p.committee_size.search(m.sentence.text):
        sizes["committee_size"] = int(found.group(2))
        if found.group(1):
            n = found.group(1)
            sizes["khoa"] = int(n) if n.isdigit() else roman_to_int(n)
    if found := p.standing_size.search(m.sentence.text):
        sizes["standing_size"] = int(found.group(1) or found.group(2))
    return sizes


@component(requires=("congresses",), assigns=("congress_sizes",))
def congress_sizes(doc: Doc) -> None:
    """'bầu Ban Chấp hành … khóa VIII gồm 27 đồng chí': sizes elected by the unit's latest congress so far."""
    for m in doc.mentions:
        units = {}
        for i, _, org in m.orgs:
            org = doc.resolve(org, m.sentence.tokens[i].start)
            if org is not None and org.kind in ("executive", "committee") and org.parent is not None:
                unit = org.parent if org.kind == "executive" else (org.parent.parent or org.parent)
                units.setdefault(unit.key, unit)
        idx = next((n for n in range(len(doc.congresses) - 1, -1, -1)
                    if doc.congresses[n][0] <= m.index and doc.congresses[n][1].org.key in units), None)
        if idx is not None and (sizes := _sizes(doc, m)):
            doc.sizes.append(SizeReport(idx, sizes))


@component(requires=("mentions.orgs",), assigns=("committee_terms",))
def committee_terms(doc: Doc) -> None:
    """'Ban Chấp hành Đảng bộ tỉnh X khóa XVI, nhiệm kỳ 2015-2020': the term of that committee and its unit."""
    p = doc.lex.phrasing
    for m in doc.mentions:
        s = m.sentence
        for i, end, org in m.orgs:
            if org.kind != "executive" or end == 0 or end >= len(s.tokens):
                continue
            rest = s.text[s.tokens[end - 1].end - s.start:]
            khoa = p.khoa_after.match(rest)
            found = p.term_after.match(rest, khoa.end() if khoa else 0)
            if not found or int(found.group(1)) >= int(found.group(2)):
                continue
            org = doc.resolve(org, s.tokens[i].start)
            for node in (org, org.parent if org is not None else None):
                if node is not None and not node.bare:
                    doc.committee_terms.setdefault(node.key, set()).add((int(found.group(1)), int(found.group(2))))
