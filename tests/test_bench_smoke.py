"""scripts/bench.py runs and reports its named figures (no timing assertions: CI hosts vary)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DSN = "postgresql://postgres@127.0.0.1:5432/test"


def test_overhead_smoke_reports_named_figures() -> None:
    dsn = os.environ.get("TEST_DATABASE_URL", "").strip() or DEFAULT_DSN
    try:
        psycopg.connect(dsn, connect_timeout=3).close()
    except psycopg.Error:
        pytest.skip(f"no PostgreSQL server at {dsn}")
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "bench.py"),
            "overhead",
            "--smoke",
            "--json",
            "--n",
            "200",
            "--dsn",
            dsn,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    figures = json.loads(proc.stdout)
    for name in ("overhead_pairs_per_s", "floor_pairs_per_s", "overhead_vs_floor"):
        assert isinstance(figures[name], (int, float)) and figures[name] > 0, name
    assert figures["n"] == 200
    assert figures["meta"]["postgresql"]
