"""Real runs through a real PgBouncer: two runs at once on 2,000 pairs (each pair's engine
called exactly once), a run SIGKILLed mid-chunk and recovered, and the database-scope
rate limiter shared by two processes. Engine calls are counted at the null engine
(NULL_ENGINE_CALL_LOG) or at the fake Groq server.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from scripts.fake_groq import FakeGroq
from tests import pgbouncer
from tests.faultkit import RunProc, duplicated, engine_calls, wait_until
from tests.helpers import one, seed_pairs, status_counts
from tests.pgbouncer import PooledSchema, pooled_schema

pytestmark = pytest.mark.slow
KEY = "gsk_pooledtestkey00000000000000"


def rows_unlocked(dsn: str) -> bool:
    """True when no transaction holds a lock on any optimizations row."""
    with psycopg.connect(dsn) as conn:
        try:
            conn.execute("select id from optimizations for update nowait")
        except psycopg.errors.LockNotAvailable:
            return False
    return True


@pytest.fixture
def pooled(request: pytest.FixtureRequest, server_dsn: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[PooledSchema]:
    """A private schema behind PgBouncer (transaction mode unless parametrized); DATABASE_URL through it."""
    pgbouncer.require()
    mode = getattr(request, "param", "transaction")
    with pooled_schema(server_dsn, mode=mode) as p:
        monkeypatch.setenv("DATABASE_URL", p.url)
        yield p


@pytest.mark.parametrize("pooled", ["transaction", "session"], indirect=True)
def test_two_runs_at_once_through_pgbouncer_call_each_pairs_engine_once(pooled: PooledSchema, tmp_path: Path) -> None:
    seed_pairs(pooled.url, 2000)
    log = tmp_path / "calls.log"
    env = {"NULL_ENGINE_CALL_LOG": str(log), "NULL_ENGINE_LATENCY_MS": "0,2"}
    runs = [
        RunProc(tmp_path, env, "--engine", "null", "--chunk-size", "50", "--workers", "4", name=f"r{i}")
        for i in range(2)
    ]
    for r in runs:
        assert r.wait(timeout=600) == 0, r.stderr
    reports = [r.report() for r in runs]
    counted = engine_calls(log)
    assert len(counted) == 2000 and duplicated(counted) == 0
    assert status_counts(pooled.direct) == {"succeeded": 2000}
    assert sum(r["claimed"] for r in reports) == 2000
    assert sum(r["succeeded"] for r in reports) == 2000 and all(r["exit_code"] == 0 for r in reports)
    assert one(pooled.direct, "select count(*) from runs where status <> 'succeeded' or finished_at is null") == 0


def test_run_killed_mid_chunk_through_pgbouncer_is_recovered(pooled: PooledSchema, tmp_path: Path) -> None:
    total, workers = 400, 4
    seed_pairs(pooled.url, total)
    log = tmp_path / "calls.log"
    env = {
        "NULL_ENGINE_CALL_LOG": str(log),
        "NULL_ENGINE_LATENCY_MS": "10,30",
        "RESUME_OPT_RUN_HEARTBEAT_INTERVAL_S": "0.5",
    }
    victim = RunProc(tmp_path, env, "--engine", "null", "--chunk-size", "40", "--workers", str(workers), name="v")
    wait_until(lambda: sum(engine_calls(log).values()) >= 120 or not victim.alive(), "the victim to be mid-run")
    assert victim.alive(), victim.stderr
    victim.signal(signal.SIGKILL)
    victim.wait()
    assert one(pooled.direct, "select count(*) from optimizations where status = 'running'") > 0
    # PgBouncer drops the dead client's server connection, and with it any open transaction.
    wait_until(lambda: rows_unlocked(pooled.direct), "the killed run's row locks to go with its connection")
    # Its leases look fresh; age them as the lease timeout would (no sleeping on the clock).
    with psycopg.connect(pooled.direct) as conn:
        conn.execute("update optimizations set heartbeat_at = now() - interval '1 hour' where status = 'running'")
    survivor = RunProc(tmp_path, env, "--engine", "null", "--chunk-size", "40", "--workers", str(workers), name="s")
    assert survivor.wait(timeout=600) == 0, survivor.stderr
    counted = engine_calls(log)
    assert status_counts(pooled.direct) == {"succeeded": total}
    assert len(counted) == total
    # Only calls in flight at the kill are repeated; finished ones came from the cache or database.
    assert duplicated(counted) <= workers, duplicated(counted)
    assert one(pooled.direct, "select count(*) from optimizations where locked_by is not null") == 0


@pytest.mark.ratelimit
def test_two_processes_share_one_rate_limit_through_pgbouncer(pooled: PooledSchema, tmp_path: Path) -> None:
    seed_pairs(pooled.url, 44)
    with FakeGroq(rpm=60, api_keys=[KEY], latency_ms=(20, 60), seed=5) as fake:
        env = {
            "GROQ_API_KEY": KEY,
            "GROQ_BASE_URL": fake.base_url,
            "RESUME_OPT_RATE_LIMIT_SCOPE": "database",
            "RESUME_OPT_RATE_LIMIT_REQUESTS_PER_MINUTE": "60",
            "RESUME_OPT_RATE_LIMIT_TOKENS_PER_MINUTE": "10000000",
            "RESUME_OPT_RATE_LIMIT_REQUESTS_PER_DAY": "1000000",
            "RESUME_OPT_RATE_LIMIT_TOKENS_PER_DAY": "1000000000",
            "RESUME_OPT_RETRY_BACKOFF_BASE_S": "0.2",
            "RESUME_OPT_RETRY_BACKOFF_MAX_S": "2",
        }
        runs = [
            RunProc(tmp_path, env, "--engine", "groq", "--chunk-size", "4", "--workers", "4", name=f"g{i}")
            for i in range(2)
        ]
        for r in runs:
            assert r.wait(timeout=600) == 0, r.stderr
        limited, requests = fake.statuses[429], fake.requests
    reports = [r.report() for r in runs]
    assert sum(r["succeeded"] for r in reports) == 44
    assert status_counts(pooled.direct) == {"succeeded": 44}
    assert requests >= 44
    assert limited <= 3, f"{limited} 429s between two processes sharing the database budget through PgBouncer"
    # Both processes paced themselves through the one row in the database.
    assert one(pooled.direct, "select count(*) from rate_limit_state") == 1
