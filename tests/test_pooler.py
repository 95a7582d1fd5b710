"""Through a real PgBouncer (tests/pgbouncer.py), transaction and session mode: the everyday
commands, migrations from two processes at once, pooler detection, and the regression
behind issue 14 (psycopg's server-side prepared statements behind a transaction pooler).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from resume_opt.config import load_settings
from resume_opt.db import migrations
from resume_opt.db.connect import Database
from tests import pgbouncer
from tests.conftest import DATA, ROOT, run_cli
from tests.faultkit import RunProc, wait_until
from tests.pgbouncer import PooledSchema, pooled_schema
from tests.test_migrations import waiting_on_my_lock

SAMPLE = ROOT / "resume_opt" / "data" / "sample"
PACKAGE = ROOT / "resume_opt"


@pytest.fixture(params=["transaction", "session"])
def pooled(request: pytest.FixtureRequest, server_dsn: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[PooledSchema]:
    """A private schema behind a PgBouncer in each pool mode; DATABASE_URL goes through it."""
    pgbouncer.require()
    with pooled_schema(server_dsn, mode=request.param) as p:
        monkeypatch.setenv("DATABASE_URL", p.url)
        yield p


def direct_rows(p: PooledSchema, query: str, params: Any = None) -> list[tuple[Any, ...]]:
    with psycopg.connect(p.direct) as conn:
        return conn.execute(query, params).fetchall()


# --- the bug of issue 14, pinned down ------------------------------------------------------


def test_two_clients_on_one_server_connection_collide_only_with_prepared_statements(server_dsn: str) -> None:
    """With one server connection behind a transaction pooler, two clients' `_pg3_0` meet.

    psycopg prepares a statement server-side once it has run `prepare_threshold` times,
    naming it `_pg3_<n>` per client connection; the pooler hands both clients the same
    server connection. `database.pooler: none` (prepared statements on) reproduces the
    reported DuplicatePreparedStatement; the default (auto: detected) never prepares."""
    pgbouncer.require()
    with pooled_schema(server_dsn, mode="transaction", pool_size=1) as p:

        def alternate(mode: str) -> None:
            settings = load_settings(overrides={"database": {"pooler": mode}})
            # One client connection each: every execution counts toward the same prepare threshold.
            a = Database(p.url, settings, min_size=1, max_size=1)
            b = Database(p.url, settings, min_size=1, max_size=1)
            try:
                for i in range(8):
                    with a.connection() as conn:
                        assert conn.execute("select %s::int + 1", (i,)).fetchone() == (i + 1,)
                    with b.connection() as conn:
                        assert conn.execute("select %s::text || 'x'", (str(i),)).fetchone() == (f"{i}x",)
            finally:
                a.close()
                b.close()

        with pytest.raises(psycopg.errors.DuplicatePreparedStatement):
            alternate("none")
        alternate("auto")
        alternate("transaction")


def test_the_pooler_is_detected_and_configurable(server_dsn: str) -> None:
    pgbouncer.require()
    with pooled_schema(server_dsn, mode="transaction", unix_socket=True) as p:
        through = Database(p.url, load_settings())
        direct = Database(p.direct, load_settings())
        configured = Database(p.url, load_settings(overrides={"database": {"pooler": "session"}}))
        by_socket = Database(p.bouncer.socket_dsn, load_settings())
        by_socket.close()
        assert by_socket.pooler == "transaction"  # PgBouncer's own Unix socket is not the server's
        try:
            assert (through.pooler, through.detected) == ("transaction", True)
            assert direct.pooler == "none" and direct.detected
            assert (configured.pooler, configured.detected) == ("session", False)
            for db, threshold in ((through, None), (direct, 5), (configured, None)):
                with db.connection() as conn:
                    assert conn.prepare_threshold == threshold
        finally:
            for db in (through, direct, configured):
                db.close()


def test_the_package_keeps_no_session_state_between_transactions() -> None:
    """No session advisory locks, LISTEN, temporary tables, session SETs or SQL PREPARE anywhere
    in the package; every connection it makes sets prepare_threshold.

    NOTIFY (pg_notify) is delivered at commit and keeps nothing in the session: allowed. A
    function's own `set search_path from current` is scoped to the function: allowed. LISTEN is
    allowed in db/platform.py alone (the Listener of `run --follow`), on its dedicated connection
    outside the pool, which it opens only when no transaction pooler is in front."""
    forbidden = re.compile(
        r"pg_(try_)?advisory_lock|([\"']|^)\s*(listen|unlisten)\s+\w|"
        r"create\s+(temp|temporary)\s+table|"
        r"\bset\s+(session\s+)?(search_path|role|statement_timeout|lock_timeout)\b(?!\s+from\s+current)|"
        r"\bprepare\s+\w+\s+as\b",
        re.I | re.M,
    )
    listen_allowed = PACKAGE / "db" / "platform.py"
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text()
        for m in forbidden.finditer(text):
            if path == listen_allowed and re.search(r"listen", m.group(0), re.I):
                continue
            line = text[: m.start()].count("\n") + 1
            pytest.fail(f"{path.relative_to(ROOT)}:{line}: session state behind a pooler: {m.group(0)!r}")
        for call in re.finditer(r"psycopg\.connect\(|ConnectionPool\(", text):
            args = text[call.end() : call.end() + 400]
            assert "prepare_threshold" in args, f"{path.relative_to(ROOT)}: {call.group(0)} without prepare_threshold"


def test_a_search_path_in_the_dsn_behind_pgbouncer_fails_with_a_clear_line(pooled: PooledSchema) -> None:
    url = pooled.url + "?options=-csearch_path%3Dpublic"
    proc = run_cli("stats", env={"DATABASE_URL": url})
    assert proc.returncode == 3
    assert proc.stderr.strip().endswith("(set it on the role instead)") and proc.stderr.count("\n") == 1, proc.stderr


# --- the everyday commands through PgBouncer ----------------------------------------------


def test_import_enqueue_run_stats_export_purge(pooled: PooledSchema, tmp_path: Path) -> None:
    run_cli("import", "candidates", str(SAMPLE / "candidates.jsonl"), check=True)
    run_cli("import", "jobs", str(SAMPLE / "jobs.jsonl"), check=True)
    # Re-importing updates by id: the upsert path, many statements on the pooled connections.
    out = run_cli("import", "candidates", str(SAMPLE / "candidates.jsonl"), check=True).stdout
    assert "0 new, 29 updated" in out
    out = run_cli("enqueue", "--pairs", str(DATA / "pairs.csv"), check=True).stdout
    assert out.startswith("queued 6,")
    out = run_cli("enqueue", "--job", "job-002", "--all-candidates", check=True).stdout
    queued = int(out.split()[1].rstrip(","))
    proc = run_cli("-q", "run", "--json", "--engine", "local", "--chunk-size", "5", "--workers", "3", check=True)
    report = json.loads(proc.stdout)
    assert report["succeeded"] == 6 + queued and report["failed"] == 0 and report["exit_code"] == 0
    data = json.loads(run_cli("stats", "--json", check=True).stdout)
    assert data["queue"]["succeeded"] == 6 + queued and data["queue"]["pending"] == 0
    assert data["runs"][0]["run_id"] == report["run_id"]
    out_file = tmp_path / "out.jsonl"
    run_cli("export", "--status", "succeeded", "-o", str(out_file), check=True)
    assert len(out_file.read_text().splitlines()) == 6 + queued
    before = direct_rows(
        pooled,
        "select count(*) from optimizations o join candidates c on c.id = o.candidate_id "
        "where c.external_id = 'cand-001'",
    )[0][0]
    out = run_cli("purge", "--candidate", "cand-001", check=True).stdout
    assert out.startswith(f"purged candidate cand-001: {before} optimizations")
    assert direct_rows(pooled, "select count(*) from candidates where external_id = 'cand-001'") == [(0,)]
    status = run_cli("db", "status", check=True).stdout
    assert "(pooler: transaction (detected))" in status.splitlines()[0]
    assert "pending" not in status


def test_two_processes_migrate_one_blank_schema_through_the_pooler(pooled: PooledSchema, tmp_path: Path) -> None:
    holder = psycopg.connect(pooled.direct)
    holder.execute(migrations.LOCK_SQL)
    procs = [RunProc(tmp_path, {}, command=("db", "migrate"), quiet=False, name=f"m{i}") for i in range(2)]
    try:
        wait_until(lambda: waiting_on_my_lock(holder) >= 2, "both migrating processes to wait on the migration lock")
    finally:
        holder.rollback()
        holder.close()
    for p in procs:
        assert p.wait() == 0, p.stderr
    outs = [p.stdout for p in procs]
    names = [m.name for m in migrations.MIGRATIONS]
    assert sum(f"applied {len(names)} migrations" in o for o in outs) == 1, outs
    assert [r[0] for r in direct_rows(pooled, "select name from schema_migrations order by name")] == names
