"""The org chart as analysts read it: units in a tree, one box per post with its holders.

A *post* is an organisation and a role (the Secretary of the city's party
organisation); its *holders* are the people reported in it, each with the
years known for them: the stated term, widened by the years it was reported
in (`pg:asOf`), the same first/last report the holdings view
(`pgid:graph/holdings`) keeps. Holders reported only as former and with no
stated term have no years. Which holders a post's box names:

- latest (the default): the holders at the post's latest known year (for a
  single-holder role, the one who started last); undated holders only when
  nobody in the post has a year (then the year is unknown, not "latest");
- a year: the holders whose years contain it (single-holder roles: the one who
  started last), the page's slider re-runs this rule in the browser;
- all: every holder in time order, undated ones last.

`post_chart(data)` returns the networkx graph the page draws; box sizes are
measured from the label lines here, so `layout.block_layout` can place the
boxes without overlap whatever the slider shows.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from partygraph.role_properties import role_properties
from partygraph.viz.model import (LEVEL_LABELS, LEVELS, ROLE_CATEGORIES, Office, PartyData, _date, _year,
                                  body_kind, body_kinds)

# Box geometry in vis-network pixels; the page draws every box at exactly this width.
# vis-network's box is the label (at most `text_width(w)` wide, lines one font size apart) plus
# MARGIN on every side, and its bounding box adds PAD more: w and h here are bounding boxes.
UNIT_W, POST_W = 240, 240
UNIT_FONT, POST_FONT = 14, 12
MARGIN = 7
PAD = 6
# Glyph widths in ems, a little over DejaVu Sans (the widest of the usual canvas fonts), so a
# line wrapped here is never wrapped again by the browser; by the letter without its marks.
_EM_NARROW, _EM_WIDE, _EM_UPPER, _EM_OTHER = 0.40, 1.02, 0.80, 0.66
_NARROW = set("fijlrt.,:;'!|()[] ")
_WIDE = set("mwMW…")
MAX_HOLDER_LINES = 6     # names in one box; then "+ N more" (all in the tooltip)
MAX_UNIT_LINES = 3
MAX_SOURCES = 2          # sources quoted per holder in a tooltip
MAX_TIP_SOURCES = 6      # and in all (the latest holders' first); the rest are counted
MAX_SENTENCE = 320       # characters of a quoted sentence


@dataclass
class Holder:
    """One person in one post, with the years known for them."""

    person: str
    name: str
    start: int | None = None
    end: int | None = None
    former: bool = False          # reported only as former
    reported: list[str] = field(default_factory=list)  # dates it was reported (YYYY-MM-DD)
    offices: list[Office] = field(default_factory=list)

    @property
    def span(self) -> str:
        if self.start is None:
            return "former, years unknown" if self.former else "year unknown"
        years = str(self.start) if self.start == self.end else f"{self.start}–{self.end}"
        return f"former, {years}" if self.former else years


@dataclass
class Post:
    """An organisation and a role, with its holders in time order."""

    org: str
    role: str
    holders: list[Holder]
    single: bool = False          # one holder at a time (pg:singleHolder)

    def at(self, year: int) -> list[Holder]:
        """Holders whose years contain `year` (a single-holder role: the one who started last)."""
        found = [h for h in self.holders if h.start is not None and h.start <= year <= h.end]
        if self.single and found:
            last = max(h.start for h in found)
            found = [h for h in found if h.start == last]
        return found

    def latest(self) -> list[Holder]:
        """The holders at the latest year known for the post; undated ones when no holder has a year."""
        dated = [h for h in self.holders if h.start is not None]
        if dated:
            return self.at(max(h.end for h in dated))
        current = [h for h in self.holders if not h.former]
        return current or list(self.holders)


def posts(data: PartyData, categories: set[str] | None = None) -> dict[tuple[str, str], Post]:
    """(org IRI, role IRI) -> Post, for the offices whose role category is in `categories` (default: all)."""
    single = role_properties().single_holder
    groups: dict[tuple[str, str], dict[str, list[Office]]] = defaultdict(lambda: defaultdict(list))
    for m in data.offices:
        if categories is None or data.role(m.role).category in categories:
            groups[(m.org, m.role)][m.person].append(m)
    out = {}
    for (org, role), by_person in groups.items():
        holders = [_holder(data, person, offices) for person, offices in by_person.items()]
        holders.sort(key=lambda h: (h.start is None, h.start or 0, h.end or 0, h.former, h.name))
        out[(org, role)] = Post(org, role, holders, role in single)
    return out


def _holder(data: PartyData, person: str, offices: list[Office]) -> Holder:
    years: list[int] = []
    reported: set[str] = set()
    for m in offices:
        term = data.terms.get(m.term) if m.term else None
        if term is not None and term.start is not None:
            years += [term.start, term.end if term.end is not None else term.start]
        day = m.as_of[:10] if _date(m.as_of) else next((e.published[:10] for e in m.evidence if _date(e.published)), "")
        if day:
            reported.add(day)
            if m.status != "Former":
                years.append(_year(day))
    former = all(m.status == "Former" for m in offices)
    return Holder(person, data.persons[person].name, min(years, default=None), max(years, default=None),
                  former, sorted(reported), offices)


def post_chart(data: PartyData, holders: str = "all") -> nx.DiGraph:
    """Units (parent above child) and their posts, with label lines, box sizes and tooltips.

    holders: "all" posts, "leaders" (secretaries, deputies and heads) or "none" (units only).
    Party units are always drawn; other bodies when they have posts or hang in the hierarchy.
    """
    wanted = {"all": None, "leaders": {"secretary", "deputy-secretary", "head"}, "none": set()}[holders]
    found = posts(data, wanted)
    linked = {org for org, _ in found}
    for org in data.orgs.values():
        for parent, _ in org.parents:
            if parent in data.orgs:
                linked.update((org.iri, parent))
    g = nx.DiGraph(view="orgchart")
    for iri, org in sorted(data.orgs.items()):
        if org.kind in ("PartyOrganization", "Committee") or iri in linked:
            g.add_node(iri, **_unit_node(data, iri))
    parent_of = tree_parents(g, {iri: [p for p, _ in data.orgs[iri].parents] for iri in g})
    for child, parent in sorted(parent_of.items()):
        g.add_edge(parent, child, kind="unitOf", tip=[["Link", f"{g.nodes[child]['name']} — part of — "
                                                              f"{g.nodes[parent]['name']}"]])
        g.nodes[child]["parent"] = parent
    order = {c: i for i, c in enumerate(ROLE_CATEGORIES)}
    for (org, role), post in sorted(found.items(), key=lambda kv: (order[data.role(kv[0][1]).category], kv[0])):
        if org in g:
            g.add_node(f"{org}#{role}", **_post_node(data, post))
    return g


def tree_parents(g: nx.DiGraph, parents: dict[str, list[str]]) -> dict[str, str]:
    """One parent per node (the first, sorted, that is in `g`), with cycles broken."""
    parent_of = {n: min(p for p in ps if p in g and p != n) for n, ps in parents.items()
                 if any(p in g and p != n for p in ps)}
    for n in list(parent_of):
        seen, cur = {n}, n
        while cur in parent_of:
            cur = parent_of[cur]
            if cur in seen:  # extraction errors can make a unit its own ancestor
                del parent_of[cur]
                break
            seen.add(cur)
    return parent_of


def _unit_node(data: PartyData, iri: str) -> dict:
    org = data.orgs[iri]
    lines = wrap(org.label, _chars(UNIT_W, UNIT_FONT), MAX_UNIT_LINES)
    kind = body_kind(org)
    kind_label = next(k["label"] for k in body_kinds() if k["key"] == kind)
    tip = [["Unit", org.label], ["Kind", f"{kind_label} ({org.kind})"], ["Level", LEVEL_LABELS.get(org.level, org.level)]]
    if org.province:
        tip.append(["Province", org.province])
    tip.append(["", "Click to collapse or expand what is below it."])
    level = org.level if org.level in LEVELS else "unknown"
    return dict(kind="org", label="\n".join(lines), name=org.label, level=level, org_type=org.kind, body=kind,
                province=org.province, tip=tip, w=UNIT_W, h=_height(len(lines), UNIT_FONT), parent=None)


def _post_node(data: PartyData, post: Post) -> dict:
    role = data.role(post.role)
    title = f"{role.vi} · {role.en}" if role.en and role.en.casefold() != role.vi.casefold() else role.vi
    role_lines = wrap(title, _chars(POST_W, POST_FONT), 2)
    latest = {id(h) for h in post.latest()}
    width = _chars(POST_W, POST_FONT)
    holders = [{"name": _cut(f"{h.name} ({h.span})" if h.start is not None else h.name, width),
                "start": h.start, "end": h.end,
                "latest": id(h) in latest} for h in post.holders]
    undated = sum(h.start is None for h in post.holders)
    shown = min(len(holders), MAX_HOLDER_LINES) + (1 if undated and undated < len(holders) else 0)
    return dict(kind="post", unit=post.org, parent=post.org, role=post.role, cat=role.category,
                single=post.single, role_lines=role_lines, holders=holders, undated=undated,
                label="\n".join(role_lines + [h["name"] for h in holders if h["latest"]][:MAX_HOLDER_LINES]),
                name=f"{title}, {data.orgs[post.org].label}", w=POST_W,
                h=_height(len(role_lines) + shown, POST_FONT), tip=_post_tip(data, post, title))


def _post_tip(data: PartyData, post: Post, title: str) -> list[list[str]]:
    tip = [["Post", f"{title}, {data.orgs[post.org].label}"], ["Holders", f"{len(post.holders)}, in time order"]]
    for h in post.holders:
        line = f"{h.name} ({h.span})"
        if h.reported:
            line += f"; reported {h.reported[0]}" + (f" … {h.reported[-1]}" if len(h.reported) > 1 else "")
        tip.append(["", line])
    seen, quoted, left = set(), 0, 0
    latest = post.latest()
    for h in latest + [h for h in reversed(post.holders) if h not in latest]:
        evidence = [e for m in h.offices for e in m.evidence if (e.sentence or e.article) not in seen]
        for ev in evidence[:MAX_SOURCES]:
            seen.add(ev.sentence or ev.article)
            if quoted == MAX_TIP_SOURCES:
                left += 1
                continue
            quoted += 1
            tip.append([f"Source ({h.name})", ev.source])
            if ev.text:
                tip.append(["Sentence", _cut_chars(ev.text, MAX_SENTENCE)])
    if left:
        tip.append(["", f"… and {left} more sources (the people view lists them by person)"])
    return tip


def _cut_chars(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def wrap(text: str, width: float, max_lines: int) -> list[str]:
    """Words in lines at most `width` ems wide; the last line cut with '…' past `max_lines`."""
    lines: list[str] = []
    for word in text.split():
        if lines and ems(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(_cut(word, width))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _cut(lines[-1] + " …", width)
    return lines or [""]


def ems(text: str) -> float:
    """Estimated width of `text` in ems (see _EM_*)."""
    total = 0.0
    for ch in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")):
        if unicodedata.combining(ch):
            continue
        total += (_EM_NARROW if ch in _NARROW else _EM_WIDE if ch in _WIDE
                  else _EM_UPPER if ch.isupper() else _EM_OTHER)
    return total


def _cut(text: str, width: float) -> str:
    if ems(text) <= width:
        return text
    while text and ems(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def text_width(box_w: int) -> int:
    """The label width (vis-network's widthConstraint) of a box `box_w` wide."""
    return box_w - 2 * (MARGIN + PAD)


def _chars(box_w: int, font: int) -> float:
    """The width of a box's label in ems."""
    return text_width(box_w) / font


def _height(lines: int, font: int) -> int:
    return lines * font + 2 * (MARGIN + PAD) + 2
