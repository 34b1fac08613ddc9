# Sourced by the scripts in scripts/checks/ (not a check itself: it lives in lib/).
# Conventions: each check prints a final "N passed, M failed" line, exits non-zero on
# failure, and runs under a hard time bound (`bounded`).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$ROOT"
export GONGKAI_BIN=${GONGKAI_BIN:-$ROOT/.build/debug/gongkai}

# Builds the server binary when it is missing (scripts/test.sh has normally built it).
ensure_binary() {
  if [ ! -x "$GONGKAI_BIN" ]; then
    echo "building gongkai (debug)" >&2
    swift build --product gongkai >&2
  fi
}

# ensure_tool COMMAND DEBIAN-PACKAGE: installs the package with apt-get when the command is missing.
ensure_tool() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "installing $2" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2 || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$2" >&2
}

# bounded SECONDS COMMAND...: runs the command with a hard time limit. On a timeout it
# prints a failing closing line so the summary is never missing.
bounded() {
  local seconds=$1
  shift
  local rc=0
  timeout -k 15 "$seconds" "$@" || rc=$?
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    echo "TIMEOUT: $* exceeded ${seconds}s"
    echo "0 passed, 1 failed"
  fi
  return "$rc"
}
