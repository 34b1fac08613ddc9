#!/usr/bin/env bash
# Drives both pages in headless Chromium against a real server (Tests/browser/run.py).
# Screenshots land in test-artifacts/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec timeout 600 bash Tests/browser/run.sh
