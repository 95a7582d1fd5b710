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
DEAD_DSN = "postgresql://nobody@127.0.0.1:9/none"  # port 9 (discard): nothing answers


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


def test_truthfulness_smoke_needs_no_database_and_reports_the_issue_figures() -> None:
    # a DSN nobody listens on: the scenario must not open a connection at all
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "truthfulness", "--smoke", "--json", "--dsn", DEAD_DSN],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    figures = json.loads(proc.stdout)
    assert figures["truthfulness_fabrications_total"] >= 150 and figures["truthfulness_honest_total"] >= 50
    assert figures["truthfulness_worst_category_accept_rate"] <= 0.02
    assert figures["truthfulness_honest_reject_rate"] <= 0.10
    # every output of the offline engine passes the guard, on the sample set and on the corpus
    assert figures["offline_pairs"] == 319 and figures["offline_guard_rejections"] == 0
    assert figures["offline_corpus_pairs"] > 0 and figures["offline_corpus_guard_rejections"] == 0
    assert figures["offline_matched_mean_uplift"] > 0
    for name in ("guard_ms_p50", "guard_ms_p95", "offline_cpu_ms_per_pair_p50", "offline_cpu_ms_per_pair_p95"):
        assert isinstance(figures[name], (int, float)) and figures[name] > 0, name
    assert figures["meta"]["postgresql"] == "not used"
    assert "truthfulness" in proc.stderr and "per category" in proc.stderr
