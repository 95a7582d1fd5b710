"""A run end to end on a real PostgreSQL with the null and local engines."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from resume_opt import commands
from resume_opt.ats.proposal import Job, Proposal
from resume_opt.config import load_settings
from resume_opt.db import queue
from resume_opt.db.connect import open_database
from resume_opt.errors import TransientEngineError
from tests.helpers import seed_pairs, status_counts

CONTRACT = {
    "run_id",
    "started_at",
    "finished_at",
    "duration_s",
    "engine",
    "model",
    "claimed",
    "succeeded",
    "failed",
    "retried",
    "released",
    "cached",
    "deduplicated",
    "engine_calls",
    "rate_limited",
    "tokens_in",
    "tokens_out",
    "cost_usd",
    "pairs_per_s",
    "latency_ms",
    "errors",
    "stop_reason",
    "exit_code",
}


def run(**run_opts: Any) -> dict[str, Any]:
    opts = {"engine": "null", "chunk_size": 25, "workers": 4, **run_opts}
    return commands.execute_run(load_settings(overrides={"run": opts}), quiet=True, install_signals=False)


def test_run_processes_everything_and_reports(db_url: str, sql) -> None:  # type: ignore[no-untyped-def]
    seed_pairs(db_url, 120)
    report = run()
    assert CONTRACT <= set(report)
    assert report["claimed"] == report["succeeded"] == report["engine_calls"] == 120
    assert report["exit_code"] == 0 and report["stop_reason"] == "queue_empty"
    assert status_counts(db_url) == {"succeeded": 120}
    saved = json.loads(Path(report["report_file"]).read_text())
    assert saved["run_id"] == report["run_id"] and saved["succeeded"] == 120
    row = sql("select status, counts->>'succeeded' from runs where id = %s", (report["run_id"],))[0]
    assert row == ("succeeded", "120")
    assert sql("select count(*) from optimizations where input_hash is null or locked_by is not null")[0][0] == 0


def test_reenqueued_successes_make_no_engine_calls(db_url: str, sql) -> None:  # type: ignore[no-untyped-def]
    seed_pairs(db_url, 50)
    assert run()["engine_calls"] == 50
    sql("insert into optimizations (candidate_id, job_id) select candidate_id, job_id from optimizations")
    report = run()
    assert report["engine_calls"] == 0 and report["cached"] == 50 and report["succeeded"] == 50
    # Without the disk cache the database still dedups (shared by every host).
    sql("insert into optimizations (candidate_id, job_id) select distinct candidate_id, job_id from optimizations")
    report = commands.execute_run(
        load_settings(overrides={"run": {"engine": "null"}, "cache": {"enabled": False}}),
        quiet=True,
        install_signals=False,
    )
    assert report["engine_calls"] == 0 and report["cached"] == 50
    assert report["cache_status"].startswith("disabled")


def test_identical_inputs_in_a_run_make_one_call(db_url: str, sql) -> None:  # type: ignore[no-untyped-def]
    seed_pairs(db_url, 10)
    sql("update candidates set resume_text = 'SUMMARY\nSame resume for everyone with Python.'")
    report = run()
    assert report["succeeded"] == 10
    assert report["engine_calls"] == 1
    assert report["deduplicated"] + report["cached"] == 9


def test_limit_and_chunks(db_url: str) -> None:
    seed_pairs(db_url, 60)
    report = run(limit=35, chunk_size=10)
    assert report["claimed"] == 35 and report["stop_reason"] == "limit"
    assert status_counts(db_url) == {"succeeded": 35, "pending": 25}


def test_empty_and_oversized_resumes_fail_at_once(db_url: str, sql) -> None:  # type: ignore[no-untyped-def]
    seed_pairs(db_url, 5)
    sql("update candidates set resume_text = '   ' where external_id = 'c1'")
    sql("update candidates set resume_text = repeat('x', 70000) where external_id = 'c2'")
    sql(
        "update candidates set resume_text = 'SUMMARY' || chr(10) || 'Nurse' || chr(1) || chr(7) || "
        "' with ICU experience' where external_id = 'c3'"
    )
    report = run(engine="local")
    assert report["failed"] == 2 and report["succeeded"] == 3 and report["exit_code"] == 1
    assert report["engine_calls"] == 3
    errors = dict(
        sql(
            "select c.external_id, o.error from optimizations o join candidates c "
            "on c.id = o.candidate_id where o.status = 'failed'"
        )
    )
    assert "empty resume" in errors["c1"]
    assert "70000" in errors["c2"] and "60000" in errors["c2"]
    assert sql("select max(attempts) from optimizations where status = 'failed'")[0][0] == 1


class PoisonEngine:
    """Fails every call for one resume; a real engine otherwise."""

    name, model, prompt_version = "poison", "p-1", "1"
    analyses = True

    def __init__(self) -> None:
        self.calls = 0
        self.lock = threading.Lock()

    def propose(self, resume: str, job: Job) -> Proposal:
        with self.lock:
            self.calls += 1
        if "number 3 " in resume:
            raise TransientEngineError("upstream 503", kind="server_error")
        return Proposal()

    def close(self) -> None:
        return None


def test_poison_item_backs_off_then_fails(db_url: str, sql, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seed_pairs(db_url, 6)
    engine = PoisonEngine()
    monkeypatch.setattr("resume_opt.commands.make_engine", lambda *a, **k: engine)
    settings = load_settings(overrides={"run": {"max_attempts": 3, "backoff_base_s": 30}, "retry": {"max_attempts": 2}})
    for attempt in range(1, 4):
        report = commands.execute_run(settings, quiet=True, install_signals=False)
        assert report["errors"] == {"server_error": 1}
        state = sql(
            "select o.status, attempts, run_after > now() + interval '20 seconds', error from "
            "optimizations o join candidates c on c.id = o.candidate_id where c.external_id = 'c3'"
        )[0]
        if attempt < 3:
            assert state[:3] == ("pending", attempt, True)
            assert report["retried"] == 1 and report["exit_code"] == 1
            sql("update optimizations set run_after = now() where status = 'pending'")  # skip the wait
        else:
            assert state[:2] == ("failed", 3) and "upstream 503" in state[3]
            assert report["failed"] == 1
    assert status_counts(db_url) == {"succeeded": 5, "failed": 1}
    assert engine.calls == 5 + 3 * 2  # each attempt retried once in-run (retry.max_attempts=2)


def test_lease_guard_and_stale_reclaim(db_url: str) -> None:
    seed_pairs(db_url, 4)
    db = open_database(load_settings())
    try:
        with db.connection() as conn:
            items = queue.claim_chunk(conn, 111, 4)
        assert len(items) == 4
        with db.connection() as conn:
            written = queue.write_back(conn, 222, [], [queue.Failure(items[0].id, "x", "x", True, 0)], [])
        assert written["lost"] == 1 and written["failed"] == 0
        with db.connection() as conn:  # fresh heartbeat: not reclaimable, however long it has run
            assert queue.reap_stale(conn, 60) == 0
            conn.execute("update optimizations set created_at = now() - interval '3 days'")
            assert queue.reap_stale(conn, 60) == 0
            conn.execute(
                "update optimizations set heartbeat_at = now() - interval '2 minutes' where id = %s", (items[0].id,)
            )
            assert queue.reap_stale(conn, 60) == 1
            again = queue.claim_chunk(conn, 333, 10)
        assert [i.id for i in again] == [items[0].id] and again[0].attempts == 2
    finally:
        db.close()


def test_stats_json_contract(db_url: str) -> None:
    seed_pairs(db_url, 20)
    run()
    data = commands.collect_stats(load_settings())
    assert set(data["queue"]) >= {"pending", "running", "succeeded", "failed", "cancelled", "oldest_pending_age_s"}
    assert data["queue"]["succeeded"] == 20
    assert set(data["cache"]) >= {"entries", "size_bytes", "hit_rate"}
    assert data["cache"]["entries"] == 20
    assert set(data["usage"]) == {"24h", "7d", "30d"}
    assert data["runs"][0]["succeeded"] == 20 and "errors" in data


def test_cache_files_are_private(db_url: str, tmp_path: Path) -> None:
    seed_pairs(db_url, 3)
    run()
    cache_dir = load_settings().cache_dir
    assert cache_dir.stat().st_mode & 0o777 == 0o700
    for f in cache_dir.iterdir():
        if f.is_file():
            assert f.stat().st_mode & 0o077 == 0, f


@pytest.mark.parametrize("fault", ["unwritable", "corrupt"])
def test_cache_faults_do_not_stop_the_run(db_url: str, fault: str) -> None:
    seed_pairs(db_url, 10)
    cache_dir = load_settings().cache_dir
    cache_dir.parent.mkdir(parents=True, exist_ok=True)
    if fault == "unwritable":
        cache_dir.write_text("not a directory")
    else:
        cache_dir.mkdir(mode=0o700)
        (cache_dir / "cache.db").write_bytes(b"this is not sqlite" * 100)
    report = run()
    assert report["succeeded"] == 10 and report["exit_code"] == 0
    assert report["cache_status"].startswith("disabled")
