"""The API failing under real `resume-opt run` processes, through the fake Groq server.

The real `groq` SDK, our retry policy and the rate limiter talk HTTP to
scripts/fake_groq.py (in this process, counting calls per pair):

- a poison item (the server answers 500 to every request for one resume) is retried
  in-call, then backs off between runs, and ends `failed` after `run.max_attempts`
  with its error; every other pair succeeds with one call;
- a flaky API (5xx, hangs, bad JSON at random) still leaves every pair in exactly
  one final state, none called again once it succeeded;
- a rejected key (401) stops the run: exit 3, a one-line message, everything
  claimed released without charging an attempt; a later run finishes the work.
"""

from __future__ import annotations

import os
from pathlib import Path

import psycopg
import pytest

from tests.faultkit import CountingGroq, RunProc, groq_env, report_files, wait_until
from tests.helpers import one, seed_pairs, status_counts

pytestmark = pytest.mark.slow

POISON = "Engineer number 7 "  # seed_pairs: candidate 7's resume; "number 17 " does not match


def _item(db_url: str, external_id: str) -> tuple[str, int, float, str | None, str | None]:
    """(status, attempts, seconds from the last update to run_after, error_kind, error) of a pair."""
    with psycopg.connect(db_url) as conn:
        row = conn.execute(
            "select o.status, o.attempts, extract(epoch from o.run_after - o.updated_at)::float8, "
            "o.error_kind, o.error from optimizations o join candidates c on c.id = o.candidate_id "
            "where c.external_id = %s",
            (external_id,),
        ).fetchone()
    assert row is not None
    return row  # type: ignore[return-value]


def _shift_run_after(db_url: str, external_id: str, seconds: float) -> None:
    with psycopg.connect(db_url) as conn:
        conn.execute(
            "update optimizations o set run_after = o.run_after + make_interval(secs => %s)"
            " from candidates c where c.id = o.candidate_id and c.external_id = %s",
            (seconds, external_id),
        )


def _due(db_url: str, external_id: str) -> bool:
    return bool(
        one(
            db_url,
            "select o.run_after <= now() from optimizations o join candidates c "
            "on c.id = o.candidate_id where c.external_id = %s",
            (external_id,),
        )
    )


def test_poison_item_fails_after_max_attempts_with_backoff_the_rest_unaffected(db_url: str, tmp_path: Path) -> None:
    total, max_attempts, in_call = 30, 3, 2
    seed_pairs(db_url, total)
    backoff = 1.5
    with CountingGroq(poison=POISON) as fake:
        env = {
            **groq_env(fake.base_url),
            "RESUME_OPT_RUN_MAX_ATTEMPTS": str(max_attempts),
            "RESUME_OPT_RUN_BACKOFF_BASE_S": str(backoff),
            "RESUME_OPT_RETRY_MAX_ATTEMPTS": str(in_call),
            "RESUME_OPT_RETRY_BACKOFF_BASE_S": "0.05",
        }

        def run() -> dict[str, object]:
            proc = RunProc(tmp_path, env, "--engine", "groq", "--workers", "4")
            code = proc.wait()
            report = proc.report()
            assert code == report["exit_code"], proc.stderr
            assert "Traceback" not in proc.stderr
            return report

        first = run()
        assert first["exit_code"] == 1 and first["succeeded"] == total - 1 and first["retried"] == 1
        assert first["errors"] == {"server_error": 1}
        status, attempts, wait_s, kind, error = _item(db_url, "c7")
        assert (status, attempts, kind) == ("pending", 1, "server_error") and "500" in (error or "")
        assert wait_s == pytest.approx(backoff, abs=0.2)
        # Every other pair: succeeded with exactly one call, untouched by the poison.
        assert status_counts(db_url) == {"succeeded": total - 1, "pending": 1}
        assert {p: n for p, n in fake.requests_by_pair.items() if p != "7"} == {
            str(i): 1 for i in range(1, total + 1) if i != 7
        }
        assert fake.requests_by_pair["7"] == in_call

        # A run before the backoff is over leaves the item alone. The backoff is pushed out
        # for this one run (and put back after), so process start-up time cannot race it.
        _shift_run_after(db_url, "c7", +3600)
        early = run()
        _shift_run_after(db_url, "c7", -3600)
        assert early["claimed"] == 0 and early["exit_code"] == 0
        assert fake.requests_by_pair["7"] == in_call

        waits = [wait_s]
        for attempt in range(2, max_attempts + 1):
            wait_until(lambda: _due(db_url, "c7"), "the poison item's backoff to pass")
            report = run()
            assert report["claimed"] == 1 and report["errors"] == {"server_error": 1}
            status, attempts, wait_s, kind, error = _item(db_url, "c7")
            assert attempts == attempt and kind == "server_error"
            if attempt < max_attempts:
                assert status == "pending" and report["retried"] == 1 and report["exit_code"] == 1
                waits.append(wait_s)
            else:
                assert status == "failed" and report["failed"] == 1 and report["exit_code"] == 1
                assert error and "Groq answered 500" in error
        # Exponential backoff between attempts: base, then twice the base.
        assert waits[1] == pytest.approx(2 * waits[0], abs=0.3)
        assert fake.requests_by_pair["7"] == max_attempts * in_call
        assert status_counts(db_url) == {"succeeded": total - 1, "failed": 1}
        assert one(db_url, "select count(*) from optimizations where finished_at is null") == 0

        # A final run finds nothing to do: the failed item stays failed.
        last = run()
        assert last["claimed"] == 0 and last["exit_code"] == 0
        assert fake.requests_by_pair["7"] == max_attempts * in_call


def test_flaky_api_leaves_every_pair_in_one_final_state(db_url: str, tmp_path: Path) -> None:
    total = 120
    seed_pairs(db_url, total)
    rates = {"500": 0.1, "503": 0.1, "498": 0.05, "invalid_json": 0.05, "truncated": 0.05, "timeout": 0.02}
    with CountingGroq(rates=rates, hang_s=3, seed=5) as fake:
        env = {
            **groq_env(fake.base_url),
            "RESUME_OPT_GROQ_TIMEOUT_S": "1",
            "RESUME_OPT_RETRY_MAX_ATTEMPTS": "6",
            "RESUME_OPT_RETRY_BACKOFF_BASE_S": "0.02",
            "RESUME_OPT_RETRY_BACKOFF_MAX_S": "0.1",
            "RESUME_OPT_RUN_BACKOFF_BASE_S": "0",
        }
        reports = []
        for _ in range(4):  # failed attempts go back to pending; a few runs drain the queue
            proc = RunProc(tmp_path, env, "--engine", "groq", "--workers", "6", "--chunk-size", "25")
            code = proc.wait()
            assert code in (0, 1), proc.stderr
            assert "Traceback" not in proc.stderr
            reports.append(proc.report())
            if not one(db_url, "select count(*) from optimizations where status = 'pending'"):
                break
        counts = status_counts(db_url)
        assert set(counts) <= {"succeeded", "failed"} and sum(counts.values()) == total, counts
        assert one(db_url, "select count(*) from optimizations where locked_by is not null") == 0
        # A pair that got its answer was never asked again.
        assert max(fake.ok_by_pair.values()) == 1
        assert one(db_url, "select count(*) from optimizations where status = 'succeeded'") == len(fake.ok_by_pair)
        assert sum(r["engine_calls"] for r in reports) == sum(fake.requests_by_pair.values())


def test_rejected_key_stops_the_run_and_releases_everything(db_url: str, tmp_path: Path) -> None:
    total = 40
    seed_pairs(db_url, total)
    home = Path(os.environ["RESUME_OPT_HOME"])
    with CountingGroq(api_keys={"gsk_the_right_key_000000000000"}) as fake:
        proc = RunProc(
            tmp_path,
            groq_env(fake.base_url, key="gsk_a_revoked_key_0000000000000"),
            "--engine",
            "groq",
            "--workers",
            "4",
            "--chunk-size",
            "10",
        )
        assert proc.wait() == 3, proc.stderr
        assert "Traceback" not in proc.stderr
        report = proc.report()
        assert report["exit_code"] == 3 and report["stop_reason"] == "auth"
        assert report["message"] == "Groq rejected the API key (401)"
        assert report["succeeded"] == report["failed"] == 0 and report["released"] == report["claimed"] > 0
        assert report_files(home)[report["run_id"]]["exit_code"] == 3
        errors = [line for line in proc.stderr.splitlines() if "ERROR" in line or line.startswith("resume-opt:")]
        assert errors and all("401" in line or "API key" in line for line in errors), proc.stderr
        assert status_counts(db_url) == {"pending": total}
        assert one(db_url, "select count(*) from optimizations where attempts <> 0 or error is not null") == 0

        after = RunProc(
            tmp_path,
            groq_env(fake.base_url, key="gsk_the_right_key_000000000000"),
            "--engine",
            "groq",
            "--workers",
            "4",
        )
        assert after.wait() == 0, after.stderr
        assert status_counts(db_url) == {"succeeded": total}
        assert max(fake.ok_by_pair.values()) == 1 and len(fake.ok_by_pair) == total


def test_unreachable_api_stops_the_run_without_charging_attempts(db_url: str, tmp_path: Path) -> None:
    total = 40
    seed_pairs(db_url, total)
    home = Path(os.environ["RESUME_OPT_HOME"])
    with CountingGroq() as fake:
        down = fake.base_url  # the address of a server that is no longer there
    env = {**groq_env(down), "RESUME_OPT_RETRY_MAX_ATTEMPTS": "3", "RESUME_OPT_RETRY_BACKOFF_BASE_S": "0.05"}
    proc = RunProc(tmp_path, env, "--engine", "groq", "--workers", "4", "--chunk-size", "20")
    code = proc.wait()
    assert "Traceback" not in proc.stderr
    report = proc.report()
    assert report_files(home)[report["run_id"]]["exit_code"] == report["exit_code"]
    assert code == 3 and report["exit_code"] == 3, proc.stderr
    assert report["succeeded"] == report["failed"] == report["retried"] == 0
    assert status_counts(db_url) == {"pending": total}
    assert one(db_url, "select count(*) from optimizations where attempts <> 0 or error is not null") == 0
