"""The resolve fixture: short articles in real form about the same officials, whole or in part."""

from __future__ import annotations

import json
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "resolve" / "articles.jsonl"


def subset(tmp_path: Path, ids, name: str | None = None) -> Path:
    """A JSONL file in `tmp_path` with only the fixture articles `ids`."""
    rows = [line for line in FIXTURE.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] in ids]
    out = tmp_path / (name or "-".join(sorted(ids)) + ".jsonl")
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return out

#: Namesakes: a provincial deputy chairman in an article that does not name his province (though it is
#: filed under a city and mentions it), the Standing Deputy Secretary of that centrally run city, and a
#: mention with no office and no place.
NAMESAKES = Path(__file__).parent / "fixtures" / "resolve" / "namesakes.jsonl"
