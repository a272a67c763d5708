"""Parent links the text states: "Chi bộ X trực thuộc Đảng ủy Y" makes X a sub-organisation of Đảng bộ Y."""

from __future__ import annotations

from partygraph.extract.component import component
from partygraph.extract.doc import Doc


@component(requires=("mentions.orgs",), assigns=("stated_parents",))
def stated_hierarchy(doc: Doc) -> None:
    """'<party unit> (trực) thuộc <party unit>': the second is the first's parent."""
    parent_words = doc.lex.links["subordinate"]
    for m in doc.mentions:
        s = m.sentence
        if s.allcaps:
            continue
        keys = s.keys
        for i, end, org in m.orgs:
            j = end
            if j < len(keys) and keys[j] in parent_words["optional"]:
                j += 1
            if j >= len(keys) or keys[j] not in parent_words["required"] or org.kind != "party":
                continue
            r = doc.reader.read(s.tokens, j + 1, s.allcaps) if j + 1 < len(keys) else None
            if not r:
                continue
            child, parent = doc.resolve(org, s.tokens[i].start), doc.resolve(r[1], s.tokens[j + 1].start)
            if parent is not None and parent.kind == "executive" and parent.parent is not None:
                parent = parent.parent
            if child is None or parent is None or parent.kind != "party" or child.key == parent.key:
                continue
            doc.record_org(child, m.evidence, m.index)
            doc.record_org(parent, m.evidence, m.index)
            doc.stated_parents.add((child.key, parent.key))


@component(requires=("mentions.orgs",), assigns=("stated_parents",))
def bracketed_parent(doc: Doc) -> None:
    """'Cục Xúc tiến thương mại (Bộ Công Thương)': a central body in brackets right after a state body is the
    body it belongs to."""
    for m in doc.mentions:
        keys = m.sentence.keys
        for (i, end, org), (j, after, outer) in zip(m.orgs, m.orgs[1:]):
            if j != end + 1 or keys[end] != "(" or after >= len(keys) or keys[after] != ")":
                continue
            child, parent = doc.resolve(org, m.sentence.tokens[i].start), outer
            if child is None or parent.bare or child.parent is not None or child.kind != "state" \
                    or parent.kind != "state" or parent.level != "central" or child.key == parent.key:
                continue
            doc.record_org(child, m.evidence, m.index)
            doc.record_org(parent, m.evidence, m.index)
            doc.stated_parents.add((child.key, parent.key))
