#!/usr/bin/env bash
# The whole test suite, as CI runs it: unit and end-to-end tests over real HTTP (swift test),
# then every out-of-process check in scripts/checks/ (crash safety, abuse, hostile input,
# fuzzing, contract fuzzing, browser, container, benchmark smoke). Installs what it needs.
# Run one check alone with: bash scripts/checks/NAME.sh
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh test || exit 1
swift build --build-tests || exit 1
swift test --skip-build || { echo "swift test failed" >&2; exit 1; }
passed=0 failed=0 failures=()
for script in scripts/checks/*.sh; do
  name=$(basename "$script" .sh)
  echo "== check $name"
  start=$(date +%s)
  if bash "$script"; then
    passed=$((passed + 1)); echo "== check $name passed in $(( $(date +%s) - start )) s"
  else
    failed=$((failed + 1)); failures+=("$name"); echo "== check $name FAILED after $(( $(date +%s) - start )) s"
  fi
done
[ $failed -gt 0 ] && echo "failed checks: ${failures[*]}"
echo "checks: $passed passed, $failed failed"
[ $failed -eq 0 ]
