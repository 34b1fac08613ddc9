#!/usr/bin/env bash
# The whole test suite, as CI runs it: unit and end-to-end tests over real HTTP, then the
# out-of-process checks in scripts/checks/. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh test
swift build --build-tests
swift test --skip-build
for script in scripts/checks/*.sh; do
  [ -e "$script" ] || continue
  echo "== $script"
  bash "$script"
done
