"""The platform's side of the queue: enqueue from the app's own transaction, hear about new work
and finished results, and ask for results since a point in time.

The contract for the platform's app is these SQL functions and channels, not our tables:

- `resume_opt_enqueue(candidate_external_id, job_external_id, priority default 0)` -> one row
  `(status, optimization_id)`; `resume_opt_enqueue_pairs(candidate_external_ids[], job_external_ids[],
  priority default 0, max_attempts default 3)` -> one row per distinct pair. `status` is `queued`,
  `skipped` (already pending or running: its id is returned, and its priority raised to the one
  asked for if that is higher), `unknown_candidate` or `unknown_job` (nothing queued, no error, so
  the caller's transaction is not aborted). Both run in the caller's transaction: a rollback
  queues nothing.
- `resume_opt_results_since(since timestamptz, max_rows default 1000)` -> finished optimizations
  (succeeded or failed) with `finished_at > since`, oldest first.
- NOTIFY `resume_opt_enqueued` (empty payload) when a statement inserts optimizations, by any path;
  `run --follow` listens on it.
- NOTIFY `resume_opt_results`: a JSON array of `{"id": optimization id, "status": "succeeded" |
  "failed"}` for each chunk written back, in the write-back's transaction (split below 8000 bytes).

A pair already succeeded with the same inputs is queued again and served by dedup at run time
(cache or database), as with `resume-opt enqueue`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql

Conn = psycopg.Connection[Any]

ENQUEUED_CHANNEL = "resume_opt_enqueued"
RESULTS_CHANNEL = "resume_opt_results"
# PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; stay clear of it.
MAX_PAYLOAD_BYTES = 7900
FINAL_STATUSES = ("succeeded", "failed")
ENQUEUE_STATUSES = ("queued", "skipped", "unknown_candidate", "unknown_job")

# `set search_path from current` pins the schema the functions were created in, so an app that
# calls them schema-qualified finds our tables whatever its own search_path. PL/pgSQL, not SQL:
# it keeps its plans for the session, where a SQL function with SET is planned on every call
# (2 ms of a 3 ms call, measured).
MIGRATION_SQL = """
create function resume_opt_enqueue_pairs(
    candidate_external_ids text[], job_external_ids text[], priority integer default 0,
    max_attempts integer default 3
) returns table (candidate_external_id text, job_external_id text, status text, optimization_id bigint)
language plpgsql volatile set search_path from current as $$
#variable_conflict use_column
begin
    return query
    with wanted as (
        select distinct on (p.cand, p.job) p.cand, p.job, p.ord, c.id as cid, j.id as jid
          from unnest($1, $2) with ordinality as p(cand, job, ord)
          left join candidates c on c.external_id = p.cand
          left join jobs j on j.external_id = p.job
         where p.cand is not null and p.job is not null
         order by p.cand, p.job, p.ord
    ), inserted as (
        -- The partial unique index keeps one pending-or-running row per pair: a pair already
        -- queued is skipped (DO NOTHING), exactly as `resume-opt enqueue` does.
        insert into optimizations (candidate_id, job_id, priority, max_attempts)
        select cid, jid, coalesce($3, 0), coalesce($4, 3) from wanted
         where cid is not null and jid is not null
         order by ord
        on conflict (candidate_id, job_id) where status in ('pending', 'running') do nothing
        returning id, candidate_id, job_id
    ), raised as (
        -- An urgent request for a pair the nightly enqueue already queued must not wait behind
        -- the night: raise a pending row's priority (running rows are left alone). A
        -- data-modifying CTE runs whether or not the query reads it.
        update optimizations o set priority = $3
          from wanted w
         where o.candidate_id = w.cid and o.job_id = w.jid and o.status = 'pending' and o.priority < $3
        returning o.id
    )
    select w.cand, w.job,
           case when w.cid is null then 'unknown_candidate'
                when w.jid is null then 'unknown_job'
                when i.id is not null then 'queued'
                else 'skipped' end,
           coalesce(i.id, (select o.id from optimizations o
                            where o.candidate_id = w.cid and o.job_id = w.jid
                              and o.status in ('pending', 'running')
                            order by o.id desc limit 1))
      from wanted w
      left join inserted i on i.candidate_id = w.cid and i.job_id = w.jid
     order by w.ord;
end
$$;

create function resume_opt_enqueue(
    candidate_external_id text, job_external_id text, priority integer default 0
) returns table (status text, optimization_id bigint)
language plpgsql volatile set search_path from current as $$
#variable_conflict use_column
begin
    return query select e.status, e.optimization_id from resume_opt_enqueue_pairs(array[$1], array[$2], $3) e;
end
$$;

create function resume_opt_results_since(since timestamptz, max_rows integer default 1000)
returns table (optimization_id bigint, candidate_external_id text, job_external_id text, status text,
               score_before real, score_after real, result jsonb, error text, finished_at timestamptz)
language sql stable set search_path from current as $$
    select o.id, c.external_id, j.external_id, o.status, o.score_before, o.score_after, o.result,
           o.error, o.finished_at
      from optimizations o
      join candidates c on c.id = o.candidate_id
      join jobs j on j.id = o.job_id
     where o.finished_at > $1 and o.status in ('succeeded', 'failed')
     order by o.finished_at, o.id
     limit $2
$$;

-- One wake-up per statement that queued something, whoever ran it (CLI, API, function, plain
-- insert); delivered at commit, never for a rolled-back transaction.
create function resume_opt_notify_enqueued() returns trigger
language plpgsql as $$
begin
    if exists (select 1 from resume_opt_new_rows) then
        perform pg_notify('resume_opt_enqueued', '');
    end if;
    return null;
end
$$;

create trigger optimizations_enqueued_notify
    after insert on optimizations
    referencing new table as resume_opt_new_rows
    for each statement execute function resume_opt_notify_enqueued();
"""

ENQUEUE_PAIRS = """
select candidate_external_id, job_external_id, status, optimization_id
  from resume_opt_enqueue_pairs(%(cands)s::text[], %(jobs)s::text[], %(priority)s, %(max_attempts)s)
"""

# Seconds until the earliest pending row may be claimed (<= 0: now); null when none is pending.
NEXT_CLAIMABLE_IN = """
select extract(epoch from min(run_after) - now())::float8 from optimizations where status = 'pending'
"""

NOTIFY_RESULTS = "select pg_notify(%(channel)s, p) from unnest(%(payloads)s::text[]) as p"


@dataclass(frozen=True)
class PairOutcome:
    """What one enqueue request did: `status` is one of ENQUEUE_STATUSES."""

    candidate_id: str
    job_id: str
    status: str
    optimization_id: int | None


def enqueue_pairs(
    conn: Conn, pairs: Sequence[tuple[str, str]], priority: int = 0, max_attempts: int = 3
) -> list[PairOutcome]:
    """Queue (candidate, job) pairs by external id in the caller's transaction; one outcome per distinct pair."""
    if not pairs:
        return []
    rows = conn.execute(
        ENQUEUE_PAIRS,
        {
            "cands": [c for c, _ in pairs],
            "jobs": [j for _, j in pairs],
            "priority": priority,
            "max_attempts": max_attempts,
        },
    ).fetchall()
    return [PairOutcome(str(c), str(j), str(s), int(i) if i is not None else None) for c, j, s, i in rows]


def next_claimable_in(conn: Conn) -> float | None:
    """Seconds until pending work may be claimed (<= 0 means now), or None when nothing is pending."""
    row = conn.execute(NEXT_CLAIMABLE_IN).fetchone()
    return None if row is None or row[0] is None else float(row[0])


def result_payloads(results: Sequence[tuple[int, str]], limit: int = MAX_PAYLOAD_BYTES) -> list[str]:
    """JSON arrays of {"id", "status"}, each under `limit` bytes, covering `results` in order."""
    payloads: list[str] = []
    parts: list[str] = []
    size = 2  # the brackets
    for oid, status in results:
        part = json.dumps({"id": oid, "status": status}, separators=(",", ":"))
        extra = len(part) + (1 if parts else 0)
        if parts and size + extra > limit:
            payloads.append("[" + ",".join(parts) + "]")
            parts, size, extra = [], 2, len(part)
        parts.append(part)
        size += extra
    if parts:
        payloads.append("[" + ",".join(parts) + "]")
    return payloads


def notify_results(conn: Conn, results: Sequence[tuple[int, str]]) -> None:
    """NOTIFY RESULTS_CHANNEL with a chunk's final outcomes, in the caller's (write-back) transaction."""
    if results:
        conn.execute(NOTIFY_RESULTS, {"channel": RESULTS_CHANNEL, "payloads": result_payloads(results)})


async def enqueue_pairs_async(
    conn: psycopg.AsyncConnection[Any], pairs: Sequence[tuple[str, str]], priority: int = 0, max_attempts: int = 3
) -> list[PairOutcome]:
    """`enqueue_pairs` on an AsyncConnection (same statement, the caller's transaction)."""
    if not pairs:
        return []
    cur = await conn.execute(
        ENQUEUE_PAIRS,
        {
            "cands": [c for c, _ in pairs],
            "jobs": [j for _, j in pairs],
            "priority": priority,
            "max_attempts": max_attempts,
        },
    )
    rows = await cur.fetchall()
    return [PairOutcome(str(c), str(j), str(s), int(i) if i is not None else None) for c, j, s, i in rows]


class Listener:
    """A dedicated autocommit connection LISTENing on one channel (LISTEN needs a session)."""

    def __init__(self, dsn: str, channel: str, connect_timeout_s: float) -> None:
        self.dsn, self.channel = dsn, channel
        try:
            # The one session-scoped connection of the package: outside the pool, made only when
            # no transaction pooler is in front (or follow_listen: on), never used for anything else.
            self.conn = psycopg.connect(
                dsn, autocommit=True, connect_timeout=max(1, int(connect_timeout_s)), prepare_threshold=None
            )
            self.conn.execute(sql.SQL("listen {}").format(sql.Identifier(channel)))
        except psycopg.Error as exc:
            from resume_opt.db.connect import connection_error  # not at the top: the app's API stays light

            raise connection_error(dsn, exc) from None

    def fileno(self) -> int:
        return self.conn.fileno()

    def drain(self) -> int:
        """Consume the notifications already received; how many there were."""
        return sum(1 for _ in self.conn.notifies(timeout=0))

    def close(self) -> None:
        self.conn.close()
