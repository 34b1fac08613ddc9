#!/usr/bin/env bash
# Storage faults injected at run time through GONGKAI_FAULTS_FILE (failing write, failing
# fsync, short write, ENOSPC on records.jsonl and catalogue.json), plus a real full tmpfs:
# 503/507 problem+json, stored bytes unchanged, writes work again once the fault clears.
# See RELIABILITY.md §2. Budget: about 10 s (hard limit 90 s).
source "$(dirname "$0")/lib/common.sh"
ensure_binary
bounded 90 python3 scripts/checks/storage_faults.py
