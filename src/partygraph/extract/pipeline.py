"""The extraction pipeline: the components in the order they run.

    normalise → sentences → context (date, provinces, reader)
    → mentions (organisations, people, subjects that refer back, titles)
    → congresses, sizes → offices (apposition, title before the name, verb
      clause, decision, committee list, title list) → changes → hierarchy → tidy

A new phrasing of an office is a line of `data/lexicon.yaml` or one small
component here.
"""

from __future__ import annotations

from partygraph.extract import (changes, congresses, context, decisions, hierarchy, mentions, offices, places, subjects,
                                tidy)
from partygraph.extract.component import Component, check_order
from partygraph.extract.doc import Doc
from partygraph.extract.records import Extraction
from partygraph.tokens import sentences
from partygraph.lexicon import Lexicon, lexicon
from partygraph.normalise import normalise
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
    """The article normalised (one tone-mark style, offsets back to the raw text) and split into sentences."""
    norm = normalise(article.text)
    return Doc(article, norm, sentences(norm.text, lex.abbreviations), lex)


def extract(article: Article, lex: Lexicon | None = None, pipeline: list[Component] | None = None) -> Extraction:
    """Read one article's people, organisations, offices, congresses and changes."""
    doc = make_doc(article, lex or lexicon())
    for step in pipeline or PIPELINE:
        step(doc)
    return doc.extraction()
