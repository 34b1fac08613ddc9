#!/usr/bin/env bash
# The Dockerfile, built and run for real with podman (no registry needed): the shared
# dockerfile-e2e.sh makes local stand-ins for debian:bookworm-slim and swift:6.3-bookworm,
# builds, runs the container, waits for its HEALTHCHECK, GETs /healthz, checks the user is not
# root and stops it with SIGTERM. This script adds: a time bound, a clean exit (code 0, not the
# 137 of a SIGKILL) on SIGTERM, and a closing "N passed, M failed" line. `podman stop` takes
# 0.4–1 s of its own here even for a shell that exits at once; the server itself exits within
# milliseconds of SIGTERM (scripts/checks/openapi.py times that on the host binary).
#
# Runtime on 2 cores: about 10 minutes when the base images exist (the release build inside the
# image is most of it); add about 8 minutes on a bare machine for installing podman, debootstrap
# and the Swift stand-in image. Bound: 40 minutes.
# Env: DOCKER_E2E=path to dockerfile-e2e.sh; DOCKER_TIMEOUT (default 40m).
set -uo pipefail
cd "$(dirname "$0")/../.."
e2e=${DOCKER_E2E:-}
for candidate in ../shared/tools/container/dockerfile-e2e.sh /work/shared/tools/container/dockerfile-e2e.sh; do
  [ -n "$e2e" ] && break
  [ -f "$candidate" ] && e2e=$candidate
done
if [ -z "$e2e" ] || [ ! -f "$e2e" ]; then
  echo "docker: dockerfile-e2e.sh not found (looked in ../shared/tools/container)"
  if [ "${CI:-}" = true ]; then echo "docker: 0 passed, 1 failed"; exit 1; fi
  echo "docker: skipped outside CI"; exit 0
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
timeout --foreground "${DOCKER_TIMEOUT:-40m}" bash "$e2e" -p 8080 -u /healthz -e ok . 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
elapsed=$(( $(date +%s) - start ))
passed=0 failed=0
check() { # name condition...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
check "e2e script passed (exit $status; 124 = timed out)" test "$status" = 0
stop_ms=$(sed -n 's/^stopped in \([0-9]*\) ms, exit code.*/\1/p' "$log" | tail -1)
stop_code=$(sed -n 's/^stopped in [0-9]* ms, exit code \([0-9]*\).*/\1/p' "$log" | tail -1)
check "SIGTERM: exit code 0 (got ${stop_code:-none})" test "${stop_code:-x}" = 0
check "SIGTERM: podman stop returned within 3000 ms, long before its SIGKILL at 10 s (took ${stop_ms:-?} ms)" test "${stop_ms:-99999}" -lt 3000
echo "docker e2e took ${elapsed}s"
echo "docker: $passed passed, $failed failed"
[ "$failed" = 0 ]
