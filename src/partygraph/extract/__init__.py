"""Extraction: mentions (people, organisations, titles) and then facts.

`extract(article)` reads one article and returns an `Extraction` of frozen
records, each fact carrying the sentence (text and offsets) it came from.
"""


def __getattr__(name):
    if name in ("Extraction", "extract"):
        from partygraph.extract import facts

        return getattr(facts, name)
    raise AttributeError(name)
