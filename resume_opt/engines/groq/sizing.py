"""`max_tokens` sized from the completion lengths answers have really used.

Groq counts a request's `max_tokens` against tokens-per-minute when it admits it,
whatever the answer then uses, so a ceiling of 1,024 for answers of ~300 tokens
wastes most of the minute's budget. `CompletionSizer` keeps a histogram of the
completion tokens of finished answers for one model and prompt version — loaded
from and added to the database (db/usage.py) when a pool is given, so every host
learns from every other — and asks for `percentile x margin` of it, within
`groq.max_tokens_floor` and the ceiling `groq.max_tokens`. Until
`groq.max_tokens_samples` answers are known it asks for the ceiling. An answer cut
off by the smaller limit is asked again at the ceiling by the engine.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from typing import TYPE_CHECKING, Any

import psycopg

from resume_opt.db.usage import bucket_of, load_lengths, record_lengths

if TYPE_CHECKING:
    from resume_opt.config import Settings

log = logging.getLogger(__name__)

# Pending answers are added to the shared histogram this often (and at close).
FLUSH_EVERY_S = 30.0
FLUSH_EVERY_N = 200


class CompletionSizer:
    """Thread-safe: `max_tokens()` for the next request, `record(n)` after each answer."""

    def __init__(self, settings: Settings, prompt_version: str, pool: Any = None) -> None:
        g = settings.groq
        self.model, self.prompt_version = g.model, prompt_version
        self.ceiling, self.floor = int(g.max_tokens), int(g.max_tokens_floor)
        self.percentile, self.margin = g.max_tokens_percentile, g.max_tokens_margin
        self.min_samples = g.max_tokens_samples
        self.pool = pool
        self.counts: dict[int, int] = {}
        self.pending: dict[int, int] = {}
        self._size = self.ceiling
        self._lock = threading.Lock()
        self._flushed_at = time.monotonic()
        if pool is not None:
            try:
                with pool.connection() as conn:
                    self.counts = load_lengths(conn, self.model, prompt_version)
            except psycopg.Error as exc:  # sizing degrades to this run's own answers
                log.warning("completion lengths unavailable (%s); max_tokens learned in this run only", exc)
                self.pool = None
        self._resize()

    @property
    def samples(self) -> int:
        return sum(self.counts.values())

    def max_tokens(self) -> int:
        """What the next request asks for."""
        with self._lock:
            return self._size

    def _resize(self) -> None:
        total = sum(self.counts.values())
        if total < self.min_samples:
            self._size = self.ceiling
            return
        rank, seen = math.ceil(self.percentile * total), 0
        for bucket in sorted(self.counts):
            seen += self.counts[bucket]
            if seen >= rank:
                break
        self._size = max(self.floor, min(self.ceiling, math.ceil(bucket * self.margin)))

    def record(self, completion_tokens: int) -> None:
        """A finished (not cut off) answer used `completion_tokens`."""
        b = bucket_of(max(0, completion_tokens))
        with self._lock:
            self.counts[b] = self.counts.get(b, 0) + 1
            self.pending[b] = self.pending.get(b, 0) + 1
            self._resize()
            due = self.pool is not None and (
                sum(self.pending.values()) >= FLUSH_EVERY_N or time.monotonic() - self._flushed_at >= FLUSH_EVERY_S
            )
        if due:
            self.flush()

    def flush(self) -> None:
        """Add this process's new answers to the shared histogram (never raises)."""
        with self._lock:
            pending, self.pending = self.pending, {}
            self._flushed_at = time.monotonic()
        if self.pool is None or not pending:
            return
        try:
            with self.pool.connection() as conn:
                record_lengths(conn, self.model, self.prompt_version, pending)
        except psycopg.Error as exc:  # sizing only: never fail a call over it
            log.warning("could not record completion lengths (%s)", type(exc).__name__)
