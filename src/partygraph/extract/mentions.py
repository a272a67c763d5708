"""Mentions in each sentence: organisations, people and titles.

These components find what the sentence names; the office, congress and
change components then link them.
"""

from __future__ import annotations

from partygraph.extract.component import component
from partygraph.extract.doc import Doc, SentenceMentions
from partygraph.extract.orgs import Org
from partygraph.extract.people import vietnamese_syllable
from partygraph.extract.titles import TitleReader
from partygraph.normalise import initial


@component(requires=("reader",), assigns=("mentions", "mentions.orgs"))
def organisations(doc: Doc) -> None:
    """Every full organisation name, per sentence; each also goes to the registry that resolves short ones."""
    heads = doc.lex.heads.root  # a cheap first-word test before each look-up
    for n, s in enumerate(doc.sents):
        m = SentenceMentions(n, s, doc.evidence(s))
        i = 0
        while i < len(s.tokens):
            if s.keys[i] in doc.lex.links["class"] and (shared := _one_head_many_names(doc, m, i)):
                i = shared
                continue
            r = doc.reader.read(s.tokens, i, s.allcaps) if s.keys[i] in heads else None
            if r and r[0] > i:
                m.orgs.append((i, r[0], r[1]))
                doc.registry.add(s.tokens[i].start, r[1])
                i = r[0]
            else:
                i += 1
        _share_place(doc, m)
        _committee_of_the_last_named(doc, m)
        doc.mentions.append(m)
    _named_in_full(doc)
    for m in doc.mentions:  # after all of them: a short name may be resolved by a later full one
        for i, _, org in m.orgs:
            doc.record_org(doc.resolve(org, m.sentence.tokens[i].start), m.evidence, m.index)


def _named_in_full(doc: Doc) -> None:
    """'Tổng công ty Tân Cảng' in an article that names 'Tổng công ty Tân Cảng Sài Gòn', 'Công ty AMSECO' in one
    that names 'Công ty Dịch vụ vật tư nông nghiệp Phú Yên AMSECO': a unit named short is the one unit the
    article names in full (`_goes_on`; in the headline, or a company's anywhere, also `_shortened`), the
    short name kept as its
    alternative label. Not a national body ("Mặt trận Tổ quốc Việt Nam" beside its provincial committee), a
    ministry, a district or a commune (their longer names are other places), nor a name that goes on into
    another country's."""
    full: dict[str, Org] = {}
    first: dict[str, tuple[int, int]] = {}  # where the article first names each
    for m in doc.mentions:
        for a, _, org in m.orgs:
            if not (org.bare or org.scoped):
                full.setdefault(org.label, org)
                first.setdefault(org.label, (m.index, a))
    nouns, acronyms = doc.lex.org_name["national_nouns"], _acronyms(doc)
    for m in doc.mentions:
        for n, (a, b, org) in enumerate(m.orgs):
            if org.label not in full or org.level in ("central", "district", "grassroots", "branch") \
                    or org.label.split(" ", 1)[0].lower() in nouns:
                continue
            headline = first[org.label][0] == 0
            anywhere = org.kind in doc.lex.org_name["shortened_anywhere"]  # a company's words left out
            longer = [o for label, o in full.items() if o.kind == org.kind
                      and (_goes_on(doc, org.label, label, first[label] < first[org.label] or headline)
                           or (headline or anywhere) and _shortened(org.label, label)
                           or _initialled(org.label, label))]
            head, _, acronym = org.label.rpartition(" ")
            if not longer and acronym.upper() in acronyms:  # "Tổng công ty HUD" after "… (HUD)"; "Đảng bộ Samco"
                longer = [o for o in _chain(acronyms[acronym.upper()]) if o.label.split(" ", 1)[0] == head.split(" ", 1)[0]
                          and o.kind == org.kind and o.label != org.label][:1]
            if len(longer) == 1:
                m.orgs[n] = (a, b, longer[0])
                doc.named_in_full[org.label] = longer[0]
                doc.alt_labels.setdefault(longer[0].key, set()).add(org.label)
                doc.registry.add(m.sentence.tokens[a].start, longer[0])


def _acronyms(doc: Doc) -> dict[str, Org]:
    """The short names an article gives in brackets right after a unit's full name: "Tổng công ty Đầu tư
    phát triển nhà và đô thị (HUD)" → {"HUD": that unit} (not a place: "Công ty X (Huế)"), in capitals: the
    article may write it "Hud" later."""
    out: dict[str, Org] = {}
    for m in doc.mentions:
        toks = m.sentence.tokens
        for _, b, org in m.orgs:
            if b + 2 < len(toks) and toks[b].text == "(" and toks[b + 2].text == ")" and toks[b + 1].is_word \
                    and toks[b + 1].cap and not org.bare and not doc.lex.province_trie.match(m.sentence.keys, b + 1):
                out.setdefault(toks[b + 1].text.upper(), org)
    return out


def _chain(org: Org | None):
    while org is not None:
        yield org
        org = org.parent


def _initialled(short: str, label: str) -> bool:
    """'Hội KHKTNN Hà Tĩnh' of 'Hội Khoa học và Kỹ thuật nông nghiệp Hà Tĩnh': the same words around a run
    of capitals that are the initials of the words between them ("và" aside)."""
    words, longer = short.split(), label.split()
    for i, w in enumerate(words):
        if len(w) >= 3 and w.isupper() and w.isalpha():
            before, after = words[:i], words[i + 1:]
            middle = longer[len(before):len(longer) - len(after)]
            if i and longer[:i] == before and longer[len(longer) - len(after):] == after and middle \
                    and "".join(initial(m) for m in middle if m.lower() != "và") == "".join(map(initial, w)):
                return True
    return False


def _shortened(short: str, label: str) -> bool:
    """A headline's short form: the words of `short`, in order, within `label`, with the same first and last
    word ("Sở Tài nguyên Yên Bái" of "Sở Tài nguyên và Môi trường tỉnh Yên Bái")."""
    words, longer = short.casefold().split(), label.casefold().split()
    if len(words) < 3 or len(longer) <= len(words) or words[0] != longer[0] or words[-1] != longer[-1]:
        return False
    it = iter(longer)
    return all(w in it for w in words)


def _goes_on(doc: Doc, short: str, label: str, before: bool) -> bool:
    """Whether `label` is `short` named in full: it goes on from it, named `before` it (a paper names a unit
    in full first, the headline aside: a longer name later is another unit, "Công ty X" then "Công ty X Hà
    Nội"), or it ends with the same acronym."""
    words, longer = short.split(), label.split()
    for place in doc.lex.local_place_words:  # "Bệnh viện Đa khoa Thanh Bình": "huyện" left out
        n = len(place)
        if len(longer) == len(words) + n and any(tuple(longer[i:i + n]) == place and longer[:i] == words[:i]
                                                 and longer[i + n:] == words[i:] for i in range(1, len(words))):
            return True
    if label.casefold().startswith(short.casefold() + " "):  # "Tân cảng Sài Gòn" / "Tân Cảng"; and goes on as a
        # name or a place, not "đánh giá …" (a name run on)
        if not before:
            return False
        written = label[len(short) + 1:].split()
        rest = [w.lower() for w in written]
        place = doc.lex.place_words.match(rest, 0)
        # capitalised words, after a place word or not ("Sài Gòn", "thành phố Hà Nội", "Trung ương"); "Chỉ tiêu"
        # ran on
        k = place[0] if place else 0
        while k < len(written):
            proper = doc.lex.proper_phrases.match(rest, k)
            if not (proper or written[k][:1].isupper() or written[k][:1].isdigit()):
                return False
            k = proper[0] if proper else k + 1
        return not doc.lex.foreign_at(rest, 0)
    acronym = short.rsplit(" ", 1)[-1]
    return (len(acronym) >= 3 and acronym.isupper() and acronym.strip("IVXLC") != "" and len(label) > len(short)
            and label.split(" ", 1)[0] == short.split(" ", 1)[0] and label.rstrip(")").endswith(acronym))


def _one_head_many_names(doc: Doc, m: SentenceMentions, i: int) -> int | None:
    """'các bộ Ngoại giao, Thương mại, Kế hoạch - Đầu tư và Tài chính': each name after the shared head is a
    body ("Bộ Ngoại giao" …); its names are recorded (not as mentions: no title is read inside them).
    The token after the list, or None when fewer than two names are read."""
    toks, keys, links = m.sentence.tokens, m.sentence.keys, doc.lex.links["org_list"]
    k = i + 1
    if k >= len(toks) or toks[k].cap or keys[k] not in doc.lex.org_name["distributive"]:
        return None
    head, k, found = toks[k].text.capitalize(), k + 1, []
    while k < len(toks) and toks[k].cap and not toks[k].upper:
        limit = next((e for e in range(k, min(len(toks), k + 7)) if keys[e] in links or toks[e].kind == "punct"
                      and toks[e].text not in doc.lex.org_name["joiners"]), min(len(toks), k + 7))
        # "Nông nghiệp và Phát triển nông thôn": a name with "và" inside goes past it
        limit = max([limit] + [p[0] for e in range(k, limit) if (p := doc.lex.and_names.match(keys, e))])
        item = next(((e, org) for e in range(limit, k, -1)
                     if (org := doc.org_by_label(_distributed(doc, head, toks[k:e]))) is not None
                     and not org.bare and org.label.endswith(toks[e - 1].text)), None)
        if item is None:
            break
        end, org = item
        found.append(org)
        if end >= len(toks) or keys[end] not in links:
            k = end
            break
        k = end + 1
    if len(found) < 2:
        return None
    for org in found:
        doc.record_org(org, m.evidence, m.index)
    return k


def _distributed(doc: Doc, head: str, toks) -> str:
    """The name of one item of a list after a shared head: the head and the item ("Bộ Quốc phòng"), or the
    item alone when it names a body of its own ("các bộ Quốc phòng, …, Văn phòng Chính phủ")."""
    item = " ".join(t.text for t in toks)
    found = doc.lex.heads.match([t.key for t in toks], 0)
    return item if found and found[1].read == "none" else f"{head} {item}"


def _committee_of_the_last_named(doc: Doc, m: SentenceMentions) -> None:
    """'chỉ định Ban Chấp hành Đảng bộ phường X gồm 33 người, Ban Thường vụ gồm 11 người': a bare committee
    right after an executive committee named in full in its sentence is that committee's."""
    toks = m.sentence.tokens
    for n in range(1, len(m.orgs)):
        a, b, org = m.orgs[n]
        _, end, before = m.orgs[n - 1]
        between = toks[end:a]  # "nhiệm kỳ 2025 - 2030 gồm 33 người,": no other name, no new clause
        if org.bare and org.kind == "committee" and (org.parent is None or org.parent.bare) \
                and before.kind == "executive" and not before.bare and not before.scoped \
                and len(between) <= 12 and not any(t.cap or t.text == ";" for t in between):
            m.orgs[n] = (a, b, doc.reader.committee(org.head, org.kind, before))
            doc.registry.add(toks[a].start, m.orgs[n][2])


def _share_place(doc: Doc, m: SentenceMentions) -> None:
    """'Thành ủy, HĐND, UBND và UBMTTQ TP. Cần Thơ': a place written once after a list of bodies is each one's."""
    s, orgs, links = m.sentence, m.orgs, doc.lex.links["org_list"]
    for n in range(len(orgs) - 1, 0, -1):
        i, j, _ = orgs[n]
        found = next(((p, pw[1]) for p in range(i + 1, j) if (pw := doc.lex.place_words.match(s.keys, p))), None)
        if found is None:
            continue
        p, level = found[0], doc.lex.place_levels.get(found[1])
        tail = " ".join(t.text for t in s.tokens[p:j])
        k = n - 1
        while k >= 0 and orgs[k][1] + 1 == orgs[k + 1][0] and s.keys[orgs[k][1]] in links:
            a, b, org = orgs[k]
            head = doc.lex.heads.match(s.keys, a)
            if head is None or head[0] != b or head[1].read != "place" or head[1].level not in (None, level):
                break  # only a bare head that takes a place ("HĐND"), never "Sở Y tế" given a district
            placed = doc.org_by_label(" ".join(t.text for t in s.tokens[a:b]) + " " + tail)
            if placed is None or not placed.label.endswith(s.tokens[j - 1].text) or len(placed.label) <= len(org.label):
                break
            orgs[k] = (a, b, placed)
            doc.registry.add(s.tokens[a].start, placed)
            k -= 1


@component(requires=("mentions.orgs",), assigns=("mentions.persons", "persons"))
def people(doc: Doc) -> None:
    """People's names outside organisation names; a name after an honorific, or a full name of three
    syllables or more opening with a surname (not a byline's), is a person of the article."""
    for m in doc.mentions:
        s = m.sentence
        if s.allcaps:
            continue
        org_end = {a: b for a, b, _ in m.orgs}
        i = 0
        while i < len(s.tokens):
            if i in org_end:  # a name never starts inside an organisation's name
                i = org_end[i]
                continue
            pm = doc.people.read(s.tokens, s.keys, i, s.allcaps)
            if pm:
                m.persons.append(pm)
                if pm.honorific or _full_name(doc, s, pm):
                    doc.add_person(pm.name, m.evidence, m.index)
                i = pm.end
            else:
                i += 1


def _full_name(doc: Doc, s, pm) -> bool:
    """A name of three syllables or more that opens with an unambiguous surname and names no country."""
    if pm.end - pm.start < 3 or s.keys[pm.start] in doc.lex.weak_surnames or _byline(doc, s, pm.start):
        return False
    if not all(vietnamese_syllable(t.text) for t in s.tokens[pm.start:pm.end]):
        return False
    return not any(doc.lex.foreign_at(s.keys, k, in_text=True) for k in range(pm.start + 1, pm.end))


def _byline(doc: Doc, s, start: int) -> bool:
    """'Ảnh: Nguyễn Văn A', 'PV Trần B': a name right after a byline word (and a colon) is the writer's."""
    j = start - 1 if start and s.tokens[start - 1].text == ":" else start
    return any((b := doc.lex.bylines.match(s.keys, i)) and b[0] == j for i in range(max(0, j - 4), j))


@component(requires=("mentions.persons",), assigns=("mentions.titles", "mentions.term"))
def titles(doc: Doc) -> None:
    """Every title in a sentence with people in it, and a term the sentence states."""
    reader = TitleReader(doc)
    for m in doc.mentions:
        s = m.sentence
        if not m.persons:
            continue
        for k in range(len(s.tokens)):
            if s.keys[k] not in doc.lex.title_starts:
                continue
            t = reader.read(s, k)
            if t is not None and not any(o.start < k < o.end for o in m.titles.values()):
                m.titles.setdefault(k, t)  # "Chủ tịch" inside "Phó Chủ tịch" is not a title of its own
        for t in sorted(m.titles.values(), key=lambda t: (t.end, -(t.end - t.start))):
            m.title_ends.setdefault(t.end, t)
        found = doc.lex.phrasing.term_anywhere.search(s.text)
        if found and int(found.group(1)) < int(found.group(2)):
            m.term = (int(found.group(1)), int(found.group(2)))
