"""The records extraction produces: frozen facts, each with the sentence it was read in.

These are the interface between extraction and the RDF mapping; everything
else in `partygraph.extract` is internal to reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from partygraph.extract.orgs import Org
from partygraph.lexicon import Role
from partygraph.read import Article
from partygraph.vocab import ChangeKind, Status


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence of the article, by its offsets in the text as read (raw)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Office:
    person: str
    role: Role
    org: Org
    status: Status
    term: tuple[int, int] | None
    evidence: Evidence

    def __post_init__(self):
        object.__setattr__(self, "status", Status(self.status))  # an unknown status raises here


@dataclass(frozen=True, slots=True)
class Congress:
    org: Org
    ordinal: int
    term: tuple[int, int] | None = None
    start: date | None = None
    end: date | None = None
    delegates: int | None = None
    delegates_present: int | None = None
    committee_size: int | None = None
    standing_size: int | None = None
    khoa: int | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Change:
    kind: ChangeKind
    originals: tuple[Org, ...]
    results: tuple[Org, ...]
    evidence: Evidence

    def __post_init__(self):
        object.__setattr__(self, "kind", ChangeKind(self.kind))


@dataclass
class Extraction:
    """Everything read from one article."""

    article: Article
    date: date | None = None
    province: str | None = None
    persons: dict[str, Evidence] = field(default_factory=dict)
    orgs: dict[str, Org] = field(default_factory=dict)
    org_evidence: dict[str, Evidence] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    congresses: list[Congress] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    stated_parents: set[tuple[str, str]] = field(default_factory=set)
    alt_labels: dict[str, set[str]] = field(default_factory=dict)
