"""One run, top to bottom: claim -> prepare -> dedup -> optimize -> write back -> report.

The main thread claims chunks (keeping the pool fed: the next chunk is claimed while
the last items of the current one run), prepares each item (run/item.py), routes it
through dedup (run/dedup.py: disk cache, database, a call in flight), submits the rest
to the engine pool, turns each finished call into an outcome (run/outcome.py) and
hands finished chunks to the ordered writer (run/writer.py). The heartbeat
(run/heartbeat.py) keeps leases fresh; every stop goes through run/stop.py. Every way
out — the queue drained, a stop, a lost database, a crash — releases what is held
and records the run's end.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from datetime import UTC, datetime
from typing import Any

from resume_opt.cache import ResultCache
from resume_opt.config import Settings
from resume_opt.db import queue
from resume_opt.db.connect import Database
from resume_opt.engines.base import Engine
from resume_opt.errors import DatabaseError, ItemRejected
from resume_opt.run import item
from resume_opt.run.chunk import Chunk
from resume_opt.run.dbcall import DbCaller
from resume_opt.run.dedup import Dedup
from resume_opt.run.ending import finish_run, record_crash
from resume_opt.run.heartbeat import Heartbeat
from resume_opt.run.outcome import classify
from resume_opt.run.report import RunCounters
from resume_opt.run.settle import Settler
from resume_opt.run.stop import EXIT_SIGNAL, StopState
from resume_opt.run.writer import ChunkWriter

log = logging.getLogger(__name__)

__all__ = ["EXIT_SIGNAL", "Pipeline"]


# Releasing everything (grace over, database lost, a crash): calls already running get this
# long to end, so their results reach the cache instead of their threads being abandoned.
# A second Ctrl-C does not wait.
RELEASE_WAIT_S = 2.0


class Pipeline:
    """A single run against the queue. Create, optionally `signal_received` from a handler, `run()`."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        engine: Engine,
        cache: ResultCache,
        progress: Any = None,
        options: dict[str, Any] | None = None,
    ) -> None:
        self.s, self.db, self.engine, self.cache = settings, db, engine, cache
        self.progress = progress
        self.options = options or {}
        self.counters = RunCounters()
        self.stop = StopState()
        self.run_id = 0
        self.started_at = datetime.now(UTC)
        self.abandoned_threads = False
        self.crash: dict[str, Any] | None = None
        self._t0 = time.monotonic()
        self._chunks: list[Chunk] = []
        self._chunk_no = 0
        self._next_reap = 0.0
        self._db = DbCaller(db, settings.database.reconnect_window_s, self.stop)
        self._identity = (engine.name, engine.model, engine.prompt_version)
        self.dedup = Dedup(cache, self._lookup)
        self._cache_lock = threading.Lock()
        self.writer = ChunkWriter(cache, self._write_back, self._written)
        backoff = (settings.run.backoff_base_s, settings.run.backoff_max_s)
        self.settle = Settler(self.counters, self.stop, self.dedup, self.writer, self._identity, backoff)

    # --- control ------------------------------------------------------------
    def request_stop(self, reason: str, exit_code: int | None = None) -> None:
        """Stop claiming, finish in-flight work, release the rest; the first reason wins."""
        if self.stop.request(reason, exit_code):
            log.info("run %s stopping: %s", self.run_id, reason)

    def signal_received(self, name: str) -> None:
        """SIGINT/SIGTERM: the first stops gracefully, a second exits at once (still releasing)."""
        if self.stop.signal(name):
            log.warning("run %s: %s received; finishing in-flight work (again to stop at once)", self.run_id, name)

    # --- the run ------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        """Process the queue until it is empty or a stop condition holds; return the report."""
        host, pid = socket.gethostname(), os.getpid()
        self.run_id, self.started_at = self._db.call(
            "start run", lambda c: queue.start_run(c, host, pid, self.engine.name, self.options)
        )
        self._db.run_id = self.settle.run_id = self.run_id
        s = self.s.run
        log.info(
            "run %s started: engine %s, model %s, %d workers, chunks of %d",
            *(self.run_id, self.engine.name, self.engine.model, s.workers, s.chunk_size),
        )
        heart = Heartbeat(self.db, self.run_id, s.heartbeat_interval_s)
        heart.start()
        pool = ThreadPoolExecutor(max_workers=s.workers, thread_name_prefix="engine")
        try:
            self._loop(pool)
        except DatabaseError as exc:
            log.error("run %s: database lost: %s", self.run_id, exc)
            self._db.lost = True
            self.request_stop("database_unreachable", 3)
            self._release_everything(best_effort=True)
        except Exception as exc:  # noqa: BLE001 - a bug in the run itself: record it, release, exit 70
            self._crashed(exc)
        finally:
            self.stop.finish()
            pool.shutdown(wait=not self.abandoned_threads, cancel_futures=True)
            self.writer.close()
            heart.stop()
            self.engine.close()
        return self._finish()

    def _loop(self, pool: ThreadPoolExecutor) -> None:
        exhausted = False
        grace_deadline: float | None = None
        while True:
            self._check_limits()
            if self.stop.hard:
                self._release_everything()
                return
            if self.stop.stopping:
                self.settle.cancel_queued()
                if grace_deadline is None:
                    grace_deadline = time.monotonic() + self.s.run.grace_s
                elif time.monotonic() > grace_deadline and self.dedup.calls:
                    log.warning("run %s: grace period over; releasing in-flight items", self.run_id)
                    self._release_everything()
                    return
            elif not exhausted and self._unfinished() <= self.s.run.workers:
                exhausted = not self._claim(pool)
            self._flush_chunks()
            if not self.dedup.calls and not self._chunks and (exhausted or self.stop.stopping):
                if not self.writer.busy:
                    return
                self.writer.collect(block=True)
            elif self.dedup.calls:
                self.settle.await_calls(timeout=0.2)
            elif exhausted or self.stop.stopping:
                time.sleep(0.01)

    def _unfinished(self) -> int:
        return sum(len(c.unfinished) for c in self._chunks)

    def _billed(self) -> None:
        """Tokens and cost as the provider bills them: failed calls (e.g. truncated) included."""
        usage = getattr(self.engine, "usage", None)  # only engines that bill keep it
        if isinstance(usage, dict):
            self.counters.add_billed(usage)

    def _check_limits(self) -> None:
        if self.stop.stopping:
            return
        self._billed()
        s, c = self.s.run, self.counters
        if s.max_runtime_s and time.monotonic() - self._t0 >= s.max_runtime_s:
            self.request_stop("max_runtime")
        elif (s.budget_usd and c.cost_usd >= s.budget_usd) or (
            s.budget_tokens and c.tokens_in + c.tokens_out >= s.budget_tokens
        ):
            self.request_stop("budget")

    # --- claim and dispatch -------------------------------------------------
    def _claim(self, pool: ThreadPoolExecutor) -> bool:
        """Claim and dispatch one chunk; False when nothing is left to claim."""
        n = self.s.run.chunk_size
        if self.s.run.limit:
            n = min(n, self.s.run.limit - self.counters.claimed)
            if n <= 0:
                return False
        # Reaping dead runs' leases at the first claim and then every quarter lease is
        # as prompt as leases allow, without a second statement on every claim.
        now = time.monotonic()
        reap = now >= self._next_reap
        if reap:
            self._next_reap = now + max(1.0, self.s.run.lease_timeout_s / 4)

        def claim(conn: queue.Conn) -> list[queue.ClaimedItem]:
            if reap:
                queue.reap_stale(conn, self.s.run.lease_timeout_s)
            return queue.claim_chunk(conn, self.run_id, n)

        items = self._db.call("claim", claim)
        if not items:
            return False
        self._chunk_no += 1
        chunk = Chunk.of(self._chunk_no, items)
        self._chunks.append(chunk)
        self.counters.claimed += len(items)
        self._dispatch(chunk, pool)
        return True

    def _dispatch(self, chunk: Chunk, pool: ThreadPoolExecutor) -> None:
        """Prepare every item (a bad one fails before it costs a call), then route it through dedup."""
        preps: list[item.Prepared] = []
        for claimed in chunk.items.values():
            try:
                preps.append(item.prepare(claimed, self.engine, self.s))
            except ItemRejected as exc:
                self.settle.fail(chunk, claimed, classify(exc))

        def submit(prep: item.Prepared) -> Any:
            return pool.submit(self._optimize_and_cache, prep)

        routed = self.dedup.route(chunk, preps, submit)
        self.counters.deduplicated += routed.joined
        self.counters.cached += len(routed.hits)
        for prep, value, from_db in routed.hits:
            served = item.Optimized.from_cache(value)
            chunk.succeed(prep, served, self._identity, billed=False)
            if from_db:  # found in the database only: into this host's disk cache too
                chunk.to_cache.append((prep.input_hash, served.cache_value()))

    def _optimize_and_cache(self, prep: item.Prepared) -> item.Called:
        """On a worker thread: the call, then its result into the disk cache before this worker
        takes another item, so a run killed at any instant repeats at most one call per worker."""
        called = item.optimize(prep, self.engine, self.s, lambda: self.stop.hard)
        if called.optimized is not None and called.error is None:
            with self._cache_lock:  # one writer at a time: SQLite's busy wait is far slower than a lock
                self.cache.set_many([(prep.input_hash, called.optimized.cache_value())])
        return called

    def _lookup(self, hashes: list[str]) -> dict[str, dict[str, Any]]:
        return self._db.call("dedup lookup", lambda c: queue.find_succeeded_by_hash(c, hashes))

    def _release_everything(self, best_effort: bool = False) -> None:
        """Give back every item not yet written (hard stop, grace over, database lost, crash).

        Calls that finished meanwhile (e.g. while a write-back was retrying) go into
        the cache first, so the run that picks these items up does not pay for them again.
        """
        finished: list[tuple[str, dict[str, Any]]] = []
        if not self.stop.interrupted:  # calls already running (not merely queued) usually end in moments
            running = [c.future for c in self.dedup.calls.values() if not c.future.cancel()]
            wait([f for f in running if not f.done()], timeout=RELEASE_WAIT_S)
        for call in self.dedup.drop_all():
            fut = call.future
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                opt = fut.result().optimized
                if opt is not None:
                    finished.append((call.input_hash, opt.cache_value()))
            elif not fut.done() and not fut.cancel():
                self.abandoned_threads = True
            for w in call.waiters:
                w.chunk.release(w.prep.item.id)
        for chunk in self._chunks:  # successes of unwritten chunks: keep them too
            finished.extend(chunk.computed())
            chunk.release_rest()
        self.cache.set_many(finished)
        try:
            self._flush_chunks(drain=True)
        except DatabaseError:
            self.writer.abandon()  # the rest fail fast now; their results are cached already
            if not best_effort:
                raise
            log.error(
                "run %s: could not write back; a later run will reclaim these items once "
                "their lease is stale (results already computed are in the cache)",
                self.run_id,
            )

    # --- write back ---------------------------------------------------------
    def _flush_chunks(self, drain: bool = False) -> None:
        """Hand every finished chunk, in claim order, to the writer (one transaction each)."""
        self.writer.collect(block=False)
        while self._chunks and self._chunks[0].done:
            self.writer.submit(self._chunks.pop(0))
        if drain:
            self.writer.collect(block=True)

    def _write_back(self, chunk: Chunk) -> dict[str, int]:
        """On the writer thread: one transaction, each row only where this run still holds it."""
        return self._db.call(
            "write back", lambda c: queue.write_back(c, self.run_id, chunk.successes, chunk.failures, chunk.released)
        )

    def _written(self, chunk: Chunk, written: dict[str, int]) -> None:
        self.counters.add_written(written)
        log.info(
            "run %s chunk %d: %d items, %d succeeded, %d failed, %d to retry, %d released%s",
            *(self.run_id, chunk.number, len(chunk.items), written["succeeded"], written["failed"]),
            *(written["retried"], written["released"], f", {written['lost']} lost lease" if written["lost"] else ""),
        )
        if self.progress is not None:
            self.progress.advance(len(chunk.items), self.counters)

    # --- the end --------------------------------------------------------------
    def _crashed(self, exc: Exception) -> None:
        """An unexpected error in the run itself: traceback to a file, release what is held, exit 70."""
        self.crash = record_crash(exc, self.s.home, self.run_id, self.stop)
        try:
            self._release_everything(best_effort=True)
        except Exception as again:  # noqa: BLE001 - leases expire; the run must still be recorded
            log.error("run %s: could not release its items (%s); their leases will expire", self.run_id, again)

    def _finish(self) -> dict[str, Any]:
        self._billed()
        c, limit = self.counters, self.s.run.limit
        return finish_run(
            *(self._db, self.run_id, self.started_at, self.engine, c, self.stop),
            duration_s=time.monotonic() - self._t0,
            limit_reached=bool(limit and c.claimed >= limit),
            cache_status=self.cache.status,
            crash=self.crash,
        )
