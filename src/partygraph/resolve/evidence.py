"""What keeps two namesakes apart: contradictions between their mentions.

Positive evidence (a shared unit, the same province, central offices on both
sides) is weighed in `clusters.link_evidence`; this module says when two
groups of mentions cannot be one person, whatever links them (only a human
`merge` decision overrides it). Three contradictions, each between current
offices held at the same time (articles within `SAME_TIME` of each other; an
undated article may be any time, so it counts as the same time):

* offices in different provinces (the 2025 mergers allowed for), unless
  both name a unit of the same name (a district's unit put under the
  article's province by mistake is more common than two namesakes);
* a provincial post whose province the article does not name ("Phó Chủ tịch
  UBND tỉnh") against a post in a centrally run city (`data/central_cities.csv`):
  a city has no "tỉnh";
* the same single-holder post (`pg:singleHolder`: Bí thư, Giám đốc, Bộ
  trưởng …) in two different units: no one is Giám đốc of two Sở at once
  (only between dated articles: two spellings of one unit that the
  organisation keys do not fold would otherwise split one official).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from partygraph import iris
from partygraph.resolve.reference import org_key
from partygraph.resolve.mentions import (LARGE_BODIES, MERGER_DATE, SINGLE_HOLDER_ROLES, Mention, is_central_city,
                                         province_successors, unnamed_provincial)

#: Articles this close are "at the same time" for the contradictions.
SAME_TIME = timedelta(days=366)

CURRENT = ("Current", "Elected")


@dataclass(frozen=True)
class Profile:
    """What a mention says about where and what its person was at the article's date."""

    date: date | None
    provinces: frozenset[str]  # of current offices
    units: frozenset[str]  # spelling keys of its offices' labels
    unnamed_tinh: bool  # holds a current post in an unnamed "tỉnh" body
    city: str | None  # a centrally run city one of its current posts is in
    posts: frozenset[tuple[str, str, str, str]]  # (role, unit, spelling key, label) of current single-holder posts


def profile(m: Mention) -> Profile:
    current = [o for o in m.offices if o.status in CURRENT]
    posts = frozenset((o.role, o.unit, org_key(o.label), o.label) for o in current
                      if o.role in SINGLE_HOLDER_ROLES and o.org not in LARGE_BODIES
                      and not iris.is_article_scoped(o.org) and not iris.is_article_scoped(o.unit))
    city = next((o.province for o in current if is_central_city(o.province, m.date)), None)
    return Profile(m.date, frozenset(o.province for o in current if o.province), frozenset(org_key(o.label) for o in m.offices),
                   any(not o.province and unnamed_provincial(o.label) for o in current), city, posts)


def _same_time(a: Profile, b: Profile) -> bool:
    return a.date is None or b.date is None or abs(a.date - b.date) <= SAME_TIME


def _provinces_meet(a: Profile, b: Profile) -> bool:
    if a.provinces & b.provinces:
        return True
    succ = province_successors()
    for x, y in ((a, b), (b, a)):
        if y.date and y.date >= MERGER_DATE and {succ.get(p, p) for p in x.provinces} & y.provinces:
            return True
    return False


def contradiction(a: Profile, b: Profile) -> str | None:
    """Why the mentions with profiles a and b cannot be one person, or None."""
    if not _same_time(a, b):
        return None
    if a.provinces and b.provinces and not _provinces_meet(a, b) and not a.units & b.units:
        # The same post in a unit of the same name ("Bí thư Đảng bộ quận X") under two provinces is one
        # unit placed in the wrong province by the extractor more often than two namesakes.
        return (f"offices in different provinces at the same time ({', '.join(sorted(a.provinces))} / "
                f"{', '.join(sorted(b.provinces))})")
    for x, y in ((a, b), (b, a)):
        if x.unnamed_tinh and y.city and not x.city:
            return f"a provincial post (tỉnh) against a post in the centrally run city {y.city}"
    if a.date is None or b.date is None:
        return None  # two spellings of one unit look like two units: single-holder posts only when dated
    for role, unit, key, label in a.posts:
        for role2, unit2, key2, label2 in b.posts:
            if role == role2 and unit != unit2 and not _one_starts_the_other(key, key2):
                return f"two single-holder posts at the same time ({role.rsplit('/', 1)[-1]}: {label} / {label2})"
    return None


def _one_starts_the_other(a: str, b: str) -> bool:
    """"Hội Nhà báo Việt Nam" and "Hội Nhà báo Việt Nam thay mặt …": one unit read too long or cut short."""
    return (a + " ").startswith(b + " ") or (b + " ").startswith(a + " ")


def clusters_contradict(a: list[Profile], b: list[Profile]) -> str | None:
    """The first contradiction between any mention of group a and any of group b."""
    for x in a:
        for y in b:
            why = contradiction(x, y)
            if why:
                return why
    return None
