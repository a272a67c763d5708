"""Change events: mergers, foundings, dissolutions ("hợp nhất Đảng bộ Khối A và Đảng bộ Khối B thành …").

Reads the change verbs of the lexicon and the organisations after them;
adds `Change` records (and a founded party unit's parent when the sentence
names it).
"""

from __future__ import annotations

from partygraph.extract.component import component
from partygraph.extract.doc import Doc, SentenceMentions
from partygraph.extract.orgs import Org
from partygraph.extract.records import Change


def _org_list(doc: Doc, m: SentenceMentions, k: int) -> tuple[list[Org], int]:
    """'A, B và C': organisations joined by list links; "Khối Cơ quan và Khối Doanh nghiệp" shares the head."""
    s = m.sentence
    toks, keys = s.tokens, s.keys
    orgs: list[Org] = []
    first: Org | None = None
    while k < len(toks):
        r = doc.reader.read(toks, k, s.allcaps)
        if r and r[0] > k:
            org = doc.resolve(r[1], toks[k].start)
            if org is None:
                break
            orgs.append(org)
            first = first or org
            k = r[0]
        elif first is not None and toks[k].cap and first.kind == "party":
            end, words, _ = doc.reader.read_name(toks, keys, k, s.allcaps)
            if not words:
                break
            orgs.append(doc.reader.unit(" ".join([first.head] + words), None, None, scoped=True))
            k = end
        else:
            break
        if k < len(toks) and keys[k] in doc.lex.links["org_list"]:
            k += 1
            continue
        break
    return orgs, k


def _merged(doc: Doc, orgs: list[Org]) -> Org | None:
    """The unit two merged ones became, named by joining them ("Khối Cơ quan và Doanh nghiệp")."""
    heads = {o.head for o in orgs}
    if len(heads) != 1 or any(o.province for o in orgs):
        return None  # only names that share their head and first word, with no place: "Khối A" + "Khối B"
    head = orgs[0].head
    names = [o.label[len(head):].strip() for o in orgs]
    common = names[0].split()[0] if names[0] else ""
    if not common or not all(n.split()[:1] == [common] for n in names):
        return None
    joined = f"{head} {common} " + " và ".join(n.split(" ", 1)[1] for n in names if " " in n)
    low = joined.lower()
    for _, cand in doc.registry.mentions:
        if cand.label.lower() == low or cand.label.lower().startswith(low + " "):
            return cand
    return doc.reader.unit(joined, None, None, scoped=True)


def _with_place(doc: Doc, org: Org, result: Org) -> Org:
    suffix = result.label.rsplit(" tỉnh ", 1)
    if len(suffix) == 2 and result.province:
        return doc.reader.unit(f"{org.label} tỉnh {result.province}", org.level, result.province)
    return org


def _result_before(doc: Doc, m: SentenceMentions, verb_at: int) -> Org | None:
    """'X thành lập trên cơ sở hợp nhất …': the organisation named right before the phrase."""
    keys = m.sentence.keys
    for phrase in doc.lex.merger_result_before:
        start = verb_at - len(phrase)
        if start > 0 and tuple(keys[start:verb_at]) == phrase:
            named = [(i, org) for i, end, org in m.orgs if end == start]
            if named:
                return doc.resolve(named[0][1], m.sentence.tokens[named[0][0]].start)
    return None


def _merger(doc: Doc, m: SentenceMentions, orgs: list[Org], k: int, verb_at: int) -> None:
    s = m.sentence
    result = _result_before(doc, m, verb_at)
    into_words = doc.lex.links["merged_into"]
    if result is not None:
        pass
    elif k < len(s.tokens) and s.keys[k] in into_words:
        r = doc.reader.read(s.tokens, k + 1, s.allcaps)
        if r:
            result = doc.resolve(r[1], s.tokens[k + 1].start)
            if into_words[s.keys[k]] == "into" and result is not None:
                orgs.append(result)  # "sáp nhập A vào B": B is one of the originals too
    elif len(orgs) >= 2:
        result = _merged(doc, orgs)
    if result is not None and len(orgs) >= 2:
        orgs = [_with_place(doc, o, result) if not o.province and result.province else o for o in orgs]
        for o in orgs + [result]:
            doc.record_org(o, m.evidence, m.index)
        doc.changes.append(Change("merger", tuple(orgs), (result,), m.evidence))


def _founding(doc: Doc, m: SentenceMentions, orgs: list[Org], verb_at: int) -> None:
    if not orgs or orgs[0].kind in ("enterprise", "other"):
        return
    founded = orgs[0]
    doc.record_org(founded, m.evidence, m.index)
    doc.changes.append(Change("founding", (), (founded,), m.evidence))
    if founded.kind == "party":
        parent = doc.context_org(m, verb_at)
        if parent is not None and parent.label != founded.label:
            doc.stated_parents.add((founded.key, parent.key))
            doc.record_org(parent, m.evidence, m.index)


def _dissolution(doc: Doc, m: SentenceMentions, orgs: list[Org]) -> None:
    if orgs:
        for o in orgs:
            doc.record_org(o, m.evidence, m.index)
        doc.changes.append(Change("dissolution", tuple(orgs), (), m.evidence))


@component(requires=("mentions.orgs",), assigns=("changes",))
def changes(doc: Doc) -> None:
    """'hợp nhất A và B thành C', 'thành lập Đảng bộ X', 'giải thể Y' (not anniversaries or proposals)."""
    lex = doc.lex
    for m in doc.mentions:
        if m.sentence.allcaps:
            continue
        toks, keys = m.sentence.tokens, m.sentence.keys
        i = 0
        while i < len(toks):
            found = lex.change_verbs.match(keys, i) if keys[i] in lex.change_verbs.root else None
            if not found:
                i += 1
                continue
            end, kind = found
            if any(lex.change_blockers.match(keys, j) for j in range(max(0, i - 5), i)):
                i = end
                continue
            k = end + (1 if end < len(toks) and toks[end].kind == "num" else 0)
            orgs, k = _org_list(doc, m, k)
            if kind == "merger":
                _merger(doc, m, orgs, k, i)
            elif kind == "founding":
                _founding(doc, m, orgs, i)
            elif kind == "dissolution":
                _dissolution(doc, m, orgs)
            i = max(k, end)
