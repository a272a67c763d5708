"""Subjects that refer back to a person named before: "ông", "bà", "đồng chí" alone, or a short form.

"Ông Nguyễn Văn An … Trước đó, ông An từng giữ chức …", "… Sau đó, ông được bầu giữ chức …":
the short form ("ông An", "ông Văn An") is the earlier full name it ends with, and a bare
honorific is the person the last sentence naming anyone named alone. Precision first: a
reference is resolved only when exactly one earlier name fits, a bare honorific only
where an office verb follows it, and never across "ông"/"bà".
"""

from __future__ import annotations

from dataclasses import replace

from partygraph.extract.component import component
from partygraph.extract.doc import Doc, SentenceMentions
from partygraph.extract.offices import office_verb, skip_auxiliaries
from partygraph.extract.people import PersonMention, title_case
from partygraph.lexicon import key


class _Named:
    """The people named so far, in reading order, with the honorific each came with."""

    def __init__(self, lex):
        self.lex = lex
        self.sexes: dict[str, set[str]] = {}  # name -> the honorifics' sexes it came with
        self.times: dict[str, int] = {}  # name -> how often it was named
        self.by_tail: dict[str, set[str]] = {}  # "An", "Văn An" -> the full names ending so
        self.by_surname: dict[str, set[str]] = {}  # "Lê" -> the full names opening so ("ông Lê")
        self.last_sentence: set[str] = set()  # the names of the last sentence that named anyone

    def add(self, name: str, sex: str | None) -> None:
        if name not in self.times:
            words = name.split()
            for n in (1, 2):
                if len(words) > n and words[0] != words[-n]:
                    self.by_tail.setdefault(" ".join(words[-n:]), set()).add(name)
            if len(words) > 2 and key(words[0]) in self.lex.surnames:
                self.by_surname.setdefault(words[0], set()).add(name)
        self.times[name] = self.times.get(name, 0) + 1
        self.sexes.setdefault(name, set()).update({sex} if sex else ())

    def sex(self, word: str | None) -> str | None:
        return self.lex.raw["honorific_sex"].get(word) if word else None

    def fits(self, name: str, sex: str | None) -> bool:
        known = self.sexes.get(name, set()) | ({"f"} if " Thị " in f" {name} " else set())
        return sex is None or not known or known == {sex}

    def full(self, short: str, sex: str | None) -> str | None:
        """The one earlier full name that ends with the short form ("An", "Văn An") or, for one word,
        opens with it as a surname ("ông Lê")."""
        found = set(self.by_tail.get(short, ())) | set(self.by_surname.get(short, ()))
        found = {n for n in found if self.fits(n, sex)}
        return found.pop() if len(found) == 1 else None

    def alone(self, sex: str | None) -> str | None:
        """The person the last sentence naming anyone named alone."""
        if len(self.last_sentence) != 1:
            return None
        (name,) = self.last_sentence
        return name if self.times.get(name, 0) >= 2 and self.fits(name, sex) else None  # the person the text is about


def _bare_reference(doc: Doc, m: SentenceMentions, i: int, taken: set[int]):
    """(start of what follows, honorific word) for an honorific at i not followed by a name, or None."""
    keys = m.sentence.keys
    if i in taken:
        return None
    end = doc.people.honorific_at(keys, i)
    if end is None or end >= len(keys):
        return None
    return end, keys[i]


@component(requires=("mentions.persons",), assigns=("mentions.subjects", "persons"))
def subjects(doc: Doc) -> None:
    """Short forms and bare honorifics as the full name they refer to (a short form is no person of its own)."""
    named = _Named(doc.lex)
    shorts: set[str] = set()
    for m in doc.mentions:
        s = m.sentence
        keys = s.keys
        taken = {k for p in m.persons for k in range(p.hon_start, max(p.end, p.hon_start + 1))}
        out, seen = [], set()
        events = sorted([(p.hon_start, p) for p in m.persons] + [
            (i, None) for i in range(len(keys)) if keys[i] in doc.lex.honorific_starts and i not in taken],
            key=lambda e: e[0])
        for i, pm in events:
            if pm is None:
                pm = _resolve_bare(doc, m, named, i, taken)
                if pm is None:
                    continue
                m.references.add(pm.hon_start)
                named.add(pm.name, None)
            else:
                sex = named.sex(keys[pm.hon_start]) if pm.hon_start < pm.start else None
                full = named.full(pm.name, sex) if len(pm.name.split()) <= 2 else None
                if full:
                    shorts.add(pm.name)
                    pm = replace(pm, name=full)
                    m.references.add(pm.hon_start)
                named.add(pm.name, sex)
            out.append(pm)
            seen.add(pm.name)
        m.persons = out
        if seen:
            named.last_sentence = seen
    shorts |= _later_full_names(doc, named)
    for short in shorts - {p.name for m in doc.mentions for p in m.persons}:
        doc.persons.pop(short, None)


def _later_full_names(doc: Doc, named: _Named) -> set[str]:
    """Short forms no earlier name explained, read against the whole article: "ông Xuân Anh nói" in a lead
    before "Bí thư Nguyễn Xuân Anh", or a name cut before a miswritten last syllable ("Đinh La thăng") or
    a title word ("Phạm Minh Chính Ủy viên"). Only when exactly one full name of the article fits."""
    shorts = set()
    for m in doc.mentions:
        out = []
        for pm in m.persons:
            full = _fuller(doc, m, named, pm) if pm.hon_start not in m.references else None
            if full:
                shorts.add(pm.name)
                grown = len(full.split()) - len(pm.name.split())
                if full.startswith(pm.name + " "):  # a cut name takes in the syllable it was cut before
                    pm = replace(pm, name=full, end=pm.end + grown)
                else:  # a short form, as `subjects` reads one
                    m.references.add(pm.hon_start)
                    pm = replace(pm, name=full)
            out.append(pm)
        m.persons = out
    return shorts


def _fuller(doc: Doc, m: SentenceMentions, named: _Named, pm: PersonMention) -> str | None:
    words = pm.name.split()
    if len(words) != 2:
        return None
    toks = m.sentence.tokens
    if pm.end < len(toks) and toks[pm.end].is_word:
        cut = f"{pm.name} {title_case(toks[pm.end].text)}"
        if named.times.get(cut) and not any(n != cut and n.startswith(pm.name + " ") for n in named.times):
            return cut
    keys = m.sentence.keys
    sex = named.sex(keys[pm.hon_start]) if pm.hon_start < pm.start else None
    return named.full(pm.name, sex)


def _resolve_bare(doc: Doc, m: SentenceMentions, named: _Named, i: int, taken: set[int]):
    """'ông An' (a given name alone) or 'ông' before an office verb: the person meant, or None."""
    toks, keys = m.sentence.tokens, m.sentence.keys
    found = _bare_reference(doc, m, i, taken)
    if found is None:
        return None
    end, word = found
    sex = named.sex(word)
    if toks[end].is_word and toks[end].cap and not toks[end].abbr:  # "ông An": a given name alone
        if end + 1 < len(toks) and toks[end + 1].is_word and toks[end + 1].cap:
            return None
        full = named.full(toks[end].text, sex)
        return PersonMention(full, end, end + 1, True, i) if full else None
    if i > 0 and keys[i - 1] not in doc.lex.links["reference_before"] and not _after_decision(doc, keys, i):
        return None  # "việc ông thôi chức …", "các đồng chí nguyên là …": not a subject of its own
    k = end + 1 if keys[end] == "," else end
    if office_verb(doc, m, skip_auxiliaries(doc.lex, keys, k)) is None:
        return None
    full = named.alone(sex)
    return PersonMention(full, end, end, True, i) if full else None


def _after_decision(doc: Doc, keys, i: int) -> bool:
    """Whether token i follows a verb of decision ("chỉ định ông …", "bổ nhiệm bà …")."""
    for back in (1, 2, 3):
        found = doc.lex.elect_verbs.match(keys, i - back) if i >= back else None
        if found and found[0] == i:
            return True
    return False
