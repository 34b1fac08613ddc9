#!/usr/bin/env bash
# Runs the server on its embedded default: the seed catalogue, data in ./data, config.json.
# Extra arguments go to `gongkai serve` (e.g. --port 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh build
swift build -c release --product gongkai
exec .build/release/gongkai serve --config config.json "$@"
