"""Extraction speed of this tree against an earlier revision, on the same articles, taking turns.

    python bench/compare_extraction.py --baseline dfb57bf [--articles 600] [--rounds 3]

The baseline is checked out into a temporary git worktree; each round times
both extractors (CPU time of one process, so other work on the machine
counts little) on the first N party-news articles, one after the other, and
prints MB of text per CPU-second for each and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "party-news.jsonl.gz"

TIMER = r"""
import gzip, json, sys, time
sys.path.insert(0, sys.argv[1])
from partygraph.read import Article
from partygraph.extract import extract
arts = []
with gzip.open(sys.argv[2], "rt", encoding="utf-8") as fh:
    for i, line in enumerate(fh):
        if i >= int(sys.argv[3]):
            break
        r = json.loads(line)
        arts.append(Article(id=r["id"], text=r["text"], source="bench"))
extract(arts[0])  # the vocabulary is loaded once, outside the timing
t = time.process_time()
for a in arts:
    extract(a)
print(sum(len(a.text.encode("utf-8")) for a in arts) / 1e6 / (time.process_time() - t))
"""


def speed(src: Path, n: int) -> float:
    out = subprocess.run([sys.executable, "-c", TIMER, str(src), str(CORPUS), str(n)],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", required=True, help="a git revision of this repository")
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.baseline],
                       check=True)
        try:
            ours, theirs = [], []
            for _ in range(args.rounds):
                theirs.append(speed(base / "src", args.articles))
                ours.append(speed(ROOT / "src", args.articles))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True)
    b, o = statistics.median(theirs), statistics.median(ours)
    print(f"{args.articles} party-news articles, {args.rounds} rounds, MB of text per CPU-second (median)")
    print(f"baseline {args.baseline}: {b:.2f} MB/s   this tree: {o:.2f} MB/s   ratio {o / b:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
