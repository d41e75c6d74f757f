#!/usr/bin/env bash
# Builds Scripts/bench.d/tool/main.swift into $1 with swiftc, against the modules and object
# files of the release build in .build/release (run `swift build -c release` first).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$1"
release="$root/.build/release"
objects=()
for module in StateMachine Workshop Persistence TerminalUI WorkshopUI CTextWidth; do
  objects+=("$release/$module.build/"*.o)
done
swiftc -O -g -module-cache-path "$release/ModuleCache" -I "$release/Modules" \
  -Xcc -fmodule-map-file="$release/CTextWidth.build/module.modulemap" \
  "$root/Scripts/bench.d/tool/main.swift" "${objects[@]}" -o "$out"
