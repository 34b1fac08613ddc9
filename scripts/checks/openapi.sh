#!/usr/bin/env bash
# OpenAPI contract check: validates GET /api/v1/openapi.json with openapi-spec-validator and
# fuzzes every operation with schemathesis as admin, office and anonymous caller (no 5xx;
# every response matches the document). See scripts/checks/openapi.py. Budget: about 1.5 min
# (hard 5 min). Installs both tools from PyPI when missing.
source "$(dirname "$0")/lib/common.sh"
ensure_binary
python3 -c 'import openapi_spec_validator' 2>/dev/null || python3 -m pip install -q 'openapi-spec-validator>=0.7' >&2
if ! command -v st >/dev/null 2>&1 || ! st --version 2>/dev/null | grep -q 'version 4\.'; then
  python3 -m pip install -q 'schemathesis==4.*' >&2
fi
bounded 300 python3 scripts/checks/openapi.py
