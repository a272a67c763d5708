"""The closed sets of words the records and the graph use: kinds, statuses, levels.

They are `StrEnum`s, so a member equals (and hashes like, and prints as) its
string: `Status.CURRENT == "current"`, and IRIs hashed from a status are the
same whichever of the two an extractor hands over.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """How an article reports an office (`Office.status`; `pg:status`)."""

    CURRENT = "current"
    ELECTED = "elected"
    FORMER = "former"


class OrgKind(StrEnum):
    """What sort of body an organisation is (`Org.kind`; its `pg:` class)."""

    PARTY = "party"
    EXECUTIVE = "executive"
    COMMITTEE = "committee"
    STATE = "state"
    MASS = "mass"
    MEDIA = "media"
    ENTERPRISE = "enterprise"
    OTHER = "other"
    ADMINISTRATIVE = "administrative"


class Level(StrEnum):
    """The administrative level of a unit (`Org.level`; `pg:level`)."""

    CENTRAL = "central"
    PROVINCIAL = "provincial"
    DISTRICT = "district"
    GRASSROOTS = "grassroots"
    BRANCH = "branch"


class ChangeKind(StrEnum):
    """What happened to units (`Change.kind`, reference events; `pg:kind`)."""

    MERGER = "merger"
    FOUNDING = "founding"
    DISSOLUTION = "dissolution"
    SPLIT = "split"
    RESTRUCTURING = "restructuring"
    RENAMING = "renaming"
