"""The Python API for the platform's app: queue pairs in the app's own transaction.

    from resume_opt import enqueue

    with app_pool.connection() as conn:     # the app's psycopg_pool, or any psycopg 3 connection
        result = enqueue(conn, [("cand-42", "job-7")], priority=10)
        # ... the app's own writes, same transaction ...
    # committed here: `run --follow` wakes up (NOTIFY resume_opt_enqueued) within milliseconds

`enqueue` never commits or rolls back: it runs one statement (the SQL function
`resume_opt_enqueue_pairs`, the same one `resume-opt enqueue` uses) in whatever transaction the
connection is in; a rollback queues nothing. On an autocommit connection the statement commits
itself. `enqueue_async` does the same on a psycopg AsyncConnection. Importing this module loads
psycopg and nothing else of resume-opt's (no settings, no engines).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import psycopg

from resume_opt.db.platform import PairOutcome, enqueue_pairs, enqueue_pairs_async

__all__ = ["EnqueueOutcome", "PairOutcome", "enqueue", "enqueue_async"]


@dataclass(frozen=True)
class EnqueueOutcome:
    """What `enqueue` did, pair by pair (`items`, in request order, duplicates removed), and by kind.

    `queued` and `skipped` hold the optimization ids (a skipped pair was already pending or
    running: its id is the existing row's, its priority raised to the one asked for if higher).
    """

    items: list[PairOutcome] = field(default_factory=list)

    def _with(self, status: str) -> list[PairOutcome]:
        return [it for it in self.items if it.status == status]

    @property
    def queued(self) -> list[PairOutcome]:
        return self._with("queued")

    @property
    def skipped(self) -> list[PairOutcome]:
        return self._with("skipped")

    @property
    def unknown_candidates(self) -> list[str]:
        return sorted({it.candidate_id for it in self._with("unknown_candidate")})

    @property
    def unknown_jobs(self) -> list[str]:
        return sorted({it.job_id for it in self._with("unknown_job")})


def _pairs(pairs: Iterable[tuple[str, str]] | tuple[str, str]) -> list[tuple[str, str]]:
    if isinstance(pairs, tuple) and len(pairs) == 2 and isinstance(pairs[0], str) and isinstance(pairs[1], str):
        return [(pairs[0], pairs[1])]  # one pair given bare
    return [(str(p[0]), str(p[1])) for p in pairs]


def enqueue(
    conn: psycopg.Connection[Any],
    pairs: Iterable[tuple[str, str]] | tuple[str, str],
    *,
    priority: int = 0,
    max_attempts: int = 3,
) -> EnqueueOutcome:
    """Queue (candidate external id, job external id) pairs in the caller's transaction.

    Higher `priority` is claimed first. Unknown candidates or jobs are reported, not raised, so
    the caller's transaction stays usable. Database errors are psycopg's own exceptions.
    """
    return EnqueueOutcome(enqueue_pairs(conn, _pairs(pairs), priority, max_attempts))


async def enqueue_async(
    conn: psycopg.AsyncConnection[Any],
    pairs: Iterable[tuple[str, str]] | tuple[str, str],
    *,
    priority: int = 0,
    max_attempts: int = 3,
) -> EnqueueOutcome:
    """`enqueue` for a psycopg AsyncConnection (same statement, same transaction rules)."""
    return EnqueueOutcome(await enqueue_pairs_async(conn, _pairs(pairs), priority, max_attempts))
