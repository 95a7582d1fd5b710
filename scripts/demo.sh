#!/usr/bin/env bash
# Set up a virtualenv, then run the demo on the embedded defaults: an embedded
# PostgreSQL in the data directory and the offline engine (no server, no API key).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_venv.sh
exec .venv/bin/resume-opt demo "$@"
