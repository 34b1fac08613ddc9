#!/usr/bin/env bash
# The Gongkai benchmark (issue 6). Installs what it needs (wrk, nginx, libmicrohttpd-dev, gcc,
# strace), builds Gongkai in release, compiles the C reference, then bench/bench.py generates the
# data sets, starts each server pinned to CPU 1, drives it with wrk pinned to CPU 0, and prints
# one table (also bench/.work/results.md; raw runs in bench/.work/results.json).
#
#   bench/run.sh            full run: N = 1k, 10k, 100k; 3 rounds × 5 s; 5-minute soak (~15 min)
#   bench/run.sh --smoke    tiny N, 1 s per run, $GONGKAI_BIN or the debug build: proves the suite runs (~1 min)
#   extra flags go to bench.py: --sizes 1000,100000 --dur 10 --rounds 5 --soak 600
set -euo pipefail
cd "$(dirname "$0")/.."
smoke=0
for arg in "$@"; do [ "$arg" = --smoke ] && smoke=1; done

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx)
command -v strace >/dev/null || need+=(strace)
command -v cc >/dev/null || need+=(gcc)
command -v taskset >/dev/null || need+=(util-linux)
command -v python3 >/dev/null || need+=(python3)
dpkg-query -W -f='${Status}' libmicrohttpd-dev 2>/dev/null | grep -q "install ok installed" || need+=(libmicrohttpd-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

if [ "$smoke" = 1 ]; then
  # The smoke run proves the suite runs; any build will do (CI's debug build by default).
  bin=${GONGKAI_BIN:-.build/debug/gongkai}
  [ -x "$bin" ] || swift build --product gongkai >&2
else
  swift build -c release --product gongkai >&2
  bin=.build/release/gongkai
fi
mkdir -p bench/.work
cc -O2 -Wall -Wextra bench/ref_server.c $(pkg-config --cflags --libs libmicrohttpd) -o bench/.work/ref_server
exec python3 bench/bench.py --bin "$bin" --ref bench/.work/ref_server "$@"
