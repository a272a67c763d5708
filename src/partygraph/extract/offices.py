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
        if t.start > 0 and toks[t.start - 1].text in (",", "-", "–"):  # "Phó Bí thư - Giám đốc … A"
            t = m.title_ends.get(t.start - 1)
        else:
            break
    return chain


def _persons(m: SentenceMentions, doc: Doc, references: bool = False):
    """The people of a sentence whose offices are ours (not a foreign delegation's leader).

    A reference to a person named before ("theo ông An, …") is taken only by a verb clause
    (`references`): a title after it may as well be another person's."""
    keys = m.sentence.keys
    for pm in m.persons:
        if pm.hon_start in m.references and not references:
            continue
        before = titles_before(m, pm.hon_start)
        if not doc.leads_foreign_delegation(keys, before[0].start if before else pm.hon_start):
            yield pm, before


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
                k = _skip_details(doc, s, k, starts)
                chain = reader.chain(s, k + 1, starts)
                if before and chain and reader.owned_by_next(s, chain[-1].end, starts):
                    # A list with titles before each name ("nguyên Tổng Bí thư A, Ủy viên Bộ Chính trị,
                    # Trưởng ban X B"): the titles after A may as well be B's, so neither gets them.
                    break
                if chain and reader.foreign_next(s, chain[-1].end):
                    break  # "A, Ủy viên Bộ Chính trị, Chủ tịch nước Cộng hòa dân chủ nhân dân Lào": not ours
                if toks[k].text == "," and (before[0].start if before else pm.hon_start) > 0 \
                        and _subject_of_next_clause(doc, s, chain):
                    break  # "Tiếp Bí thư Khu ủy X Lý Văn A, Thủ tướng nhấn mạnh …": the Prime Minister speaks next
                for t in chain:
                    doc.add_office(m, pm.name, t, _status(t))
                if not chain:
                    break
                k = chain[-1].end
                while k < len(toks) and toks[k].text in doc.lex.links["apposition_close"]:
                    k += 1
                after = k
                if k < len(toks) and toks[k].text == "," and office_verb(doc, m, skip_auxiliaries(doc.lex, s.keys, k + 1)):
                    after = k + 1
            m.after_appositions[pm.hon_start] = after


def _subject_of_next_clause(doc: Doc, s, chain: list[Title]) -> bool:
    """A lone bare role ("Thủ tướng") right before a lower-case word, after a person named inside the sentence
    ("Về trường hợp ông A, Thủ tướng nhấn mạnh"): the subject of the next clause, not the person's title.
    (A person who opens the sentence is its subject: "Trung tướng A, Phó Tổng Tham mưu trưởng phát biểu".)"""
    if len(chain) != 1 or chain[0].end >= len(s.tokens):
        return False
    end, lex = chain[0].end, doc.lex
    role = lex.role_trie.match(s.keys, chain[0].start)
    return role is not None and role[0] == end and s.tokens[end].is_word and not s.tokens[end].cap \
        and not (lex.place_words.match(s.keys, end) or lex.title_goes_on.match(s.keys, end))


def _skip_details(doc: Doc, s, k: int, starts, most: int = 12) -> int:
    """', sinh ngày 24/4/1975, quê Nghệ An, Bí thư …': the comma before the titles, past the person's details."""
    toks = s.tokens
    while toks[k].text == "," and k + 1 < len(toks) and doc.lex.person_details.match(s.keys, k + 1):
        nxt = next((j for j in range(k + 2, min(len(toks), k + 2 + most)) if toks[j].text in ",;" or j in starts), None)
        if nxt is None or toks[nxt].text != ",":
            break
        k = nxt
    return k


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
        nxt = by_start[k + 1]
        group.append(nxt)
        k = m.after_appositions.get(nxt.hon_start, nxt.end)  # "A - Bí thư X và B, Phó Chủ tịch Y được bầu …"
    return group, k


def skip_auxiliaries(lex, keys, k: int) -> int:
    """The token after the auxiliaries at k ("đã", "vừa", "tiếp tục"); k itself when there are none."""
    found = lex.auxiliaries.match(keys, k)
    while found:
        k = found[0]
        found = lex.auxiliaries.match(keys, k)
    return k


_STRENGTH = {"current": 0, "elected": 1, "former": 2}


def office_verb(doc: Doc, m: SentenceMentions, k: int):
    """The office verb at k as (end, (status, implied role)), with what may stand inside it:
    an agent ("được Bộ Chính trị chỉ định giữ chức …") and a second verb after auxiliaries
    ("được chỉ định tiếp tục đảm nhiệm chức danh …"); the stronger status wins (former > elected > current)."""
    keys, lex = m.sentence.keys, doc.lex
    verb = lex.office_verbs.match(keys, k)
    if verb is None and k + 1 < len(keys) and keys[k] == "được":
        verb = _agent_verb(doc, m, k)
    if verb is None:
        return None
    end, (status, role) = verb
    j = skip_auxiliaries(lex, keys, end)
    nxt = lex.office_verbs.match(keys, j) if not role else None
    if nxt is not None and nxt[0] > j:
        end2, (status2, role2) = nxt
        strongest = max(status, status2, key=_STRENGTH.get)
        return end2, (strongest, role2)
    return verb


def _agent_verb(doc: Doc, m: SentenceMentions, k: int):
    """'được Bộ Chính trị chỉ định …': the verb "được … chỉ định" with the party body that acts in between."""
    s = m.sentence
    r = doc.reader.read(s.tokens, k + 1, s.allcaps)
    if not r or r[1].kind not in ("executive", "committee", "party", "state") or r[0] >= len(s.keys):
        return None
    found = doc.lex.office_verbs.match(["được"] + s.keys[r[0]:r[0] + 8], 0)
    if found is None or found[0] < 2:
        return None
    return r[0] + found[0] - 1, found[1]


def _title_after(doc: Doc, reader: TitleReader, m: SentenceMentions, k: int) -> list[Title]:
    """The titles of the verb that follows a list of bodies ("…, Ban Thường vụ, giữ chức Bí thư Tỉnh ủy X")."""
    keys = m.sentence.keys
    links = doc.lex.links["verb_continues"]
    for j in range(k, min(len(keys) - 1, k + 16)):
        if keys[j] in links:
            verb = office_verb(doc, m, j + 1)
            if verb and not verb[1][1]:
                return reader.chain(m.sentence, verb[0], m.person_starts)
        if keys[j] in (";", ".", ":"):
            break
    return []


def _whole_names(doc: Doc, s, chain: list[Title]) -> list[Title]:
    """The titles up to one whose name was cut ("Bí thư Quận ủy quận 5" read as "Đảng bộ quận"): the
    word right after a title is no number and no capitalised word of the same name."""
    for n, t in enumerate(chain):
        if _cut_at(doc, s, t.end):
            return chain[:n]
    return chain


def _cut_at(doc: Doc, s, k: int) -> bool:
    """Whether token k goes on with the name before it: a number or a capitalised word that opens no
    place and no phrase written with capitals ("Việt Nam")."""
    if k >= len(s.tokens):
        return False
    tok = s.tokens[k]
    if tok.kind == "num":
        return True
    if not (tok.is_word and tok.cap) or tok.abbr or doc.lex.province_trie.match(s.keys, k):
        return False
    return not any(s.keys[k:k + len(p)] == p for p in doc.lex.proper_phrase_keys)


def _told_as_past(doc: Doc, m: SentenceMentions) -> bool:
    """Whether the sentence opens with "Trước đó," / "Trước đây,": what it says was held before; not when
    it tells an appointment ("Trước đó, ngày 6-2, … đã ký quyết định chỉ định ông A giữ chức …"); or with
    a span of years that ended before the article ("Từ tháng 4/1973 đến năm 1976, …")."""
    keys = m.sentence.keys
    span = doc.lex.phrasing.past_span.match(m.sentence.text)
    if span and int(span.group(1)) <= int(span.group(2)) < (doc.date.year if doc.date else 2000):
        return True
    found = doc.lex.past_openers.match(keys, 0)
    if found is None or found[0] >= len(keys) or keys[found[0]] != ",":
        return False
    return not any(doc.lex.elect_verbs.match(keys, j) for j in range(found[0], len(keys)))


def _career_items(doc: Doc, reader: TitleReader, m: SentenceMentions, k: int) -> list[Title]:
    """The posts of a career list after ":", item by item: an item that cannot be read ("Phó Vụ trưởng
    Vụ …") is passed over to the next ";" and the others kept (nothing is read past the sentence's end)."""
    s = m.sentence
    keys = s.keys
    out: list[Title] = []
    while k < len(keys):
        chain = _whole_names(doc, s, reader.chain(s, k, m.person_starts, career=True))
        if chain:
            out.extend(chain)
            k = chain[-1].end
        while k < len(keys) and keys[k] not in (";", "."):
            k += 1
        if k >= len(keys) or keys[k] != ";":
            break
        k += 1
    return out


def _career_ahead(doc: Doc, m: SentenceMentions, k: int) -> int:
    """The career verb ("từng đảm nhiệm các chức vụ") later in the clause of a sentence's only person; k if none."""
    keys = m.sentence.keys
    for j in range(k, min(len(keys), k + 30)):
        if keys[j] in doc.lex.links["item_end"] and keys[j] not in (",", "và"):
            break
        if keys[j] in doc.lex.links["career"]:
            verb = doc.lex.office_verbs.match(keys, j)
            if verb and verb[1][0] == "former":
                return j
    return k


def _verb_chains(doc: Doc, reader: TitleReader, m: SentenceMentions, group, k: int):
    """The titles after one or more office verbs ("được bầu làm …, giữ chức …"), each with its status."""
    s, lex = m.sentence, doc.lex
    toks, keys = s.tokens, s.keys
    chains = []
    verb = office_verb(doc, m, k)
    while verb:
        vend, (status, implied_role) = verb
        while vend < len(toks) and toks[vend].text == ":":  # "từng giữ các chức vụ: …"
            vend += 1
        if status == "current" and (doc.elected_before(m, group[0].hon_start) or chains and chains[-1][0] == "elected"):
            status = "elected"  # "được chỉ định tham gia …, giữ chức …": the second verb is the same decision
        if implied_role:  # "tham gia Ban Chấp hành Đảng bộ tỉnh": a member of that body
            chain = reader.membership(s, vend, implied_role, _title_after(doc, reader, m, vend))
        elif status == "former" and vend > 0 and toks[vend - 1].text == ":":
            chain = _career_items(doc, reader, m, vend)  # "từng đảm nhiệm các chức vụ: A; B; C"
        else:
            chain = reader.chain(s, vend, m.person_starts, career=status == "former")
        if not chain and status == "elected" and not implied_role:
            chain = reader.in_context(m, vend)
        chain = _whole_names(doc, s, chain)
        chains.append((status, chain))
        # "…, giữ chức Phó Bí thư Tỉnh ủy": a second verb continues the list
        nxt = _skip_term(doc, m, chain[-1].end) if chain else None
        verb = None
        if nxt is not None and nxt + 1 < len(toks) and keys[nxt] in lex.links["verb_continues"]:
            verb = office_verb(doc, m, nxt + 1)
            if verb and verb[1][0] == "former" and status != "former":
                verb = None  # "… và thôi giữ chức …" goes on a list of ends only
    return chains


@component(requires=("mentions.titles", "mentions.after_appositions", "congresses"), assigns=("offices",))
def verb_clauses(doc: Doc) -> None:
    """'A đã tái đắc cử chức Bí thư …', 'A và B được bầu làm Phó Bí thư', 'A, …, giữ chức …'."""
    reader = TitleReader(doc)
    lex = doc.lex
    for m in doc.mentions:
        keys = m.sentence.keys
        grouped: set[int] = set()
        for pm, _ in _persons(m, doc, references=True):
            group, k = _group(m, pm, m.after_appositions.get(pm.hon_start, pm.end), lex.links["group"])
            if k + 1 < len(keys) and keys[k] == "," and office_verb(doc, m, k + 1):
                k += 1  # "chỉ định đồng chí A, thôi giữ chức …"
            k = skip_auxiliaries(lex, keys, k)  # "A đã tái đắc cử …", "A tiếp tục giữ chức …"
            if pm.hon_start in grouped:
                continue
            if len(m.persons) == 1 and not office_verb(doc, m, k):
                k = _career_ahead(doc, m, k)  # "A có thời gian công tác tại tỉnh X và từng đảm nhiệm …"
            chains = _verb_chains(doc, reader, m, group, k)
            if chains:
                grouped.update(member.hon_start for member in group)
            if _told_as_past(doc, m):  # "Trước đó, ông A làm Giám đốc Sở X": held before
                chains = [("former" if st == "current" else st, c) for st, c in chains]
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


def _ended_at(doc: Doc, reader: TitleReader, m: SentenceMentions, k: int) -> bool:
    """', (…) cũng bị cách chức': an ending verb at k (past a comma, a bracket and auxiliaries) with no title
    after it, so what was said of the person before it has ended."""
    toks, keys = m.sentence.tokens, m.sentence.keys
    if k < len(toks) and toks[k].text == "(":
        close = next((j for j in range(k + 1, min(len(toks), k + 25)) if toks[j].text == ")"), None)
        k = close + 1 if close is not None else k
    k = skip_auxiliaries(doc.lex, keys, k + (1 if k < len(toks) and toks[k].text == "," else 0))
    verb = office_verb(doc, m, k)
    return verb is not None and verb[1][0] == "former" and reader.read(m.sentence, verb[0]) is None


@component(requires=("offices", "mentions.after_appositions"), assigns=("offices",))
def ended_after_name(doc: Doc) -> None:
    """'Trưởng phòng X Nguyễn Văn A (…) cũng bị cách chức': the offices the sentence gives a person before an
    ending verb with no title of its own are former."""
    reader, ended = TitleReader(doc), set()
    for m in doc.mentions:
        toks, run = m.sentence.tokens, []
        for pm in sorted(m.persons, key=lambda p: p.hon_start):
            if run and not (toks[run[-1][1]].text in ";," and run[-1][1] + 1 == pm.hon_start):
                run = []  # "A, title; B, title; C, title cũng bị cách chức": a list shares the verb after it
            after = m.after_appositions.get(pm.hon_start, pm.end)
            run.append((pm.name, min(after, len(toks) - 1)))
            if _ended_at(doc, reader, m, after):
                ended.update((m.index, name) for name, _ in run)
    if ended:
        doc.offices = [(n, replace(o, status="former") if (n, o.person) in ended and o.status == "current" else o)
                       for n, o in doc.offices]
