"""Issue 12 with nothing configured: limits learned, a spent daily quota ends the run
(exit 3, work released, one line), claim order grouped by job, completion lengths
shared through the database, and the report/stats fields of the token economy.

Runs go against scripts/fake_groq.py at limits high enough to finish in seconds.
"""

from __future__ import annotations

import json
from typing import Any

import psycopg
import pytest

from resume_opt import commands
from resume_opt.config import load_settings
from resume_opt.db import queue, stats
from resume_opt.engines.groq.prompt import PROMPT_VERSION, reduce_job
from resume_opt.engines.groq.sizing import CompletionSizer
from scripts.fake_groq import FakeGroq
from tests.conftest import run_cli
from tests.helpers import migrate, one, seed_pairs, status_counts

KEY = "gsk_economytestkey000000000000000"


def _groq_env(monkeypatch: pytest.MonkeyPatch, fake: FakeGroq) -> None:
    monkeypatch.setenv("GROQ_API_KEY", KEY)
    monkeypatch.setenv("GROQ_BASE_URL", fake.base_url)


# --- the job posting sent to the model ------------------------------------------------------


def test_the_job_posting_keeps_what_tailoring_needs() -> None:
    posting = "\n".join(
        [
            "About us",
            "Larkspur builds billing software for 3,000 companies.",
            "",
            "What you'll do",
            "- Build invoicing services in Go.",
            "",
            "Requirements",
            "- 5+ years with PostgreSQL.",
            "",
            "Nice to have",
            "- Kafka.",
            "",
            "Benefits",
            "- Unlimited PTO and a learning budget.",
            "",
            "Larkspur is an equal opportunity employer. We value curiosity.",
        ]
    )
    reduced = reduce_job(posting)
    assert "Build invoicing services" in reduced and "PostgreSQL" in reduced and "Kafka" in reduced
    assert "3,000 companies" not in reduced and "PTO" not in reduced and "equal opportunity" not in reduced
    # A posting without headings keeps everything but its EEO sentence.
    flat = "We need Python and SQL. We are an Equal Opportunity Employer. Remote is fine."
    assert reduce_job(flat) == "We need Python and SQL. Remote is fine."


# --- claim order ------------------------------------------------------------------------------


def test_a_chunk_holds_each_jobs_pairs_together(db_url: str) -> None:
    seed_pairs(db_url, candidates=6, jobs=3)  # ids interleave the jobs: c1j1, c1j2, c1j3, c2j1, ...
    with psycopg.connect(db_url) as conn:
        run_id = queue.start_run(conn, "h", 1, "null", {})[0]
        items = queue.claim_chunk(conn, run_id, 9)
    titles = [it.job_title for it in items]
    assert len(items) == 9 and len(set(titles)) <= 2  # job 1's six pairs, then three of job 2
    assert titles == sorted(titles)
    assert titles.count("Backend Engineer 1") == 6


def test_the_claim_index_for_the_job_grouped_order_exists(db_url: str) -> None:
    migrate(db_url)
    definition = one(db_url, "select indexdef from pg_indexes where indexname = 'optimizations_claim_job_idx'")
    assert "priority DESC, job_id, id" in definition and "pending" in definition


# --- completion lengths shared by hosts ----------------------------------------------------------


def test_completion_lengths_are_shared_through_the_database(db_url: str) -> None:
    from psycopg_pool import ConnectionPool

    migrate(db_url)
    settings = load_settings()
    with ConnectionPool(db_url, min_size=1, max_size=2, open=True) as pool:
        host_a = CompletionSizer(settings, PROMPT_VERSION, pool)
        assert host_a.max_tokens() == settings.groq.max_tokens  # nothing known: the ceiling
        for n in [300] * 49 + [400]:
            host_a.record(n)
        sized = host_a.max_tokens()
        host_a.flush()
        host_b = CompletionSizer(settings, PROMPT_VERSION, pool)
        other_prompt = CompletionSizer(settings, "groq-0", pool)
    assert sized == round(304 * 1.1) or sized == int(304 * 1.1) + 1  # p98 falls in the 300's bucket (289-304)
    assert host_b.samples == 50 and host_b.max_tokens() == sized
    assert other_prompt.samples == 0 and other_prompt.max_tokens() == settings.groq.max_tokens


# --- runs with nothing configured --------------------------------------------------------------


def test_a_run_with_nothing_configured_learns_the_limits_and_reports_the_economy(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_pairs(db_url, candidates=30, jobs=2, pairs=40)
    with FakeGroq(rpm=300, tpm=400000, api_keys=[KEY], latency_ms=(5, 15), seed=2) as fake:
        _groq_env(monkeypatch, fake)
        settings = load_settings(overrides={"run": {"engine": "groq", "workers": 4, "chunk_size": 20}})
        report: dict[str, Any] = commands.execute_run(settings, quiet=True, install_signals=False)
        served = fake.stats()
    assert report["succeeded"] == 40 and report["exit_code"] == 0, report
    assert served["rate_limited"] == 0
    # What we reserved is what the provider counted, give or take our estimate of the prompt.
    assert abs(report["tokens_reserved"] - served["tokens_admitted"]) <= 0.02 * served["tokens_admitted"]
    assert report["response_format"] == "json_object" and report["tokens_cached"] == 0
    assert report["length_retries"] == 0 and report["capacity_exceeded"] == 0
    with psycopg.connect(db_url) as conn:
        usage = stats.usage(conn, 24)
        query = "select sum(answers) from completion_lengths where prompt_version = %s"
        lengths = one(db_url, query, (PROMPT_VERSION,))
    assert usage["tokens_reserved"] == report["tokens_reserved"] and usage["tokens_cached"] == 0
    assert lengths == 40


def test_a_spent_daily_token_limit_ends_the_run_with_exit_3_and_releases_the_rest(db_url: str) -> None:
    seed_pairs(db_url, candidates=20)
    # A day's tokens for about three requests: the fourth is answered 429 "(TPD) ... try again in ~23h".
    with FakeGroq(tpd=4500, api_keys=[KEY], latency_ms=(5, 15), seed=1) as fake:
        env = {"GROQ_API_KEY": KEY, "GROQ_BASE_URL": fake.base_url, "RESUME_OPT_RUN_WORKERS": "1"}
        proc = run_cli("-q", "run", "--json", "--engine", "groq", env=env, timeout=120)
        served = fake.stats()
    assert proc.returncode == 3, proc.stderr
    report = json.loads(proc.stdout)
    assert report["stop_reason"] == "quota" and report["exit_code"] == 3
    lines = [line for line in proc.stderr.splitlines() if line.startswith("resume-opt:")]
    assert len(lines) == 1 and "tokens per day for llama-3.3-70b-versatile spent; resets in" in lines[0]
    assert served["rate_limited"] == 1  # one 429 taught it; no thread asked again
    counts = status_counts(db_url)
    assert counts.get("running", 0) == 0 and counts.get("failed", 0) == 0
    assert counts["succeeded"] == report["succeeded"] and counts["pending"] == 20 - report["succeeded"]
    assert one(db_url, "select max(attempts) from optimizations where status = 'pending'") == 0


def test_doctor_prints_the_limits_the_provider_announces(db_url: str) -> None:
    with FakeGroq(rpm=300, tpm=80000, rpd=14400, api_keys=[KEY]) as fake:
        env = {"GROQ_API_KEY": KEY, "GROQ_BASE_URL": fake.base_url}
        proc = run_cli("doctor", "--json", env=env, timeout=60)
    checks = {c["check"]: c for c in json.loads(proc.stdout)}
    detail = checks["limits"]["detail"]
    assert checks["limits"]["ok"] and "80,000 tokens per minute" in detail and "14,400 requests per day" in detail
