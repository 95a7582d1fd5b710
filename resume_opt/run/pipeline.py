"""One run: claim -> dedup -> optimize in the pool -> write back -> report.

The main thread claims chunks (keeping the pool fed: the next chunk is claimed
while the last items of the current one run), serves items from the disk cache,
the database or another in-flight item with the same input_hash, and writes each
chunk back in one transaction once all its items are done. A heartbeat thread
keeps the run's leases fresh. Stopping (limit, runtime, budget, signal, an engine
that rejects our key) stops claiming, lets in-flight calls finish within the grace
period and releases everything else to `pending`.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from resume_opt.cache import ResultCache
from resume_opt.config import Settings
from resume_opt.db import queue
from resume_opt.db.connect import Database
from resume_opt.engines.base import Engine
from resume_opt.errors import DatabaseError, EngineError, ItemRejected, RunAbort
from resume_opt.run import item as work
from resume_opt.run.report import RunCounters, build_report

log = logging.getLogger(__name__)
T = TypeVar("T")

EXIT_SIGNAL = {"SIGINT": 130, "SIGTERM": 143}
# Chunks handed to the writer thread and not yet written; beyond this the main thread waits.
MAX_PENDING_WRITES = 2
# Items in a row that could not reach the API (after their own retries) before the run stops.
UNREACHABLE_STREAK = 3


@dataclass
class Chunk:
    """A claimed chunk: its items and their outcomes until it is written back."""

    number: int
    items: dict[int, queue.ClaimedItem]
    unfinished: set[int]
    successes: list[queue.Success] = field(default_factory=list)
    failures: list[queue.Failure] = field(default_factory=list)
    released: list[int] = field(default_factory=list)
    to_cache: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


@dataclass
class Waiter:
    chunk: Chunk
    prep: work.Prepared


class Pipeline:
    """A single run against the queue. Create, optionally `request_stop` from a signal, `run()`."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        engine: Engine,
        cache: ResultCache,
        progress: Any = None,
        options: dict[str, Any] | None = None,
    ) -> None:
        self.s = settings
        self.db = db
        self.engine = engine
        self.cache = cache
        self.progress = progress
        self.options = options or {}
        self.counters = RunCounters()
        self.run_id = 0
        self.started_at = datetime.now(UTC)
        self._t0 = time.monotonic()
        self._stop_reason: str | None = None
        self._exit_code: int | None = None
        self._hard = threading.Event()
        self._stopping = threading.Event()
        self._abort: RunAbort | None = None
        self._inflight: dict[str, Future[work.Optimized]] = {}
        self._waiters: dict[Future[work.Optimized], list[Waiter]] = {}
        self._chunks: list[Chunk] = []
        self._chunk_no = 0
        self.abandoned_threads = False
        self._signals = 0
        self._unreachable = 0
        self._next_reap = 0.0
        # One writer thread persists in order (cache entries, then each chunk's write-back)
        # while the main thread claims and prepares the next chunk.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="writer")
        self._writes: deque[tuple[Chunk, Future[dict[str, int]]]] = deque()
        self._db_lost = False

    # --- control ------------------------------------------------------------
    def request_stop(self, reason: str, exit_code: int | None = None) -> None:
        """Stop claiming, finish in-flight work, release the rest; the first reason wins."""
        if not self._stopping.is_set():
            self._stop_reason, self._exit_code = reason, exit_code
            self._stopping.set()
            log.info("run %s stopping: %s", self.run_id, reason)

    def signal_received(self, name: str) -> None:
        """SIGINT/SIGTERM: the first stops gracefully, a second exits at once (still releasing)."""
        self._signals += 1
        if self._signals == 1:
            # A signal decides the exit code even when another stop was already under way.
            self._stop_reason, self._exit_code = name, EXIT_SIGNAL.get(name, 130)
            self._stopping.set()
            log.warning("run %s: %s received; finishing in-flight work (again to stop at once)", self.run_id, name)
        else:
            self._hard.set()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def _db(self, what: str, fn: Callable[[queue.Conn], T]) -> T:
        """Run fn in a transaction, retrying a lost database within the reconnect window."""
        # Once the run has given up on the database, releasing and recording the run get one
        # try each: waiting out the whole window twice more would triple the time to exit 3.
        window = 0.0 if self._db_lost else self.s.database.reconnect_window_s
        deadline = time.monotonic() + window
        delay = 0.5
        while True:
            try:
                with self.db.connection() as conn:
                    return fn(conn)
            except DatabaseError as exc:
                if time.monotonic() + delay > deadline or self._hard.is_set():
                    raise
                log.warning("run %s: %s failed (%s); retrying in %.1fs", self.run_id, what, exc, delay)
                time.sleep(delay)
                delay = min(delay * 2, 10)

    # --- the run ------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        """Process the queue until it is empty or a stop condition holds; return the report."""
        self.run_id, started = self._db(
            "start run", lambda c: queue.start_run(c, socket.gethostname(), os.getpid(), self.engine.name, self.options)
        )
        self.started_at = started
        log.info(
            "run %s started: engine %s, model %s, %d workers, chunks of %d",
            self.run_id,
            self.engine.name,
            self.engine.model,
            self.s.run.workers,
            self.s.run.chunk_size,
        )
        heart = threading.Thread(target=self._heartbeat, name="heartbeat", daemon=True)
        heart.start()
        pool = ThreadPoolExecutor(max_workers=self.s.run.workers, thread_name_prefix="engine")
        try:
            self._loop(pool)
        except DatabaseError as exc:
            log.error("run %s: database lost: %s", self.run_id, exc)
            self._db_lost = True
            self.request_stop("database_unreachable", 3)
            self._release_everything(best_effort=True)
        finally:
            self._stopping.set()
            pool.shutdown(wait=not self.abandoned_threads, cancel_futures=True)
            self._writer.shutdown(wait=True)
            self.engine.close()
        return self._finish()

    def _loop(self, pool: ThreadPoolExecutor) -> None:
        exhausted = False
        grace_deadline: float | None = None
        while True:
            self._check_limits()
            if self._hard.is_set():
                self._release_everything()
                return
            if self.stopping:
                self._cancel_queued()
                if grace_deadline is None:
                    grace_deadline = time.monotonic() + self.s.run.grace_s
                elif time.monotonic() > grace_deadline and self._waiters:
                    log.warning("run %s: grace period over; releasing in-flight items", self.run_id)
                    self._release_everything()
                    return
            elif not exhausted and self._unfinished() <= self.s.run.workers:
                exhausted = not self._claim(pool)
            self._flush_chunks()
            if not self._waiters and not self._chunks and (exhausted or self.stopping):
                if not self._writes:
                    return
                self._collect_writes(block=True)
                continue
            if self._waiters:
                done, _ = wait(list(self._waiters), timeout=0.2, return_when=FIRST_COMPLETED)
                fresh: list[tuple[str, dict[str, Any]]] = []
                for fut in done:
                    fresh.extend(self._complete(fut))
                # Into the cache at once (by the writer, ahead of any later write-back):
                # a run killed before its write-back loses no computed result.
                if fresh:
                    self._writer.submit(self.cache.set_many, fresh)
            elif exhausted or self.stopping:
                time.sleep(0.01)

    def _unfinished(self) -> int:
        return sum(len(c.unfinished) for c in self._chunks)

    def _billed(self) -> None:
        """Tokens and cost as the provider bills them: failed calls (e.g. truncated) included."""
        usage = getattr(self.engine, "usage", None)
        if isinstance(usage, dict):
            c = self.counters
            c.tokens_in = max(c.tokens_in, int(usage.get("tokens_in", 0)))
            c.tokens_out = max(c.tokens_out, int(usage.get("tokens_out", 0)))
            c.cost_usd = max(c.cost_usd, float(usage.get("cost_usd", 0.0)))

    def _check_limits(self) -> None:
        if self.stopping:
            return
        self._billed()
        s, c = self.s.run, self.counters
        if s.max_runtime_s and time.monotonic() - self._t0 >= s.max_runtime_s:
            self.request_stop("max_runtime")
        elif s.budget_usd and c.cost_usd >= s.budget_usd:
            self.request_stop("budget")
        elif s.budget_tokens and c.tokens_in + c.tokens_out >= s.budget_tokens:
            self.request_stop("budget")

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

        items = self._db("claim", claim)
        if not items:
            return False
        self._chunk_no += 1
        chunk = Chunk(self._chunk_no, {it.id: it for it in items}, {it.id for it in items})
        self._chunks.append(chunk)
        self.counters.claimed += len(items)
        self._dispatch(chunk, pool)
        return True

    def _dispatch(self, chunk: Chunk, pool: ThreadPoolExecutor) -> None:
        preps: list[work.Prepared] = []
        for item in chunk.items.values():
            try:
                preps.append(work.prepare(item, self.engine, self.s))
            except ItemRejected as exc:
                self._fail(chunk, item, exc)
        # Disk cache first, then the database (shared by every host), then in-flight work.
        missing: list[work.Prepared] = []
        for prep in preps:
            hit = self.cache.get(prep.input_hash)
            if hit is not None:
                self._succeed_cached(chunk, prep, hit, store_in_cache=False)
            else:
                missing.append(prep)
        hashes = sorted({p.input_hash for p in missing if p.input_hash not in self._inflight})
        found = self._db("dedup lookup", lambda c: queue.find_succeeded_by_hash(c, hashes)) if hashes else {}
        for prep in missing:
            if prep.input_hash in found:
                self._succeed_cached(chunk, prep, found[prep.input_hash], store_in_cache=True)
            elif prep.input_hash in self._inflight:
                self.counters.deduplicated += 1
                self._waiters[self._inflight[prep.input_hash]].append(Waiter(chunk, prep))
            else:
                fut = pool.submit(work.optimize, prep, self.engine, self.s, lambda: self._hard.is_set())
                self._inflight[prep.input_hash] = fut
                self._waiters[fut] = [Waiter(chunk, prep)]

    # --- outcomes -----------------------------------------------------------
    def _succeed_cached(self, chunk: Chunk, prep: work.Prepared, hit: dict[str, Any], store_in_cache: bool) -> None:
        self.counters.cached += 1
        opt = work.Optimized(
            result=hit["result"], score_before=hit.get("score_before"), score_after=hit.get("score_after"), latency_ms=0
        )
        self._succeed(chunk, prep, opt, cache=store_in_cache, from_call=False)

    def _succeed(self, chunk: Chunk, prep: work.Prepared, opt: work.Optimized, cache: bool, from_call: bool) -> None:
        """Record a success; `cache` means it still has to go into the disk cache (at flush)."""
        chunk.successes.append(
            queue.Success(
                id=prep.item.id,
                input_hash=prep.input_hash,
                engine=self.engine.name,
                model=self.engine.model,
                prompt_version=self.engine.prompt_version,
                result=opt.result,
                score_before=opt.score_before,
                score_after=opt.score_after,
                tokens_in=opt.tokens_in if from_call else 0,
                tokens_out=opt.tokens_out if from_call else 0,
                cost_usd=opt.cost_usd if from_call else 0.0,
                latency_ms=opt.latency_ms if from_call else 0,
            )
        )
        if cache:
            chunk.to_cache.append((prep.input_hash, opt.cache_value()))
        chunk.unfinished.discard(prep.item.id)

    def _fail(self, chunk: Chunk, item: queue.ClaimedItem, exc: BaseException) -> None:
        # Only the item itself being unusable is final at once; anything else (a bug included)
        # backs off and is tried again until max_attempts.
        permanent = isinstance(exc, ItemRejected)
        kind = exc.kind if isinstance(exc, EngineError) else "internal_error"
        message = str(exc) if isinstance(exc, EngineError) else f"{type(exc).__name__} while processing"
        backoff = min(self.s.run.backoff_max_s, self.s.run.backoff_base_s * 2 ** max(item.attempts - 1, 0))
        chunk.failures.append(queue.Failure(item.id, kind, f"{kind}: {message}", permanent, backoff))
        self.counters.errors[kind] = self.counters.errors.get(kind, 0) + 1
        log.warning(
            "run %s optimization %s failed (%s, attempt %d of %d): %s",
            self.run_id,
            item.id,
            kind,
            item.attempts,
            item.max_attempts,
            message,
        )
        chunk.unfinished.discard(item.id)

    def _complete(self, fut: Future[work.Optimized]) -> list[tuple[str, dict[str, Any]]]:
        """Record a finished call for every item waiting on it; return what to cache now."""
        waiters = self._waiters.pop(fut)
        self._inflight.pop(waiters[0].prep.input_hash, None)
        if fut.cancelled():
            for w in waiters:
                self._release(w.chunk, w.prep.item.id)
            return []
        exc = fut.exception()
        stats = getattr(exc, "call_stats", None) if exc else fut.result().calls
        if stats is not None:
            self.counters.engine_calls += stats.calls
            self.counters.rate_limited += stats.rate_limited
            self.counters.call_retries += stats.retries
            for kind in stats.errors:
                self.counters.call_errors[kind] = self.counters.call_errors.get(kind, 0) + 1
        if exc is None:
            self._unreachable = 0
            opt = fut.result()
            self.counters.add_usage(opt.tokens_in, opt.tokens_out, opt.cost_usd, opt.latency_ms)
            for i, w in enumerate(waiters):
                self._succeed(w.chunk, w.prep, opt, cache=False, from_call=(i == 0))
            return [(waiters[0].prep.input_hash, opt.cache_value())]
        elif isinstance(exc, RunAbort) and exc.kind == "deadline":
            # The next request slot lies past --max-runtime: an ordinary end of the window.
            self.request_stop("max_runtime")
            for w in waiters:
                self._release(w.chunk, w.prep.item.id)
        elif isinstance(exc, RunAbort):
            if self._abort is None:
                self._abort = exc
                log.error("run %s: %s", self.run_id, exc)
                self.request_stop(exc.kind, exc.exit_code)
            for w in waiters:
                self._release(w.chunk, w.prep.item.id)
        elif isinstance(exc, EngineError) and exc.kind == "connection":
            # The API cannot be reached at all (its retries already spent): that is no
            # fault of the item. Give it back uncharged; a few in a row end the run (exit 3).
            self._unreachable += 1
            for w in waiters:
                self._release(w.chunk, w.prep.item.id)
            if self._unreachable >= UNREACHABLE_STREAK and self._abort is None:
                self._abort = RunAbort(f"stopping: {exc}")
                log.error("run %s: %s", self.run_id, exc)
                self.request_stop("api_unreachable", 3)
        else:
            for w in waiters:
                self._fail(w.chunk, w.prep.item, exc)
        return []

    def _release(self, chunk: Chunk, item_id: int) -> None:
        chunk.released.append(item_id)
        chunk.unfinished.discard(item_id)

    def _cancel_queued(self) -> None:
        for fut in list(self._waiters):
            if fut.cancel():
                self._complete(fut)

    def _release_everything(self, best_effort: bool = False) -> None:
        """Give back every item not yet written (hard stop, grace over, database lost).

        Calls that finished meanwhile (e.g. while a write-back was retrying) go into
        the cache first, so the run that picks these items up does not pay for them again.
        """
        finished: list[tuple[str, dict[str, Any]]] = []
        for fut in list(self._waiters):
            waiters = self._waiters.pop(fut)
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                finished.append((waiters[0].prep.input_hash, fut.result().cache_value()))
            elif not fut.cancel():
                self.abandoned_threads = True
            for w in waiters:
                self._release(w.chunk, w.prep.item.id)
        for chunk in self._chunks:  # successes of unwritten chunks: keep them too
            finished.extend(
                (s.input_hash, {"result": s.result, "score_before": s.score_before, "score_after": s.score_after})
                for s in chunk.successes
            )
        self.cache.set_many(finished)
        self._inflight.clear()
        for chunk in self._chunks:
            for item_id in list(chunk.unfinished):
                self._release(chunk, item_id)
        try:
            self._flush_chunks(drain=True)
        except DatabaseError:
            while self._writes:  # the rest fail fast now; their results are cached already
                _, pending = self._writes.popleft()
                pending.exception()
            if not best_effort:
                raise
            log.error(
                "run %s: could not write back; a later run will reclaim these items once "
                "their lease is stale (results already computed are in the cache)",
                self.run_id,
            )

    def _flush_chunks(self, drain: bool = False) -> None:
        """Hand every finished chunk, in claim order, to the writer (one transaction each)."""
        self._collect_writes(block=False)
        while self._chunks and not self._chunks[0].unfinished:
            chunk = self._chunks.pop(0)
            self._writes.append((chunk, self._writer.submit(self._write_chunk, chunk)))
            if len(self._writes) > MAX_PENDING_WRITES:
                self._collect_writes(block=True, one=True)
        if drain:
            self._collect_writes(block=True)

    def _write_chunk(self, chunk: Chunk) -> dict[str, int]:
        """On the writer thread: cache first (a result survives a lost write-back), then the rows."""
        self.cache.set_many(chunk.to_cache)
        return self._db(
            "write back", lambda c: queue.write_back(c, self.run_id, chunk.successes, chunk.failures, chunk.released)
        )

    def _collect_writes(self, block: bool, one: bool = False) -> None:
        """Account for finished write-backs in order; a lost database surfaces here."""
        while self._writes and (block or self._writes[0][1].done()):
            chunk, fut = self._writes.popleft()
            written = fut.result()
            c = self.counters
            c.succeeded += written["succeeded"]
            c.failed += written["failed"]
            c.retried += written["retried"]
            c.released += written["released"]
            c.lost_lease += written["lost"]
            log.info(
                "run %s chunk %d: %d items, %d succeeded, %d failed, %d to retry, %d released%s",
                self.run_id,
                chunk.number,
                len(chunk.items),
                written["succeeded"],
                written["failed"],
                written["retried"],
                written["released"],
                f", {written['lost']} lost lease" if written["lost"] else "",
            )
            if self.progress is not None:
                self.progress.advance(len(chunk.items), c)
            if one:
                return

    def _heartbeat(self) -> None:
        interval = self.s.run.heartbeat_interval_s
        while not self._stopping.wait(interval) or self._waiters or self._chunks or self._writes:
            if self._hard.is_set():
                return
            try:
                with self.db.connection() as conn:
                    queue.heartbeat(conn, self.run_id)
            except Exception as exc:  # the next beat may succeed; a lost lease is caught on write-back
                log.warning("run %s: heartbeat failed: %s", self.run_id, exc)
            if self._stopping.is_set() and not self._waiters and not self._chunks and not self._writes:
                return

    # --- the end --------------------------------------------------------------
    def _finish(self) -> dict[str, Any]:
        self._billed()
        c = self.counters
        if self._exit_code is not None:
            code = self._exit_code
        elif c.failed or c.retried:
            code = 1
        else:
            code = 0
        reason = self._stop_reason or ("limit" if self.s.run.limit and c.claimed >= self.s.run.limit else "queue_empty")
        report = build_report(
            run_id=self.run_id,
            started_at=self.started_at,
            engine=self.engine,
            counters=c,
            duration_s=time.monotonic() - self._t0,
            stop_reason=reason,
            exit_code=code,
            cache_status=self.cache.status,
        )
        if self._abort is not None:
            report["message"] = str(self._abort)
        status = {0: "succeeded", 1: "partial"}.get(code, "stopped")
        try:
            self._db("finish run", lambda conn: queue.finish_run(conn, self.run_id, report, status))
        except DatabaseError as exc:
            log.error("run %s: could not record the run in the database: %s", self.run_id, exc)
            report.setdefault("message", str(exc))
        return report
