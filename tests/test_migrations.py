"""Migrations: an explicit registry that fails loudly, `db status` that only reads, a schema
newer than this version refused (exit 2), `database.auto_migrate`, and two processes
upgrading one blank schema at once under the transaction-scoped lock.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any

import psycopg
import pytest

from resume_opt.db import migrations
from tests.conftest import ROOT, run_cli
from tests.faultkit import RunProc, wait_until

LATEST = migrations.short(migrations.MIGRATIONS[-1].name)
NAMES = [m.name for m in migrations.MIGRATIONS]


def waiting_on_my_lock(holder: psycopg.Connection[Any]) -> int:
    """Sessions waiting for the advisory lock `holder` holds (this schema's migration lock)."""
    row = holder.execute(
        "select count(*) from pg_locks w join pg_locks h on h.pid = pg_backend_pid() and h.locktype = 'advisory'"
        " and (w.classid, w.objid, w.objsubid) = (h.classid, h.objid, h.objsubid)"
        " where w.locktype = 'advisory' and not w.granted"
    ).fetchone()
    return int(row[0]) if row else 0


def tables(sql: Callable[..., list[tuple[Any, ...]]]) -> set[str]:
    return {r[0] for r in sql("select table_name from information_schema.tables where table_schema = current_schema()")}


# --- the registry (issue 10: an ImportError skipped m003, applied out of order later) ---


def test_registry_is_an_explicit_gapless_ordered_list() -> None:
    assert isinstance(migrations.MIGRATIONS, list)
    assert [migrations.number(n) for n in NAMES] == list(range(1, len(NAMES) + 1))
    assert NAMES[:4] == ["m001_initial", "m002_queue_autovacuum", "m003_rate_limit", "m004_plan_stable_dedup"]
    assert "rate_limit_state" in migrations.MIGRATIONS[2].sql


def test_registry_refuses_a_gap_or_an_empty_step() -> None:
    with pytest.raises(RuntimeError, match="expected m002"):
        migrations.check_registry([migrations.Migration("m001_a", "select 1"), migrations.Migration("m003_b", "x")])
    with pytest.raises(RuntimeError, match="no SQL"):
        migrations.check_registry([migrations.Migration("m001_a", " ")])


def test_a_missing_migration_module_fails_the_import_instead_of_skipping_a_step() -> None:
    # sys.modules[name] = None makes `import name` raise ImportError, as a broken module would.
    code = (
        "import sys; sys.modules['resume_opt.db.ratelimit'] = None\n"
        "from resume_opt.db import migrations\n"
        "print([m.name for m in migrations.MIGRATIONS])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode != 0, f"imported without m003: {proc.stdout}"
    assert "ImportError" in proc.stderr or "ModuleNotFoundError" in proc.stderr


# --- db status reads, db migrate writes (issue 10: db status applied migrations) -----------


def test_db_status_on_a_blank_schema_reports_everything_pending_and_creates_nothing(db_url: str, sql: Any) -> None:
    proc = run_cli("db", "status")
    assert proc.returncode == 0, proc.stderr
    for name in NAMES:
        assert f"{name} " in proc.stdout and "pending" in proc.stdout.split(name, 1)[1].splitlines()[0]
    assert tables(sql) == set()  # not even schema_migrations


def test_db_status_after_migrate_lists_each_applied(db_url: str, sql: Any) -> None:
    proc = run_cli("db", "migrate", check=True)
    assert f"applied {len(NAMES)} migrations" in proc.stdout
    sql("delete from schema_migrations where name = %s", (NAMES[-1],))
    proc = run_cli("db", "status", check=True)
    lines = {line.split()[0]: line for line in proc.stdout.splitlines()[1:]}
    assert "pending" in lines[NAMES[-1]]
    assert all("pending" not in lines[n] for n in NAMES[:-1])
    assert sql("select count(*) from schema_migrations")[0][0] == len(NAMES) - 1  # still: status changed nothing


# --- hosts of mixed versions -------------------------------------------------------------------


def test_a_schema_newer_than_this_version_exits_2_with_one_line(db_url: str, sql: Any) -> None:
    run_cli("db", "migrate", check=True)
    sql("insert into schema_migrations (name) values ('m099_from_the_future')")
    expected = f"resume-opt: database schema is at m099; this resume-opt knows up to {LATEST}: upgrade it\n"
    for args in (("stats",), ("db", "migrate"), ("run", "--engine", "local")):
        proc = run_cli(*args)
        assert proc.returncode == 2, (args, proc.stderr)
        assert proc.stderr.endswith(expected) and proc.stderr.count("\n") <= 2, (args, proc.stderr)
        assert "Traceback" not in proc.stderr
    proc = run_cli("db", "status")  # still lists what it can, then says the same
    assert proc.returncode == 2 and "m099_from_the_future" in proc.stdout and proc.stderr == expected


def test_auto_migrate_off_requires_db_migrate(db_url: str, sql: Any) -> None:
    env = {"RESUME_OPT_DATABASE_AUTO_MIGRATE": "false"}
    proc = run_cli("stats", env=env)
    assert proc.returncode == 2
    assert "database.auto_migrate is off: run `resume-opt db migrate`" in proc.stderr
    assert proc.stderr.count("\n") == 1
    assert tables(sql) == set()
    run_cli("db", "migrate", env=env, check=True)
    assert run_cli("stats", "--json", env=env).returncode == 0


def test_by_default_any_command_migrates_a_blank_schema(db_url: str, sql: Any) -> None:
    proc = run_cli("stats", "--json")
    assert proc.returncode == 0, proc.stderr
    assert [r[0] for r in sql("select name from schema_migrations order by name")] == NAMES


def test_two_processes_upgrading_one_blank_schema_at_once_migrate_once(db_url: str, tmp_path: Any) -> None:
    # Hold the migration lock so both processes queue on it, then let them go together:
    # without the lock (or with `create table if not exists` outside it) they would race.
    holder = psycopg.connect(db_url)
    holder.execute(migrations.LOCK_SQL)
    procs = [RunProc(tmp_path, {}, command=("db", "migrate"), quiet=False, name=f"m{i}") for i in range(2)]
    try:
        wait_until(
            lambda: (
                holder.execute("select count(*) from pg_locks where locktype = 'advisory' and not granted").fetchone()[
                    0
                ]  # type: ignore[index]
                >= 2
            ),
            "both migrating processes to wait on the migration lock",
        )
    finally:
        holder.rollback()
        holder.close()
    for p in procs:
        assert p.wait() == 0, p.stderr
    outs = [p.stdout for p in procs]
    assert sum(f"applied {len(NAMES)} migrations" in o for o in outs) == 1, outs
    assert sum("applied 0 migrations; schema is up to date" in o for o in outs) == 1, outs
    with psycopg.connect(db_url) as conn:
        rows = conn.execute("select name from schema_migrations order by name").fetchall()
    assert [r[0] for r in rows] == NAMES
