"""Ordered, recorded migrations (the `schema_migrations` table).

Each migration is a name and SQL, applied once, in order, in one transaction under
an advisory lock so that several processes starting together migrate once.
Opening the database migrates it; `resume-opt db migrate|status` shows them.
"""

from __future__ import annotations

from datetime import datetime

import psycopg

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


def _registry() -> list[tuple[str, str]]:
    migrations = [("m001_initial", M001_INITIAL), ("m002_queue_autovacuum", M002_QUEUE_AUTOVACUUM)]
    try:
        from resume_opt.db.ratelimit import MIGRATION_SQL as rate_limit_sql
    except ImportError:
        rate_limit_sql = ""
    if rate_limit_sql:
        migrations.append(("m003_rate_limit", rate_limit_sql))
    migrations.append(("m004_plan_stable_dedup", M004_PLAN_STABLE_DEDUP))
    from resume_opt.db.batches import MIGRATION_SQL as batches_sql

    migrations.append(("m007_batches", batches_sql))
    return migrations


MIGRATIONS = _registry()
_LOCK_KEY = 0x7265_7375_6D65  # "resume": one advisory lock for migrating


def _ensure_table(conn: psycopg.Connection[tuple[object, ...]]) -> None:
    conn.execute(
        "create table if not exists schema_migrations ("
        " name text primary key, applied_at timestamptz not null default now())"
    )


def applied(conn: psycopg.Connection[tuple[object, ...]]) -> dict[str, datetime]:
    """Names of applied migrations with their time."""
    _ensure_table(conn)
    rows = conn.execute("select name, applied_at from schema_migrations").fetchall()
    return {str(name): at for name, at in rows}  # type: ignore[misc]


def status(conn: psycopg.Connection[tuple[object, ...]]) -> list[tuple[str, datetime | None]]:
    """Every known migration in order, with its applied time or None when pending."""
    done = applied(conn)
    return [(name, done.get(name)) for name, _ in MIGRATIONS]


def migrate(conn: psycopg.Connection[tuple[object, ...]]) -> list[str]:
    """Apply pending migrations in order; return the names applied now."""
    if len(applied(conn)) >= len(MIGRATIONS) and all(n in applied(conn) for n, _ in MIGRATIONS):
        conn.commit()
        return []
    conn.commit()
    done_now: list[str] = []
    with conn.transaction():
        conn.execute("select pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        done = applied(conn)
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            conn.execute(sql.encode())
            conn.execute("insert into schema_migrations (name) values (%s)", (name,))
            done_now.append(name)
    return done_now


def schema_version(conn: psycopg.Connection[tuple[object, ...]]) -> tuple[int, int]:
    """(applied, known) migration counts, for doctor and stats."""
    done = applied(conn)
    return sum(1 for n, _ in MIGRATIONS if n in done), len(MIGRATIONS)
