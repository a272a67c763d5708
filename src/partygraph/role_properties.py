"""What the resolver and the views know about roles and bodies, read from `ontology/role-properties.ttl`.

See ontology/MODEL.md, "Role properties". The file is data: a new
single-holder role or a new category is one line there, not code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal

from partygraph.namespaces import ONTOLOGY_DIR, PG

ROLE_PROPERTIES = ONTOLOGY_DIR / "role-properties.ttl"


@dataclass(frozen=True)
class RoleProperties:
    """Role id (`bi-thu` for `pgrole:bi-thu`) → category, and the sets of role and organisation IRIs flagged `true`."""

    category: dict[str, str]
    single_holder: frozenset[str]
    ordinary_membership: frozenset[str]
    large_bodies: frozenset[str]


def _flagged(g: Graph, prop) -> frozenset[str]:
    return frozenset(str(s) for s, o in g.subject_objects(prop) if o == Literal(True))


@lru_cache(maxsize=4)
def role_properties(path: Path = ROLE_PROPERTIES) -> RoleProperties:
    """The role properties in `path` (parsed once)."""
    g = Graph().parse(path, format="turtle")
    category = {str(s).rsplit("/", 1)[-1]: str(o) for s, o in g.subject_objects(PG.roleCategory)}
    return RoleProperties(category, _flagged(g, PG.singleHolder), _flagged(g, PG.ordinaryMembership),
                          _flagged(g, PG.largeBody))
