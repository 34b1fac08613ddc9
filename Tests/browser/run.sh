#!/usr/bin/env bash
# Browser tests of Public/ against the real server.
#
# Builds the server if needed, starts it on a free port with a fresh data directory, creates an
# office token (中小企业科) and an admin token, runs Tests/browser/run.py (headless Chromium over
# the DevTools protocol), stops the server with SIGTERM and exits with run.py's status.
#
# Needs: the Debian package `chromium` and the Python package `websocket-client` (installed
# with pip here when missing). Screenshots: test-artifacts/screenshots/. Server log:
# test-artifacts/browser-server.log.
set -u

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT" || exit 1
BIN="$ROOT/.build/debug/gongkai"
ARTIFACTS="$ROOT/test-artifacts"
LOG="$ARTIFACTS/browser-server.log"
OFFICE="中小企业科"
mkdir -p "$ARTIFACTS"

fail() { echo "run.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

# Build when the binary is missing or older than any source.
if [ ! -x "$BIN" ] || [ -n "$(find Sources Package.swift -newer "$BIN" -print -quit 2>/dev/null)" ]; then
  echo "building the server (swift build)…"
  swift build >&2 || fail "swift build failed"
fi
[ -x "$BIN" ] || fail "no server binary at $BIN"

command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM:-}" ] || fail "Chromium is missing: apt-get install -y chromium"
if ! python3 -c 'import websocket' 2>/dev/null; then
  python3 -m pip install --quiet websocket-client >&2 || fail "cannot install websocket-client (pip install websocket-client)"
fi

DATA="$(mktemp -d "${TMPDIR:-/tmp}/gongkai-browser.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$SERVER_PID" 2>/dev/null && { echo "run.sh: server ignored SIGTERM, killing it" >&2; kill -KILL "$SERVER_PID" 2>/dev/null; }
    wait "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

OFFICE_TOKEN="$("$BIN" token create --name browser-office --role office --office "$OFFICE" --data-dir "$DATA" | tail -n 1)" \
  || fail "cannot create the office token"
ADMIN_TOKEN="$("$BIN" token create --name browser-admin --role admin --data-dir "$DATA" | tail -n 1)" \
  || fail "cannot create the admin token"
[ -n "$OFFICE_TOKEN" ] && [ -n "$ADMIN_TOKEN" ] || fail "token create printed no token"

"$BIN" serve --port 0 --data-dir "$DATA" >"$LOG" 2>&1 &
SERVER_PID=$!

URL=""
for _ in $(seq 1 300); do   # up to 60 s
  URL="$(sed -n 's/.*gongkai listening on \(http:\/\/[^ ]*\).*/\1/p' "$LOG" | head -n 1)"
  [ -n "$URL" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOG" >&2; fail "the server exited before listening"; }
  sleep 0.2
done
[ -n "$URL" ] || { cat "$LOG" >&2; fail "the server did not report its port within 60 s"; }
echo "server: $URL (data: $DATA)"

timeout 900 python3 "$ROOT/Tests/browser/run.py" --base-url "$URL" --office-token "$OFFICE_TOKEN" \
  --admin-token "$ADMIN_TOKEN" --office "$OFFICE" "$@"
RC=$?
[ "$RC" -eq 124 ] && echo "run.sh: run.py exceeded 900 s" >&2 && echo "0 passed, 1 failed"
exit "$RC"
