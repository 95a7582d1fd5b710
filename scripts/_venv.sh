# Sourced by demo.sh and test.sh: create .venv if missing and install the package
# (with the extras named in $1, e.g. "[test]") into it.
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${1:-}"
