"""The Groq engine inside real runs, against scripts/fake_groq.py at realistic limits.

These take minutes by design (the fake enforces requests per minute in real time),
so they carry the `ratelimit` mark; CI runs them on one of its two passes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from resume_opt import commands
from resume_opt.config import load_settings
from scripts.fake_groq import FakeGroq
from tests.conftest import ROOT
from tests.helpers import seed_pairs, status_counts

pytestmark = [pytest.mark.slow, pytest.mark.ratelimit]
KEY = "gsk_integrationtestkey0000000000"


def _env(base_url: str, rpm: int, scope: str = "process") -> dict[str, str]:
    return {
        "GROQ_API_KEY": KEY,
        "GROQ_BASE_URL": base_url,
        "RESUME_OPT_RATE_LIMIT_SCOPE": scope,
        "RESUME_OPT_RATE_LIMIT_REQUESTS_PER_MINUTE": str(rpm),
        "RESUME_OPT_RATE_LIMIT_TOKENS_PER_MINUTE": "10000000",
        "RESUME_OPT_RATE_LIMIT_REQUESTS_PER_DAY": "1000000",
        "RESUME_OPT_RATE_LIMIT_TOKENS_PER_DAY": "1000000000",
        "RESUME_OPT_RETRY_BACKOFF_BASE_S": "0.2",
        "RESUME_OPT_RETRY_BACKOFF_MAX_S": "2",
    }


def test_300_pairs_at_120_rpm_with_5xx_all_succeed_under_2pct_429(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    seed_pairs(db_url, 300)
    with FakeGroq(rpm=120, api_keys=[KEY], latency_ms=(30, 90), rates={"500": 0.025, "503": 0.025}, seed=4) as fake:
        for name, value in _env(fake.base_url, 120).items():
            monkeypatch.setenv(name, value)
        settings = load_settings(overrides={"run": {"engine": "groq", "workers": 8, "chunk_size": 50}})
        report: dict[str, Any] = commands.execute_run(settings, quiet=True, install_signals=False)
        requests, limited = fake.requests, fake.statuses[429]
    assert report["succeeded"] == 300 and report["failed"] == 0 and report["exit_code"] == 0
    assert status_counts(db_url) == {"succeeded": 300}
    assert report["rate_limited"] == limited
    assert limited / requests < 0.02, (limited, requests)
    assert report["engine_calls"] == requests >= 300
    assert report["tokens_in"] > 0 and report["cost_usd"] > 0
    assert report["errors"] == {}
    assert report["call_errors"].get("server_error", 0) > 0, "the injected 5xx were met and retried"


def test_two_processes_share_one_budget_through_the_database(db_url: str) -> None:
    seed_pairs(db_url, 44)
    with FakeGroq(rpm=60, api_keys=[KEY], latency_ms=(20, 60), seed=5) as fake:
        env = {**os.environ, **_env(fake.base_url, 60, scope="database")}
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "resume_opt",
                    "-q",
                    "run",
                    "--json",
                    "--engine",
                    "groq",
                    "--chunk-size",
                    "4",
                    "--workers",
                    "4",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        outs = [p.communicate(timeout=300) for p in procs]
        limited = fake.statuses[429]
    reports = [json.loads(out) for out, _ in outs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    assert sum(r["succeeded"] for r in reports) == 44 and min(r["claimed"] for r in reports) > 0
    assert status_counts(db_url) == {"succeeded": 44}
    assert limited <= 3, f"{limited} 429s between two processes sharing the database budget"
