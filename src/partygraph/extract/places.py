"""Administrative units the text names: "xã Thạnh Lợi, huyện Bình Đại, tỉnh Bến Tre".

Reads place words and names outside organisation names; adds each
commune, district and province named as an organisation node of kind
`administrative` (pg:AdministrativeUnit), and the parent links a chain of
them states, the lower unit first ("xã A, huyện B", "huyện B (tỉnh C)").
A place with no name ("huyện"), a province not in the province list, or a
commune or district whose province cannot be told is left out.
"""

from __future__ import annotations

from dataclasses import replace

from partygraph.extract.component import component
from partygraph.extract.doc import Doc, SentenceMentions
from partygraph.extract.orgs import Org
from partygraph.extract.people import vietnamese_syllable
from partygraph.vocab import Level, OrgKind

_RANK = {Level.GRASSROOTS: 0, Level.DISTRICT: 1, Level.PROVINCIAL: 2}


def _place_at(doc: Doc, m: SentenceMentions, i: int) -> tuple[int, Org] | None:
    """The administrative unit named at token i ("huyện Cần Giờ", "tỉnh Bến Tre"), as (end, Org)."""
    s = m.sentence
    toks, keys = s.tokens, s.keys
    word = doc.lex.place_words.match(keys, i)
    if word is None or (i and toks[i - 1].is_word and toks[i - 1].cap):
        return None  # "UBND huyện …" is read as the body; "Hồ Chí Minh" after a name is no place word
    found = doc.reader.read_place(toks, keys, i, s.allcaps)
    if not found or found[0] <= word[0] or found[1] in doc.lex.place_levels:
        return None
    end, text, province, level = found
    name = toks[word[0]:end]
    if len(name) < 2 and not (name and name[0].kind == "num"):
        return None  # a commune or district is named by two syllables or more ("quận 5" by a number)
    if province is None and not all(t.is_word and vietnamese_syllable(t.text) and t.key not in doc.lex.name_end_stops
                                    for t in name):
        return None  # "thành phố New York", "thành phố. Một …"
    if level == Level.PROVINCIAL and province is None:
        if word[1] != "thành phố":
            return None  # "tỉnh" and a name that is not a province
        level = Level.DISTRICT  # "thành phố Vinh": a city of a province
    if level not in _RANK:
        return None
    return end, Org(text, OrgKind.ADMINISTRATIVE, level, province=province, head=word[1])


def _province_at(doc: Doc, m: SentenceMentions, i: int) -> tuple[int, Org] | None:
    """'xã A, huyện B, Quảng Nam': a province named without its place word, closing a chain."""
    s = m.sentence
    found = doc.lex.province_trie.match(s.keys, i) if s.tokens[i].cap else None
    if found is None:
        return None
    name = found[1].name
    word = doc.reader.place_word(name)
    return found[0], Org(f"{word} {name}", OrgKind.ADMINISTRATIVE, Level.PROVINCIAL, province=name, head=word)


def _chain(doc: Doc, m: SentenceMentions, i: int, taken: set[int]) -> list[tuple[int, int, Org]]:
    """Places joined by a comma, bracket or dash, each of a higher level than the one before."""
    toks = m.sentence.tokens
    chain: list[tuple[int, int, Org]] = []
    while i < len(toks) and i not in taken:
        found = _place_at(doc, m, i) or (_province_at(doc, m, i) if chain else None)
        if found is None or (chain and _RANK[found[1].level] <= _RANK[chain[-1][2].level]):
            break
        chain.append((i, found[0], found[1]))
        i = found[0]
        if not (i + 1 < len(toks) and toks[i].text in doc.lex.links["place_chain"]):
            break
        i += 1
    return chain


@component(requires=("mentions.orgs",), assigns=("administrative_units", "stated_parents"))
def administrative_units(doc: Doc) -> None:
    """Communes, districts and provinces named outside organisation names, and the chains that nest them."""
    roots = doc.lex.place_words.root  # a cheap first-word test
    for m in doc.mentions:
        keys = m.sentence.keys
        if m.sentence.allcaps or not any(k in roots for k in keys):
            continue
        taken = {k for a, b, _ in m.orgs for k in range(a, b)}
        i = 0
        while i < len(keys):
            chain = _chain(doc, m, i, taken) if keys[i] in roots else None
            if not chain:
                i += 1
                continue
            province = next((o.province for _, _, o in reversed(chain) if o.province), None) \
                or doc.province_at(m.sentence.tokens[i].start)
            # a commune or district whose province cannot be told is left out (names repeat across provinces)
            units = [o if o.province else replace(o, province=province) for _, _, o in chain]
            units = [o for o in units if o.province]
            for unit in units:
                doc.record_org(unit, m.evidence, m.index)
            for child, parent in zip(units, units[1:]):
                doc.stated_parents.add((child.key, parent.key))
            i = chain[-1][1]

