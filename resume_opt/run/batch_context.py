"""What the steps of a batch-mode run share: settings, database, API client, cache and counters."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from resume_opt.cache import ResultCache
from resume_opt.config import Settings
from resume_opt.db import queue
from resume_opt.db.connect import Database
from resume_opt.engines.groq.batch import BatchClient, BatchIdentity, Prices
from resume_opt.run.dbcall import DbCaller
from resume_opt.run.outcome import backoff_s
from resume_opt.run.report import RunCounters
from resume_opt.run.stop import StopState

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
        caller = DbCaller(self.db, self.settings.database.reconnect_window_s, StopState())
        caller.run_id = self.run_id
        return caller.call(what, fn)

    def backoff_s(self, attempts: int) -> float:
        s = self.settings.run
        return backoff_s(attempts, s.backoff_base_s, s.backoff_max_s)

    def count_written(self, written: dict[str, int]) -> None:
        self.counters.add_written(written)

    def count_error(self, kind: str) -> None:
        self.counters.add_error(kind)

    def info(self, msg: str, *args: Any) -> None:
        log.info("run %s: " + msg, self.run_id, *args)
