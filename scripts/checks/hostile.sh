#!/usr/bin/env bash
# Hostile input corpus (~230 malformed requests: encodings, NULs, nesting, numbers,
# duplicate keys, wrong types, overlong strings, traversal on the static route, framing and
# Transfer-Encoding oddities): every one a 4xx (problem+json when gongkai answers), never a
# 5xx or a crash, stored bytes unchanged. See RELIABILITY.md §4. Budget: ~5 s (hard 60 s).
source "$(dirname "$0")/lib/common.sh"
ensure_binary
bounded 60 python3 scripts/checks/hostile.py
