"""Phrasings of terms, dates and sizes, compiled from the lexicon's `phrasing` section.

The words ("nhiệm kỳ", "giai đoạn", "khóa", "ngày", "đại biểu", "gồm",
"đồng chí" …) are data in `data/lexicon.yaml`; this module only turns them
into the regular expressions the components match with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_YEARS = r"\(?(\d{4})\s*[-–—]\s*(\d{4})"
_YEARS_BARE = r"\(?\d{4}\s*[-–—]\s*\d{4}\)?"
_NUMERAL = r"[IVXLC]+|\d+"
_DM = r"(\d{1,2})\s*[/-]\s*(\d{1,2})"
_Y = r"(?:\s*[/-]\s*((?:19|20)\d{2}))?"
_UPPER = "A-ZĐÀ-Ỹ"

REQUIRED = ("term", "sentence_term", "new_term", "khoa", "local_places", "day", "days", "part_of_day", "from",
            "until", "range_joins", "date_window", "delegates", "elect", "standing", "comprise", "comrades",
            "member", "month", "year")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class Phrasing:
    def __init__(self, data: dict):
        missing = [k for k in REQUIRED if k not in data]
        if missing:
            raise KeyError(f"phrasing lacks {', '.join(missing)}")
        w = {k: _alt(v) for k, v in data.items()}
        # ", nhiệm kỳ 2020-2025" right after a title or a congress
        self.term_after = re.compile(rf"\s*,?\s*(?:{w['term']})\s*{_YEARS}", re.I)
        # "nhiệm kỳ 2020-2025" anywhere in a sentence
        self.term_anywhere = re.compile(rf"(?:{w['sentence_term']})\s*(\d{{4}})\s*[-–—]\s*(\d{{4}})", re.I)
        # ", nhiệm kỳ (mới) 2020-2025," or " khóa X" to step over
        self.term_or_khoa = re.compile(
            rf"\s*,?\s*(?:(?:{w['term']})(?:\s+(?:{w['new_term']}))?\s*{_YEARS_BARE}|(?:{w['khoa']})\s+[IVXLC\d]+)\s*,?",
            re.I)
        # " khóa XVI," after a committee's name, before its term
        self.khoa_after = re.compile(rf"\s*(?:{w['khoa']})\s+[IVXLC\d]+\s*,?", re.I)
        self._local = [(word, re.compile(rf"(?<!\w){re.escape(word)} ([{_UPPER}][^\s,;.]*(?: [{_UPPER}][^\s,;.]*){{0,3}})"))
                       for word in data["local_places"]]
        # "ngày 19-21/8/2020", "các ngày 21, 22/7", "ngày 15 đến 21-10-1963"
        self.date_range = re.compile(
            rf"(?:{w['days']})\s+(\d{{1,2}})\s*(?:[-–]|{w['range_joins']}|,)\s*(?:(?:{w['day']})\s+)?(\d{{1,2}})\s*[/-]\s*(\d{{1,2}}){_Y}(?!\d)",
            re.I)
        # "từ ngày 19/8 đến 21/8/2020"
        self.date_span = re.compile(
            rf"(?:{w['from']})\s+(?:{w['day']})\s+{_DM}{_Y}\s*(?:{w['until']}|-)\s*(?:(?:{w['day']})\s+)?{_DM}{_Y}", re.I)
        # "ngày 30-9", "sáng 30/9/2020"
        self.date_one = re.compile(
            rf"(?:{w['day']}|{w['part_of_day']})\s+(?:(?:{w['day']})\s+)?{_DM}{_Y}(?!\d)", re.I)
        # where a congress's own dates stop: another congress, an anniversary, a named day, a new clause
        self.date_window = re.compile("|".join(data["date_window"]))
        # "Sáng 30-9, " opening a sentence
        self.lead_date = re.compile(
            rf"\s*(?:(?:{w['part_of_day']})\s+)?(?:(?:{w['day']})\s+)?\d{{1,2}}\s*[-/]\s*\d{{1,2}}(?:\s*[-/]\s*\d{{4}})?\s*,\s*",
            re.I)
        # "Từ tháng 4/1973 đến năm 1976, …", "Năm 1984-1985, …": a sentence opening with a span of years
        self.past_span = re.compile(
            rf"\s*(?:(?:{w['from']})\s+)?(?:(?:{w['month']})\s+\d{{1,2}}\s*[/-]\s*)?(?:(?:{w['year']})\s+)?(\d{{4}})"
            rf"\s*(?:[-–]|{w['until']})\s*(?:(?:{w['month']})\s+)?(?:\d{{1,2}}\s*[/-]\s*)?(?:(?:{w['year']})\s+)?(\d{{4}})"
            rf"\s*,", re.I)
        self.delegates = re.compile(rf"(\d[\d.]*)\s*/\s*(\d[\d.]*)\s*(?:{w['delegates']})", re.I)
        # "bầu Ban Chấp hành … khóa VIII gồm 27 đồng chí"
        self.committee_size = re.compile(
            rf"(?:{w['elect']})\s+Ban Chấp hành(?:[^;]*?(?:{w['khoa']})\s+({_NUMERAL}))?[^;]*?(?:{w['comprise']})\s+(\d+)\s+(?:{w['comrades']})",
            re.I)
        self.standing_size = re.compile(
            rf"(?:{w['elect']})\s+(?:(\d+)\s+(?:{w['comrades']})\s+(?:(?:{w['member']})\s+)?(?:{w['standing']})"
            rf"|(?:{w['standing']})[^;]*?(?:{w['comprise']})\s+(\d+)\s+(?:{w['comrades']}))", re.I)

    def local_places(self, label: str) -> Iterator[tuple[str, str]]:
        """The lower-level places a label names ("… huyện Châu Thành" → ("huyện", "Châu Thành"))."""
        for word, pattern in self._local:
            m = pattern.search(label)
            if m and not label.endswith(f" {word}"):
                yield word, m.group(1)
