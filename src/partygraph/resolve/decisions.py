"""Human decisions on pairs of mentions (merge, keep apart), read from and written to YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


from partygraph.errors import InputError
from partygraph import iris


# ---------------------------------------------------------------------------
# Decisions

@dataclass
class Decisions:
    """Human judgements on pairs of mentions: merge or keep apart."""

    merge: list[tuple[str, ...]] = field(default_factory=list)
    apart: list[tuple[str, ...]] = field(default_factory=list)
    entries: list[dict] = field(default_factory=list)


expand_iri = iris.expand
compact_iri = iris.compact


def read_decisions(path) -> Decisions:
    """Read a decisions file (YAML: `decisions:` list of {decision, mentions, note})."""
    import yaml

    path = Path(path)
    out = Decisions()
    if not path.exists():
        return out
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read decisions: {str(exc).splitlines()[0]}") from None
    entries = data.get("decisions", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(path, "expected a mapping with a `decisions:` list")
    for i, e in enumerate(entries, 1):
        if not isinstance(e, dict) or not isinstance(e.get("mentions"), list) or len(e["mentions"]) < 2:
            raise InputError(path, f"decision {i}: needs `decision` and a list of at least two `mentions`")
        kind = str(e.get("decision", "open")).strip().lower()
        iris = tuple(expand_iri(m) for m in e["mentions"])
        if kind == "merge":
            out.merge.append(iris)
        elif kind in ("keep-apart", "apart", "keep_apart"):
            out.apart.append(iris)
        elif kind not in ("open", "undecided", ""):
            raise InputError(path, f"decision {i}: `{kind}` is not merge, keep-apart or open")
        out.entries.append(e)
    return out


def write_decisions(path, decisions: Decisions, open_pairs: list, automatic: list[dict] | None = None) -> int:
    """Rewrite the decisions file: the human's entries kept, open candidates refreshed, and under
    `automatic:` what the evidence decided (merged / kept-apart, and which evidence), for reading only:
    copying an entry into `decisions:` with another `decision:` overrides it.

    Returns the number of open entries written.
    """
    import yaml

    from partygraph.atomic import atomic_write

    kept = [e for e in decisions.entries if str(e.get("decision", "open")).lower() not in ("open", "undecided", "")]
    decided = {frozenset(expand_iri(m) for m in e["mentions"]) for e in kept}
    fresh = []
    for pair in open_pairs:
        iris = [compact_iri(pair.a.anchor.iri), compact_iri(pair.b.anchor.iri)]
        if frozenset(map(expand_iri, iris)) in decided:
            continue
        fresh.append({"decision": "open", "mentions": iris, "name": pair.a.name, "evidence": pair.reason,
                      "a": pair.a.describe(), "b": pair.b.describe()})
    header = ("# partygraph resolve decisions. Set `decision:` to merge or keep-apart; later runs honour it.\n"
              "# `open` entries are candidates the evidence could not settle (rewritten on each run).\n"
              "# `automatic:` lists what the evidence decided (rewritten on each run, never read back):\n"
              "# copy an entry into `decisions:` and change its `decision:` to override it.\n")
    with atomic_write(path, "w") as fh:
        fh.write(header)
        yaml.safe_dump({"decisions": kept + fresh, "automatic": automatic or []}, fh, allow_unicode=True,
                       sort_keys=False, width=120)
    return len(fresh)


