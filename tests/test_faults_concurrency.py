"""Four `resume-opt run` processes at once on one queue of 5,000 pairs.

Each pair's engine must be called exactly once, counted at the engine (the null
engine appends one line per call to a file shared by the four processes).

A second test makes a run's heartbeat and its write-backs (two connections of one
run updating the same rows) overlap as often as they can: with the database
healthy, no write-back or heartbeat may fail. (They did, before the heartbeat took
SKIP LOCKED: it locked the run's rows in scan order, the write-back in the chunk's
order, and PostgreSQL killed one of them as a deadlock, which the run reported as
"cannot reach the database".)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faultkit import RunProc, engine_calls
from tests.helpers import one, seed_pairs, status_counts

pytestmark = pytest.mark.slow


def _four_runs(db_url: str, tmp_path: Path, heartbeat_s: str, chunk: int) -> list[RunProc]:
    seed_pairs(db_url, 5000)
    env = {
        "NULL_ENGINE_CALL_LOG": str(tmp_path / "calls.log"),
        "NULL_ENGINE_LATENCY_MS": "0,2",
        "RESUME_OPT_RUN_HEARTBEAT_INTERVAL_S": heartbeat_s,
    }
    runs = [
        RunProc(tmp_path, env, "--engine", "null", "--chunk-size", str(chunk), "--workers", "4", name=f"r{i}")
        for i in range(4)
    ]
    for r in runs:
        r.wait(timeout=600)
    return runs


def test_four_runs_on_5000_pairs_call_each_engine_exactly_once(db_url: str, tmp_path: Path) -> None:
    total = 5000
    runs = _four_runs(db_url, tmp_path, heartbeat_s="0.5", chunk=50)
    for r in runs:
        assert r.returncode == 0, r.stderr[-3000:]
        assert "Traceback" not in r.stderr
    reports = [r.report() for r in runs]
    counted = engine_calls(tmp_path / "calls.log")
    assert status_counts(db_url) == {"succeeded": total}
    assert len(counted) == total and set(counted.values()) == {1}
    assert sum(r["claimed"] for r in reports) == total
    assert sum(r["succeeded"] for r in reports) == total
    assert sum(r["engine_calls"] for r in reports) == total
    # Every run took part; none released anything or left a row locked or charged twice.
    assert min(r["claimed"] for r in reports) > 0
    assert all(r["released"] == 0 for r in reports)
    assert one(db_url, "select count(*) from optimizations where locked_by is not null or attempts <> 1") == 0


def test_heartbeat_and_write_back_never_deadlock(db_url: str, tmp_path: Path) -> None:
    runs = _four_runs(db_url, tmp_path, heartbeat_s="0.005", chunk=250)
    failures = [
        line
        for r in runs
        for line in r.stderr.splitlines()
        if "write back failed" in line or "heartbeat failed" in line
    ]
    assert all(r.returncode == 0 for r in runs)
    assert status_counts(db_url) == {"succeeded": 5000}
    assert failures == [], f"{len(failures)} failures with the database healthy, e.g. {failures[0]}"
