"""The database restarted under a running `resume-opt run`.

A throwaway PostgreSQL cluster (system binaries, run as the `postgres` OS user) is
stopped in the middle of a run and started again on the same port:

- an outage shorter than `database.reconnect_window_s`: the run reconnects with
  backoff and carries on; every pair's engine is called exactly once;
- an outage longer than the window: the run stops cleanly with exit 3 (report
  written, one-line message, no traceback) and a later run finishes the rest;
  a computed result is never computed again except for calls in flight when the
  run gave up (at most `--workers`).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faultkit import (
    CountingGroq,
    PgCluster,
    RunProc,
    cluster_unavailable,
    duplicated,
    engine_calls,
    groq_env,
    report_files,
    wait_until,
)
from tests.helpers import one, seed_pairs, status_counts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster() -> Iterator[PgCluster]:
    why = cluster_unavailable()
    if why:
        pytest.skip(why)
    with PgCluster() as pg:
        yield pg


@pytest.fixture
def cluster_url(cluster: PgCluster, monkeypatch: pytest.MonkeyPatch) -> str:
    if not cluster.running:
        cluster.start()
    url = cluster.create_database()
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def _env(log: Path, **settings: str) -> dict[str, str]:
    env = {
        "NULL_ENGINE_CALL_LOG": str(log),
        "RESUME_OPT_RUN_HEARTBEAT_INTERVAL_S": "0.5",
        "RESUME_OPT_DATABASE_CONNECT_TIMEOUT_S": "1",
    }
    env.update({f"RESUME_OPT_{k.upper()}": v for k, v in settings.items()})
    return env


@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_restart_within_the_reconnect_window_is_survived(
    cluster: PgCluster, cluster_url: str, tmp_path: Path, mode: str
) -> None:
    total, workers = 400, 4
    seed_pairs(cluster_url, total)
    log = tmp_path / "calls.log"
    env = {**_env(log, database_reconnect_window_s="120"), "NULL_ENGINE_LATENCY_MS": "20,40"}
    release = tmp_path / "release"  # calls after the 80th wait for it: the run cannot finish early
    env.update(NULL_ENGINE_HOLD_AFTER="80", NULL_ENGINE_RELEASE_FILE=str(release))
    run = RunProc(tmp_path, env, "--engine", "null", "--chunk-size", "20", "--workers", str(workers))
    try:
        wait_until(lambda: sum(engine_calls(log).values()) >= 80 + workers or not run.alive(), "the run to get going")
        assert run.alive(), run.stderr
        cluster.stop(mode)
        release.touch()
        # The outage: the pool keeps computing; claims, write-backs and heartbeats fail.
        wait_until(lambda: "retrying in" in run.stderr or not run.alive(), "the run to meet the outage")
        time.sleep(2)
        assert run.alive(), run.stderr
    finally:
        if not cluster.running:
            cluster.start()
    code = run.wait()
    assert code == 0, run.stderr
    assert "Traceback" not in run.stderr
    report = run.report()
    counted = engine_calls(log)
    assert status_counts(cluster_url) == {"succeeded": total}
    assert len(counted) == total and duplicated(counted) == 0
    assert report["succeeded"] == report["claimed"] == total and report["engine_calls"] == total
    assert one(cluster_url, "select count(*) from optimizations where locked_by is not null") == 0


def test_outage_past_the_window_exits_3_and_a_later_run_finishes(
    cluster: PgCluster, cluster_url: str, tmp_path: Path
) -> None:
    total, workers = 300, 2
    seed_pairs(cluster_url, total)
    log = tmp_path / "calls.log"
    home = Path(os.environ["RESUME_OPT_HOME"])
    env = {**_env(log, database_reconnect_window_s="2"), "NULL_ENGINE_LATENCY_MS": "20,40"}
    release = tmp_path / "release"  # calls after the 45th wait for it: the run cannot finish early
    env.update(NULL_ENGINE_HOLD_AFTER="45", NULL_ENGINE_RELEASE_FILE=str(release))
    run = RunProc(tmp_path, env, "--engine", "null", "--chunk-size", "30", "--workers", str(workers))
    try:
        wait_until(lambda: sum(engine_calls(log).values()) >= 45 + workers or not run.alive(), "the run to get going")
        assert run.alive(), run.stderr
        cluster.stop("immediate")
        release.touch()
        # The database stays down until the run has given up on it.
        code = run.wait()
    finally:
        if not cluster.running:
            cluster.start()
    assert code == 3, run.stderr
    assert "Traceback" not in run.stderr
    report = run.report()
    assert report["exit_code"] == 3 and report["stop_reason"] == "database_unreachable"
    assert report_files(home)[report["run_id"]]["exit_code"] == 3
    assert "cannot reach the database" in run.stderr
    done_before = set(engine_calls(log))
    assert 0 < len(done_before) < total

    # The dead run's rows are still `running` under its lease; once that is stale a
    # later run reclaims them. Results computed before the outage come from the cache.
    time.sleep(1.5)
    after = RunProc(
        tmp_path,
        {"NULL_ENGINE_CALL_LOG": str(log), "RESUME_OPT_RUN_LEASE_TIMEOUT_S": "1"},
        "--engine",
        "null",
        "--workers",
        str(workers),
    )
    assert after.wait() == 0, after.stderr
    counted = engine_calls(log)
    assert status_counts(cluster_url) == {"succeeded": total}
    assert len(counted) == total
    # Only calls in flight when the run gave up may have been made twice.
    assert duplicated(counted) <= workers, (duplicated(counted), after.report())


def test_results_computed_during_the_outage_are_not_computed_again(
    cluster: PgCluster, cluster_url: str, tmp_path: Path
) -> None:
    """The outage meets the run at a write-back while the next chunk is being computed.

    The fake Groq server holds the last two calls of chunk 1 (pairs 19 and 20) until
    chunk 2 is claimed, so at the moment the database goes away the pool has chunk 2
    queued. While the run retries its write-back the pool computes all of chunk 2;
    those results must reach the cache (or the database), not be thrown away, so the
    later run makes no call twice beyond the `--workers` in flight.
    """
    total, workers, chunk = 60, 2, 20
    seed_pairs(cluster_url, total)
    with CountingGroq(hold={"19", "20"}) as fake:
        env = {**groq_env(fake.base_url), **_env(tmp_path / "unused.log", database_reconnect_window_s="2")}
        run = RunProc(tmp_path, env, "--engine", "groq", "--chunk-size", str(chunk), "--workers", str(workers))
        try:
            wait_until(lambda: len(fake.held) == 2 or not run.alive(), "the last calls of chunk 1 to be held")
            wait_until(
                lambda: (
                    one(cluster_url, "select count(*) from optimizations where status = 'running'") == 2 * chunk
                    or not run.alive()
                ),
                "chunk 2 to be claimed",
            )
            assert run.alive(), run.stderr
            cluster.stop("immediate")
            fake.release.set()
            code = run.wait()
        finally:
            fake.release.set()
            if not cluster.running:
                cluster.start()
        assert code == 3, run.stderr
        report = run.report()
        assert report["stop_reason"] == "database_unreachable"
        computed = set(fake.ok_by_pair)
        assert len(computed) >= 2 * chunk  # chunk 2 was computed during the outage

        time.sleep(1.5)
        after = RunProc(
            tmp_path,
            {**groq_env(fake.base_url), "RESUME_OPT_RUN_LEASE_TIMEOUT_S": "1"},
            "--engine",
            "groq",
            "--workers",
            str(workers),
        )
        assert after.wait() == 0, after.stderr
        assert status_counts(cluster_url) == {"succeeded": total}
        assert set(fake.ok_by_pair) == {str(i) for i in range(1, total + 1)}
        twice = sorted((int(p) for p, n in fake.ok_by_pair.items() if n > 1))
        assert len(twice) <= workers, f"computed twice: {twice}"


def test_sigterm_while_the_database_is_down(cluster: PgCluster, cluster_url: str, tmp_path: Path) -> None:
    """Two faults at once: the run is told to stop while it cannot write anything back.

    It still exits 143 with its report file; what it could not release stays claimed
    under a lease that goes stale, and a later run finishes every pair; a pair is
    computed twice only if its call was in flight when the run gave up.
    """
    total, workers = 200, 2
    seed_pairs(cluster_url, total)
    log = tmp_path / "calls.log"
    home = Path(os.environ["RESUME_OPT_HOME"])
    env = {**_env(log, database_reconnect_window_s="3", run_grace_s="30"), "NULL_ENGINE_LATENCY_MS": "20,40"}
    run = RunProc(tmp_path, env, "--engine", "null", "--chunk-size", "20", "--workers", str(workers))
    try:
        wait_until(lambda: sum(engine_calls(log).values()) >= 30 or not run.alive(), "the run to get going")
        assert run.alive(), run.stderr
        cluster.stop("immediate")
        wait_until(lambda: "failed" in run.stderr or not run.alive(), "the run to meet the outage")
        run.signal(signal.SIGTERM)
        code = run.wait()
    finally:
        if not cluster.running:
            cluster.start()
    assert code == 143, run.stderr
    assert "Traceback" not in run.stderr
    report = run.report()
    assert report["stop_reason"] == "SIGTERM" and report_files(home)[report["run_id"]]["exit_code"] == 143

    time.sleep(1.5)
    after = RunProc(
        tmp_path,
        {"NULL_ENGINE_CALL_LOG": str(log), "RESUME_OPT_RUN_LEASE_TIMEOUT_S": "1"},
        "--engine",
        "null",
        "--workers",
        str(workers),
    )
    assert after.wait() == 0, after.stderr
    counted = engine_calls(log)
    assert status_counts(cluster_url) == {"succeeded": total} and len(counted) == total
    assert duplicated(counted) <= workers
