"""How a run ends: its report, its row in `runs`, and what a crash leaves behind.

Every way out of a run comes here: the queue drained, a stop (limit, runtime,
budget, quota, signal), a lost database, or an internal error — which is recorded
as `crashed` with its kind and the file holding its traceback, and exits 70.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from resume_opt.crash import write_crash_file
from resume_opt.db import queue
from resume_opt.errors import DatabaseError
from resume_opt.run.dbcall import DbCaller
from resume_opt.run.report import RunCounters, build_report
from resume_opt.run.stop import StopState

log = logging.getLogger(__name__)


def record_crash(exc: BaseException, home: Path, run_id: int, stop: StopState) -> dict[str, Any]:
    """Write the traceback file, stop the run at once with exit 70; return the report's `crash`."""
    path = write_crash_file(exc, home, run_id)
    kind = type(exc).__name__
    where = f"traceback in {path}" if path else "no traceback file could be written"
    log.error("run %s: internal error (%s); %s", run_id, kind, where)
    stop.crashed(f"internal error ({kind}) in run {run_id}; {where}; work released, run recorded as crashed")
    return {"kind": kind, "traceback_file": str(path) if path else None}


def finish_run(
    db: DbCaller,
    run_id: int,
    started_at: datetime,
    engine: Any,
    counters: RunCounters,
    stop: StopState,
    *,
    duration_s: float,
    limit_reached: bool,
    cache_status: str,
    crash: dict[str, Any] | None,
) -> dict[str, Any]:
    """Build the report and record the run's end in `runs` (a lost database is a warning here)."""
    c = counters
    reason, code = stop.final(bool(c.failed or c.retried), "limit" if limit_reached else "queue_empty")
    report = build_report(
        run_id=run_id,
        started_at=started_at,
        engine=engine,
        counters=c,
        duration_s=duration_s,
        stop_reason=reason,
        exit_code=code,
        cache_status=cache_status,
    )
    if stop.message:
        report["message"] = stop.message
    if crash:
        report["crash"] = crash
    status = "crashed" if crash else {0: "succeeded", 1: "partial"}.get(code, "stopped")
    try:
        db.call("finish run", lambda conn: queue.finish_run(conn, run_id, report, status))
    except DatabaseError as exc:
        log.error("run %s: could not record the run in the database: %s", run_id, exc)
        report.setdefault("message", str(exc))
    return report
