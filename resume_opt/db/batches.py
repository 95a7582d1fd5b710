"""All SQL of batch mode: the `batches` table and the `submitted` items it holds.

A batch row is written *before* its file is uploaded and each step after it
(uploaded, created, collecting, collected) is recorded as it happens, so a run
killed anywhere leaves a row the next run can reconcile. Items move
`running -> submitted` (held by the batch, `locked_by` cleared) in the same
transaction that writes the row; collection takes them `submitted -> running`
(locked by the collecting run) and writes them back (`queue.write_back`, guarded by
`locked_by`) in one transaction, so each row is taken by exactly one run, written
once, and never left held by a run that died.
A run's hold on a batch row (preparing, uploading, collecting) is a lease:
`locked_by` + `heartbeat_at`, taken back by another run once stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg

from resume_opt.db.queue import ClaimedItem

Conn = psycopg.Connection[tuple[Any, ...]]

# Our steps before the provider knows the batch, then the provider's statuses, then ours again.
LOCAL_STATUSES = ("preparing", "uploaded")
PROVIDER_LIVE = ("validating", "in_progress", "finalizing", "cancelling")
PROVIDER_TERMINAL = ("completed", "failed", "expired", "cancelled")
DONE_STATUSES = ("collected", "abandoned")
LIVE_STATUSES = LOCAL_STATUSES + PROVIDER_LIVE + PROVIDER_TERMINAL + ("collecting",)
ALL_STATUSES = LIVE_STATUSES + DONE_STATUSES

_STATUS_LIST = ", ".join(f"'{s}'" for s in ALL_STATUSES)

MIGRATION_SQL = f"""
create table batches (
    id bigserial primary key,
    token text not null unique,
    provider_batch_id text unique,
    status text not null default 'preparing' check (status in ({_STATUS_LIST})),
    input_file_id text,
    output_file_id text,
    error_file_id text,
    lines integer not null default 0,
    items integer not null default 0,
    completed integer not null default 0,
    failed integer not null default 0,
    model text not null default '',
    completion_window text not null default '24h',
    error text,
    cost_usd numeric(12, 6) not null default 0,
    online_cost_usd numeric(12, 6) not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    expires_at timestamptz,
    collected_at timestamptz,
    run_id bigint,
    locked_by bigint,
    heartbeat_at timestamptz
);
create index batches_live_idx on batches (id) where status not in ('collected', 'abandoned');

alter table optimizations drop constraint if exists optimizations_status_check;
alter table optimizations add constraint optimizations_status_check
    check (status in ('pending', 'running', 'submitted', 'succeeded', 'failed', 'cancelled'));
alter table optimizations add column batch_id bigint references batches (id) on delete set null;
create index optimizations_batch_idx on optimizations (batch_id, input_hash) where status = 'submitted';

-- A submitted pair is as active as a pending or running one: enqueue must not add it again.
drop index if exists optimizations_active_pair_idx;
create unique index optimizations_active_pair_idx on optimizations (candidate_id, job_id)
    where status in ('pending', 'running', 'submitted');
"""


# A submitting run asks the database which of a chunk's inputs its earlier batches already
# carry (instead of keeping every input_hash of the night in memory: ~17 MB per 100,000 pairs).
M009_SQL = """
create index optimizations_submitted_hash_idx on optimizations (input_hash) where status = 'submitted';
"""

# Of these inputs, the ones an earlier batch of this run carries, with that batch.
CARRIED = """
select distinct on (o.input_hash) o.input_hash, o.batch_id
  from optimizations o
 where o.status = 'submitted' and o.input_hash = any(%(hashes)s) and o.batch_id = any(%(batch_ids)s)
 order by o.input_hash, o.batch_id
"""


@dataclass(frozen=True)
class BatchRow:
    """One row of `batches`."""

    id: int
    token: str
    provider_batch_id: str | None
    status: str
    input_file_id: str | None
    output_file_id: str | None
    error_file_id: str | None
    lines: int
    items: int
    completed: int
    failed: int
    model: str
    error: str | None
    created_at: datetime
    expires_at: datetime | None
    collected_at: datetime | None
    run_id: int | None
    locked_by: int | None


_COLUMNS = (
    "id, token, provider_batch_id, status, input_file_id, output_file_id, error_file_id, lines, items, "
    "completed, failed, model, error, created_at, expires_at, collected_at, run_id, locked_by"
)

CREATE = f"""
insert into batches (token, model, completion_window, run_id, locked_by, heartbeat_at)
values (%(token)s, %(model)s, %(window)s, %(run_id)s, %(run_id)s, now())
returning {_COLUMNS}
"""

# Items leave the run for the batch: `running` (ours) -> `submitted`, lease cleared.
HOLD_ITEMS = """
update optimizations o
   set status = 'submitted', batch_id = v.batch_id, input_hash = v.input_hash, locked_by = null,
       engine = %(engine)s, model = %(model)s, prompt_version = %(prompt_version)s, updated_at = now()
  from unnest(%(ids)s::bigint[], %(batch_ids)s::bigint[], %(hashes)s::text[]) as v(id, batch_id, input_hash)
 where o.id = v.id and o.locked_by = %(run_id)s and o.status = 'running'
"""

# Earlier batches of this run that can still take a duplicate item: not yet being collected.
# `for share` waits for (and blocks) a collector's claim of the same row.
OPEN_FOR_ATTACH = """
select id from batches
 where id = any(%(ids)s) and status in ('preparing', 'uploaded', 'validating', 'in_progress', 'finalizing',
                                        'completed', 'failed', 'expired', 'cancelled', 'cancelling')
   and collected_at is null
 for share
"""

SET_COUNTS = "update batches set lines = %(lines)s, items = items + %(items)s, updated_at = now() where id = %(id)s"

ADD_ITEMS = "update batches set items = items + %(n)s, updated_at = now() where id = any(%(ids)s)"

UPLOADED = """
update batches set status = 'uploaded', input_file_id = %(file_id)s, heartbeat_at = now(), updated_at = now()
 where id = %(id)s and status = 'preparing'
"""

CREATED = """
update batches
   set provider_batch_id = %(pid)s, status = %(status)s, input_file_id = coalesce(%(file_id)s, input_file_id),
       expires_at = %(expires_at)s, locked_by = null, heartbeat_at = null, updated_at = now()
 where id = %(id)s and status in ('preparing', 'uploaded')
"""

REFRESH = """
update batches
   set status = %(status)s, output_file_id = %(output)s, error_file_id = %(error_file)s,
       completed = %(completed)s, failed = %(failed)s, expires_at = coalesce(%(expires_at)s, expires_at),
       error = coalesce(%(error)s, error), updated_at = now()
 where id = %(id)s and status in ('validating', 'in_progress', 'finalizing', 'cancelling',
                                  'completed', 'failed', 'expired', 'cancelled')
"""

LIVE = f"select {_COLUMNS} from batches where status not in ('collected', 'abandoned') order by id"

GET = f"select {_COLUMNS} from batches where id = %(id)s"

LIST_RECENT = f"select {_COLUMNS} from batches order by id desc limit %(n)s"

TOKENS_OF = "select token, id, status from batches where token = any(%(tokens)s)"

# One collector per batch: a terminal batch, or one whose collector's lease went stale.
CLAIM_COLLECT = f"""
update batches set status = 'collecting', locked_by = %(run_id)s, heartbeat_at = now(), updated_at = now()
 where id = %(id)s
   and (status in ('completed', 'failed', 'expired', 'cancelled')
        or (status = 'collecting' and (heartbeat_at is null
            or heartbeat_at < now() - make_interval(secs => %(lease_s)s))))
returning {_COLUMNS}
"""

CLAIM_STALE_LOCAL = f"""
update batches set locked_by = %(run_id)s, heartbeat_at = now(), updated_at = now()
 where id = %(id)s and status in ('preparing', 'uploaded')
   and (locked_by is distinct from %(run_id)s)
   and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => %(lease_s)s))
returning {_COLUMNS}
"""

ADOPT = """
update batches
   set provider_batch_id = %(pid)s, status = %(status)s, input_file_id = coalesce(%(file_id)s, input_file_id),
       expires_at = %(expires_at)s, locked_by = null, heartbeat_at = null, updated_at = now()
 where id = %(id)s and status in ('preparing', 'uploaded') and locked_by = %(run_id)s
"""

ABANDON = """
update batches set status = 'abandoned', error = %(error)s, locked_by = null, updated_at = now()
 where id = %(id)s and status in ('preparing', 'uploaded') and locked_by = %(run_id)s
"""

HEARTBEAT = "update batches set heartbeat_at = now() where locked_by = %(run_id)s and status <> 'collected'"

# Taking items of a batch being collected: one run takes each row (status changes from 'submitted').
TAKE_ITEMS = """
update optimizations o
   set status = 'running', locked_by = %(run_id)s, run_id = %(run_id)s, heartbeat_at = now(), updated_at = now()
  from candidates c, jobs j
 where o.batch_id = %(batch_id)s and o.status = 'submitted' and o.input_hash = any(%(hashes)s)
   and c.id = o.candidate_id and j.id = o.job_id
returning o.id, o.attempts, o.max_attempts, c.resume_text, j.title, j.company, j.description, o.input_hash
"""

TAKE_REST = """
update optimizations o
   set status = 'running', locked_by = %(run_id)s, run_id = %(run_id)s, heartbeat_at = now(), updated_at = now()
  from candidates c, jobs j
 where o.batch_id = %(batch_id)s and o.status = 'submitted'
   and c.id = o.candidate_id and j.id = o.job_id
returning o.id, o.attempts, o.max_attempts, c.resume_text, j.title, j.company, j.description, o.input_hash
"""

READ_ITEMS = """
select o.id, o.attempts, o.max_attempts, c.resume_text, j.title, j.company, j.description, o.input_hash
  from optimizations o join candidates c on c.id = o.candidate_id join jobs j on j.id = o.job_id
 where o.batch_id = %(batch_id)s and o.status = 'submitted' and o.input_hash = any(%(hashes)s)
"""

HASHES_OF = "select distinct input_hash from optimizations where batch_id = %(batch_id)s"

# Items back to the queue without charging the attempt their submission claimed.
RETURN_UNCHARGED = """
update optimizations
   set status = 'pending', attempts = greatest(attempts - 1, 0), locked_by = null, updated_at = now(),
       error = coalesce(%(error)s, error)
 where batch_id = %(batch_id)s and status = 'submitted'
"""

# Items held by a batch that no longer holds anything (a safety net; none should exist).
ORPHANED_ITEMS = """
update optimizations o
   set status = 'pending', attempts = greatest(o.attempts - 1, 0), updated_at = now()
  from batches b
 where o.status = 'submitted' and b.id = o.batch_id and b.status in ('collected', 'abandoned')
"""

FINISH_COLLECT = """
update batches
   set status = 'collected', collected_at = now(), locked_by = null, heartbeat_at = null, updated_at = now(),
       cost_usd = cost_usd + %(cost)s, online_cost_usd = online_cost_usd + %(online_cost)s
 where id = %(id)s and status = 'collecting' and locked_by = %(run_id)s
"""

ADD_COST = """
update batches set cost_usd = cost_usd + %(cost)s, online_cost_usd = online_cost_usd + %(online_cost)s,
       heartbeat_at = now()
 where id = %(id)s
"""

IN_FLIGHT = """
select count(*), coalesce(sum(items), 0) from batches where status not in ('collected', 'abandoned')
"""

SAVINGS = """
select coalesce(sum(cost_usd), 0), coalesce(sum(online_cost_usd), 0), count(*)
  from batches where collected_at >= now() - make_interval(hours => %(hours)s)
"""


def _row(r: tuple[Any, ...] | None) -> BatchRow | None:
    return BatchRow(*r) if r is not None else None


def create(conn: Conn, token: str, model: str, window: str, run_id: int) -> BatchRow:
    """Write the batch row (status `preparing`, leased by this run) before anything is uploaded."""
    row = _row(conn.execute(CREATE, {"token": token, "model": model, "window": window, "run_id": run_id}).fetchone())
    assert row is not None
    return row


def open_for_attach(conn: Conn, ids: list[int]) -> set[int]:
    """Of `ids`, the batches a duplicate item may still join (row locks held to commit)."""
    if not ids:
        return set()
    return {int(r[0]) for r in conn.execute(OPEN_FOR_ATTACH, {"ids": ids}).fetchall()}


def hold_items(
    conn: Conn,
    run_id: int,
    holds: list[tuple[int, int, str]],
    engine: str,
    model: str,
    prompt_version: str,
) -> int:
    """Move this run's items (id, batch id, input_hash) to `submitted`; return how many moved."""
    if not holds:
        return 0
    cur = conn.execute(
        HOLD_ITEMS,
        {
            "run_id": run_id,
            "ids": [h[0] for h in holds],
            "batch_ids": [h[1] for h in holds],
            "hashes": [h[2] for h in holds],
            "engine": engine,
            "model": model,
            "prompt_version": prompt_version,
        },
    )
    return cur.rowcount


def set_counts(conn: Conn, batch_id: int, lines: int, items: int) -> None:
    conn.execute(SET_COUNTS, {"id": batch_id, "lines": lines, "items": items})


def add_items(conn: Conn, batch_ids: list[int]) -> None:
    """Count duplicates that joined earlier batches (one per entry of `batch_ids`)."""
    for bid in sorted(set(batch_ids)):
        conn.execute(ADD_ITEMS, {"ids": [bid], "n": batch_ids.count(bid)})


def mark_uploaded(conn: Conn, batch_id: int, file_id: str) -> bool:
    return conn.execute(UPLOADED, {"id": batch_id, "file_id": file_id}).rowcount == 1


def mark_created(
    conn: Conn, batch_id: int, provider_id: str, status: str, file_id: str | None, expires_at: datetime | None
) -> bool:
    params = {"id": batch_id, "pid": provider_id, "status": status, "file_id": file_id, "expires_at": expires_at}
    return conn.execute(CREATED, params).rowcount == 1


def refresh(
    conn: Conn,
    batch_id: int,
    status: str,
    output_file_id: str | None,
    error_file_id: str | None,
    completed: int,
    failed: int,
    expires_at: datetime | None,
    error: str | None,
) -> None:
    """Record what the provider says of a live batch."""
    conn.execute(
        REFRESH,
        {
            "id": batch_id,
            "status": status,
            "output": output_file_id,
            "error_file": error_file_id,
            "completed": completed,
            "failed": failed,
            "expires_at": expires_at,
            "error": error,
        },
    )


def live(conn: Conn) -> list[BatchRow]:
    """Every batch not yet collected or abandoned, oldest first."""
    return [BatchRow(*r) for r in conn.execute(LIVE).fetchall()]


def get(conn: Conn, batch_id: int) -> BatchRow | None:
    return _row(conn.execute(GET, {"id": batch_id}).fetchone())


def recent(conn: Conn, n: int) -> list[BatchRow]:
    return [BatchRow(*r) for r in conn.execute(LIST_RECENT, {"n": n}).fetchall()]


def tokens_of(conn: Conn, tokens: list[str]) -> dict[str, tuple[int, str]]:
    """Our rows for provider-side tokens (metadata): token -> (id, status)."""
    if not tokens:
        return {}
    return {str(t): (int(i), str(s)) for t, i, s in conn.execute(TOKENS_OF, {"tokens": tokens}).fetchall()}


def claim_collect(conn: Conn, batch_id: int, run_id: int, lease_s: float) -> BatchRow | None:
    """Take a terminal batch (or one whose collector died) for collection; None if another run has it."""
    params = {"id": batch_id, "run_id": run_id, "lease_s": lease_s}
    return _row(conn.execute(CLAIM_COLLECT, params).fetchone())


def claim_stale_local(conn: Conn, batch_id: int, run_id: int, lease_s: float) -> BatchRow | None:
    """Take a batch left `preparing`/`uploaded` by a dead run, to reconcile it."""
    return _row(conn.execute(CLAIM_STALE_LOCAL, {"id": batch_id, "run_id": run_id, "lease_s": lease_s}).fetchone())


def adopt(
    conn: Conn,
    batch_id: int,
    run_id: int,
    provider_id: str,
    status: str,
    file_id: str | None,
    expires_at: datetime | None,
) -> bool:
    """Record a batch found at the provider (created, never recorded) on the row we reconcile."""
    params = {
        "id": batch_id,
        "run_id": run_id,
        "pid": provider_id,
        "status": status,
        "file_id": file_id,
        "expires_at": expires_at,
    }
    return conn.execute(ADOPT, params).rowcount == 1


def abandon(conn: Conn, batch_id: int, run_id: int, error: str) -> int:
    """A batch that never reached the provider: mark it and give its items back uncharged."""
    if conn.execute(ABANDON, {"id": batch_id, "run_id": run_id, "error": error}).rowcount != 1:
        return 0
    return return_uncharged(conn, batch_id, None)


def heartbeat(conn: Conn, run_id: int) -> int:
    return conn.execute(HEARTBEAT, {"run_id": run_id}).rowcount


def carried(conn: Conn, batch_ids: list[int], hashes: list[str]) -> dict[str, int]:
    """input_hash -> the batch (of `batch_ids`) that carries it, for those of `hashes` that one does."""
    if not batch_ids or not hashes:
        return {}
    rows = conn.execute(CARRIED, {"batch_ids": batch_ids, "hashes": hashes}).fetchall()
    return {str(r[0]): int(r[1]) for r in rows}


def batch_hashes(conn: Conn, batch_id: int) -> set[str]:
    """Every input_hash (custom_id) a batch was given, whatever its items' status now."""
    return {str(r[0]) for r in conn.execute(HASHES_OF, {"batch_id": batch_id}).fetchall() if r[0]}


def take_items(conn: Conn, batch_id: int, run_id: int, hashes: list[str] | None) -> list[tuple[ClaimedItem, str]]:
    """Take a batch's still-submitted items for these custom_ids (all, when None) for write-back."""
    if hashes is not None and not hashes:
        return []
    if hashes is None:
        rows = conn.execute(TAKE_REST, {"batch_id": batch_id, "run_id": run_id}).fetchall()
    else:
        rows = conn.execute(TAKE_ITEMS, {"batch_id": batch_id, "run_id": run_id, "hashes": hashes}).fetchall()
    return [(ClaimedItem(*r[:7]), str(r[7])) for r in rows]


def read_items(conn: Conn, batch_id: int, hashes: list[str]) -> list[tuple[ClaimedItem, str]]:
    """A batch's still-submitted items for these custom_ids, read (not taken) to guard their answers."""
    rows = conn.execute(READ_ITEMS, {"batch_id": batch_id, "hashes": hashes}).fetchall()
    return [(ClaimedItem(*r[:7]), str(r[7])) for r in rows]


def return_uncharged(conn: Conn, batch_id: int, error: str | None) -> int:
    """Give every still-submitted item of a batch back to `pending`, refunding its attempt."""
    return conn.execute(RETURN_UNCHARGED, {"batch_id": batch_id, "error": error}).rowcount


def release_orphans(conn: Conn) -> int:
    return conn.execute(ORPHANED_ITEMS).rowcount


def add_cost(conn: Conn, batch_id: int, cost: float, online_cost: float) -> None:
    conn.execute(ADD_COST, {"id": batch_id, "cost": cost, "online_cost": online_cost})


def finish_collect(conn: Conn, batch_id: int, run_id: int) -> bool:
    return conn.execute(FINISH_COLLECT, {"id": batch_id, "run_id": run_id, "cost": 0, "online_cost": 0}).rowcount == 1


def in_flight(conn: Conn) -> dict[str, int]:
    """Batches not yet collected, and the items they hold."""
    row = conn.execute(IN_FLIGHT).fetchone()
    assert row is not None
    return {"batches": int(row[0]), "items": int(row[1])}


def savings(conn: Conn, hours: float) -> dict[str, Any]:
    """What collected batches cost and what the same calls would have cost online."""
    row = conn.execute(SAVINGS, {"hours": hours}).fetchone()
    assert row is not None
    cost, online = float(row[0]), float(row[1])
    return {
        "batches": int(row[2]),
        "cost_usd": round(cost, 6),
        "online_cost_usd": round(online, 6),
        "saved_usd": round(online - cost, 6),
    }


def as_dict(row: BatchRow) -> dict[str, Any]:
    """A row for `batch status --json`."""
    return {
        "id": row.id,
        "provider_batch_id": row.provider_batch_id,
        "status": row.status,
        "lines": row.lines,
        "items": row.items,
        "completed": row.completed,
        "failed": row.failed,
        "model": row.model,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "expires_at": row.expires_at.isoformat() if row.expires_at else None,
        "collected_at": row.collected_at.isoformat() if row.collected_at else None,
        "error": row.error,
    }


DROP_LEASE = """
update batches set locked_by = null, heartbeat_at = null, updated_at = now()
 where id = %(id)s and locked_by = %(run_id)s and status in ('preparing', 'uploaded')
"""


def drop_lease(conn: Conn, batch_id: int, run_id: int) -> None:
    """A submission that failed midway: let the next reconciliation take the row at once."""
    conn.execute(DROP_LEASE, {"id": batch_id, "run_id": run_id})
