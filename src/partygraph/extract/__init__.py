"""Extraction: mentions (people, organisations, titles) and then facts.

`extract(article)` reads one article and returns an `Extraction` of frozen
records (`partygraph.extract.records`), each fact carrying the sentence
(text and offsets) it came from. Other packages import only what this
module exports.
"""

from partygraph.extract.orgs import Org
from partygraph.extract.records import Change, Congress, Evidence, Extraction, Office


def extract(article, lex=None) -> Extraction:
    """Read one article's people, organisations, offices, congresses and changes."""
    from partygraph.extract.pipeline import extract as _extract

    return _extract(article, lex)


__all__ = ["Change", "Congress", "Evidence", "Extraction", "Office", "Org", "extract"]
