"""Batch mode survives SIGKILL at every step; two hosts never submit or write a pair twice.

Each kill is placed by state, not by time: the fake stalls an endpoint and the test
kills the real subprocess once the database (or the fake) shows the step was reached.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest

from resume_opt import commands
from resume_opt.config import load_settings
from scripts.fake_groq import FakeGroq
from tests.conftest import ROOT
from tests.helpers import one, seed_pairs, status_counts

KEY = "gsk_batchcrashkey00000000000000"


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Any:
    with FakeGroq(api_keys=[KEY], seed=5) as server:
        monkeypatch.setenv("GROQ_API_KEY", KEY)
        monkeypatch.setenv("GROQ_BASE_URL", server.base_url)
        monkeypatch.setenv("RESUME_OPT_BATCH_POLL_INTERVAL_S", "0.05")
        monkeypatch.setenv("RESUME_OPT_BATCH_POLL_MAX_INTERVAL_S", "0.2")
        yield server
        server.batches.release()


def spawn(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "resume_opt", "run", "--mode", "batch", "--json", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def until(what: str, check: Callable[[], Any], proc: subprocess.Popen[str] | None = None, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"{what}: the run ended first: {proc.communicate()}")
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def kill(proc: subprocess.Popen[str]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)


def stale(db_url: str) -> bool:
    """Every lease the killed run held is older than the short lease the next run uses."""
    return not one(
        db_url,
        "select count(*) from batches where locked_by is not null and heartbeat_at > now() - interval '1 second'",
    ) and not one(
        db_url,
        "select count(*) from optimizations where status = 'running' and heartbeat_at > now() - interval '1 second'",
    )


def run_batch(wait: bool = False, **batch: Any) -> dict[str, Any]:
    settings = load_settings(
        overrides={"run": {"mode": "batch", "lease_timeout_s": 1, "max_runtime_s": 120}, "batch": batch}
    )
    return commands.execute_run(settings, install_signals=False, wait=wait)


def lines_per_custom_id(fake: FakeGroq) -> Counter[str]:
    """How many input lines, over every file the fake was sent, carry each custom_id."""
    seen: Counter[str] = Counter()
    for f in list(fake.batches.files.values()):
        if f["purpose"] == "batch" and Path(f["path"]).exists():
            for raw in Path(f["path"]).read_bytes().splitlines():
                seen[json.loads(raw)["custom_id"]] += 1
    return seen


def created_lines(fake: FakeGroq) -> Counter[str]:
    """custom_ids over the input files of batches the fake really created."""
    seen: Counter[str] = Counter()
    for b in fake.batches.list()["data"]:
        f = fake.batches.files.get(b["input_file_id"])
        if f and b["status"] != "cancelled":
            for raw in Path(f["path"]).read_bytes().splitlines():
                seen[json.loads(raw)["custom_id"]] += 1
    return seen


def test_kill_between_upload_and_create(db_url: str, fake: FakeGroq) -> None:
    seed_pairs(db_url, 12)
    fake.batches.configure(stall={"create_before": 120})
    proc = spawn()
    until("upload recorded", lambda: one(db_url, "select count(*) from batches where status = 'uploaded'"), proc)
    kill(proc)
    fake.batches.release()
    upload = one(db_url, "select input_file_id from batches")
    until("leases stale", lambda: stale(db_url))
    report = run_batch()
    assert upload in fake.batches.deleted, "the orphaned upload was deleted"
    assert one(db_url, "select status from batches where id = 1") == "abandoned"
    assert report["submitted"] == 12 and status_counts(db_url) == {"submitted": 12}
    assert one(db_url, "select max(attempts) from optimizations") == 1, "the abandoned submission was not charged"
    assert fake.batches.created == 1
    final = run_batch(wait=True)
    assert final["succeeded"] == 12 and status_counts(db_url) == {"succeeded": 12}
    assert max(created_lines(fake).values()) == 1


def test_kill_between_create_and_recording(db_url: str, fake: FakeGroq) -> None:
    seed_pairs(db_url, 12)
    fake.batches.configure(stall={"create_after": 120})
    proc = spawn()
    until("batch created at the provider", lambda: fake.batches.created == 1, proc)
    kill(proc)
    fake.batches.release()
    assert one(db_url, "select provider_batch_id from batches") is None
    until("leases stale", lambda: stale(db_url))
    report = run_batch(wait=True)
    assert one(db_url, "select provider_batch_id from batches where id = 1") == fake.batches.list()["data"][0]["id"]
    assert fake.batches.created == 1, "adopted through batches.list, not submitted again"
    assert report["succeeded"] == 12 and status_counts(db_url) == {"succeeded": 12}


def test_kill_in_the_middle_of_a_collection(db_url: str, fake: FakeGroq) -> None:
    seed_pairs(db_url, 20)
    assert run_batch()["submitted"] == 20
    until("batch done", lambda: fake.batches.list()["data"][0]["status"] == "completed")
    fake.batches.configure(stall={"content_after_lines": (13, 120)})
    proc = spawn(env={"RESUME_OPT_BATCH_COLLECT_CHUNK": "4"})
    until(
        "first chunks written",
        lambda: one(db_url, "select count(*) from optimizations where status = 'succeeded'") >= 8,
        proc,
    )
    kill(proc)
    fake.batches.release()
    killed_run = one(db_url, "select max(run_id) from optimizations where status = 'succeeded'")
    written = {
        r[0]: r[1]
        for r in psycopg.connect(db_url)
        .execute("select id, finished_at from optimizations where status = 'succeeded'")
        .fetchall()
    }
    assert one(db_url, "select status from batches") == "collecting"
    until("leases stale", lambda: stale(db_url))
    report = run_batch(wait=True)
    assert status_counts(db_url) == {"succeeded": 20}, report
    with psycopg.connect(db_url) as conn:
        again = dict(
            conn.execute("select id, finished_at from optimizations where id = any(%s)", (list(written),)).fetchall()
        )
    assert again == written, "no result was written twice"
    assert one(db_url, "select count(*) from optimizations where run_id = %s", (killed_run,)) >= len(written)
    assert fake.batches.created == 1, "results of the killed collection were not paid for again"
    assert one(db_url, "select status from batches") == "collected"


def test_two_hosts_never_submit_or_write_a_pair_twice(db_url: str, fake: FakeGroq) -> None:
    seed_pairs(db_url, 200)
    env = {"RESUME_OPT_BATCH_MAX_LINES": "15"}
    fake.batches.configure(delay_s=600)  # held until release(): the submitters collect nothing
    procs = [spawn(env=env) for _ in range(2)]
    reports = [json.loads(p.communicate(timeout=180)[0]) for p in procs]
    assert sum(r["submitted"] for r in reports) == 200
    assert status_counts(db_url) == {"submitted": 200}
    counts = lines_per_custom_id(fake)
    assert len(counts) == 200 and max(counts.values()) == 1
    fake.batches.release()
    until("all batches done", lambda: all(b["status"] == "completed" for b in fake.batches.list()["data"]))
    procs = [spawn(env=env) for _ in range(2)]
    reports = [json.loads(p.communicate(timeout=180)[0]) for p in procs]
    assert sum(r["succeeded"] for r in reports) == 200, "each result written once"
    assert sum(r["batches_collected"] for r in reports) == len(fake.batches.list()["data"])
    assert status_counts(db_url) == {"succeeded": 200}


def test_sigterm_finishes_the_step_under_way_and_exits_143(db_url: str, fake: FakeGroq) -> None:
    seed_pairs(db_url, 30)
    fake.batches.configure(stall={"create_after": 120})
    proc = spawn(env={"RESUME_OPT_BATCH_MAX_LINES": "10"})
    until("first batch created at the provider", lambda: fake.batches.created == 1, proc)
    proc.send_signal(signal.SIGTERM)
    fake.batches.release()
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 143
    report = json.loads(out)
    assert report["stop_reason"] == "SIGTERM" and report["batches_submitted"] >= 1
    assert one(db_url, "select count(*) from batches where provider_batch_id is null") == 0, "every step recorded"
    submitted = one(db_url, "select count(*) from optimizations where status = 'submitted'")
    assert submitted == report["submitted"] and status_counts(db_url).get("running") is None
