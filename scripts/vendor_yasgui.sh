#!/usr/bin/env bash
# Refresh the YASGUI query editor that `partygraph serve` shows at / (src/partygraph/serve_static/)
# from the npm registry, so the page works offline and loads nothing from elsewhere.
#
#   bash scripts/vendor_yasgui.sh            # the pinned version below
#   bash scripts/vendor_yasgui.sh 4.7.0      # another version (then run tests/test_serve_page.py)
set -euo pipefail

version="${1:-4.6.2}"
dest="$(cd "$(dirname "$0")/.." && pwd)/src/partygraph/serve_static"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "@zazuko/yasgui@$version" >/dev/null && tar xzf zazuko-yasgui-*.tgz)
build="$tmp/package/build"
# The source-map comments go: the maps are not shipped, and the page asks the server for nothing it lacks.
sed '/^\/\/# sourceMappingURL=/d' "$build/yasgui.min.js" > "$dest/yasgui.min.js"
sed 's|/\*# sourceMappingURL=[^*]*\*/||' "$build/yasgui.min.css" > "$dest/yasgui.min.css"
license="$(node -p "require('$tmp/package/package.json').license")"
[ "$license" = "MIT" ] || { echo "vendor_yasgui: @zazuko/yasgui@$version is licensed $license, not MIT: check it" >&2; exit 1; }
sed -i "s/^@zazuko\/yasgui [0-9][^ ]*/@zazuko\/yasgui $version/" "$dest/LICENSE-yasgui.txt"
ls -l "$dest"
