"""Text safe to put inside an HTML page's <script> elements (the viz pages and the editor page)."""

from __future__ import annotations

import json


def json_for_script(obj, compact: bool = True) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can end or open a tag (`compact`: no spaces)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":") if compact else None)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
