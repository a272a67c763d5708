"""Which holdings are current: the latest-report rule of the holdings view.

A *post* is an organisation and a role. Its holdings (one per holder's name
and term, `store.views`) are placed in time by their last report as held
(`pg:lastReported`) or, when undated, the first year of their term
(`pg:term`, as 1 January). Then, per post:

* a holder reported as *former* (`pg:Former`) on or after their last report
  as holder, or by an undated article, is out;
* single-holder roles (`pg:singleHolder` in ontology/role-properties.ttl:
  Bí thư, Chủ tịch, Phó Bí thư Thường trực…): the holder(s) of the latest
  placed report, if not out (several only when they tie on the same date or
  term). The latest report's holder being out means nobody is current;
* other roles (Phó Bí thư, Ủy viên, Phó Chủ tịch…, seats among several):
  the holders, not out, of the post's latest round: the latest term stated
  for the post, or, when no term is stated or reports dated after its end
  exist, the five years up to the post's latest report;
* a post none of whose holdings can be placed (no date, no term): nothing
  says which report is the latest, so a single-holder post has a current
  holder only when one name (not out) was ever reported; a multi-holder
  post keeps every holder not out.

queries/README.md ("Current") explains the rule to query users.
"""

from __future__ import annotations

import re
from collections import defaultdict

from partygraph.role_properties import role_properties

#: What queries/views/office-holdings.rq gives an office with no dated current mention (and
#: ?lastFormer with no former mention; an undated former mention gives NO_FIRST).
NO_FIRST, NO_LAST = "9999-12-31", "0001-01-01"
#: A round of a multi-holder post with no term stated: the years before its latest report.
ROUND_YEARS = 5

_TERM = re.compile(r"/term/(\d{4})-(\d{4})$")


def _term_years(t) -> tuple[int, int] | None:
    m = _TERM.search(t.value) if t is not None else None
    return (int(m.group(1)), int(m.group(2))) if m else None


def _place(row) -> str | None:
    """When a holding was last known held: its last report date, else its term's first day."""
    _, _, _, t, _, _, _, last, _ = row
    if last is not None and last.value != NO_LAST:
        return last.value
    years = _term_years(t)
    return f"{years[0]:04d}-01-01" if years else None


def _out(rows) -> set[str]:
    """Names reported as former holders of the post on or after their last report as holder."""
    held: dict[str, str | None] = {}
    former: dict[str, str] = {}
    for row in rows:
        name, current, last_former = row[2].value, int(row[5].value), row[8]
        if current > 0:
            place = _place(row)
            held[name] = max(filter(None, (held.get(name), place)), default=None)
        if last_former is not None and last_former.value != NO_LAST:
            former[name] = max(former.get(name, NO_LAST), last_former.value)
    return {n for n, f in former.items() if n in held and (held[n] is None or f >= held[n])}


def _round(held: list) -> tuple[tuple[int, int] | None, str]:
    """The latest round of a multi-holder post: (its term or None, the first day it counts from)."""
    latest = max(p for p in map(_place, held) if p)
    terms = [y for y in (_term_years(row[3]) for row in held) if y]
    if terms:
        term = max(terms)
        if latest <= f"{term[1]:04d}-12-31":
            return term, f"{term[0]:04d}-01-01"
    return None, f"{int(latest[:4]) - ROUND_YEARS:04d}{latest[4:]}"


def _in_round(row, term, since: str) -> bool:
    years = _term_years(row[3])
    if term is not None and years is not None:
        return years == term
    if years is not None and years[1] < int(since[:4]):
        return False
    place = _place(row)
    return place is not None and place >= since


def _current_of_post(rows, single: bool) -> list:
    held = [row for row in rows if int(row[5].value) > 0]
    out = _out(rows)
    candidates = [row for row in held if row[2].value not in out]
    if not any(_place(row) for row in held):
        # Nothing orders the reports: one holder of a single-holder post is
        # the latest; several are not told apart.
        return candidates if not single or len({row[2].value for row in candidates}) == 1 else []
    if single:
        top = max(p for p in map(_place, held) if p)
        return [row for row in candidates if _place(row) == top]
    term, since = _round(held)
    return [row for row in candidates if _in_round(row, term, since)]


def current_rows(rows) -> list:
    """The rows of queries/views/office-holdings.rq (o, r, name, t, mentions, current, first, last,
    lastFormer) whose holdings are current by the latest-report rule."""
    single = role_properties().single_holder
    posts: dict[tuple[str, str], list] = defaultdict(list)
    for row in rows:
        posts[(row[0].value, row[1].value)].append(row)
    out = []
    for (_, role), post in posts.items():
        out += _current_of_post(post, role in single)
    return out
