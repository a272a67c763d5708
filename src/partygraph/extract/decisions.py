"""Decisions written as nouns, the person after the office: "bổ nhiệm Giám đốc Sở X đối với ông A",
"Đình chỉ chức vụ Bí thư Đảng ủy của ông A", "đơn từ chức Bộ trưởng Bộ Y của ông B".

The decision word (`decision_words` in the lexicon) says the status: an appointment is
"elected", an end (suspension, dismissal, resignation) "former". The titles must be
followed at once by the link ("của", "đối với") and a person's name; a decision only
proposed or refused ("đề nghị cách chức …", "không bổ nhiệm …") is left out.
"""

from __future__ import annotations

from partygraph.extract.component import component
from partygraph.extract.doc import Doc, SentenceMentions, Title
from partygraph.extract.offices import office_verb
from partygraph.extract.titles import TitleReader


def _proposed(doc: Doc, keys, i: int) -> bool:
    """Whether the decision at i is only proposed, planned or refused ("đề nghị", "không", "sẽ")."""
    blockers = doc.lex.decision_blockers
    return any(blockers.match(keys, j) and blockers.match(keys, j)[0] <= i for j in range(max(0, i - 3), i))


def _holder(doc: Doc, m: SentenceMentions, k: int):
    """The person named right after the titles' link ("… đối với ông A", "… của ông A"), or None."""
    keys = m.sentence.keys
    link = doc.lex.decision_links.match(keys, k)
    if not link:
        return None
    return m.persons_by_start.get(link[0])


@component(requires=("mentions.titles", "mentions.subjects"), assigns=("offices",))
def decisions(doc: Doc) -> None:
    """'bổ nhiệm <titles> đối với ông A', '<end> chức vụ <titles> của ông A': offices decided, then their holder."""
    reader = TitleReader(doc)
    lex = doc.lex
    for m in doc.mentions:
        s = m.sentence
        keys = s.keys
        if not m.persons:
            continue
        for i in range(len(keys)):
            if keys[i] not in lex.decision_words.root:
                continue
            found = lex.decision_words.match(keys, i)
            if not found or _proposed(doc, keys, i):
                continue
            end, status = found
            chain = reader.chain(s, end, m.person_starts)
            if not all(reader.written_whole(s, t) for t in chain):
                continue  # "Đình chỉ chức vụ Bí thư Đảng ủy của ông A": which Đảng ủy is not said here
            pm = _holder(doc, m, chain[-1].end) if chain else None
            if pm is None:
                continue
            for t in chain:
                doc.add_office(m, pm.name, t, "former" if t.former else status)


def _listed_after(doc: Doc, m: SentenceMentions, k: int) -> list:
    """'… là ông A, Trưởng ban X; ông B, … và bà C, …': the people listed after a link, each past
    their own titles."""
    keys = m.sentence.keys
    link = doc.lex.role_list_links.match(keys, k) if k < len(keys) else None
    if not link:
        return []
    by_start = m.persons_by_start | {p.start: p for p in m.persons}  # "là ông A": the link took the honorific
    out, j = [], link[0]
    while j in by_start and by_start[j].hon_start not in m.references:
        pm = by_start[j]
        out.append(pm)
        j = m.after_appositions.get(pm.hon_start, pm.end)
        if not (j + 1 < len(keys) and keys[j] in doc.lex.links["list"]):
            break
        j += 1
    return out


@component(requires=("mentions.titles", "mentions.after_appositions", "mentions.subjects"), assigns=("offices",))
def elected_lists(doc: Doc) -> None:
    """'Ba người được bầu bổ sung vào Ban Thường vụ Tỉnh ủy là ông A, …; ông B, … và bà C': a verb whose
    subject is no name, its office, then the people who take it."""
    reader = TitleReader(doc)
    for m in doc.mentions:
        s = m.sentence
        keys = s.keys
        if len(m.persons) < 1 or "được" not in keys:
            continue
        for i, w in enumerate(keys):
            verb = office_verb(doc, m, i) if w == "được" and i not in m.person_ends else None
            if verb is None or verb[1][0] == "former":
                continue
            end, (status, role) = verb
            chain = reader.membership(s, end, role) if role else reader.chain(s, end, m.person_starts)
            for pm in _listed_after(doc, m, chain[-1].end) if chain else ():
                for t in chain:
                    doc.add_office(m, pm.name, t, status)


def _led_title(doc: Doc, reader: TitleReader, m: SentenceMentions, k: int, unit) -> Title | None:
    """'làm trưởng đoàn', 'là Bí thư Đảng ủy' at k: the role, in `unit` when no body of its own is written."""
    s = m.sentence
    keys = s.keys
    if k + 1 >= len(keys) or keys[k] not in doc.lex.links["led_as"]:
        return None
    role = doc.lex.role_trie.match(keys, k + 1)
    if role is None:
        return None
    t = reader.read(s, k + 1)
    if t is not None and t.org is not None and reader.written_whole(s, t):
        return None  # "do ông A làm Bí thư Tỉnh ủy X": a verb clause of its own
    if role[1].id in doc.lex.raw["delegation_roles"] and not unit.label.lower().startswith(tuple(doc.lex.links["delegation"])):
        return None  # a head of delegation heads a delegation ("Đoàn đại biểu Quốc hội …")
    party_role = role[1].id in doc.lex.party_roles
    if party_role != (unit.kind in ("party", "executive")):
        return None
    end = t.end if t is not None else role[0]
    return reader.finish(s, role[1], unit, k + 1, end, False)


@component(requires=("mentions.titles", "mentions.after_appositions", "mentions.subjects"), assigns=("offices",))
def led_by(doc: Doc) -> None:
    """'Đoàn đại biểu Quốc hội X do ông A, …, làm trưởng đoàn', 'Đảng bộ Y do ông B, …, là Bí thư Đảng ủy':
    the role in the body named right before "do"."""
    reader = TitleReader(doc)
    for m in doc.mentions:
        keys = m.sentence.keys
        ends = {b: (a, org) for a, b, org in m.orgs}
        for pm in m.persons:
            j = pm.hon_start
            if j < 2 or keys[j - 1] not in doc.lex.links["led_by"] or j - 1 not in ends:
                continue
            start, org = ends[j - 1]
            before = keys[max(0, start - 3):start]
            if any(w in doc.lex.links["delegation"] or w in doc.lex.links["sent_by"] for w in before) or \
                    (before and before[-1] in doc.lex.links["org_list"] and start - 1 in ends):
                continue  # "đoàn công tác của Bộ Chính trị do ông A làm trưởng đoàn": the delegation's, not the body's
            unit = doc.resolve(org, m.sentence.tokens[j - 1].start)
            if unit is None or doc.leads_foreign_delegation(keys, j):
                continue
            k = m.after_appositions.get(pm.hon_start, pm.end)
            k += 1 if k < len(keys) and keys[k] == "," else 0
            t = _led_title(doc, reader, m, k, unit)
            if t is not None:
                doc.add_office(m, pm.name, t, "current")
