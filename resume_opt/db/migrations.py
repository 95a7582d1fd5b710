"""Ordered, recorded migrations (the `schema_migrations` table).

`MIGRATIONS` is an explicit, ordered list: each entry a name (`mNNN_what`) and its
SQL, numbered without gaps; a module that holds a migration's SQL is imported at
the top, so a missing one fails at import instead of quietly skipping a step.

Migrations are applied once, in order, in one transaction that first takes a
transaction-scoped advisory lock (`pg_advisory_xact_lock`): several processes or
hosts upgrading at once migrate once, and nothing outlives the transaction, so it
works through a transaction-mode pooler (PgBouncer). Opening the database checks
the schema: newer than this version knows is an error (exit 2); pending
migrations are applied when `database.auto_migrate` is on, else an error telling
the operator to run `resume-opt db migrate`. `db status` only reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

import psycopg

from resume_opt.db.batches import M009_SQL as M009_SUBMITTED_HASH
from resume_opt.db.batches import MIGRATION_SQL as M008_BATCHES
from resume_opt.db.documents import M005_CANDIDATE_DOCUMENTS
from resume_opt.db.platform import MIGRATION_SQL as M007_PLATFORM_API
from resume_opt.db.ratelimit import MIGRATION_SQL as M003_RATE_LIMIT
from resume_opt.db.usage import MIGRATION_SQL as M006_COMPLETION_LENGTHS
from resume_opt.errors import ConfigError

M001_INITIAL = """
create table candidates (
    id bigserial primary key,
    external_id text not null unique,
    name text not null default '',
    email text not null default '',
    resume_text text not null default '',
    skills text[] not null default '{}',
    status text not null default 'active',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index candidates_status_idx on candidates (status);
create index candidates_skills_idx on candidates using gin (skills);

create table jobs (
    id bigserial primary key,
    external_id text not null unique,
    title text not null default '',
    company text not null default '',
    description text not null default '',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table runs (
    id bigserial primary key,
    started_at timestamptz not null default now(),
    finished_at timestamptz,
    host text not null default '',
    pid integer not null default 0,
    engine text not null default '',
    options jsonb not null default '{}',
    counts jsonb not null default '{}',
    status text not null default 'running'
);
create index runs_started_idx on runs (started_at desc);

create table optimizations (
    id bigserial primary key,
    candidate_id bigint not null references candidates (id) on delete cascade,
    job_id bigint not null references jobs (id) on delete cascade,
    status text not null default 'pending'
        check (status in ('pending', 'running', 'succeeded', 'failed', 'cancelled')),
    priority integer not null default 0,
    attempts integer not null default 0,
    max_attempts integer not null default 3,
    run_after timestamptz not null default now(),
    locked_by bigint,
    heartbeat_at timestamptz,
    input_hash text,
    engine text,
    model text,
    prompt_version text,
    result jsonb,
    score_before real,
    score_after real,
    tokens_in integer not null default 0,
    tokens_out integer not null default 0,
    cost_usd numeric(12, 6) not null default 0,
    latency_ms integer,
    error text,
    error_kind text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    finished_at timestamptz,
    run_id bigint
);
create index optimizations_job_idx on optimizations (job_id);
create index optimizations_candidate_idx on optimizations (candidate_id);
create index optimizations_status_idx on optimizations (status);
create index optimizations_created_idx on optimizations (created_at desc);
create index optimizations_job_status_idx on optimizations (job_id, status);
create index optimizations_run_idx on optimizations (run_id);
create index optimizations_claim_idx on optimizations (priority desc, id) where status = 'pending';
create unique index optimizations_active_pair_idx on optimizations (candidate_id, job_id)
    where status in ('pending', 'running');
create index optimizations_hash_idx on optimizations (input_hash) where status = 'succeeded';
create index optimizations_running_idx on optimizations (locked_by) where status = 'running';
create index optimizations_finished_idx on optimizations (finished_at) where finished_at is not null;
"""

# The queue table is updated several times per row per night: vacuum it far more
# eagerly than the defaults (20% dead tuples) and leave room for HOT updates.
M002_QUEUE_AUTOVACUUM = """
alter table optimizations set (
    autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_analyze_scale_factor = 0.02,
    autovacuum_vacuum_cost_limit = 2000,
    fillfactor = 85
);
alter table runs set (autovacuum_vacuum_scale_factor = 0.05);
"""


# The plain index on status let the planner answer the dedup lookup
# (status = 'succeeded' and input_hash = any(...)) by walking every succeeded row
# whenever its statistics said there were few (a fresh table, or any run shorter
# than autoanalyze): 9 ms per chunk at the start of a 50k run, 73 ms at its end.
# Every query that filters on status has a partial index that fits it better
# (claim, running, succeeded-by-hash, active pair); `stats` counts by a scan.
M004_PLAN_STABLE_DEDUP = """
drop index if exists optimizations_status_idx;
"""


class Migration(NamedTuple):
    """One schema step: `name` is `mNNN_what` (its number orders it), `sql` what it runs."""

    name: str
    sql: str


# Append new migrations at the end, numbered next; never reorder or renumber.
MIGRATIONS: list[Migration] = [
    Migration("m001_initial", M001_INITIAL),
    Migration("m002_queue_autovacuum", M002_QUEUE_AUTOVACUUM),
    Migration("m003_rate_limit", M003_RATE_LIMIT),
    Migration("m004_plan_stable_dedup", M004_PLAN_STABLE_DEDUP),
    Migration("m005_candidate_documents", M005_CANDIDATE_DOCUMENTS),
    Migration("m006_completion_lengths", M006_COMPLETION_LENGTHS),
    Migration("m007_platform_api", M007_PLATFORM_API),
    Migration("m008_batches", M008_BATCHES),
    Migration("m009_submitted_hash_index", M009_SUBMITTED_HASH),
]

_NAME = re.compile(r"m(\d{3})_[a-z0-9_]+")


def number(name: str) -> int:
    """The number of a migration name (`m004_x` -> 4); -1 for a name not in that form."""
    m = _NAME.fullmatch(name)
    return int(m.group(1)) if m else -1


def check_registry(migrations: list[Migration]) -> None:
    """Raise RuntimeError unless the names are m001, m002, ... in order, each with SQL."""
    for i, (name, sql) in enumerate(migrations, start=1):
        if number(name) != i:
            raise RuntimeError(f"migration #{i} is named {name!r}: expected m{i:03d}_<what>, in order")
        if not sql.strip():
            raise RuntimeError(f"migration {name} has no SQL")


check_registry(MIGRATIONS)  # a broken registry is a bug: fail at import, loudly

# The key every resume-opt since m001 has migrated under: a host still on an older
# version and one on this version, upgrading together, wait for each other.
LOCK_KEY = 0x7265_7375_6D65  # "resume"
LOCK_SQL = f"select pg_advisory_xact_lock({LOCK_KEY})"

_TABLE_EXISTS = "select to_regclass('schema_migrations') is not null"
_APPLIED = "select name, applied_at from schema_migrations"
_CREATE_TABLE = """
create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())
"""
_RECORD = "insert into schema_migrations (name) values (%s)"


def short(name: str) -> str:
    """`m004_plan_stable_dedup` -> `m004` (how versions are named to operators)."""
    return name.split("_", 1)[0]


@dataclass
class SchemaState:
    """What the database has applied, against what this version knows."""

    applied: dict[str, datetime] = field(default_factory=dict)

    @property
    def pending(self) -> list[str]:
        return [m.name for m in MIGRATIONS if m.name not in self.applied]

    @property
    def unknown(self) -> list[str]:
        """Applied migrations this version does not know (a newer resume-opt made them)."""
        known = {m.name for m in MIGRATIONS}
        return sorted((n for n in self.applied if n not in known), key=lambda n: (number(n), n))

    def newer_error(self) -> ConfigError | None:
        """The one-line error for a schema newer than this version, or None."""
        if not self.unknown:
            return None
        latest = max(self.applied, key=lambda n: (number(n), n))
        return ConfigError(
            f"database schema is at {short(latest)}; this resume-opt knows up to {short(MIGRATIONS[-1].name)}: "
            "upgrade it"
        )


def read_state(conn: psycopg.Connection[Any]) -> SchemaState:
    """The applied migrations; creates nothing (a blank database has applied none)."""
    row = conn.execute(_TABLE_EXISTS).fetchone()
    if not row or not row[0]:
        return SchemaState()
    return SchemaState({str(name): at for name, at in conn.execute(_APPLIED).fetchall()})


def applied(conn: psycopg.Connection[Any]) -> dict[str, datetime]:
    """Names of applied migrations with their time (read only)."""
    return read_state(conn).applied


def status(conn: psycopg.Connection[Any]) -> list[tuple[str, datetime | None]]:
    """Every known migration in order with its applied time (None: pending), then any unknown ones."""
    state = read_state(conn)
    known = [(m.name, state.applied.get(m.name)) for m in MIGRATIONS]
    return known + [(n, state.applied[n]) for n in state.unknown]


def migrate(conn: psycopg.Connection[Any]) -> list[str]:
    """Apply pending migrations in order under the migration lock; return the names applied now.

    Raises ConfigError (exit 2) when the schema is newer than this version knows."""
    state = read_state(conn)
    conn.commit()
    error = state.newer_error()
    if error:
        raise error
    if not state.pending:
        return []
    done_now: list[str] = []
    with conn.transaction():
        conn.execute(LOCK_SQL)
        # Inside the lock: another host may have migrated (or upgraded) while we waited.
        conn.execute(_CREATE_TABLE)
        state = read_state(conn)
        error = state.newer_error()
        if error:
            raise error
        for name, sql in MIGRATIONS:
            if name in state.applied:
                continue
            conn.execute(sql.encode())
            conn.execute(_RECORD, (name,))
            done_now.append(name)
    return done_now


def ensure_schema(conn: psycopg.Connection[Any], auto_migrate: bool) -> list[str]:
    """What every command does on opening the database: refuse a newer schema, then migrate
    (auto_migrate) or refuse a schema with pending migrations. Returns the names applied now."""
    state = read_state(conn)
    conn.commit()
    error = state.newer_error()
    if error:
        raise error
    if not state.pending:
        return []
    if not auto_migrate:
        pending = state.pending
        which = short(pending[0]) if len(pending) == 1 else f"{short(pending[0])}..{short(pending[-1])}"
        raise ConfigError(
            f"the database schema needs migrations {which} and database.auto_migrate is off: "
            "run `resume-opt db migrate`"
        )
    return migrate(conn)


def schema_version(conn: psycopg.Connection[Any]) -> tuple[int, int]:
    """(applied, known) migration counts, for doctor and stats."""
    done = applied(conn)
    return sum(1 for m in MIGRATIONS if m.name in done), len(MIGRATIONS)
