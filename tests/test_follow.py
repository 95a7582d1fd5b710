"""`run --follow`: work queued after it started is picked up and drained; SIGTERM exits 143.

A real `resume-opt run --follow` subprocess (or the in-process session for the limits); pairs
are queued through the Python API in the test's own transactions. Waits poll for a state with a
generous hang guard (faultkit.wait_until); nothing asserts a duration.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

import psycopg
import pytest

from resume_opt import commands, enqueue
from resume_opt.config import load_settings
from resume_opt.run.follow import listens
from tests.faultkit import RunProc, engine_calls, kill_quietly, report_files, wait_until
from tests.helpers import one, seed_pairs, status_counts

pytestmark = pytest.mark.slow


def _follow(tmp_path: Path, env: dict[str, str], *args: str) -> RunProc:
    proc = RunProc(tmp_path, env, *args, quiet=False, command=("run", "--follow", "--json"))
    wait_until(
        lambda: "follow: listening" in proc.stderr or "follow: polling" in proc.stderr or not proc.alive(),
        "follow ready",
    )
    assert proc.alive(), proc.stderr
    return proc


def _enqueue(db_url: str, candidates: range, priority: int = 0) -> list[int]:
    with psycopg.connect(db_url) as conn:
        res = enqueue(conn, [(f"c{i}", "j1") for i in candidates], priority=priority)
    assert len(res.queued) == len(candidates)
    return [it.optimization_id for it in res.queued if it.optimization_id is not None]


def _succeeded(db_url: str, ids: list[int]) -> bool:
    return one(db_url, "select count(*) from optimizations where id = any(%s) and status = 'succeeded'", (ids,)) == len(
        ids
    )


def _nothing_left_running(db_url: str) -> None:
    assert one(db_url, "select count(*) from optimizations where status = 'running' or locked_by is not null") == 0
    assert one(db_url, "select count(*) from runs where status = 'running' or finished_at is null") == 0


def _summary(home: Path) -> dict[str, Any]:
    (path,) = sorted((home / "reports").glob("follow-*.json"))
    return json.loads(path.read_text())  # type: ignore[no-any-return]


@pytest.mark.parametrize("listen", ["on", "off"], ids=["listen", "poll"])
def test_follow_picks_up_work_queued_after_it_started_and_exits_143_on_sigterm(
    db_url: str, tmp_path: Path, listen: str
) -> None:
    seed_pairs(db_url, 30, pairs=0)
    home = Path(os.environ["RESUME_OPT_HOME"])
    env = {"RESUME_OPT_RUN_FOLLOW_LISTEN": listen, "RESUME_OPT_RUN_FOLLOW_POLL_S": "0.2"}
    proc = _follow(tmp_path, env, "--engine", "local")
    try:
        first = _enqueue(db_url, range(1, 11))
        wait_until(lambda: _succeeded(db_url, first), "the first pairs processed")
        second = _enqueue(db_url, range(11, 31), priority=5)
        wait_until(lambda: _succeeded(db_url, second), "the pairs queued later processed")
        assert proc.alive(), proc.stderr  # drained, and still following
        wait_until(lambda: one(db_url, "select count(*) from runs where finished_at is null") == 0, "round ended")
        proc.signal(signal.SIGTERM)
        assert proc.wait() == 143, proc.stderr
    finally:
        kill_quietly(proc)
    assert "Traceback" not in proc.stderr
    assert status_counts(db_url) == {"succeeded": 30}
    _nothing_left_running(db_url)
    summary = proc.report()
    assert summary["exit_code"] == 143 and summary["stop_reason"] == "SIGTERM"
    assert summary["succeeded"] == 30 and summary["follow"]["listen"] is (listen == "on")
    assert summary["follow"]["rounds"] >= 2  # queued in two bursts, each after the queue was drained
    assert _summary(home)["follow"] == summary["follow"]
    rounds = report_files(home)
    assert sorted(rounds) == summary["follow"]["run_ids"]
    assert sum(r["succeeded"] for r in rounds.values()) == 30


def test_sigterm_during_a_round_finishes_in_flight_releases_the_rest(db_url: str, tmp_path: Path) -> None:
    seed_pairs(db_url, 60, pairs=0)
    log = tmp_path / "calls.log"
    env = {"NULL_ENGINE_CALL_LOG": str(log), "NULL_ENGINE_LATENCY_MS": "200,400", "RESUME_OPT_RUN_GRACE_S": "120"}
    proc = _follow(tmp_path, env, "--engine", "null", "--workers", "2", "--chunk-size", "10")
    try:
        _enqueue(db_url, range(1, 61))
        wait_until(lambda: sum(engine_calls(log).values()) >= 3, "calls in flight")
        proc.signal(signal.SIGTERM)
        assert proc.wait() == 143, proc.stderr
    finally:
        kill_quietly(proc)
    _nothing_left_running(db_url)
    counts = status_counts(db_url)
    assert counts.get("succeeded", 0) == len(engine_calls(log)) and counts.get("pending", 0) > 0
    assert one(db_url, "select count(*) from optimizations where status = 'pending' and attempts <> 0") == 0
    summary = proc.report()
    assert (summary["exit_code"], summary["stop_reason"]) == (143, "SIGTERM")
    assert summary["released"] == one(
        db_url, "select count(*) from optimizations where status = 'pending' and run_id is not null"
    )
    assert summary["released"] > 0


def test_follow_limits_apply_to_the_whole_session(db_url: str) -> None:
    seed_pairs(db_url, 5, pairs=5)
    settings = load_settings(overrides={"run": {"engine": "null", "limit": 3}})
    summary = commands.execute_follow(settings, install_signals=False)
    assert (summary["stop_reason"], summary["exit_code"], summary["claimed"]) == ("limit", 0, 3)
    assert status_counts(db_url) == {"succeeded": 3, "pending": 2}
    _nothing_left_running(db_url)


def test_follow_with_an_empty_queue_ends_at_max_runtime(db_url: str) -> None:
    seed_pairs(db_url, 1, pairs=0)
    settings = load_settings(overrides={"run": {"engine": "null", "max_runtime_s": 0.5}})
    summary = commands.execute_follow(settings, install_signals=False)
    assert (summary["stop_reason"], summary["exit_code"], summary["follow"]["rounds"]) == ("max_runtime", 0, 0)
    assert Path(summary["report_file"]).is_file()


def test_listen_mode_follows_the_setting() -> None:
    assert listens(load_settings())  # the default: auto, no transaction pooler declared
    assert not listens(load_settings(overrides={"run": {"follow_listen": "off"}}))
    assert listens(load_settings(overrides={"run": {"follow_listen": "on"}}))


def test_behind_a_transaction_pooler_follow_polls_and_picks_up_work(
    server_dsn: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing configured: the pooler is detected, LISTEN (no session behind it) is not used."""
    from tests import pgbouncer

    pgbouncer.require()
    with pgbouncer.pooled_schema(server_dsn, mode="transaction") as p:
        monkeypatch.setenv("DATABASE_URL", p.url)
        proc = _follow(tmp_path, {"RESUME_OPT_RUN_FOLLOW_POLL_S": "0.2"}, "--engine", "null")
        try:
            assert "follow: polling" in proc.stderr
            with psycopg.connect(p.direct) as conn:
                conn.execute("insert into candidates (external_id, resume_text) values ('c1', 'Python and SQL.')")
                conn.execute("insert into jobs (external_id, description) values ('j1', 'Python')")
            with psycopg.connect(p.url, prepare_threshold=None) as conn:  # the app, through the pooler
                (queued,) = enqueue(conn, [("c1", "j1")]).queued
            wait_until(lambda: _succeeded(p.direct, [queued.optimization_id or 0]), "the pair processed")
            proc.signal(signal.SIGTERM)
            assert proc.wait() == 143, proc.stderr
        finally:
            kill_quietly(proc)
        assert proc.report()["follow"]["listen"] is False
