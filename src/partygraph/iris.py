"""Every IRI partygraph mints, and which kinds of node are shared between articles.

IRIs are derived from canonical parts, so the same input always gives the
same graph, and organisations, terms and roles named the same way in
different articles meet on the same node (ontology/MODEL.md, "Identifiers").
A node's *kind* is the first path segment after `pgid:` (`org`, `person`, …);
`SCOPE` says for every kind whether its nodes are shared between articles,
minted per article, or derived by a later step (views, resolve). The build's
merge rules and the store's partition into named graphs both read it.

The functions return rdflib `URIRef`s (which are `str`s, so pyoxigraph code
wraps them in `NamedNode`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from enum import Enum

from rdflib import URIRef

from partygraph.namespaces import PGID, PGID_BASE, PGROLE, PGROLE_BASE
from partygraph.vocab import Level

#: Levels whose unit names repeat across provinces: their IRIs carry the province.
LOCAL_LEVELS = (Level.DISTRICT, Level.GRASSROOTS, Level.BRANCH)


class Scope(str, Enum):
    """Whose node it is: one article's, every article's, or a derived view's."""

    ARTICLE = "article"
    SHARED = "shared"
    DERIVED = "derived"


#: Kind (first segment after `pgid:`) → scope. Roles (`pgrole:`) are shared too.
SCOPE = {
    "article": Scope.ARTICLE,     # the article node and its sentences (`article/{id}/s…`)
    "person": Scope.ARTICLE,      # a name as one article mentions it (hash of the article id)
    "membership": Scope.ARTICLE,  # an office as one article reports it
    "event": Scope.ARTICLE,       # a change event one article reports (`event/reference/…`: derived)
    "org": Scope.SHARED,
    "congress": Scope.SHARED,
    "term": Scope.SHARED,
    "year": Scope.SHARED,
    "holding": Scope.DERIVED,
    "graph": Scope.DERIVED,
}

#: The named graphs of a store that are not an article's (plain strings: graph names in store code).
SHARED_GRAPH = PGID_BASE + "graph/shared"
HOLDINGS_GRAPH = PGID_BASE + "graph/holdings"
RESOLUTION_GRAPH = PGID_BASE + "graph/resolution"
REFERENCE_GRAPH = PGID_BASE + "graph/reference"


def kind_of(iri: str) -> str | None:
    """`org` for `pgid:org/…`, `role` for `pgrole:…`, None for an IRI partygraph does not mint."""
    if iri.startswith(PGROLE_BASE):
        return "role"
    if iri.startswith(PGID_BASE):
        return iri[len(PGID_BASE):].split("/", 1)[0]
    return None


def is_shared(iri: str) -> bool:
    """True for nodes every article may describe: organisations, congresses, terms, years, roles."""
    kind = kind_of(iri)
    return kind == "role" or SCOPE.get(kind) is Scope.SHARED


def is_per_article(iri: str) -> bool:
    """True for nodes one article mints (article, sentence, person, membership, event)."""
    return SCOPE.get(kind_of(iri)) is Scope.ARTICLE


_ARTICLE = re.compile(re.escape(PGID_BASE) + r"article/([^/#?]+)")


def article_of(iri: str) -> str | None:
    """The IRI of the article an article or sentence IRI lies under (`pgid:article/{id}`), else None."""
    m = _ARTICLE.match(iri)
    return f"{PGID_BASE}article/{m.group(1)}" if m else None


def is_article(iri: str) -> bool:
    """True for an article node itself (not one of its sentences)."""
    return _ARTICLE.fullmatch(iri) is not None


def slug(text: str) -> str:
    """ASCII slug of a label: diacritics dropped, 'đ' → 'd', lower case, '-' between words."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def h(*parts: object) -> str:
    """First 12 hex digits of SHA-1 over the parts joined by '|'."""
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


def is_article_scoped(iri: str) -> bool:
    """True for an organisation named relative to its article (`org/{slug}-{hash}`)."""
    return re.search(r"-[0-9a-f]{12}$", iri) is not None


# --- per article ----------------------------------------------------------

def article_iri(article_id: str) -> URIRef:
    return PGID[f"article/{article_id}"]


def sentence_iri(article_id: str, start: int, end: int) -> URIRef:
    return PGID[f"article/{article_id}/s{start}-{end}"]


def person_iri(article_id: str, name: str) -> URIRef:
    return PGID[f"person/{slug(name)}-{h(article_id, name.lower())}"]


def membership_iri(article_id: str, person: str, org: str, role_id: str, status: str) -> URIRef:
    return PGID[f"membership/{h(article_id, person, org, role_id, status)}"]


def event_iri(article_id: str, kind: str, originals: list[str], results: list[str]) -> URIRef:
    return PGID[f"event/{h(article_id, kind, *originals, '>', *results)}"]


# --- shared ---------------------------------------------------------------

def org_iri(org, article_id: str, relative: bool = False) -> URIRef:
    """Organisations meet across articles by canonical label; a district or commune also by its
    province (district names repeat across provinces); a name relative to the article (`scoped`, or
    `relative`: a name many units have, "Công ty TNHH") stays in it."""
    base = slug(org.label)
    if org.scoped or relative:
        return PGID[f"org/{base}-{h(article_id)}"]
    if org.level in LOCAL_LEVELS and org.province and slug(org.province) not in base:
        return PGID[f"org/{base}--{slug(org.province)}"]
    return PGID[f"org/{base}"]


def org_iri_for(label: str) -> URIRef:
    """An organisation named by reference data (no article, no province qualifier)."""
    return PGID[f"org/{slug(label)}"]


def congress_iri(org: str, ordinal: int) -> URIRef:
    return PGID[f"congress/{org.rsplit('/', 1)[-1]}-{ordinal}"]


def term_iri(term: tuple[int, int]) -> URIRef:
    return PGID[f"term/{term[0]}-{term[1]}"]


def year_iri(year: int) -> URIRef:
    return PGID[f"year/{year}"]


def role_iri(role_id: str) -> URIRef:
    return PGROLE[role_id]


# --- derived --------------------------------------------------------------

def holding_iri(org: str, role: str, name: str, term: str | None) -> URIRef:
    """`pgid:holding/{h(org, role, name, term)}`: stable across loads and engines."""
    return PGID[f"holding/{h(org, role, name, term or '')}"]


def canonical_person_iri(name: str, anchor: str) -> URIRef:
    """A resolved person: its name and its anchor mention (the earliest)."""
    return PGID[f"person/{slug(name)}-{h('resolved', anchor)}"]


def reference_event_iri(name: str) -> URIRef:
    """A change event of the reference data (`event/reference/{name}`)."""
    return PGID[f"event/reference/{name}"]


def compact(iri: str) -> str:
    """`pgid:…` for a minted IRI, else the IRI unchanged."""
    return "pgid:" + iri[len(PGID_BASE):] if iri.startswith(PGID_BASE) else iri


def expand(text: str) -> str:
    """The IRI of `pgid:…` or `<…>` text."""
    text = str(text).strip()
    if text.startswith("pgid:"):
        return PGID_BASE + text[5:]
    return text.strip("<>")
