"""What the steps of a batch-mode run share: settings, database, API client, cache and counters."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from resume_opt.cache import ResultCache
from resume_opt.config import Settings
from resume_opt.db import queue
from resume_opt.db.connect import Database
from resume_opt.engines.groq.batch import BatchClient, BatchIdentity, Prices
from resume_opt.errors import DatabaseError
from resume_opt.run.report import RunCounters

log = logging.getLogger("resume_opt.run.batch")
T = TypeVar("T")


@dataclass
class BatchCounters(RunCounters):
    """The run counters plus batch mode's own."""

    collected: int = 0
    submitted: int = 0
    batches_submitted: int = 0
    batches_collected: int = 0
    unknown_lines: int = 0
    online_cost_usd: float = 0.0
    batch_ids: list[int] = field(default_factory=list)


@dataclass
class BatchContext:
    settings: Settings
    db: Database
    client: BatchClient
    cache: ResultCache
    identity: BatchIdentity
    prices: Prices
    counters: BatchCounters = field(default_factory=BatchCounters)
    run_id: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def tx(self, what: str, fn: Callable[[queue.Conn], T]) -> T:
        """Run fn in one transaction, retrying a lost database within the reconnect window."""
        deadline = time.monotonic() + self.settings.database.reconnect_window_s
        delay = 0.5
        while True:
            try:
                with self.db.connection() as conn:
                    return fn(conn)
            except DatabaseError as exc:
                if time.monotonic() + delay > deadline:
                    raise
                log.warning("run %s: %s failed (%s); retrying in %.1fs", self.run_id, what, exc, delay)
                time.sleep(delay)
                delay = min(delay * 2, 10)

    def backoff_s(self, attempts: int) -> float:
        s = self.settings.run
        return float(min(s.backoff_max_s, s.backoff_base_s * 2 ** max(attempts - 1, 0)))

    def count_written(self, written: dict[str, int]) -> None:
        c = self.counters
        c.succeeded += written["succeeded"]
        c.failed += written["failed"]
        c.retried += written["retried"]
        c.released += written["released"]
        c.lost_lease += written["lost"]

    def count_error(self, kind: str) -> None:
        self.counters.errors[kind] = self.counters.errors.get(kind, 0) + 1

    def info(self, msg: str, *args: Any) -> None:
        log.info("run %s: " + msg, self.run_id, *args)
