#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the stock Koji configs (../shared/koji-configs), at run time:
# the seeds are not committed. Usage: fuzz/seed.sh [CONFIGS_DIR]
set -euo pipefail
cd "$(dirname "$0")"
src=${1:-../../shared/koji-configs}
for t in httpd_roundtrip ini_roundtrip migrate diff_model; do mkdir -p "corpus/$t"; done
for f in "$src"/*/*; do
  [ -f "$f" ] || continue
  id=$(echo "$f" | tr '/.' '__')
  cp "$f" "corpus/httpd_roundtrip/$id"
  cp "$f" "corpus/ini_roundtrip/$id"
  for flag in 0 1 2 3; do
    { printf "\\x0$flag"; cat "$f"; } > "corpus/migrate/${id}_$flag"
  done
  { printf '\x03'; cat "$f"; } > "corpus/diff_model/$id"
done
# Whole releases as one multi-file migrate input (cross-file rules).
for d in "$src"/*/; do
  r=$(basename "$d")
  for flag in 0 1; do
    { printf "\\x0$flag"; first=1; for f in "$d"*; do
        [ $first = 1 ] || printf '\n--8<--\n'; first=0; cat "$f"; done; } > "corpus/migrate/release_${r}_$flag"
  done
done
