"""Candidates, jobs and optimizations as records: import, enqueue, export, show, purge, prune."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.rows import dict_row

from resume_opt.db.queue import ClaimedItem

Conn = psycopg.Connection[tuple[Any, ...]]

UPSERT_CANDIDATES = """
insert into candidates (external_id, name, email, resume_text, skills)
select v.external_id, v.name, v.email, v.resume_text,
       coalesce(string_to_array(nullif(v.skills_csv, ''), '|'), '{}')
  from unnest(%(ext)s::text[], %(name)s::text[], %(email)s::text[], %(resume)s::text[],
              %(skills)s::text[]) as v(external_id, name, email, resume_text, skills_csv)
on conflict (external_id) do update
   set name = excluded.name, email = excluded.email, resume_text = excluded.resume_text,
       skills = excluded.skills, updated_at = now()
returning id, external_id, (xmax = 0) as inserted
"""

UPSERT_JOBS = """
insert into jobs (external_id, title, company, description)
select * from unnest(%(ext)s::text[], %(title)s::text[], %(company)s::text[], %(desc)s::text[])
on conflict (external_id) do update
   set title = excluded.title, company = excluded.company, description = excluded.description,
       updated_at = now()
returning (xmax = 0) as inserted
"""

ENQUEUE_PAIRS = """
with wanted as (
    select c.id as candidate_id, j.id as job_id
      from unnest(%(cands)s::text[], %(jobs)s::text[]) as p(cand, job)
      join candidates c on c.external_id = p.cand
      join jobs j on j.external_id = p.job
)
insert into optimizations (candidate_id, job_id, priority, max_attempts)
select distinct candidate_id, job_id, %(priority)s, %(max_attempts)s from wanted
on conflict (candidate_id, job_id) where status in ('pending', 'running') do nothing
returning id
"""

KNOWN_CANDIDATES = "select external_id from candidates where external_id = any(%s)"
KNOWN_JOBS = "select external_id from jobs where external_id = any(%s)"

ENQUEUE_JOB_ALL = """
insert into optimizations (candidate_id, job_id, priority, max_attempts)
select c.id, j.id, %(priority)s, %(max_attempts)s
  from candidates c, jobs j
 where j.external_id = %(job)s and c.status = 'active' and c.resume_text <> ''
on conflict (candidate_id, job_id) where status in ('pending', 'running') do nothing
"""

COUNT_ACTIVE_CANDIDATES = "select count(*) from candidates where status = 'active' and resume_text <> ''"
JOB_EXISTS = "select 1 from jobs where external_id = %s"

EXPORT = """
select o.id, c.external_id as candidate_id, j.external_id as job_id, o.status,
       o.score_before, o.score_after, o.result, o.engine, o.model, o.tokens_in, o.tokens_out,
       o.cost_usd, o.error, o.error_kind, o.run_id
  from optimizations o
  join candidates c on c.id = o.candidate_id
  join jobs j on j.id = o.job_id
 where (%(status)s::text is null or o.status = %(status)s)
   and (%(run_id)s::bigint is null or o.run_id = %(run_id)s)
 order by o.id
"""

SHOW = """
select o.*, c.external_id as candidate_external_id, c.name as candidate_name,
       c.resume_text, j.external_id as job_external_id, j.title as job_title,
       j.company as job_company
  from optimizations o
  join candidates c on c.id = o.candidate_id
  join jobs j on j.id = o.job_id
 where o.id = %s
"""

PREVIEW = """
select o.id, c.external_id, j.external_id, j.title, o.attempts, o.priority
  from optimizations o
  join candidates c on c.id = o.candidate_id
  join jobs j on j.id = o.job_id
 where o.status = 'pending' and o.run_after <= now()
 order by o.priority desc, o.id
 limit %s
"""

PREVIEW_TEXTS = """
select o.id, c.resume_text, j.title, j.company, j.description
  from optimizations o
  join candidates c on c.id = o.candidate_id
  join jobs j on j.id = o.job_id
 where o.status = 'pending' and o.run_after <= now()
 order by o.priority desc, o.id
 limit %s
"""


def iter_pending_items(conn: psycopg.Connection[Any], limit: int) -> Iterator[ClaimedItem]:
    """The next `limit` claimable items with their texts, in claim order, streamed (for --dry-run).

    A server-side (named) cursor keeps memory flat; it lives inside the caller's transaction."""
    with conn.cursor(name="plan") as cur:
        cur.itersize = 1000
        cur.execute(PREVIEW_TEXTS, (limit,))
        for oid, resume, title, company, desc in cur:
            yield ClaimedItem(int(oid), 0, 0, str(resume), str(title), str(company), str(desc))


ALL_CANDIDATE_IDS = "select external_id from candidates where status = 'active' order by id"
ALL_JOB_IDS = "select external_id from jobs order by id"


def all_candidate_ids(conn: psycopg.Connection[Any]) -> list[str]:
    """External ids of every active candidate, oldest first."""
    return [str(r[0]) for r in conn.execute(ALL_CANDIDATE_IDS).fetchall()]


def all_job_ids(conn: psycopg.Connection[Any]) -> list[str]:
    """External ids of every job, oldest first."""
    return [str(r[0]) for r in conn.execute(ALL_JOB_IDS).fetchall()]


DELETE_CANDIDATE = "delete from candidates where external_id = %s"

CANDIDATE_HASHES = """
select array_agg(distinct o.input_hash) from optimizations o join candidates c on c.id = o.candidate_id
 where c.external_id = %s and o.input_hash is not null
"""

DELETE_CANDIDATE_OPTS = """
delete from optimizations where candidate_id = (select id from candidates where external_id = %s)
"""

PRUNE = """
delete from optimizations
 where status in ('succeeded', 'failed', 'cancelled')
   and finished_at < now() - make_interval(secs => %s * 86400.0)
"""


@dataclass(frozen=True)
class EnqueueResult:
    inserted: int
    skipped: int
    unknown_candidates: list[str]
    unknown_jobs: list[str]


def upsert_candidate_rows(conn: Conn, rows: Sequence[dict[str, Any]]) -> list[tuple[int, str, bool]]:
    """Insert or update candidates by external id: (id, external_id, inserted) per row."""
    if not rows:
        return []
    res = conn.execute(
        UPSERT_CANDIDATES,
        {
            "ext": [r["id"] for r in rows],
            "name": [r["name"] for r in rows],
            "email": [r["email"] for r in rows],
            "resume": [r["resume"] for r in rows],
            "skills": ["|".join(r.get("skills") or []) for r in rows],
        },
    ).fetchall()
    return [(int(cid), str(ext), bool(flag)) for cid, ext, flag in res]


def upsert_candidates(conn: Conn, rows: Sequence[dict[str, Any]]) -> tuple[int, int]:
    """Insert or update candidates by external id; returns (inserted, updated)."""
    res = upsert_candidate_rows(conn, rows)
    inserted = sum(1 for _, _, flag in res if flag)
    return inserted, len(res) - inserted


def upsert_jobs(conn: Conn, rows: Sequence[dict[str, Any]]) -> tuple[int, int]:
    """Insert or update jobs by external id; returns (inserted, updated)."""
    if not rows:
        return 0, 0
    res = conn.execute(
        UPSERT_JOBS,
        {
            "ext": [r["id"] for r in rows],
            "title": [r["title"] for r in rows],
            "company": [r["company"] for r in rows],
            "desc": [r["description"] for r in rows],
        },
    ).fetchall()
    inserted = sum(1 for (flag,) in res if flag)
    return inserted, len(res) - inserted


def enqueue_pairs(conn: Conn, pairs: Sequence[tuple[str, str]], priority: int, max_attempts: int) -> EnqueueResult:
    """Queue (candidate, job) pairs by external id; pending/running pairs are skipped."""
    cands = sorted({c for c, _ in pairs})
    jobs = sorted({j for _, j in pairs})
    known_c = {r[0] for r in conn.execute(KNOWN_CANDIDATES, (cands,)).fetchall()}
    known_j = {r[0] for r in conn.execute(KNOWN_JOBS, (jobs,)).fetchall()}
    valid = [(c, j) for c, j in dict.fromkeys(pairs) if c in known_c and j in known_j]
    inserted = 0
    if valid:
        inserted = len(
            conn.execute(
                ENQUEUE_PAIRS,
                {
                    "cands": [c for c, _ in valid],
                    "jobs": [j for _, j in valid],
                    "priority": priority,
                    "max_attempts": max_attempts,
                },
            ).fetchall()
        )
    return EnqueueResult(
        inserted=inserted,
        skipped=len(valid) - inserted,
        unknown_candidates=[c for c in cands if c not in known_c],
        unknown_jobs=[j for j in jobs if j not in known_j],
    )


def enqueue_job_for_all(conn: Conn, job: str, priority: int, max_attempts: int) -> EnqueueResult:
    """Queue one job against every active candidate with a resume."""
    if conn.execute(JOB_EXISTS, (job,)).fetchone() is None:
        return EnqueueResult(0, 0, [], [job])
    total_row = conn.execute(COUNT_ACTIVE_CANDIDATES).fetchone()
    total = int(total_row[0]) if total_row else 0
    inserted = conn.execute(ENQUEUE_JOB_ALL, {"job": job, "priority": priority, "max_attempts": max_attempts}).rowcount
    return EnqueueResult(inserted, total - inserted, [], [])


def iter_export(conn: Conn, status: str | None, run_id: int | None) -> Iterator[dict[str, Any]]:
    """Stream optimizations (server-side cursor) as dict rows, oldest first."""
    with conn.cursor(name="export", row_factory=dict_row) as cur:
        cur.itersize = 500
        cur.execute(EXPORT, {"status": status, "run_id": run_id})
        yield from cur


def get_optimization(conn: Conn, opt_id: int) -> dict[str, Any] | None:
    """One optimization with its candidate's resume and its job, or None."""
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(SHOW, (opt_id,)).fetchone()


def preview_pending(conn: Conn, limit: int) -> list[tuple[Any, ...]]:
    """The next pending items a run would claim (for --dry-run)."""
    return conn.execute(PREVIEW, (limit,)).fetchall()


def purge_candidate(conn: Conn, external_id: str) -> dict[str, Any] | None:
    """Delete a candidate, their resume and every result (right to erasure).

    Returns what was removed, including the input hashes whose cache entries the
    caller must delete; None when no such candidate exists.
    """
    row = conn.execute(CANDIDATE_HASHES, (external_id,)).fetchone()
    hashes = list(row[0] or []) if row else []
    removed_opts = conn.execute(DELETE_CANDIDATE_OPTS, (external_id,)).rowcount
    removed = conn.execute(DELETE_CANDIDATE, (external_id,)).rowcount
    if not removed:
        return None
    return {"candidate": external_id, "optimizations": removed_opts, "hashes": hashes}


def prune_finished(conn: Conn, older_than_days: float) -> int:
    """Delete finished optimizations older than the retention period; return how many."""
    return conn.execute(PRUNE, (older_than_days,)).rowcount
