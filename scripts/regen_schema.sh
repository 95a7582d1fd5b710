#!/usr/bin/env bash
# Regenerate tests/data/schema.json from a blank schema on the local server (after a migration
# changes the schema on purpose); review the diff, it is the schema change.
set -euo pipefail
cd "$(dirname "$0")/.."
S="t_schemagen_$$"
BASE="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}"
psql "$BASE" -qc "create schema $S"
trap 'psql "$BASE" -qc "drop schema $S cascade" >/dev/null 2>&1' EXIT
RESUME_OPT_HOME="$(mktemp -d)" .venv/bin/python tests/test_schema.py "$BASE?options=-csearch_path%3D$S" > tests/data/schema.json
