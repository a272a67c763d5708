"""The extraction pipeline: the components in the order they run.

    normalise → sentences → context (date, provinces, reader)
    → mentions (organisations, people, subjects that refer back, titles)
    → congresses, sizes → offices (apposition, title before the name, verb
      clause, decision, committee list, title list) → changes → hierarchy → tidy

A new phrasing of an office is a line of `data/lexicon.yaml` or one small
component here.
"""

from __future__ import annotations

import re

from partygraph.extract import (changes, congresses, context, decisions, hierarchy, mentions, offices, places, subjects,
                                tidy)
from partygraph.extract.component import Component, check_order
from partygraph.extract.doc import Doc
from partygraph.extract.records import Extraction
from partygraph.tokens import sentences
from partygraph.lexicon import Lexicon, lexicon
from partygraph.normalise import initials_of, normalise
from partygraph.read import Article

PIPELINE: list[Component] = [
    context.article_date,
    context.provinces,
    context.org_reader,
    context.local_places,
    mentions.organisations,
    mentions.people,
    subjects.subjects,
    mentions.titles,
    congresses.congresses,
    congresses.congress_sizes,
    congresses.committee_terms,
    offices.appositions,
    offices.verb_clauses,
    decisions.decisions,
    decisions.elected_lists,
    decisions.led_by,
    offices.titles_before_name,
    offices.committee_lists,
    offices.title_lists,
    offices.ended_after_name,
    changes.changes,
    hierarchy.stated_hierarchy,
    hierarchy.bracketed_parent,
    places.administrative_units,
    tidy.tidy,
]
check_order(PIPELINE)


def make_doc(article: Article, lex: Lexicon) -> Doc:
    """The article normalised (one tone-mark style, offsets back to the raw text) and split into sentences,
    with the abbreviations it defines itself ("huyện Phú Quốc (PQ)") expanded like the lexicon's."""
    norm = normalise(article.text)
    return Doc(article, norm, sentences(norm.text, article_abbreviations(norm.text, lex.abbreviations)), lex)


_BRACKETED = re.compile(r"\([A-ZĐ]{2,6}\)")
_PLACE_INITIALS = re.compile(r"(?<!\w)(xã|phường|thị trấn|huyện|quận|thị xã)\s+([A-ZĐ]{2,4})(?!\w)")
_DEFINED = re.compile(r"((?:[A-ZĐÀ-Ỹ][^\W\d_]*\s+){1,5}[A-ZĐÀ-Ỹ][^\W\d_]*)\s*\(([A-ZĐ]{2,6})\)")


def article_abbreviations(text: str, abbreviations: dict) -> dict:
    """The lexicon's abbreviations and those the article defines: capitalised words then, in brackets, their
    initials ("Phú Quốc (PQ)", "Kiên Giang (KG)"), or a place's initials after its word when the article
    names one place so ("xã LTT" after "xã Lương Thế Trân"); an abbreviation the lexicon has keeps its
    meaning."""
    found: dict[str, tuple[str, ...]] = {}
    if _BRACKETED.search(text) is not None:  # most articles define none: one cheap look first
        for m in _DEFINED.finditer(text):
            abbr, words = m.group(2), m.group(1).split()
            words = words[-len(abbr):]
            if abbr not in abbreviations and initials_of(abbr, words):
                found.setdefault(abbr, tuple(words))
    for word, abbr in {m.groups() for m in _PLACE_INITIALS.finditer(text)}:
        if abbr in abbreviations or abbr in found:
            continue
        named = {tuple(m.group(1).split()) for m in re.finditer(
            rf"(?<!\w){word}\s+((?:[A-ZĐÀ-Ỹ][^\W\d_]*\s+){{{len(abbr) - 1}}}[A-ZĐÀ-Ỹ][^\W\d_]*)(?!\w)", text)}
        named = {words for words in named if initials_of(abbr, words)}
        if len(named) == 1:
            found[abbr] = named.pop()
    return {**abbreviations, **found} if found else abbreviations


def extract(article: Article, lex: Lexicon | None = None, pipeline: list[Component] | None = None) -> Extraction:
    """Read one article's people, organisations, offices, congresses and changes."""
    doc = make_doc(article, lex or lexicon())
    for step in pipeline or PIPELINE:
        step(doc)
    return doc.extraction()
