#!/usr/bin/env bash
# Set up a virtualenv, then run the demo on the embedded defaults: an embedded
# PostgreSQL in the data directory and the offline engine (no server, no API key).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
exec .venv/bin/resume-opt demo "$@"
