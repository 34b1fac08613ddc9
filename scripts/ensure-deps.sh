#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Gongkai needs when they are missing.
# Usage: scripts/ensure-deps.sh [build|test]
#   build: what compiling and running the server needs (libmicrohttpd, zlib, pkg-config)
#   test:  build plus what the test suite drives (Chromium, curl, wrk, slowhttptest, python deps)
set -euo pipefail
want=${1:-build}
packages=(libmicrohttpd-dev zlib1g-dev pkg-config)
if [ "$want" = test ]; then
  packages+=(chromium fonts-wqy-microhei curl python3 python3-pip procps)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
if ! command -v swift >/dev/null; then
  echo "Swift 6 is required (https://www.swift.org/install/linux/); put swift on PATH and run again." >&2
  exit 1
fi
if [ "$want" = test ]; then
  python3 -c 'import websocket' 2>/dev/null || python3 -m pip install -q 'websocket-client>=1.6' >&2
fi
