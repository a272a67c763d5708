"""Dates of offices: when each office began and ended, from congresses, successors and reports.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox

from partygraph.resolve.mentions import Mention, OfficeRec, SINGLE_HOLDER_ROLES, _date, _query, org_units


# ---------------------------------------------------------------------------
# Dates of offices

@dataclass
class Tenure:
    """One person in one role in one organisation, over all articles saying so."""

    person: str
    org: str
    role: str
    offices: list[OfficeRec]
    start: date | None = None
    end: date | None = None
    basis: list[str] = field(default_factory=list)

    @property
    def last_seen(self) -> date | None:
        seen = [o.as_of for o in self.offices if o.as_of and o.status != "Former"]
        return max(seen) if seen else None


def read_congresses(store: ox.Store) -> dict[tuple[str, int], date]:
    """(unit, term start year) → the congress's first day, where known."""
    out = {}
    units = org_units(store)
    for r in _query(store, """SELECT ?o ?y1 ?d WHERE { ?c a pg:Congress ; pg:heldBy ?o ; pg:forTerm ?t ;
                                   schema:startDate ?d . ?t pg:startYear ?y1 }"""):
        d = _date(r["d"].value)
        o = r["o"].value
        if d:
            for k in {(o, int(r["y1"].value)), (units.get(o, o), int(r["y1"].value))}:
                out[k] = min(out.get(k, d), d)
    return out


def date_tenures(mentions: dict[str, Mention], canonical: dict[str, str],
                 congresses: dict[tuple[str, int], date]) -> list[Tenure]:
    """Best start and end of every office, from all the articles about it.

    Start: the congress that elected the person (elected or current in a term
    whose congress date is known), else the first day of the term's first
    year, else the earliest article reporting the office. End: the next
    congress of the unit or the term's last day; the earliest article calling
    the person former; and, for single-holder roles, the start of the next
    holder reported after the last sighting.
    """
    groups: dict[tuple[str, str, str], list[OfficeRec]] = defaultdict(list)
    for m in mentions.values():
        for o in m.offices:
            groups[(canonical.get(m.iri, m.iri), o.org, o.role)].append(o)
    tenures = []
    for (person, org, role), offices in sorted(groups.items()):
        t = Tenure(person, org, role, offices)
        starts, ends = [], []
        for o in offices:
            if o.term:  # a former office stated with its term was held in that term
                c = congresses.get((o.org, o.term[0])) or congresses.get((o.unit, o.term[0]))
                if c:
                    starts.append((c, f"congress {c.isoformat()}"))
                else:
                    starts.append((date(o.term[0], 1, 1), f"term {o.term[0]}–{o.term[1]}"))
                nxt = congresses.get((o.org, o.term[1])) or congresses.get((o.unit, o.term[1]))
                ends.append((nxt, f"next congress {nxt.isoformat()}") if nxt else
                            (date(o.term[1], 12, 31), f"term {o.term[0]}–{o.term[1]}"))
            elif o.status == "Elected" and o.as_of:
                starts.append((o.as_of, f"elected, reported {o.as_of.isoformat()}"))
            elif o.status == "Current" and o.as_of:
                starts.append((o.as_of, f"current as of {o.as_of.isoformat()}"))
            if o.status == "Former" and not o.term:
                if o.as_of:
                    ends.append((o.as_of, f"former by {o.as_of.isoformat()}"))
        if starts:
            t.start, why = min(starts)
            t.basis.append("start: " + why)
        if ends:
            # The earliest bound wins, but never before the office was last seen held.
            seen = t.last_seen
            valid = [e for e in ends if not seen or e[0] >= seen] or ends
            t.end, why = min(valid)
            t.basis.append("end: " + why)
        tenures.append(t)
    # A single-holder post has one holder at a time: the next holder's start ends the tenure.
    posts: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    for t in tenures:
        if t.role in SINGLE_HOLDER_ROLES and t.start:
            posts[(t.org, t.role)].append(t)
    for ts in posts.values():
        ts.sort(key=lambda t: (t.start, t.person))
        for i, t in enumerate(ts):
            seen = t.last_seen or t.start
            for nxt in ts[i + 1:]:
                if nxt.person != t.person and nxt.start > t.start and nxt.start >= seen:
                    if t.end is None or nxt.start < t.end:
                        t.end = nxt.start
                        t.basis = [b for b in t.basis if not b.startswith("end:")]
                        t.basis.append(f"end: successor from {nxt.start.isoformat()}")
                    break
    return tenures


