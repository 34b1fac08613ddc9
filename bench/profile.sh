#!/usr/bin/env bash
# Profiles one request path of the release server under wrk load and prints the hottest symbols.
#   bench/profile.sh catalogue|records|search|post [perf|callgrind] [seconds]
# Needs a prior bench run (bench/.work/seed, tokens.txt, data-1000-log: the 1k set the suite posts to). perf uses the software
# cpu-clock event (this VM exposes no hardware counters: `perf stat -e instructions` is
# "not supported"); callgrind counts instructions exactly but runs the server ~50× slower.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-catalogue}; tool=${2:-perf}; secs=${3:-6}
W=bench/.work
bin=.build/release/gongkai
data=$W/profile-data
rm -rf "$data" && cp -r "$W/data-1000-log" "$data" 2>/dev/null || { rm -rf "$data"; cp -r "$W/seed" "$data"; }
out=$W/profile-$what-$tool
: > "$out.out"
if [ "$tool" = callgrind ]; then
  command -v valgrind >/dev/null || { apt-get install -y -qq valgrind >&2; }
  # Debian's valgrind 3.19 cannot read Swift 6.3's DWARF ("Possibly corrupted debuginfo"):
  # profile a copy without debug info, which keeps the symbol names.
  strip --strip-debug -o $W/gongkai-nodebug "$bin"
  bin=$W/gongkai-nodebug
  taskset -c 1 valgrind --tool=callgrind --callgrind-out-file="$out.callgrind" \
    "$bin" serve --config $W/config-log.json --data-dir "$data" --port 0 > "$out.out" 2> "$out.err" &
else
  taskset -c 1 "$bin" serve --config $W/config-log.json --data-dir "$data" --port 0 > "$out.out" 2> "$out.err" &
fi
pid=$!
for _ in $(seq 1 600); do grep -q listening "$out.out" && break; sleep 0.1; done
port=$(grep -o '[0-9]*$' "$out.out")
url=http://127.0.0.1:$port
args=(-t1 -c32 -d${secs}s --timeout 10s -s bench/wrk.lua)
case $what in
  catalogue) target=$url/api/v1/catalogue ;;
  records)   printf 'GET\t/api/v1/records\n' > $W/profile-req.txt; export BENCH_REQUESTS=$W/profile-req.txt; target=$url/ ;;
  search)    printf 'GET\t/api/v1/records?q=%%E8%%8A%%82%%E8%%83%%BD%%E7%%9B%%91%%E5%%AF%%9F\n' > $W/profile-req.txt; export BENCH_REQUESTS=$W/profile-req.txt; target=$url/ ;;
  post)      export BENCH_TOKENS=$W/tokens.txt; target=$url/ ;;
esac
[ "$tool" = callgrind ] && args=(-t1 -c8 -d${secs}s --timeout 30s -s bench/wrk.lua)
if [ "$tool" = perf ]; then
  perf record -e cpu-clock -F 2000 -g -p $pid -o $out.perf -- sleep $((secs + 1)) >/dev/null 2>&1 &
  rec=$!
  sleep 0.3
fi
taskset -c 0 wrk "${args[@]}" "$target" | grep RESULT
if [ "$tool" = perf ]; then
  wait $rec || true
  kill $pid; wait $pid || true
  echo "== self time (top 25)"
  perf report -i $out.perf --no-children --sort symbol --stdio -g none 2>/dev/null | grep '%' | head -25 | cut -c1-160
  echo "== inclusive (top 40, user space)"
  perf report -i $out.perf --children --sort symbol --stdio -g none 2>/dev/null | grep '%' | grep -v '\[k\]' | head -40 | cut -c1-160
else
  kill $pid; wait $pid || true
  callgrind_annotate --inclusive=yes "$out.callgrind" 2>/dev/null | head -60 | cut -c1-180
fi
