#!/usr/bin/env bash
# Smoke run of an installed partygraph (CI runs it on the wheel in a fresh venv):
# build the seeds and an HTML page, load them into a store, read a query that
# needs the holdings view (rows > 0), validate the graph and draw a view.
# Usage: .ci/smoke.sh [PARTYGRAPH_COMMAND]   (default: partygraph on PATH)
set -euo pipefail
pg=${1:-partygraph}
case $pg in */*) pg=$(cd "$(dirname "$pg")" && pwd)/$(basename "$pg") ;; esac
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"  # away from the checkout: only the installed package is used
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }

inputs=("$repo/data/seeds" "$repo/tests/fixtures/article.html")
"$pg" build "${inputs[@]}" --output graph.ttl
grep -q '"Thái Thanh Quý"' graph.ttl || fail "the HTML page's people are not in the graph"
"$pg" validate graph.ttl >/dev/null || fail "graph does not conform to the shapes"
"$pg" load "${inputs[@]}" --store store
for q in "counts-by-role" "office-holders -p unit pgid:org/dang-bo-tinh-nghe-an"; do
  rows=$("$pg" query $q --store store --format csv | tail -n +2 | grep -c . || true)
  [ "$rows" -gt 0 ] || fail "query $q (holdings view) returned no rows"
  echo "smoke: $q: $rows rows"
done
"$pg" viz graph.ttl --view orgchart --output x.html
"$pg" viz store --view people --output y.html
for f in x.html y.html; do
  [ -s "$f" ] && grep -q "Thái Thanh Quý" "$f" || fail "$f is empty or lacks the HTML page's people"
done
echo "smoke: OK ($("$pg" --version))"
