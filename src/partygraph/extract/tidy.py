"""The last step: sizes folded into their congresses, election terms, one record per fact."""

from __future__ import annotations

from dataclasses import replace

from partygraph.extract.component import component
from partygraph.extract.doc import Doc

_CONGRESS_DETAILS = ("term", "start", "end", "delegates", "delegates_present", "committee_size", "standing_size",
                     "khoa")


def _fold_sizes(doc: Doc) -> None:
    for report in doc.sizes:
        n, c = doc.congresses[report.congress]
        doc.congresses[report.congress] = (n, replace(c, **report.sizes))


def _congress_terms(doc: Doc) -> None:
    """An office elected in an article about a congress is for that congress's term, or for the term the
    article gives its committee ("Ban Chấp hành Đảng bộ X khóa X, nhiệm kỳ 2015-2020")."""
    terms: dict[str, set] = {k: set(v) for k, v in doc.committee_terms.items()}
    for _, c in doc.congresses:
        if c.term:
            terms.setdefault(c.org.key, set()).add(c.term)
    out = []
    for n, o in doc.offices:
        if o.status == "elected" and o.term is None:
            org = o.org
            while org is not None:
                found = terms.get(org.key)
                if found and len(found) == 1:
                    o = replace(o, term=next(iter(found)))
                    break
                org = org.parent
        out.append((n, o))
    doc.offices = out


def _dedupe(doc: Doc) -> None:
    """One office per (person, role, organisation, status), cited by its first sentence, with a term if any;
    an office the article reports as elected or appointed is that one, not a second current one, and one a
    sentence reports as ending is not also current there."""
    seen: dict[tuple, tuple] = {}
    elected = {(o.person, o.role.id, o.org.key) for _, o in doc.offices if o.status == "elected"}
    ended = {(n, o.person, o.role.id, o.org.key) for n, o in doc.offices if o.status == "former"}
    for n, o in sorted(doc.offices, key=lambda x: x[0]):
        if o.status == "current" and (n, o.person, o.role.id, o.org.key) in ended:
            o = replace(o, status="former")  # "A, Bí thư Tỉnh ủy X, thôi giữ chức Bí thư Tỉnh ủy X": it ended
        elif o.status == "current" and (o.person, o.role.id, o.org.key) in elected:
            o = replace(o, status="elected")
        k = (o.person, o.role.id, o.org.key, o.status)
        if k not in seen or (o.term and not seen[k][1].term):
            seen[k] = (n, replace(o, term=o.term or seen[k][1].term) if k in seen else o)
    doc.offices = list(seen.values())
    merged: dict[tuple, tuple] = {}
    for n, c in doc.congresses:
        k = (c.org.key, c.ordinal)
        if k in merged:
            old = merged[k][1]
            merged[k] = (merged[k][0], replace(old, **{
                f: getattr(c, f) for f in _CONGRESS_DETAILS if getattr(old, f) is None and getattr(c, f) is not None}))
        else:
            merged[k] = (n, c)
    doc.congresses = list(merged.values())
    changes = {}
    for ch in doc.changes:
        changes.setdefault((ch.kind, tuple(o.label for o in ch.originals), tuple(o.label for o in ch.results)), ch)
    doc.changes = list(changes.values())


def _foreign_people(doc: Doc) -> set[str]:
    """People the article introduces as another country's: a title, then a country's name, then the name
    ("Thủ tướng Singapore A", "Thủ tướng nước Cộng hòa Singapore A"), the country ending where the name begins."""
    out = set()
    lex = doc.lex
    for m in doc.mentions:
        keys = m.sentence.keys
        title_ends = {t.end for t in m.titles.values()}
        for pm in m.persons:
            for k in range(max(0, pm.hon_start - 5), pm.hon_start):
                if lex.foreign_end(keys, k, in_text=True) == pm.hon_start and any(k - 4 <= e <= k for e in title_ends):
                    out.add(pm.name)
    return out


def _drop_foreign(doc: Doc) -> None:
    """'Thủ tướng Lý A' later in an article that introduced him as Singapore's: no office of ours."""
    foreign = _foreign_people(doc)
    if foreign:
        doc.offices = [(n, o) for n, o in doc.offices if o.person not in foreign]


def _drop_fragments(doc: Doc) -> None:
    """A unit named only as a piece of a longer name in the same sentence ("Vụ Báo chí" read beside "Vụ Báo chí
    Ban Tuyên giáo Trung ương", "Hội Liên Hiệp" cut before title-cased words) is no unit of its own, when no
    office, congress, change or other unit of the article refers to it."""
    used = {o.org.key for _, o in doc.offices} | {c.org.key for _, c in doc.congresses}
    used |= {o.key for ch in doc.changes for o in (*ch.originals, *ch.results)}
    used |= {k for pair in doc.stated_parents for k in pair}
    used |= {o.parent.key for _, o, _ in doc.orgs.values() if o.parent is not None}
    by_sentence: dict[int, list] = {}
    for k, (_, org, ev) in doc.orgs.items():
        by_sentence.setdefault(ev.start, []).append((k, org))
    for found in by_sentence.values():
        for k, org in found:
            short = org.label.casefold() + " "
            if k not in used and not org.scoped and any(
                    o.kind == org.kind and o.label.casefold().startswith(short) for _, o in found):
                del doc.orgs[k]


@component(requires=("offices", "congresses", "congress_sizes", "committee_terms", "changes"), assigns=("tidy",))
def tidy(doc: Doc) -> None:
    """Foreign officials' offices dropped, sizes into their congresses, then congress terms on elected
    offices, then duplicates merged, then pieces of longer names dropped."""
    _drop_foreign(doc)
    _fold_sizes(doc)
    _congress_terms(doc)
    _dedupe(doc)
    _drop_fragments(doc)
