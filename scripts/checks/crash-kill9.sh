#!/usr/bin/env bash
# Crash safety: >= 25 rounds of concurrent POST/PATCH from five writers, kill -9 at a random
# moment, restart, verify no acknowledged write lost and no torn file; then an strace audit
# that every acknowledged write was fsync'd before its response. See RELIABILITY.md §1.
# Budget: about 1.5 min (hard limit 4 min). GK_ROUNDS=300 for the nightly run.
source "$(dirname "$0")/lib/common.sh"
ensure_binary
ensure_tool strace strace
bounded 240 python3 scripts/checks/crash_kill9.py
