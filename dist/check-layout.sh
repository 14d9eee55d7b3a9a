#!/usr/bin/env bash
# The shape ARCHITECTURE.md promises, checked: no two source files import each other (round a
# circle included), no file over 450 lines (the window's app.rs over 300), no line over 110
# characters in src/ or tests/ (rustfmt gives up on such statements silently).
set -euo pipefail
cd "$(dirname "$0")/.."
failed=0

if ! python3 dist/import-cycles.py src; then
  echo "FAILED: files that import each other (above)"
  failed=1
fi

while read -r lines file; do
  [ "$file" = total ] && continue
  limit=450
  [ "$file" = src/ui/app.rs ] && limit=300
  if [ "$lines" -gt "$limit" ]; then
    echo "FAILED: $file has $lines lines (at most $limit)"
    failed=1
  fi
done < <(find src tests -name '*.rs' -print0 | xargs -0 wc -l)

long=$(grep -rn --include='*.rs' -E '^.{111,}$' src tests || true)
if [ -n "$long" ]; then
  echo "FAILED: lines over 110 characters:"
  echo "$long" | cut -c1-160
  failed=1
fi

[ "$failed" -eq 0 ] && echo "layout: no import cycles, no file over its limit, no line over 110 characters"
exit "$failed"
