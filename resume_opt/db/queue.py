"""The work queue: claim / heartbeat / write back / release, and the runs table.

Every statement that changes a claimed row is guarded by `locked_by = run id` and
`status = 'running'`, so a run that lost its lease (its rows were reclaimed after
its heartbeat went stale) cannot overwrite anyone's work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from resume_opt.db.platform import notify_results

Conn = psycopg.Connection[tuple[Any, ...]]


@dataclass(frozen=True)
class ClaimedItem:
    """One claimed optimization with the texts it needs."""

    id: int
    attempts: int
    max_attempts: int
    resume_text: str
    job_title: str
    job_company: str
    job_description: str


@dataclass(frozen=True)
class Success:
    id: int
    input_hash: str
    engine: str
    model: str
    prompt_version: str
    result: dict[str, Any]
    score_before: float | None
    score_after: float | None
    tokens_in: int
    tokens_out: int
    cost_usd: float
    latency_ms: int | None


@dataclass(frozen=True)
class Failure:
    id: int
    kind: str
    message: str
    # Permanent failures (bad input) are final at once; others back off until max_attempts.
    permanent: bool
    backoff_s: float


# Reaper and heartbeat never wait for a row lock (SKIP LOCKED): a row locked right now
# is being written back by its run, and waiting could deadlock with that write-back,
# which locks the chunk's rows in another order.
REAP_STALE = """
update optimizations o
   set status = case when o.attempts >= o.max_attempts then 'failed' else 'pending' end,
       error = case when o.attempts >= o.max_attempts
                    then 'lease expired: the run processing it stopped responding' else o.error end,
       error_kind = case when o.attempts >= o.max_attempts then 'lease_expired' else o.error_kind end,
       finished_at = case when o.attempts >= o.max_attempts then now() else o.finished_at end,
       locked_by = null, updated_at = now()
  from (select id from optimizations
         where status = 'running' and heartbeat_at < now() - make_interval(secs => %(lease_s)s)
         for update skip locked) stale
 where o.id = stale.id
"""

# Within a priority, one job's pairs go out together: on a model with prompt caching
# they share the cached prefix (system message, job). Index: m006 (priority desc, job_id, id).
CLAIM_CHUNK = """
with claimable as (
    select id from optimizations
     where status = 'pending' and run_after <= now()
     order by priority desc, job_id, id
     limit %(n)s
     for update skip locked
)
update optimizations o
   set status = 'running', attempts = o.attempts + 1, locked_by = %(run_id)s,
       run_id = %(run_id)s, heartbeat_at = now(), updated_at = now()
  from claimable, candidates c, jobs j
 where o.id = claimable.id and c.id = o.candidate_id and j.id = o.job_id
returning o.id, o.attempts, o.max_attempts, c.resume_text, j.title, j.company, j.description
"""

HEARTBEAT = """
update optimizations o set heartbeat_at = now()
  from (select id from optimizations
         where locked_by = %(run_id)s and status = 'running'
         for update skip locked) held
 where o.id = held.id
"""

# One statement per outcome kind, fed by arrays (unnest): a chunk's write-back is
# three round trips whatever its size.
COMPLETE = """
update optimizations o
   set status = 'succeeded', input_hash = v.input_hash, engine = v.engine, model = v.model,
       prompt_version = v.prompt_version, result = v.result, score_before = v.score_before,
       score_after = v.score_after, tokens_in = v.tokens_in, tokens_out = v.tokens_out,
       cost_usd = v.cost_usd, latency_ms = v.latency_ms, error = null, error_kind = null,
       locked_by = null, finished_at = now(), updated_at = now()
  from jsonb_to_recordset(%(rows)s) as v(id bigint, input_hash text, engine text, model text,
       prompt_version text, result jsonb, score_before real, score_after real, tokens_in int,
       tokens_out int, cost_usd numeric, latency_ms int)
 where o.id = v.id and o.locked_by = %(run_id)s and o.status = 'running'
returning o.id
"""

FAIL = """
update optimizations o
   set status = case when v.permanent or o.attempts >= o.max_attempts then 'failed' else 'pending' end,
       finished_at = case when v.permanent or o.attempts >= o.max_attempts then now() end,
       run_after = now() + make_interval(secs => v.backoff_s),
       error = v.message, error_kind = v.kind, locked_by = null, updated_at = now()
  from unnest(%(ids)s::bigint[], %(kinds)s::text[], %(messages)s::text[], %(permanent)s::bool[],
              %(backoff)s::float8[]) as v(id, kind, message, permanent, backoff_s)
 where o.id = v.id and o.locked_by = %(run_id)s and o.status = 'running'
returning o.id, o.status
"""

RELEASE = """
update optimizations
   set status = 'pending', attempts = greatest(attempts - 1, 0), locked_by = null,
       updated_at = now()
 where id = any(%(ids)s) and locked_by = %(run_id)s and status = 'running'
"""

FIND_SUCCEEDED_BY_HASH = """
select distinct on (input_hash) input_hash, result, score_before, score_after
  from optimizations
 where status = 'succeeded' and input_hash = any(%(hashes)s)
 order by input_hash, finished_at desc
"""

START_RUN = """
insert into runs (host, pid, engine, options, status) values (%s, %s, %s, %s, 'running')
returning id, started_at
"""

FINISH_RUN = """
update runs set finished_at = now(), counts = %s, status = %s where id = %s
"""

COUNT_CLAIMABLE = """
select count(*) from optimizations where status = 'pending' and run_after <= now()
"""


def reap_stale(conn: Conn, lease_s: float) -> int:
    """Return rows of dead runs (stale heartbeat) to the queue; rows out of attempts fail."""
    return conn.execute(REAP_STALE, {"lease_s": lease_s}).rowcount


def claim_chunk(conn: Conn, run_id: int, n: int) -> list[ClaimedItem]:
    """Claim up to `n` pending rows for this run, highest priority first (SKIP LOCKED),
    each job's pairs next to each other (they are dispatched in this order)."""
    rows = conn.execute(CLAIM_CHUNK, {"n": n, "run_id": run_id}).fetchall()
    items = [ClaimedItem(*row) for row in rows]
    items.sort(key=lambda it: (it.job_title, it.job_company, it.job_description, it.id))
    return items


def heartbeat(conn: Conn, run_id: int) -> int:
    """Refresh the lease of every row this run holds; return how many it holds."""
    return conn.execute(HEARTBEAT, {"run_id": run_id}).rowcount


def write_back(
    conn: Conn, run_id: int, successes: list[Success], failures: list[Failure], released: list[int]
) -> dict[str, int]:
    """Write a chunk's outcomes in the caller's transaction; counts of rows actually written.

    Final outcomes (succeeded, failed) are announced on `platform.RESULTS_CHANNEL` at commit.

    `lost` counts outcomes whose row this run no longer held (lease lost): not written.
    """
    written = {"succeeded": 0, "failed": 0, "retried": 0, "released": 0, "lost": 0}
    finals: list[tuple[int, str]] = []
    if successes:
        done = _complete(conn, run_id, successes)
        written["succeeded"], written["lost"] = len(done), len(successes) - len(done)
        finals.extend((oid, "succeeded") for oid in done)
    if failures:
        rows = _fail(conn, run_id, failures)
        for oid, status in rows:
            written["failed" if status == "failed" else "retried"] += 1
            if status == "failed":
                finals.append((oid, "failed"))
        written["lost"] += len(failures) - len(rows)
    if released:
        written["released"] = conn.execute(RELEASE, {"run_id": run_id, "ids": released}).rowcount
    # The app hears about final outcomes (channel resume_opt_results) when this transaction commits.
    notify_results(conn, finals)
    return written


def _complete(conn: Conn, run_id: int, successes: list[Success]) -> list[int]:
    """Mark the successes done where this run still holds them; the ids written."""
    # One jsonb document for the chunk: one json.dumps, instead of psycopg quoting
    # and escaping a jsonb[] array element by element (3 ms of CPU per 100 rows).
    docs = [
        {
            "id": x.id,
            "input_hash": x.input_hash,
            "engine": x.engine,
            "model": x.model,
            "prompt_version": x.prompt_version,
            "result": x.result,
            "score_before": x.score_before,
            "score_after": x.score_after,
            "tokens_in": x.tokens_in,
            "tokens_out": x.tokens_out,
            "cost_usd": x.cost_usd,
            "latency_ms": x.latency_ms,
        }
        for x in successes
    ]
    return [int(oid) for (oid,) in conn.execute(COMPLETE, {"run_id": run_id, "rows": Jsonb(docs)}).fetchall()]


def _fail(conn: Conn, run_id: int, failures: list[Failure]) -> list[tuple[int, str]]:
    """Back off or fail the failures where this run still holds them; (id, new status) of each."""
    params = {
        "run_id": run_id,
        "ids": [x.id for x in failures],
        "kinds": [x.kind for x in failures],
        "messages": [x.message[:2000] for x in failures],
        "permanent": [x.permanent for x in failures],
        "backoff": [x.backoff_s for x in failures],
    }
    return [(int(oid), str(status)) for oid, status in conn.execute(FAIL, params).fetchall()]


def find_succeeded_by_hash(conn: Conn, hashes: list[str]) -> dict[str, dict[str, Any]]:
    """Results of earlier successes with the same input_hash (shared by every host)."""
    if not hashes:
        return {}
    rows = conn.execute(FIND_SUCCEEDED_BY_HASH, {"hashes": hashes}).fetchall()
    return {h: {"result": r, "score_before": b, "score_after": a} for h, r, b, a in rows}


def count_claimable(conn: Conn) -> int:
    row = conn.execute(COUNT_CLAIMABLE).fetchone()
    return int(row[0]) if row else 0


def start_run(conn: Conn, host: str, pid: int, engine: str, options: dict[str, Any]) -> tuple[int, Any]:
    """Record a new run; return (id, started_at)."""
    row = conn.execute(START_RUN, (host, pid, engine, Jsonb(options))).fetchone()
    assert row is not None
    return int(row[0]), row[1]


def finish_run(conn: Conn, run_id: int, counts: dict[str, Any], status: str) -> None:
    """Store the run's report and final status."""
    conn.execute(FINISH_RUN, (Jsonb(counts), status, run_id))
