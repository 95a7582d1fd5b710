"""Database calls of a run: one transaction each, retried while the database comes back.

A restart or failover of PostgreSQL should not cost a night's run: each call is retried
with backoff within `database.reconnect_window_s`. Once the run has given up on the
database (`lost`), later calls — releasing, recording the run — get one try each:
waiting out the whole window twice more would triple the time to exit 3.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from resume_opt.db import queue
from resume_opt.db.connect import Database
from resume_opt.errors import DatabaseError
from resume_opt.run.stop import StopState

log = logging.getLogger(__name__)
T = TypeVar("T")


class DbCaller:
    """`call(what, fn)` runs `fn(conn)` in a transaction of the run's pool."""

    def __init__(self, db: Database, window_s: float, stop: StopState) -> None:
        self.db, self.window_s, self.stop = db, window_s, stop
        self.lost = False
        self.run_id = 0  # for log lines, once the run has one

    def call(self, what: str, fn: Callable[[queue.Conn], T]) -> T:
        deadline = time.monotonic() + (0.0 if self.lost else self.window_s)
        delay = 0.5
        while True:
            try:
                with self.db.connection() as conn:
                    return fn(conn)
            except DatabaseError as exc:
                if time.monotonic() + delay > deadline or self.stop.hard:
                    raise
                log.warning("run %s: %s failed (%s); retrying in %.1fs", self.run_id, what, exc, delay)
                time.sleep(delay)
                delay = min(delay * 2, 10)
