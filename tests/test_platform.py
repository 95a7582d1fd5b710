"""The platform's side (issue 16): enqueue from the app's transaction, the SQL functions, NOTIFY.

Everything runs against the real PostgreSQL of the test's schema. Notifications are read from a
listening connection; "nothing was sent" is shown by a marker notification sent afterwards on
the same channel arriving first (NOTIFY delivers in commit order), never by waiting a while.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from typing import Any

import psycopg
import pytest

from resume_opt import commands, enqueue
from resume_opt.api import EnqueueOutcome, enqueue_async
from resume_opt.config import load_settings
from resume_opt.db import platform
from tests.conftest import ROOT
from tests.helpers import one, seed_pairs

GUARD_S = 120.0  # a hang guard for reading notifications, not a time assertion


def _people(db_url: str, candidates: int = 3, jobs: int = 2) -> None:
    """Candidates c1..cN and jobs j1..jM, nothing queued."""
    seed_pairs(db_url, candidates, jobs, pairs=0)


def _listen(db_url: str, channel: str) -> psycopg.Connection[Any]:
    conn = psycopg.connect(db_url, autocommit=True)
    conn.execute(f"listen {channel}")
    return conn


def _until_marker(listener: psycopg.Connection[Any], db_url: str, channel: str) -> list[str]:
    """Payloads received on `channel` before a marker sent now (so: everything committed before)."""
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("select pg_notify(%s, 'marker')", (channel,))
    payloads: list[str] = []
    for n in listener.notifies(timeout=GUARD_S):
        if n.channel == channel and n.payload == "marker":
            return payloads
        payloads.append(n.payload)
    raise AssertionError(f"the marker on {channel} never arrived")


def _queued(db_url: str) -> int:
    return int(one(db_url, "select count(*) from optimizations"))


# --- the Python API ----------------------------------------------------------------------------


def test_enqueue_in_a_transaction_that_rolls_back_queues_nothing(db_url: str) -> None:
    _people(db_url)
    listener = _listen(db_url, platform.ENQUEUED_CHANNEL)
    with psycopg.connect(db_url) as conn:
        res = enqueue(conn, [("c1", "j1"), ("c2", "j1")], priority=5)
        assert [it.status for it in res.items] == ["queued", "queued"]
        assert _queued(db_url) == 0  # not visible outside the caller's transaction
        conn.rollback()
    assert _queued(db_url) == 0
    assert _until_marker(listener, db_url, platform.ENQUEUED_CHANNEL) == []  # no wake-up either
    listener.close()


def test_enqueue_commits_with_the_callers_transaction_and_says_what_happened(db_url: str) -> None:
    _people(db_url)
    with psycopg.connect(db_url) as conn:
        conn.execute("create table app_audit (note text)")  # the app's own write, same transaction
        res = enqueue(conn, [("c1", "j1"), ("c1", "j1"), ("c2", "j2"), ("nobody", "j1"), ("c3", "nojob")], priority=7)
        conn.execute("insert into app_audit values ('queued two')")
    assert isinstance(res, EnqueueOutcome)
    assert [(it.candidate_id, it.job_id) for it in res.queued] == [("c1", "j1"), ("c2", "j2")]
    assert res.skipped == [] and res.unknown_candidates == ["nobody"] and res.unknown_jobs == ["nojob"]
    rows = {r[0]: r[1:] for r in _rows(db_url, "select id, status, priority from optimizations")}
    assert set(rows) == {it.optimization_id for it in res.queued}
    assert all(r == ("pending", 7) for r in rows.values())
    assert one(db_url, "select count(*) from app_audit") == 1


def test_a_pending_pair_is_skipped_with_its_id_and_its_priority_raised(db_url: str) -> None:
    _people(db_url)
    with psycopg.connect(db_url) as conn:
        first = enqueue(conn, ("c1", "j1"))  # one pair may be given bare
    with psycopg.connect(db_url) as conn:
        again = enqueue(conn, [("c1", "j1")], priority=9)
        lower = enqueue(conn, [("c1", "j1")], priority=1)
    (q,) = first.queued
    assert [it.optimization_id for it in again.skipped] == [q.optimization_id]
    assert [it.optimization_id for it in lower.skipped] == [q.optimization_id]
    assert _rows(db_url, "select priority from optimizations") == [(9,)]  # raised, never lowered


def test_a_running_pair_is_skipped_and_a_finished_one_is_queued_again(db_url: str) -> None:
    _people(db_url)
    with psycopg.connect(db_url) as conn:
        (a,) = enqueue(conn, [("c1", "j1")]).queued
        (b,) = enqueue(conn, [("c2", "j1")]).queued
        conn.execute("update optimizations set status = 'running', locked_by = 1 where id = %s", (a.optimization_id,))
        conn.execute("update optimizations set status = 'succeeded' where id = %s", (b.optimization_id,))
    with psycopg.connect(db_url) as conn:
        res = enqueue(conn, [("c1", "j1"), ("c2", "j1")], priority=3)
    assert [it.optimization_id for it in res.skipped] == [a.optimization_id]
    assert one(db_url, "select priority from optimizations where id = %s", (a.optimization_id,)) == 0
    # Served by dedup at run time (same inputs as the succeeded row), not refused here.
    (again,) = res.queued
    assert again.candidate_id == "c2" and again.optimization_id != b.optimization_id


def test_enqueue_async_uses_the_callers_async_transaction(db_url: str) -> None:
    _people(db_url)

    async def go() -> tuple[EnqueueOutcome, EnqueueOutcome]:
        async with await psycopg.AsyncConnection.connect(db_url) as conn:
            rolled = await enqueue_async(conn, [("c1", "j1")])
            await conn.rollback()
            kept = await enqueue_async(conn, [("c2", "j2")], priority=2)
        return rolled, kept

    rolled, kept = asyncio.run(go())
    assert [it.status for it in rolled.items] == ["queued"]
    assert _rows(
        db_url, "select o.priority, c.external_id from optimizations o join candidates c on c.id = o.candidate_id"
    ) == [(2, "c2")]
    assert [it.candidate_id for it in kept.queued] == ["c2"]


def test_import_resume_opt_stays_light() -> None:
    code = "import sys, resume_opt; print(sorted(m for m in ('psycopg', 'typer', 'yaml') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"
    code = (
        "import sys; from resume_opt import enqueue; print('typer' in sys.modules, 'resume_opt.config' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False False"


# --- the SQL functions ---------------------------------------------------------------------------


def test_sql_function_in_a_transaction_that_rolls_back_queues_nothing(db_url: str) -> None:
    _people(db_url)
    listener = _listen(db_url, platform.ENQUEUED_CHANNEL)
    with psycopg.connect(db_url) as conn:
        assert conn.execute("select * from resume_opt_enqueue('c1', 'j1', 10)").fetchall()[0][0] == "queued"
        conn.rollback()
    assert _queued(db_url) == 0
    assert _until_marker(listener, db_url, platform.ENQUEUED_CHANNEL) == []
    with psycopg.connect(db_url) as conn:
        status, oid = conn.execute("select status, optimization_id from resume_opt_enqueue('c1', 'j1', 10)").fetchone()
    assert status == "queued" and oid == one(db_url, "select id from optimizations where priority = 10")
    assert _until_marker(listener, db_url, platform.ENQUEUED_CHANNEL) == [""]  # one wake-up, at commit
    listener.close()


def test_sql_function_reports_skipped_and_unknown_without_aborting_the_transaction(db_url: str) -> None:
    _people(db_url)
    with psycopg.connect(db_url) as conn:
        conn.execute("select resume_opt_enqueue('c1', 'j1')")
        rows = [
            conn.execute("select status, optimization_id from resume_opt_enqueue(%s, %s)", pair).fetchone()
            for pair in (("c1", "j1"), ("ghost", "j1"), ("c1", "ghost"))
        ]
        conn.execute("select 1")  # the transaction is still usable
    first = one(db_url, "select id from optimizations")
    assert rows == [("skipped", first), ("unknown_candidate", None), ("unknown_job", None)]


def test_sql_function_works_schema_qualified_from_another_search_path(db_url: str, server_dsn: str) -> None:
    _people(db_url)
    schema = one(db_url, "select current_schema()")
    with psycopg.connect(server_dsn) as conn:  # the app's own search_path: public
        row = conn.execute(f'select status from "{schema}".resume_opt_enqueue(%s, %s)', ("c1", "j1")).fetchone()
        conn.rollback()
    assert row == ("queued",)


def test_cli_enqueue_and_the_api_share_the_function(db_url: str, tmp_path: Any) -> None:
    _people(db_url)
    with psycopg.connect(db_url) as conn:
        enqueue(conn, [("c1", "j1")])
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("candidate_id,job_id\nc1,j1\nc2,j1\nghost,j1\n")
    res = commands.enqueue(load_settings(), pairs, None, False, priority=4)
    assert (res["inserted"], res["skipped"], res["unknown_candidates"]) == (1, 1, ["ghost"])
    assert _rows(db_url, "select priority from optimizations order by id") == [(4,), (4,)]


# --- results: NOTIFY and "results since" ---------------------------------------------------------


def test_results_are_notified_per_chunk_and_listed_since(db_url: str) -> None:
    seed_pairs(db_url, 25, pairs=25)
    # One candidate without a resume: its item fails at once (bad input), a final outcome too.
    with psycopg.connect(db_url) as conn:
        conn.execute("update candidates set resume_text = '' where external_id = 'c7'")
        bad = one(
            db_url,
            "select o.id from optimizations o join candidates c on c.id = o.candidate_id where c.external_id = 'c7'",
        )
        before = conn.execute("select now() - interval '1 second'").fetchone()[0]  # type: ignore[index]
    listener = _listen(db_url, platform.RESULTS_CHANNEL)
    settings = load_settings(overrides={"run": {"engine": "null", "chunk_size": 10}})
    report = commands.execute_run(settings, quiet=True, install_signals=False)
    assert (report["succeeded"], report["failed"]) == (24, 1)

    payloads = _until_marker(listener, db_url, platform.RESULTS_CHANNEL)
    listener.close()
    assert len(payloads) == 3  # chunks of 10, 10 and 5: one notification each
    seen = [item for p in payloads for item in json.loads(p)]
    expected = dict(_rows(db_url, "select id, status from optimizations"))
    assert {x["id"]: x["status"] for x in seen} == expected
    assert len(seen) == 25 and expected[bad] == "failed"

    with psycopg.connect(db_url) as conn:
        since = conn.execute("select * from resume_opt_results_since(%s)", (before,)).fetchall()
        assert {r[0] for r in since} == set(expected)
        assert [(r[8], r[0]) for r in since] == sorted((r[8], r[0]) for r in since)  # oldest first
        latest = max(r[8] for r in since)
        assert conn.execute("select count(*) from resume_opt_results_since(%s)", (latest,)).fetchone() == (0,)
        assert len(conn.execute("select * from resume_opt_results_since(%s, 4)", (before,)).fetchall()) == 4
    by_id = {r[0]: r for r in since}
    assert by_id[bad][3] == "failed" and by_id[bad][7]
    ok = next(i for i, s in expected.items() if s == "succeeded")
    assert by_id[ok][1].startswith("c") and by_id[ok][2] == "j1" and by_id[ok][6] is not None


def test_retries_are_not_announced_as_results(db_url: str) -> None:
    seed_pairs(db_url, 1, pairs=1)
    listener = _listen(db_url, platform.RESULTS_CHANNEL)
    (oid,) = _rows(db_url, "select id from optimizations")[0]
    from resume_opt.db import queue

    with psycopg.connect(db_url) as conn:
        queue.claim_chunk(conn, 1, 10)
    with psycopg.connect(db_url) as conn:
        written = queue.write_back(conn, 1, [], [queue.Failure(oid, "transient", "try later", False, 60)], [])
    assert written["retried"] == 1
    assert _until_marker(listener, db_url, platform.RESULTS_CHANNEL) == []
    listener.close()


@pytest.mark.parametrize("n", [0, 1, 400, 3000])
def test_result_payloads_stay_under_the_notify_limit_and_cover_everything(n: int) -> None:
    results = [(10**12 + i, "succeeded" if i % 3 else "failed") for i in range(n)]
    payloads = platform.result_payloads(results)
    assert all(len(p.encode()) < 8000 for p in payloads)
    assert [(x["id"], x["status"]) for p in payloads for x in json.loads(p)] == results
    assert (len(payloads) > 1) == (n >= 400)  # 400 results of ~40 bytes do not fit in one


def _rows(db_url: str, query: str, params: Any = None) -> list[tuple[Any, ...]]:
    with psycopg.connect(db_url) as conn:
        return conn.execute(query, params).fetchall()
