#!/usr/bin/env bash
# `gongkai backup` while the server serves writes, `gongkai restore` into a fresh data
# directory, a server on it, and a record-by-record comparison. See RELIABILITY.md §7.
# Budget: ~10 s (hard 90 s).
source "$(dirname "$0")/lib/common.sh"
ensure_binary
bounded 90 python3 scripts/checks/backup_restore.py
