"""Batch mode end to end against scripts/fake_groq.py's files and batches endpoints."""

from __future__ import annotations

from typing import Any

import pytest

from resume_opt import commands
from resume_opt.config import load_settings
from scripts.fake_groq import FakeGroq
from tests.helpers import one, seed_pairs, status_counts

KEY = "gsk_batchtestkey000000000000000"


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Any:
    with FakeGroq(api_keys=[KEY], seed=3) as server:
        monkeypatch.setenv("GROQ_API_KEY", KEY)
        monkeypatch.setenv("GROQ_BASE_URL", server.base_url)
        monkeypatch.setenv("RESUME_OPT_BATCH_POLL_INTERVAL_S", "0.05")
        monkeypatch.setenv("RESUME_OPT_BATCH_POLL_MAX_INTERVAL_S", "0.2")
        yield server


def run_batch(wait: bool = False, **run: Any) -> dict[str, Any]:
    settings = load_settings(overrides={"run": {"mode": "batch", **run}})
    return commands.execute_run(settings, install_signals=False, wait=wait)


def test_submit_then_collect_succeeds_every_pair(db_url: str, fake: FakeGroq) -> None:
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
