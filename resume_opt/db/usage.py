"""Completion lengths the models have really used, shared by every host (migration m006).

The Groq engine sizes `max_tokens` from them (engines/groq/sizing.py): Groq reserves
a request's `max_tokens` against tokens-per-minute when it admits it, so asking for
what answers really need carries more pairs a minute. One row per (model, prompt
version, length bucket) counts answers: a histogram that stays a few dozen rows
however many answers it has seen, and that a new prompt version starts afresh.

m006 also gives the claim its index for the job-grouped order (db/queue.py
CLAIM_CHUNK: `order by priority desc, job_id, id`): one job's pairs go out together,
so a model with prompt caching serves their shared prefix (system message, job) from
its cache. The old `(priority desc, id)` index is kept: other claims may still use it.
"""

from __future__ import annotations

from typing import Any

import psycopg

Conn = psycopg.Connection[tuple[Any, ...]]

# Lengths are counted in buckets of this many tokens (a bucket's value is its upper end).
BUCKET_TOKENS = 16

MIGRATION_SQL = """
create table if not exists completion_lengths (
    model          text        not null,
    prompt_version text        not null,
    bucket         integer     not null,  -- completion tokens rounded up to BUCKET_TOKENS
    answers        bigint      not null default 0,
    updated_at     timestamptz not null default now(),
    primary key (model, prompt_version, bucket)
);
comment on table completion_lengths is
    'Histogram of completion tokens per model and prompt version: sizes max_tokens';
create index if not exists optimizations_claim_job_idx
    on optimizations (priority desc, job_id, id) where status = 'pending';
"""

LOAD = """
select bucket, answers from completion_lengths where model = %(model)s and prompt_version = %(prompt_version)s
"""

# One statement for a whole batch of answers; concurrent hosts add to the same rows.
RECORD = """
insert into completion_lengths (model, prompt_version, bucket, answers)
select %(model)s, %(prompt_version)s, b, n from unnest(%(buckets)s::int[], %(counts)s::bigint[]) as v(b, n)
on conflict (model, prompt_version, bucket)
do update set answers = completion_lengths.answers + excluded.answers, updated_at = now()
"""


def bucket_of(tokens: int) -> int:
    """The bucket a completion of `tokens` tokens is counted in (its upper end)."""
    return max(1, -(-tokens // BUCKET_TOKENS)) * BUCKET_TOKENS


def load_lengths(conn: Conn, model: str, prompt_version: str) -> dict[int, int]:
    """{bucket: answers} for a model and prompt version."""
    rows = conn.execute(LOAD, {"model": model, "prompt_version": prompt_version}).fetchall()
    return {int(b): int(n) for b, n in rows}


def record_lengths(conn: Conn, model: str, prompt_version: str, counts: dict[int, int]) -> None:
    """Add `counts` ({bucket: answers}) to the shared histogram."""
    if not counts:
        return
    buckets = sorted(counts)
    conn.execute(
        RECORD,
        {
            "model": model,
            "prompt_version": prompt_version,
            "buckets": buckets,
            "counts": [counts[b] for b in buckets],
        },
    )
