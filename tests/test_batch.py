"""Batch mode end to end against scripts/fake_groq.py's files and batches endpoints."""

from __future__ import annotations

import json
import time
from typing import Any

import psycopg
import pytest

from resume_opt import commands
from resume_opt.config import load_settings
from scripts.fake_groq import FakeGroq
from tests.helpers import one, seed_pairs, status_counts

KEY = "gsk_batchtestkey000000000000000"


def psycopg_conn(db_url: str) -> psycopg.Connection[Any]:
    return psycopg.connect(db_url, autocommit=True)


def sql_rows(db_url: str, query: str) -> list[tuple[Any, ...]]:
    with psycopg_conn(db_url) as conn:
        return conn.execute(query).fetchall()


def wait_all(fake: FakeGroq, timeout: float = 60) -> list[dict[str, Any]]:
    """The fake's batches once none is still running."""
    deadline = time.monotonic() + timeout
    while True:
        data = fake.batches.list()["data"]
        if all(b["status"] not in ("validating", "in_progress", "finalizing", "cancelling") for b in data):
            return data
        assert time.monotonic() < deadline, data
        time.sleep(0.02)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Any:
    with FakeGroq(api_keys=[KEY], seed=3) as server:
        monkeypatch.setenv("GROQ_API_KEY", KEY)
        monkeypatch.setenv("GROQ_BASE_URL", server.base_url)
        monkeypatch.setenv("RESUME_OPT_BATCH_POLL_INTERVAL_S", "0.05")
        monkeypatch.setenv("RESUME_OPT_BATCH_POLL_MAX_INTERVAL_S", "0.2")
        yield server


def run_batch(wait: bool = False, max_lines: int | None = None, **run: Any) -> dict[str, Any]:
    settings = load_settings(overrides={"run": {"mode": "batch", **run}, "batch": {"max_lines": max_lines}})
    return commands.execute_run(settings, install_signals=False, wait=wait)


def test_submit_then_collect_succeeds_every_pair(
    db_url: str, fake: FakeGroq, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    metrics = tmp_path / "resume_opt.prom"
    monkeypatch.setenv("RESUME_OPT_REPORTS_METRICS_TEXTFILE", str(metrics))
    seed_pairs(db_url, 30)
    first = run_batch()
    assert first["submitted"] == 30 and first["batches_submitted"] == 1 and first["exit_code"] == 0
    assert status_counts(db_url) == {"submitted": 30}
    assert one(db_url, "select count(*) from optimizations where locked_by is not null") == 0
    # After the fake finished, the next run collects everything.
    second = run_batch(wait=True)
    assert second["collected"] == 30 and second["succeeded"] == 30, second
    assert status_counts(db_url) == {"succeeded": 30}
    assert second["cost_usd"] > 0 and second["saved_usd"] == pytest.approx(second["cost_usd"], rel=1e-3)
    assert 'resume_opt_queue_items{status="succeeded"} 30.0' in metrics.read_text()


def test_failed_expired_unknown_and_bad_lines(db_url: str, fake: FakeGroq) -> None:
    seed_pairs(db_url, 40)
    fake.batches.configure(fail_share=0.2, bad_body_share=0.1, expire_share=0.25, unknown_lines=2)
    assert run_batch()["submitted"] == 40
    wait_all(fake)
    report = run_batch()  # collects, then resubmits the expired quarter (not the failed lines: backoff)
    info = fake.batches.list()["data"][0]
    assert info["status"] == "expired"
    counts = info["request_counts"]
    assert report["unknown_lines"] == 2
    assert report["collected"] == 40, report
    assert report["submitted"] == 10 and report["released"] == 10
    expired = one(db_url, "select count(*) from optimizations where status = 'submitted' and attempts = 1")
    assert expired == 10, "the unrun quarter came back without charging an attempt"
    assert one(db_url, "select count(*) from optimizations where error_kind = 'server_error'") == counts["failed"]
    bad = one(db_url, "select count(*) from optimizations where error_kind = 'json_invalid'")
    assert bad > 0 and report["errors"]["json_invalid"] == bad
    assert one(db_url, "select count(*) from optimizations where status = 'succeeded'") == counts["completed"] - bad
    assert one(db_url, "select count(*) from optimizations where status = 'pending' and attempts = 1") == (
        counts["failed"] + bad
    )
    assert report["exit_code"] == 1


def test_failed_lines_fail_for_good_at_max_attempts(db_url: str, fake: FakeGroq) -> None:
    seed_pairs(db_url, 10)
    fake.batches.configure(fail_share=1.0)
    with psycopg_conn(db_url) as conn:
        conn.execute("update optimizations set max_attempts = 1")
    run_batch()
    report = run_batch(wait=True)
    assert report["failed"] == 10 and status_counts(db_url) == {"failed": 10}


def test_validation_failure_returns_items_naming_the_first_error(db_url: str, fake: FakeGroq) -> None:
    seed_pairs(db_url, 5)
    fake.batches.configure(reject_line=3)
    run_batch()
    report = run_batch(wait=True)
    assert status_counts(db_url) == {"pending": 5}
    assert report["retried"] == 5
    errors = {r[0] for r in sql_rows(db_url, "select error from optimizations")}
    assert len(errors) == 1 and "line 3" in next(iter(errors)), errors


def test_dedup_cache_database_and_identical_inputs_make_no_request(db_url: str, fake: FakeGroq) -> None:
    seed_pairs(db_url, 6)
    with psycopg_conn(db_url) as conn:  # two more candidates with c1's resume: identical inputs
        conn.execute(
            "insert into candidates (external_id, resume_text) select 'dup' || g, resume_text "
            "from candidates, generate_series(1, 2) g where external_id = 'c1'"
        )
        conn.execute(
            "insert into optimizations (candidate_id, job_id) select c.id, j.id from candidates c, jobs j "
            "where c.external_id like 'dup%%'"
        )
    first = run_batch(max_lines=4)
    assert first["submitted"] == 8 and first["deduplicated"] == 2
    lines = sum(b["request_counts"]["total"] for b in wait_all(fake))
    assert lines == 6, "identical inputs made one line"
    assert run_batch(wait=True)["succeeded"] == 8
    # The same pairs again: served from the disk cache, then (cache cleared) from the database.
    with psycopg_conn(db_url) as conn:
        conn.execute("insert into optimizations (candidate_id, job_id) select candidate_id, job_id from optimizations")
    again = run_batch()
    assert again["cached"] == 8 and again["submitted"] == 0 and fake.batches.created == 2


def test_cli_batch_status_cancel_and_stats(db_url: str, fake: FakeGroq) -> None:
    from typer.testing import CliRunner

    from resume_opt.cli import app

    seed_pairs(db_url, 8)
    fake.batches.configure(delay_s=600)  # stays in flight until cancelled
    runner = CliRunner()
    res = runner.invoke(app, ["run", "--mode", "batch", "--json"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["batch", "status", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert [(r["id"], r["lines"], r["status"]) for r in rows] == [(1, 8, "validating")]
    assert rows[0]["provider_batch_id"].startswith("batch_") and rows[0]["expires_at"]
    res = runner.invoke(app, ["batch", "status"])
    assert res.exit_code == 0 and "validating" in res.output and "groq id" in res.output
    res = runner.invoke(app, ["stats", "--json"])
    data = json.loads(res.output)
    assert data["queue"]["submitted"] == 8 and data["batches"]["in_flight"] == {"batches": 1, "items": 8}
    res = runner.invoke(app, ["batch", "cancel", "1"])
    assert res.exit_code == 0 and "cancelling" in res.output, res.output
    res = runner.invoke(app, ["batch", "cancel", "99"])
    assert res.exit_code == 1 and "no batch with id 99" in res.output
    fake.batches.release()  # the fake's processing wakes up and sees `cancelling`
    wait_all(fake)
    report = run_batch(limit=0)
    assert report["released"] == 8 and report["batches_collected"] == 1, report["errors"]
    assert report["submitted"] == 8, "the cancelled pairs go straight into a new batch, uncharged"
    assert one(db_url, "select max(attempts) from optimizations") == 1


def test_batch_mode_without_a_key_is_a_config_error(db_url: str) -> None:
    from typer.testing import CliRunner

    from resume_opt.cli import app

    res = CliRunner().invoke(app, ["run", "--mode", "batch"])
    assert res.exit_code == 2 and "needs GROQ_API_KEY" in res.output
