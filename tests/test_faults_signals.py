"""SIGTERM / SIGINT (Ctrl-C) sent to a real `resume-opt run` process.

The first signal stops claiming, lets in-flight calls finish within
`run.grace_s`, releases claimed-but-unstarted items to `pending` without charging
an attempt, writes the report and exits 143 / 130. Past the grace period the
in-flight items are released too. A second signal exits at once, still releasing.
Engine calls are counted at the null engine (NULL_ENGINE_CALL_LOG); its latency
(NULL_ENGINE_LATENCY_MS) keeps calls in flight when the signal lands.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.faultkit import RunProc, duplicated, engine_calls, report_files, wait_until
from tests.helpers import one, seed_pairs, status_counts

pytestmark = pytest.mark.slow

EXIT = {signal.SIGTERM: 143, signal.SIGINT: 130}
NAME = {signal.SIGTERM: "SIGTERM", signal.SIGINT: "SIGINT"}


def _env(log: Path, latency: str, grace: float) -> dict[str, str]:
    return {
        "NULL_ENGINE_CALL_LOG": str(log),
        "NULL_ENGINE_LATENCY_MS": latency,
        "RESUME_OPT_RUN_GRACE_S": str(grace),
        "RESUME_OPT_RUN_HEARTBEAT_INTERVAL_S": "0.5",
    }


def _assert_released_cleanly(db_url: str) -> None:
    """Nothing left running or locked; nothing released was charged an attempt."""
    assert one(db_url, "select count(*) from optimizations where status = 'running' or locked_by is not null") == 0
    assert one(db_url, "select count(*) from optimizations where status = 'pending' and attempts <> 0") == 0


def _assert_report_file(home: Path, report: dict[str, object], code: int, reason: str) -> None:
    saved = report_files(home)
    assert report["run_id"] in saved, f"no report file in {home / 'reports'}"
    on_disk = saved[report["run_id"]]  # type: ignore[index]
    assert on_disk["exit_code"] == code and on_disk["stop_reason"] == reason
    assert on_disk["claimed"] == report["claimed"] and on_disk["released"] == report["released"]


def _finish_the_rest(tmp_path: Path, log: Path, total: int) -> dict[str, object]:
    after = RunProc(tmp_path, {"NULL_ENGINE_CALL_LOG": str(log)}, "--engine", "null", "--workers", "4")
    assert after.wait() == 0, after.stderr
    return after.report()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_finishes_in_flight_releases_the_rest(db_url: str, tmp_path: Path, sig: int) -> None:
    total, workers = 200, 4
    seed_pairs(db_url, total)
    log = tmp_path / "calls.log"
    home = Path(os.environ["RESUME_OPT_HOME"])
    run = RunProc(
        tmp_path, _env(log, "300,500", grace=120), "--engine", "null", "--chunk-size", "20", "--workers", str(workers)
    )
    wait_until(lambda: sum(engine_calls(log).values()) >= 6 or not run.alive(), "calls in flight")
    assert run.alive(), run.stderr
    run.signal(sig)
    code = run.wait()
    assert code == EXIT[sig], run.stderr
    assert "Traceback" not in run.stderr
    report = run.report()
    assert report["exit_code"] == EXIT[sig] and report["stop_reason"] == NAME[sig]
    _assert_report_file(home, report, EXIT[sig], NAME[sig])
    _assert_released_cleanly(db_url)

    started = engine_calls(log)
    counts = status_counts(db_url)
    # Every call that had started finished within the grace period and was written back ...
    assert counts.get("succeeded", 0) == len(started) == report["succeeded"]
    assert max(started.values()) == 1
    # ... claiming stopped, and every other claimed item went back to the queue.
    assert report["released"] > 0
    assert report["claimed"] == report["succeeded"] + report["released"]
    assert counts.get("pending", 0) == total - len(started)
    assert one(db_url, "select status from runs where id = %s", (report["run_id"],)) == "stopped"

    _finish_the_rest(tmp_path, log, total)
    counted = engine_calls(log)
    assert status_counts(db_url) == {"succeeded": total}
    assert len(counted) == total and duplicated(counted) == 0


def test_grace_period_over_releases_in_flight_items(db_url: str, tmp_path: Path) -> None:
    total, workers = 60, 3
    seed_pairs(db_url, total)
    log = tmp_path / "calls.log"
    home = Path(os.environ["RESUME_OPT_HOME"])
    # Calls far longer than the grace period: they cannot finish in time.
    run = RunProc(
        tmp_path,
        _env(log, "120000,120000", grace=1),
        "--engine",
        "null",
        "--chunk-size",
        "10",
        "--workers",
        str(workers),
    )
    wait_until(lambda: sum(engine_calls(log).values()) >= workers or not run.alive(), "calls in flight")
    run.signal(signal.SIGTERM)
    assert run.wait() == 143, run.stderr
    report = run.report()
    _assert_report_file(home, report, 143, "SIGTERM")
    assert report["succeeded"] == 0 and report["released"] == report["claimed"] == 10
    assert "grace period over" in run.stderr
    _assert_released_cleanly(db_url)
    assert status_counts(db_url) == {"pending": total}

    _finish_the_rest(tmp_path, log, total)
    counted = engine_calls(log)
    assert status_counts(db_url) == {"succeeded": total}
    assert len(counted) == total
    # Only the calls abandoned in flight were made twice.
    assert duplicated(counted) <= workers


@pytest.mark.parametrize(
    "first,second",
    [(signal.SIGTERM, signal.SIGTERM), (signal.SIGINT, signal.SIGINT), (signal.SIGINT, signal.SIGTERM)],
    ids=["TERM-TERM", "INT-INT", "INT-TERM"],
)
def test_second_signal_exits_at_once_still_releasing(db_url: str, tmp_path: Path, first: int, second: int) -> None:
    total, workers = 40, 2
    seed_pairs(db_url, total)
    log = tmp_path / "calls.log"
    home = Path(os.environ["RESUME_OPT_HOME"])
    # In-flight calls that would take ten minutes and a grace period longer still: only
    # the second signal can end this run before the hang guard.
    run = RunProc(
        tmp_path,
        _env(log, "600000,600000", grace=3600),
        "--engine",
        "null",
        "--chunk-size",
        "8",
        "--workers",
        str(workers),
    )
    wait_until(lambda: sum(engine_calls(log).values()) >= workers or not run.alive(), "calls in flight")
    run.signal(first)
    wait_until(lambda: "received" in run.stderr or not run.alive(), "the first signal to be acknowledged")
    assert run.alive(), run.stderr
    run.signal(second)
    code = run.wait()
    assert code == EXIT[first], run.stderr  # the first signal decides the exit code
    report = run.report()
    _assert_report_file(home, report, EXIT[first], NAME[first])
    assert report["released"] == report["claimed"] == 8 and report["succeeded"] == 0
    _assert_released_cleanly(db_url)
    assert status_counts(db_url) == {"pending": total}

    _finish_the_rest(tmp_path, log, total)
    counted = engine_calls(log)
    assert status_counts(db_url) == {"succeeded": total} and len(counted) == total
    assert duplicated(counted) <= workers
