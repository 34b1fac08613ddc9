#!/usr/bin/env bash
# Authentication and log hygiene: hash-only 0600 token file, 429 + Retry-After after repeated
# failures, revocation without restart, no secret/hash/record text in the server log (trace
# level), one audit entry naming the token per write. See RELIABILITY.md §6. Budget: ~5 s (hard 60 s).
source "$(dirname "$0")/lib/common.sh"
ensure_binary
bounded 60 python3 scripts/checks/auth.py
