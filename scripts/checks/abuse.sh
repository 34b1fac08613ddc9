#!/usr/bin/env bash
# Limits under abuse: slowhttptest (slowloris, slow body, slow read) while a probe from
# 127.0.0.2 keeps getting fast 200s; per-IP limit; 431/414/413; connection timeout;
# 2,000 idle keep-alive connections. See RELIABILITY.md §3. Budget: about 1.5 min (hard 3 min).
source "$(dirname "$0")/lib/common.sh"
ensure_binary
ensure_tool slowhttptest slowhttptest
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)"
bounded 180 python3 scripts/checks/abuse.py
