#!/usr/bin/env bash
# libFuzzer smoke run: builds the harnesses in fuzz/ (swiftc -sanitize=fuzzer,address), replays
# each checked-in seed corpus, then fuzzes each harness for FUZZ_SECONDS (default 30), two at a
# time. New inputs go to a scratch directory, never into the checked-in corpus; a crash is saved
# under .build-fuzz/artifacts/. See RELIABILITY.md §5 for the long run.
# Budget: ~2.5 min on 2 idle cores (hard limit 8 min, for a busy machine).
source "$(dirname "$0")/lib/common.sh"
if [ "${1:-}" != --inner ]; then
  bounded 480 bash "$0" --inner
  exit
fi
seconds=${FUZZ_SECONDS:-30}
out=${FUZZ_OUT:-$ROOT/.build-fuzz}
export FUZZ_OUT=$out SWIFT_BACKTRACE=enable=no
harnesses=(importer record-input record-decode raw-target)
passed=0
failed=0
started=$SECONDS

run_one() {
  local name=$1 work="$out/work/$1"
  rm -rf "$work" && mkdir -p "$work"
  # Replay the seeds (must not crash), then fuzz.
  "$out/$name" -runs=0 -rss_limit_mb=2048 "fuzz/$name/corpus" > "$out/$name.replay.log" 2>&1 || return 1
  "$out/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=20000 \
    -print_final_stats=1 -artifact_prefix="$out/artifacts/$name-" "$work" "fuzz/$name/corpus" \
    > "$out/$name.log" 2>&1
}

report() {
  local name=$1 pid=$2 rc=0
  wait "$pid" || rc=$?
  local log="$out/$name.log" runs cov
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" 2>/dev/null | grep -o '[0-9]*$' || true)
  cov=$(grep -oE 'cov: [0-9]+' "$log" 2>/dev/null | tail -1 | grep -oE '[0-9]+' || true)
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    echo "  ok   $name: ${runs:-0} runs in ${seconds} s, coverage ${cov:-0} edges, no crash"
  else
    failed=$((failed + 1))
    echo "  FAIL $name (exit $rc): $(grep -hE 'Fatal error|ERROR: |SUMMARY' "$out/$name.replay.log" "$log" 2>/dev/null | head -3)"
    ls "$out/artifacts/$name-"* 2>/dev/null | sed 's/^/       crash input: /'
  fi
}

mkdir -p "$out/artifacts" "$out/work"
if ! fuzz/build.sh > "$out/build.log" 2>&1; then
  grep -E "error:" "$out/build.log" | head -20
  echo "fuzz harness build failed (log: $out/build.log)"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "built ${#harnesses[@]} harnesses in $((SECONDS - started)) s"
pids=()
names=()
for name in "${harnesses[@]}"; do
  run_one "$name" &
  pids+=($!)
  names+=("$name")
  if [ ${#pids[@]} -ge 2 ]; then
    for i in "${!pids[@]}"; do report "${names[$i]}" "${pids[$i]}"; done
    pids=()
    names=()
  fi
done
for i in "${!pids[@]}"; do report "${names[$i]}" "${pids[$i]}"; done
echo "fuzz-smoke: $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
