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
                if k < len(toks) and toks[k].text == "," and _office_verb(doc, m, skip_auxiliaries(doc.lex, s.keys, k + 1)):
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


def _office_verb(doc: Doc, m: SentenceMentions, k: int):
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
            verb = _office_verb(doc, m, j + 1)
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


def _told_as_past(doc: Doc, keys) -> bool:
    """Whether the sentence opens with "Trước đó," / "Trước đây,": what it says was held before."""
    found = doc.lex.past_openers.match(keys, 0)
    return found is not None and found[0] < len(keys) and keys[found[0]] == ","


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
    verb = _office_verb(doc, m, k)
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
            verb = _office_verb(doc, m, nxt + 1)
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
            if k + 1 < len(keys) and keys[k] == "," and _office_verb(doc, m, k + 1):
                k += 1  # "chỉ định đồng chí A, thôi giữ chức …"
            k = skip_auxiliaries(lex, keys, k)  # "A đã tái đắc cử …", "A tiếp tục giữ chức …"
            if pm.hon_start in grouped:
                continue
            if len(m.persons) == 1 and not _office_verb(doc, m, k):
                k = _career_ahead(doc, m, k)  # "A có thời gian công tác tại tỉnh X và từng đảm nhiệm …"
            chains = _verb_chains(doc, reader, m, group, k)
            if chains:
                grouped.update(member.hon_start for member in group)
            if _told_as_past(doc, keys):  # "Trước đó, ông A làm Giám đốc Sở X": held before
                chains = [("former" if st == "current" else st, c) for st, c in chains]
            for status, chain in chains:
                for t in chain:
                    for member in group:
                        st = _status(t, status)
                        term = t.term or (m.term if st == "elected" else None)
                        doc.add_office(m, member.name, replace(t, term=term), st)


def _person_list(doc: Doc, m: SentenceMentions, j: int) -> list[PersonMention]:
    """'A, B và C': names in a list (an honorific before the list covers them all)."""
    s = m.sentence
    toks, keys = s.tokens, s.keys
    by_start = m.persons_by_start
    out = []
    while j < len(toks):
        pm = by_start.get(j) or doc.people.read(toks, keys, j, s.allcaps, listed=True)
        if pm is None:
            break
        out.append(pm)
        j = pm.end
        if j < len(toks) and keys[j] in doc.lex.links["list"]:
            j += 1
            continue
        break
    return out


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


@component(requires=("mentions.titles", "congresses"), assigns=("offices",))
def committee_lists(doc: Doc) -> None:
    """'bầu Ban Chấp hành nhiệm kỳ 2017-2019, gồm các đồng chí: A, B và C': members of the committee."""
    role = doc.lex.roles["uy-vien"]
    for m in doc.mentions:
        if not m.persons:
            continue
        for i, oend, org in m.orgs:
            if org.kind not in ("executive", "committee"):
                continue
            j = _list_start(doc, m, _skip_term(doc, m, oend), doc.lex.links["committee_list"])
            if j is None:
                continue
            committee = doc.resolve(org, m.sentence.tokens[i].start)
            if committee is None:
                continue
            status = "elected" if doc.elected_before(m, i) else "current"
            title = Title(role, committee, i, oend, False, m.term)
            for member in _person_list(doc, m, j):
                doc.add_office(m, member.name, title, status)


@component(requires=("mentions.titles", "congresses"), assigns=("offices",))
def title_lists(doc: Doc) -> None:
    """'Phó Bí thư là các đồng chí A và B': a title, then the people who hold it."""
    for m in doc.mentions:
        keys = m.sentence.keys
        for _, t in sorted(m.titles.items()):
            j = _list_start(doc, m, t.end + (1 if t.end < len(keys) and keys[t.end] == "," else 0))
            if j is None:
                continue
            org = t.org or doc.context_org(m, t.start)
            if org is None:
                continue
            for member in _person_list(doc, m, j):
                status = "elected" if doc.elected_before(m, t.start) or m.term else "current"
                doc.add_office(m, member.name, replace(t, org=org, term=t.term or m.term), status)
                doc.add_person(member.name, m.evidence, m.index)
