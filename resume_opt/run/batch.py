"""`run --mode batch`: reconcile, collect every finished batch of ours, submit new ones, report.

The steps live in `batch_collect.py` and `batch_submit.py`; this module runs them
in order, reconciles what a killed run left behind, keeps the run's leases fresh,
waits (`--wait`) with backoff for this run's batches, and builds the report.

Reconciliation, at the start of every run: a batch row left `preparing` or
`uploaded` by a dead run (stale lease) is looked up at the provider by the token in
its metadata — found, it is adopted; not found, its upload is deleted and its items
go back to `pending` uncharged (`abandoned`). A provider batch carrying the token of
a row we abandoned is cancelled, so no pair is ever in two live batches.
"""

from __future__ import annotations

import functools
import os
import socket
import threading
import time
from datetime import UTC, datetime
from typing import Any

from resume_opt.cache import ResultCache
from resume_opt.config import Settings
from resume_opt.db import batches, queue
from resume_opt.db.connect import Database
from resume_opt.engines.groq.batch import META_TOKEN, BatchClient, BatchIdentity, BatchInfo, Prices
from resume_opt.errors import DatabaseError, RunAbort
from resume_opt.run.batch_collect import Collector
from resume_opt.run.batch_context import BatchContext, log
from resume_opt.run.batch_submit import Submitter, file_name
from resume_opt.run.report import build_report

EXIT_SIGNAL = {"SIGINT": 130, "SIGTERM": 143}


class BatchRun:
    """One batch-mode run. Create, optionally `signal_received` from a handler, `run()`."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        client: BatchClient,
        cache: ResultCache,
        wait: bool = False,
        options: dict[str, Any] | None = None,
    ) -> None:
        self.ctx = BatchContext(settings, db, client, cache, BatchIdentity(settings), Prices.of(settings))
        self.wait = wait
        self.options = options or {}
        self._t0 = time.monotonic()
        self._stop_reason: str | None = None
        self._exit_code: int | None = None
        self._message: str | None = None
        self._done = threading.Event()

    def signal_received(self, name: str) -> None:
        """Stop between steps; every step already taken is recorded, so nothing needs undoing."""
        if self._stop_reason is None:
            self._stop_reason, self._exit_code = name, EXIT_SIGNAL.get(name, 130)
        self.ctx.stop.set()

    def _deadline_passed(self) -> bool:
        limit = self.ctx.settings.run.max_runtime_s
        return bool(limit) and time.monotonic() - self._t0 >= limit

    def run(self) -> dict[str, Any]:
        ctx = self.ctx
        ctx.run_id, started = ctx.tx(
            "start run",
            lambda c: queue.start_run(c, socket.gethostname(), os.getpid(), "groq", {**self.options, "mode": "batch"}),
        )
        self.started_at: datetime = started
        heart = threading.Thread(target=self._heartbeat, name="heartbeat", daemon=True)
        heart.start()
        collector = Collector(ctx)
        try:
            self.reconcile()
            collector.refresh_and_collect()
            if not ctx.stop.is_set() and not self._deadline_passed():
                Submitter(ctx).run()
            if self.wait:
                self._wait(collector)
        except RunAbort as exc:
            log.error("run %s: %s", ctx.run_id, exc)
            self._stop_reason, self._exit_code, self._message = exc.kind, exc.exit_code, str(exc)
        except DatabaseError as exc:
            log.error("run %s: database lost: %s", ctx.run_id, exc)
            self._stop_reason, self._exit_code, self._message = "database_unreachable", 3, str(exc)
        finally:
            self._done.set()
            ctx.client.close()
            collector.close()
        return self._finish()

    def _wait(self, collector: Collector) -> None:
        """Poll with backoff until this run's batches are collected, within --max-runtime."""
        s = self.ctx.settings.batch
        delay = s.poll_interval_s
        ours = set(self.ctx.counters.batch_ids)
        while ours and not self.ctx.stop.is_set():
            live = {r.id for r in self.ctx.tx("live batches", batches.live)}
            if not ours & live:
                return
            limit = self.ctx.settings.run.max_runtime_s
            left = limit - (time.monotonic() - self._t0) if limit else delay
            if left <= 0:
                self._stop_reason = "max_runtime"
                return
            if self.ctx.stop.wait(min(delay, left)):
                return
            delay = min(delay * 1.5, s.poll_max_interval_s)
            collector.refresh_and_collect()

    def _heartbeat(self) -> None:
        interval = self.ctx.settings.run.heartbeat_interval_s
        while not self._done.wait(interval):
            try:
                with self.ctx.db.connection() as conn:
                    batches.heartbeat(conn, self.ctx.run_id)
                    queue.heartbeat(conn, self.ctx.run_id)
            except Exception as exc:  # the next beat may succeed; a stale lease is what guards
                log.warning("run %s: heartbeat failed: %s", self.ctx.run_id, exc)

    # --- reconciliation ------------------------------------------------------------
    def reconcile(self) -> None:
        """Settle what dead runs left between steps (see the module docstring)."""
        # Long on purpose: one pass over our live batches deciding, per recorded step, whether a
        # stale row is adopted (found through batches.list) or abandoned; the cases share the listing.
        ctx = self.ctx
        lease = ctx.settings.run.lease_timeout_s
        orphans = ctx.tx("orphans", batches.release_orphans)
        if orphans:
            log.warning("run %s: %d items held by finished batches went back to the queue", ctx.run_id, orphans)
        listing: list[BatchInfo] | None = None
        for row in ctx.tx("live batches", batches.live):
            if row.status not in batches.LOCAL_STATUSES:
                continue
            taken = ctx.tx(
                "claim stale batch", functools.partial(_claim_stale, batch_id=row.id, run_id=ctx.run_id, lease_s=lease)
            )
            if taken is None:
                continue  # its run is alive (fresh lease) or another run reconciles it
            if listing is None:
                listing = ctx.client.list_batches()
            found = next((b for b in listing if b.metadata.get(META_TOKEN) == taken.token), None)
            if found is not None:
                ctx.tx(
                    "adopt batch",
                    functools.partial(_adopt, batch_id=taken.id, run_id=ctx.run_id, info=found),
                )
                log.warning(
                    "run %s: batch %s was created as %s but not recorded; adopted", ctx.run_id, taken.id, found.id
                )
                continue
            file_id = taken.input_file_id or ctx.client.find_file(file_name(taken.token))
            if file_id:
                ctx.client.delete_file(file_id)
            n = ctx.tx(
                "abandon batch",
                functools.partial(_abandon, batch_id=taken.id, run_id=ctx.run_id),
            )
            log.warning(
                "run %s: batch %s never reached Groq; %d items back to the queue%s",
                ctx.run_id,
                taken.id,
                n,
                ", its upload deleted" if file_id else "",
            )
        if listing:
            self._cancel_strays(listing)

    def _cancel_strays(self, listing: list[BatchInfo]) -> None:
        """A provider batch whose row we abandoned (the list lagged the create): cancel it."""
        tokens = [str(b.metadata.get(META_TOKEN)) for b in listing if b.metadata.get(META_TOKEN)]
        rows = self.ctx.tx("our tokens", lambda c: batches.tokens_of(c, tokens))
        for b in listing:
            mine = rows.get(str(b.metadata.get(META_TOKEN)))
            if mine and mine[1] == "abandoned" and b.status in batches.PROVIDER_LIVE and b.status != "cancelling":
                log.warning("run %s: cancelling %s, created for abandoned batch %s", self.ctx.run_id, b.id, mine[0])
                self.ctx.client.cancel(b.id)

    # --- the end -----------------------------------------------------------------
    def _finish(self) -> dict[str, Any]:
        ctx, c = self.ctx, self.ctx.counters
        code = self._exit_code if self._exit_code is not None else (1 if c.failed or c.retried else 0)
        reason = self._stop_reason or (
            "limit" if ctx.settings.run.limit and c.claimed >= ctx.settings.run.limit else "queue_empty"
        )
        report = build_report(
            run_id=ctx.run_id,
            started_at=self.started_at,
            engine=ctx.identity,
            counters=c,
            duration_s=time.monotonic() - self._t0,
            stop_reason=reason,
            exit_code=code,
            cache_status=ctx.cache.status,
        )
        try:
            flight = ctx.tx("in flight", batches.in_flight)
        except DatabaseError:
            flight = {"batches": -1, "items": -1}
        report.update(
            {
                "mode": "batch",
                "collected": c.collected,
                "submitted": c.submitted,
                "batches_submitted": c.batches_submitted,
                "batches_collected": c.batches_collected,
                "batches_in_flight": flight["batches"],
                "unknown_lines": c.unknown_lines,
                "online_cost_usd": round(c.online_cost_usd, 6),
                "saved_usd": round(c.online_cost_usd - c.cost_usd, 6),
            }
        )
        if self._message:
            report["message"] = self._message
        status = {0: "succeeded", 1: "partial"}.get(code, "stopped")
        try:
            ctx.tx("finish run", lambda conn: queue.finish_run(conn, ctx.run_id, report, status))
        except DatabaseError as exc:
            report.setdefault("message", str(exc))
        return report


def _claim_stale(conn: queue.Conn, batch_id: int, run_id: int, lease_s: float) -> batches.BatchRow | None:
    return batches.claim_stale_local(conn, batch_id, run_id, lease_s)


def _adopt(conn: queue.Conn, batch_id: int, run_id: int, info: BatchInfo) -> bool:
    return batches.adopt(conn, batch_id, run_id, info.id, info.status, info.input_file_id, info.expires_at)


def _abandon(conn: queue.Conn, batch_id: int, run_id: int) -> int:
    return batches.abandon(conn, batch_id, run_id, "never created: its run stopped first")


def batch_table(db: Database, n: int) -> list[dict[str, Any]]:
    """The latest batches, newest first, as `batch status` shows them."""
    with db.connection() as conn:
        return [batches.as_dict(r) for r in batches.recent(conn, n)]


def cancel_batch(db: Database, client: BatchClient, batch_id: int) -> dict[str, Any]:
    """Ask Groq to cancel one of our batches; the next run collects what it finished."""
    from resume_opt.errors import InputError, NotFoundError

    with db.connection() as conn:
        row = batches.get(conn, batch_id)
    if row is None:
        raise NotFoundError(f"no batch with id {batch_id}")
    if row.provider_batch_id is None or row.status not in batches.PROVIDER_LIVE:
        raise InputError(f"batch {batch_id} is {row.status}: nothing to cancel")
    info = client.cancel(row.provider_batch_id)
    with db.connection() as conn:
        batches.refresh(
            conn,
            row.id,
            info.status,
            info.output_file_id,
            info.error_file_id,
            info.completed,
            info.failed,
            info.expires_at,
            None,
        )
    return {
        "id": row.id,
        "provider_batch_id": row.provider_batch_id,
        "status": info.status,
        "at": datetime.now(UTC).isoformat(),
    }
