#!/usr/bin/env bash
# Builds Scripts/bench.d/tool/main.swift into OUT with swiftc, against the modules and object
# files of a release build (default: the static one Scripts/build-release makes, which the
# tool is then linked like).
#
# Usage: build-tool.sh OUT [RELEASE_FOLDER]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$1"
release="${2:-$root/.build-install/static/release}"
objects=()
for module in StateMachine Workshop Persistence TextMeasure TerminalUI WorkshopUI CTextWidth; do
  objects+=("$release/$module.build/"*.o)
done
# A module cache of its own: sharing the build's, reached through the `release` link, makes
# clang see each module twice ("defined in both").
swiftc -O -g -static-executable -module-cache-path "$(dirname "$out")/tool-module-cache" -I "$release/Modules" \
  -Xcc -fmodule-map-file="$release/CTextWidth.build/module.modulemap" \
  "$root/Scripts/bench.d/tool/main.swift" "${objects[@]}" -o "$out" 2>&1 |
  grep -v -e "statically linked applications requires at runtime" -e "the use of \`mktemp' is dangerous" >&2 || true
[ -x "$out" ] || { echo "The measuring tool did not build." >&2; exit 1; }
