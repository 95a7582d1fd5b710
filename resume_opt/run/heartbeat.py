"""The heartbeat thread: keeps the run's leases fresh while it holds claimed rows.

Other runs treat rows whose heartbeat went stale as abandoned and claim them again;
a lease lost anyway (a long stall) is caught at write-back by the `locked_by` guard.
The pipeline stops it only once everything it claimed is written or released.
"""

from __future__ import annotations

import logging
import threading

from resume_opt.db import queue
from resume_opt.db.connect import Database

log = logging.getLogger(__name__)


class Heartbeat:
    """Beats every `interval` seconds from `start()` until `stop()`."""

    def __init__(self, db: Database, run_id: int, interval: float) -> None:
        self.db, self.run_id, self.interval = db, run_id, interval
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="heartbeat", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._done.set()

    def _beat(self) -> None:
        while not self._done.wait(self.interval):
            try:
                with self.db.connection() as conn:
                    queue.heartbeat(conn, self.run_id)
            except Exception as exc:  # noqa: BLE001 - the next beat may succeed; write-back catches a lost lease
                log.warning("run %s: heartbeat failed: %s", self.run_id, exc)
