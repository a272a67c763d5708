#!/usr/bin/env bash
# Refresh constraints.txt: the exact versions a fresh venv (stock pip) takes for
# `pip install ".[test]"`; CI installs with `-c constraints.txt` so it tests those.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q ".[test]"
{
  echo "# Versions CI installs (pip install -c constraints.txt ...). Refresh: bash scripts/refresh_constraints.sh"
  "$tmp/venv/bin/pip" freeze --exclude partygraph
} > constraints.txt
