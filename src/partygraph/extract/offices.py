"""Offices: one component per way Vietnamese news attaches a title to a person.

- apposition: "đồng chí A, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy";
- title before the name: "Phó Bí thư Thường trực Đảng ủy Khối … Vũ Ngọc Vinh";
- verb clause: "A đắc cử chức Bí thư …", "bầu đồng chí A và đồng chí B làm Phó Bí thư";
- committee, then its members: "bầu Ban Chấp hành …, gồm các đồng chí: A, B và C";
- title, then the people who hold it: "Phó Bí thư là các đồng chí A và B".

Each reads the sentence mentions and adds offices (`Doc.add_office`); a
title whose organisation cannot be told is left out rather than guessed.
"""

from __future__ import annotations

from dataclasses import replace

from partygraph.extract.component import component
from partygraph.extract.doc import Doc, SentenceMentions, Title
from partygraph.extract.people import PersonMention
from partygraph.extract.titles import TitleReader


def _status(t: Title, status: str = "current") -> str:
    return "former" if t.former else status


def titles_before(m: SentenceMentions, pos: int) -> list[Title]:
    """The titles written right before token `pos`, comma-joined ("Ủy viên Bộ Chính trị, Bí thư Thành ủy A")."""
    toks = m.sentence.tokens
    chain = []
    t = m.title_ends.get(pos)
    while t is not None and t.org is not None:
        chain.insert(0, t)
        if t.start > 0 and toks[t.start - 1].text == ",":
            t = m.title_ends.get(t.start - 1)
        else:
            break
    return chain


def _persons(m: SentenceMentions, doc: Doc):
    """The people of a sentence whose offices are ours (not a foreign delegation's leader)."""
    keys = m.sentence.keys
    for pm in m.persons:
        before = titles_before(m, pm.hon_start)
        if not _leads_foreign_delegation(doc, keys, before[0].start if before else pm.hon_start):
            yield pm, before


def _leads_foreign_delegation(doc: Doc, keys, k: int) -> bool:
    """Whether `k` follows the "do" of "đoàn … <another country> … do …": that delegation's leader."""
    links = doc.lex.links
    if k < 1 or keys[k - 1] not in links["led_by"]:
        return False
    window = keys[max(0, k - 16):k - 1]
    delegation = [i for i, w in enumerate(window) if w in links["delegation"]]
    if not delegation:
        return False
    return any(doc.lex.foreign_at(window, i, in_text=True) for i in range(delegation[-1] + 1, len(window)))


@component(requires=("mentions.titles",), assigns=("offices", "mentions.after_appositions"))
def appositions(doc: Doc) -> None:
    """'A, Phó Bí thư Tỉnh ủy (nguyên Phó Chủ tịch UBND tỉnh) …': titles after the name, maybe in several parts."""
    reader = TitleReader(doc)
    for m in doc.mentions:
        s, starts = m.sentence, m.person_starts
        toks = s.tokens
        for pm, before in _persons(m, doc):
            k = after = pm.end
            while k < len(toks) and toks[k].text in doc.lex.links["apposition"]:
                chain = reader.chain(s, k + 1, starts)
                if before and chain and reader.owned_by_next(s, chain[-1].end, starts):
                    # A list with titles before each name ("nguyên Tổng Bí thư A, Ủy viên Bộ Chính trị,
                    # Trưởng ban X B"): the titles after A may as well be B's, so neither gets them.
                    break
                if chain and reader.foreign_next(s, chain[-1].end):
                    break  # "A, Ủy viên Bộ Chính trị, Chủ tịch nước Cộng hòa dân chủ nhân dân Lào": not ours
                for t in chain:
                    doc.add_office(m, pm.name, t, _status(t))
                if not chain:
                    break
                k = chain[-1].end
                while k < len(toks) and toks[k].text in doc.lex.links["apposition_close"]:
                    k += 1
                after = k
                if k < len(toks) and toks[k].text == "," and doc.lex.office_verbs.match(s.keys, k + 1):
                    after = k + 1
            m.after_appositions[pm.hon_start] = after


@component(requires=("mentions.titles",), assigns=("offices",))
def titles_before_name(doc: Doc) -> None:
    """'Phó Bí thư Thường trực Tỉnh ủy Nguyễn Văn A': the titles written right before the name."""
    for m in doc.mentions:
        for pm, before in _persons(m, doc):
            for t in before:
                doc.add_office(m, pm.name, t, _status(t))


def _group(m: SentenceMentions, pm: PersonMention, k: int, links) -> tuple[list[PersonMention], int]:
    """'A, B và C được bầu …': the people sharing the verb that follows them."""
    by_start = m.persons_by_start
    keys = m.sentence.keys
    group = [pm]
    while k + 1 < len(keys) and keys[k] in links and k + 1 in by_start:
        group.append(by_start[k + 1])
        k = by_start[k + 1].end
    return group, k


def _verb_chains(doc: Doc, reader: TitleReader, m: SentenceMentions, group, k: int):
    """The titles after one or more office verbs ("được bầu làm …, giữ chức …"), each with its status."""
    s, lex = m.sentence, doc.lex
    toks, keys = s.tokens, s.keys
    chains = []
    verb = lex.office_verbs.match(keys, k)
    while verb:
        vend, (status, implied_role) = verb
        while vend < len(toks) and toks[vend].text == ":":  # "từng giữ các chức vụ: …"
            vend += 1
        if status == "current" and doc.elected_before(m, group[0].hon_start):
            status = "elected"
        if implied_role:  # "tham gia Ban Chấp hành Đảng bộ tỉnh": a member of that body
            chain = reader.membership(s, vend, implied_role)
        else:
            chain = reader.chain(s, vend, m.person_starts)
        if not chain and status == "elected" and not implied_role:
            chain = reader.in_context(m, vend)
        chains.append((status, chain))
        # "…, giữ chức Phó Bí thư Tỉnh ủy": a second verb continues the list
        nxt = chain[-1].end if chain else None
        verb = None
        if nxt is not None and nxt + 1 < len(toks) and keys[nxt] in lex.links["verb_continues"]:
            verb = lex.office_verbs.match(keys, nxt + 1)
            if verb and verb[1][0] == "former":
                verb = None
    return chains


@component(requires=("mentions.titles", "mentions.after_appositions", "congresses"), assigns=("offices",))
def verb_clauses(doc: Doc) -> None:
    """'A đã tái đắc cử chức Bí thư …', 'A và B được bầu làm Phó Bí thư', 'A, …, giữ chức …'."""
    reader = TitleReader(doc)
    lex = doc.lex
    for m in doc.mentions:
        keys = m.sentence.keys
        grouped: set[int] = set()
        for pm, _ in _persons(m, doc):
            group, k = _group(m, pm, m.after_appositions.get(pm.hon_start, pm.end), lex.links["group"])
            while k < len(keys) and keys[k] in lex.auxiliaries:  # "A đã tái đắc cử …"
                k += 1
            if pm.hon_start in grouped:
                continue
            chains = _verb_chains(doc, reader, m, group, k)
            if chains:
                grouped.update(member.hon_start for member in group)
            for status, chain in chains:
                for t in chain:
                    for member in group:
                        st = _status(t, status)
                        term = t.term or (m.term if st == "elected" else None)
                        doc.add_office(m, member.name, replace(t, term=term), st)


def _person_list(doc: Doc, m: SentenceMentions, j: int) -> list[PersonMention]:
    """'A, B và C': names in a list (an honorific before the list covers them all)."""
    return [pm for pm, _ in _list_items(doc, TitleReader(doc), m, j)]


def _list_items(doc: Doc, reader: TitleReader, m: SentenceMentions, j: int):
    """'A, B và C', 'A, title; B - title và C', 'title A, title B': the people of a list, each with the
    titles written after its name (those before it are read by `titles_before_name`)."""
    s = m.sentence
    toks, keys = s.tokens, s.keys
    out = []
    pm = _list_name(doc, m, j, titled=True)
    titled = pm is not None and pm.hon_start > j  # "Bộ trưởng Bộ Y tế A, Bộ trưởng Bộ X B"
    while pm is not None:
        k, chain = _item_titles(doc, reader, m, pm.end)
        out.append((pm, chain))
        pm = None
        if k + 1 < len(toks) and keys[k] in doc.lex.links["list"]:
            pm = _list_name(doc, m, k + 1, titled=titled and keys[k] != ";")
        if pm is None and not titled and (nxt := _next_item(doc, m, k)) is not None:
            pm = _list_name(doc, m, nxt, strict=True)  # "A, <a title not known>; B, …"
    return out


def _list_name(doc: Doc, m: SentenceMentions, j: int, strict: bool = False, titled: bool = False):
    """The person a list item at j names: a name (one after an unknown title must open with a surname),
    or, when `titled`, titles written before a name ("Bộ trưởng Bộ Y tế A")."""
    s = m.sentence
    if j >= len(s.tokens):
        return None
    by_start = m.persons_by_start
    pm = by_start.get(j) or doc.people.read(s.tokens, s.keys, j, s.allcaps, listed=True)
    if pm is not None:
        if strict and pm.hon_start == pm.start and s.keys[pm.start] not in doc.lex.surnames:
            return None
        return pm
    for p in m.persons if titled else ():  # titles, then the name they belong to
        if j < p.hon_start < j + 20:
            before = titles_before(m, p.hon_start)
            return p if before and before[0].start == j else None
    return None


def _item_titles(doc: Doc, reader: TitleReader, m: SentenceMentions, k: int) -> tuple[int, list[Title]]:
    """'A, Bộ trưởng Bộ X;', 'A - Phó Bí thư (…)': the titles after a listed name, and the token after them."""
    toks = m.sentence.tokens
    if not (k + 1 < len(toks) and toks[k].text in doc.lex.links["apposition"]):
        return k, []
    chain = reader.chain(m.sentence, k + 1, m.person_starts)
    if not chain or reader.foreign_next(m.sentence, chain[-1].end):
        return k, []
    k = chain[-1].end
    while k < len(toks) and toks[k].text in doc.lex.links["apposition_close"]:
        k += 1
    return k, chain


def _next_item(doc: Doc, m: SentenceMentions, k: int) -> int | None:
    """The token after the ';' that ends a list item at k (an item whose titles are not read), if any."""
    toks = m.sentence.tokens
    for i in range(k, min(len(toks), k + 25)):
        if toks[i].text == ";":
            return i + 1
        if toks[i].text in (".", "!", "?") or i in m.person_starts and i > k:
            return None
    return None


def _list_start(doc: Doc, m: SentenceMentions, j: int, first_words=None) -> int | None:
    """The first name after a list link ("gồm các đồng chí:", "là"), or None when there is none at j."""
    keys = m.sentence.keys
    link = doc.lex.role_list_links.match(keys, j) if j < len(keys) and (
        first_words is None or keys[j] in first_words) else None
    if not link:
        return None
    j = link[0]
    while j < len(m.sentence.tokens) and m.sentence.tokens[j].text in (":", ","):
        j += 1
    return j


def _skip_term(doc: Doc, m: SentenceMentions, k: int) -> int:
    """The token after ', nhiệm kỳ 2020 - 2025,' or ' khóa X' at k (k itself when there is none)."""
    s = m.sentence
    toks = s.tokens
    if k >= len(toks) or k == 0:
        return k
    found = doc.lex.phrasing.term_or_khoa.match(s.text, toks[k - 1].end - s.start)
    if not found:
        return k
    end = s.start + found.end()
    while k < len(toks) and toks[k].start < end:
        k += 1
    return k


def _add_list(doc: Doc, m: SentenceMentions, items, titles: list[Title], status: str) -> None:
    """Each listed person holds `titles` (with `status`) and the titles written after the name."""
    for member, own in items:
        for t in titles:
            doc.add_office(m, member.name, t, _status(t, status))
        for t in own:
            doc.add_office(m, member.name, t, _status(t))
        doc.add_person(member.name, m.evidence, m.index)


def _joined_by(doc: Doc, m: SentenceMentions, i: int) -> tuple[str, int] | None:
    """'(Ba người) được bầu bổ sung vào <committee> là …': the status of a joining verb ending at i,
    and where it starts; None when a named person is its subject (the verb-clause reader's case)."""
    keys = m.sentence.keys
    for j in range(max(0, i - 6), i):
        found = doc.lex.office_verbs.match(keys, j)
        if found and found[0] == i and found[1][1]:
            person_ends = {p.end for p in m.persons} | set(m.after_appositions.values())
            return None if j in person_ends else (found[1][0], j)
    return None


def _candidates(doc: Doc, m: SentenceMentions, i: int) -> bool:
    """'danh sách bầu cử Ban Chấp hành … gồm': a list of candidates, not of members."""
    words = " ".join(m.sentence.keys[max(0, i - 5):i])
    return any(w in words for w in doc.lex.links["candidates"])


@component(requires=("mentions.titles", "mentions.after_appositions", "congresses"), assigns=("offices",))
def committee_lists(doc: Doc) -> None:
    """'bầu Ban Chấp hành nhiệm kỳ 2017-2019, gồm các đồng chí: A, B và C': members of the committee;
    'Ba người được bầu bổ sung vào Ban Thường vụ là ông A, …'."""
    role = doc.lex.roles["uy-vien"]
    reader = TitleReader(doc)
    for m in doc.mentions:
        if not m.persons:
            continue
        for i, oend, org in m.orgs:
            if org.kind not in ("executive", "committee") or _candidates(doc, m, i):
                continue
            joined = _joined_by(doc, m, i)
            after = _skip_term(doc, m, oend)
            j = _list_start(doc, m, after, doc.lex.links["committee_list"] | (
                doc.lex.links["joined_list"] if joined else set()))
            if j is None:
                continue
            committee = doc.resolve(org, m.sentence.tokens[i].start)
            if committee is None:
                continue
            status = "elected" if doc.elected_before(m, i) else joined[0] if joined else "current"
            title = Title(role, committee, i, oend, False, m.term if status == "elected" else None)
            _add_list(doc, m, _list_items(doc, reader, m, j), [title], status)


def _class_list(doc: Doc, m: SentenceMentions, t: Title) -> int | None:
    """'Các Ủy viên Bộ Chính trị khóa IX tiếp tục … gồm: A, B': a sentence opening with a class of
    title holders, then (with no other name, comma or 'và' between) the list of them."""
    toks, keys = m.sentence.tokens, m.sentence.keys
    if t.start != 1 or keys[0] not in doc.lex.links["class"]:
        return None
    for k in range(t.end, min(len(keys), t.end + 24)):
        if keys[k] in doc.lex.links["committee_list"]:
            return _list_start(doc, m, k)
        if toks[k].text in doc.lex.links["item_end"] or k in m.person_starts:
            return None
    return None


def _counted_list(doc: Doc, m: SentenceMentions, t: Title) -> list[PersonMention]:
    """'ba Ủy viên Trung ương (Bộ trưởng Bộ X A, Bộ trưởng Bộ Y B và …)': a counted title, then the
    people it counts in brackets."""
    toks, keys = m.sentence.tokens, m.sentence.keys
    if not (t.start > 0 and t.end < len(toks) and toks[t.end].text == "("):
        return []
    count = keys[t.start - 1]
    if not (count.isdigit() or count in doc.lex.raw["ordinal_words"]) or count in ("nhất", "năm"):
        return []
    close = next((k for k in range(t.end + 1, min(len(toks), t.end + 50)) if toks[k].text in (")", ".")), None)
    if close is None or toks[close].text != ")":
        return []
    return [p for p in m.persons if t.end < p.hon_start and p.end <= close]


@component(requires=("mentions.titles", "congresses"), assigns=("offices",))
def title_lists(doc: Doc) -> None:
    """'Phó Bí thư là các đồng chí A và B', 'Ủy viên Ban Thường vụ, Thứ trưởng: A, B': titles, then
    the people who hold them."""
    reader = TitleReader(doc)
    for m in doc.mentions:
        keys = m.sentence.keys
        for _, t in sorted(m.titles.items()):
            j = _list_start(doc, m, t.end + (1 if t.end < len(keys) and keys[t.end] == "," else 0))
            if j is None:
                j = _class_list(doc, m, t)
            if j is None:
                if t.org is not None:
                    _add_list(doc, m, [(p, []) for p in _counted_list(doc, m, t)], [t], "current")
                continue
            chain = titles_before(m, t.end)
            if len(chain) < 2:
                org = t.org or doc.context_org(m, t.start)
                chain = [replace(t, org=org)] if org is not None else []
            if not chain:
                continue
            status = "elected" if doc.elected_before(m, chain[0].start) or m.term else "current"
            chain = [replace(c, term=c.term or m.term) for c in chain]
            _add_list(doc, m, _list_items(doc, reader, m, j), chain, status)
