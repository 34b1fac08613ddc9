#!/usr/bin/env bash
# The HTTP-layer and API test targets (the C callback path: libmicrohttpd threads calling into
# Swift, request state retained/released across callbacks, the storage under concurrent
# writers) under AddressSanitizer and ThreadSanitizer. Each sanitizer rebuilds everything in its
# own scratch path (.build-asan, .build-tsan).
#   SANITIZERS=asan (the CI default) | tsan | both | none
# CI runs ASan only; TSan is the nightly/manual command (RELIABILITY.md §8 has the timings and
# the last result):  SANITIZERS=tsan scripts/checks/sanitizers.sh
source "$(dirname "$0")/lib/common.sh"
which=${SANITIZERS:-asan}
if [ "${1:-}" != --inner ]; then
  # Hard bound: a cold build of one sanitizer takes ~6–8 min on 2 cores, its tests ~1 min.
  if [ "$which" = both ]; then limit=2400; else limit=1200; fi
  bounded "$limit" bash "$0" --inner
  exit
fi
filter=${SANITIZER_FILTER:-GongkaiHTTPTests|GongkaiAPITests}
passed=0
failed=0

run() { # name flag scratch
  local name=$1 flag=$2 scratch=$3 log=$ROOT/$3/sanitizer-run.log started=$SECONDS rc=0
  mkdir -p "$ROOT/$scratch"
  echo "== $name: building tests with --sanitize=$flag into $scratch"
  if ! swift build --build-tests --sanitize="$flag" --scratch-path "$scratch" > "$log" 2>&1; then
    grep -E "error:" "$log" | head -20
    echo "  FAIL $name: build failed (log: $log)"
    failed=$((failed + 1))
    return
  fi
  local built=$((SECONDS - started))
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1} \
  TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=0:second_deadlock_stack=1} \
    swift test --skip-build --sanitize="$flag" --scratch-path "$scratch" --filter "$filter" >> "$log" 2>&1 || rc=$?
  local reports
  reports=$(grep -cE "ERROR: AddressSanitizer|WARNING: ThreadSanitizer|runtime error:" "$log" || true)
  local summary
  summary=$(grep -E "Test run with [0-9]+ tests" "$log" | tail -1)
  if [ "$rc" -eq 0 ] && [ "$reports" -eq 0 ]; then
    passed=$((passed + 1))
    echo "  ok   $name: build ${built} s, tests $((SECONDS - started - built)) s, 0 reports; $summary"
  else
    failed=$((failed + 1))
    echo "  FAIL $name: exit $rc, $reports sanitizer reports (log: $log); $summary"
    grep -E -A12 "ERROR: AddressSanitizer|WARNING: ThreadSanitizer" "$log" | head -60
  fi
}

case $which in
  asan) run ASan address .build-asan ;;
  tsan) run TSan thread .build-tsan ;;
  both) run ASan address .build-asan; run TSan thread .build-tsan ;;
  none) echo "sanitizers skipped (SANITIZERS=none)" ;;
  *) echo "SANITIZERS must be asan, tsan, both or none"; failed=1 ;;
esac
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
