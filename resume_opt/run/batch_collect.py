"""Collecting: every terminal batch of ours, its output and error files streamed line by line.

One run collects a batch (`batches.claim_collect`: a status transition another run
cannot make at the same time, taken back only when the collector's lease is stale).
Lines are handled `collect_chunk` at a time: the items their custom_id (input_hash)
names are read, each answer goes through the same `finalize` (guard) as online — in
a process pool for big chunks, one chunk guarded while the previous one is written —
results go to the disk cache (a thread of its own), and one transaction takes the still-submitted items
(`submitted -> running`, this run) and writes them back (`queue.write_back`). A run
killed midway leaves unwritten items `submitted`: the next collector re-reads the
files and skips lines whose items are no longer held, so nothing is written twice.
"""

from __future__ import annotations

import functools
import multiprocessing as mp
import os
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from resume_opt.ats.proposal import Proposal
from resume_opt.ats.tailor import finalize
from resume_opt.db import batches, queue
from resume_opt.db.queue import ClaimedItem
from resume_opt.engines.groq.batch import BatchInfo, LineResult, parse_result_line
from resume_opt.errors import ItemRejected
from resume_opt.run import item as work
from resume_opt.run.batch_context import BatchContext, log

# Chunks with fewer proposals than this are guarded in the run's own process (no pool start-up).
POOL_MIN_JOBS = 200


@dataclass
class _Stage:
    """A chunk between being taken and being written back."""

    row: batches.BatchRow
    results: dict[str, LineResult]
    guarded: list[dict[str, tuple[str, Any]]] = field(default_factory=list)
    futures: list[Future[dict[str, tuple[str, Any]]]] = field(default_factory=list)


@dataclass
class _Tally:
    """One chunk's write-back and what it adds to the counters."""

    successes: list[queue.Success] = field(default_factory=list)
    failures: list[queue.Failure] = field(default_factory=list)
    released: list[int] = field(default_factory=list)
    usage: list[tuple[int, int, float]] = field(default_factory=list)
    cost: float = 0.0
    online: float = 0.0


def guard_many(
    jobs: list[tuple[ClaimedItem, str, Proposal]], limits: tuple[int, str, str, str]
) -> dict[str, tuple[str, Any]]:
    """Prepare each item again and apply its proposal through `finalize` (the guard), as online.

    Pure (runs in a worker process): input_hash -> ("ok", result) | ("release", None) when the
    inputs changed since submission | ("reject", (kind, message)) when the item is unusable now.
    """
    max_chars, name, model, prompt_version = limits
    settings = SimpleNamespace(engine=SimpleNamespace(max_resume_chars=max_chars))
    identity = SimpleNamespace(name=name, model=model, prompt_version=prompt_version)
    out: dict[str, tuple[str, Any]] = {}
    for it, h, proposal in jobs:
        try:
            prep = work.prepare(it, identity, settings)  # type: ignore[arg-type]
        except ItemRejected as exc:
            out[h] = ("reject", (exc.kind, str(exc)))
            continue
        if prep.input_hash != h:
            out[h] = ("release", None)
            continue
        result = finalize(prep.resume, prep.job, proposal)
        result.update({k: v for k, v in proposal.extra.items() if k not in result})
        out[h] = ("ok", result)
    return out


class Collector:
    """Refreshes our live batches and collects each terminal one."""

    def __init__(self, ctx: BatchContext) -> None:
        self.ctx = ctx
        self._first_error: str | None = None
        self._workers = ctx.settings.batch.collect_processes or (os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None
        self._cacher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-cache")
        self._caching: list[Future[None]] = []

    def refresh_and_collect(self) -> int:
        """One pass over every live batch; return how many are still in flight after it."""
        ctx = self.ctx
        in_flight = 0
        for row in ctx.tx("live batches", batches.live):
            if ctx.stop.is_set():
                break
            if row.provider_batch_id is None:
                in_flight += 1  # being submitted (or left to reconciliation)
                continue
            # Always ask: a batch may have ended before its creation was even recorded.
            info = ctx.client.retrieve(row.provider_batch_id)
            ctx.tx("refresh batch", functools.partial(_refresh, row.id, info))
            if info.status in batches.PROVIDER_TERMINAL:
                taken = ctx.tx("claim batch", functools.partial(self._claim, row.id))
                if taken is not None:
                    self.collect(taken, info)
                    continue
            in_flight += 1
        return in_flight

    def _claim(self, batch_id: int, conn: queue.Conn) -> batches.BatchRow | None:
        return batches.claim_collect(conn, batch_id, self.ctx.run_id, self.ctx.settings.run.lease_timeout_s)

    def _lines(self, file_id: str | None) -> Iterator[bytes]:
        if file_id:
            yield from self.ctx.client.iter_lines(file_id)

    def collect(self, row: batches.BatchRow, info: BatchInfo) -> None:
        """Apply a terminal batch's output and error files, then settle the items left over.

        `info` is what the provider says now (file ids, status): a collector that took over
        from a dead one settles leftovers by what really happened to the batch."""
        ctx = self.ctx
        provider_status = info.status
        self._first_error = info.first_error
        known = ctx.tx("batch inputs", lambda conn: batches.batch_hashes(conn, row.id))
        ctx.info("collecting batch %s (%s, %s lines)", row.id, provider_status, row.lines)
        chunk: dict[str, LineResult] = {}
        stage: _Stage | None = None
        size = ctx.settings.batch.collect_chunk
        for file_id in (info.output_file_id, info.error_file_id):
            for raw in self._lines(file_id):
                res = parse_result_line(raw, ctx.prices)
                if res is None or res.custom_id not in known:
                    ctx.counters.unknown_lines += 1
                    log.warning(
                        "run %s: batch %s: ignoring a result line with an unknown custom_id", ctx.run_id, row.id
                    )
                    continue
                chunk[res.custom_id] = res
                if len(chunk) >= size:
                    # One chunk is guarded (in the pool) while the one before it is written back.
                    stage, previous = self._start(row, chunk), stage
                    if previous is not None:
                        self._finish(previous)
                    chunk = {}
        if chunk:
            stage, previous = self._start(row, chunk), stage
            if previous is not None:
                self._finish(previous)
        if stage is not None:
            self._finish(stage)
        self._settle_rest(row, provider_status)
        ctx.tx("finish batch", lambda conn: batches.finish_collect(conn, row.id, ctx.run_id))
        ctx.counters.batches_collected += 1

    def _start(self, row: batches.BatchRow, results: dict[str, LineResult]) -> _Stage:
        """Take a chunk's items and start guarding its proposals (in the pool when there is one)."""
        ctx = self.ctx
        held = ctx.tx("read items", lambda conn: batches.read_items(conn, row.id, sorted(results)))
        stage = _Stage(row, results)
        jobs: list[tuple[ClaimedItem, str, Proposal]] = []
        queued: set[str] = set()
        for it, h in held:
            res = results[h]
            if res.proposal is not None and not res.not_run and res.error is None and h not in queued:
                queued.add(h)
                jobs.append((it, h, res.proposal))
        limits = (
            ctx.settings.engine.max_resume_chars,
            ctx.identity.name,
            ctx.identity.model,
            ctx.identity.prompt_version,
        )
        pool = self._pool_for(len(jobs))
        if pool is None:
            stage.guarded = [guard_many(jobs, limits)]
        else:
            step = max(1, -(-len(jobs) // (self._workers * 2)))
            stage.futures = [pool.submit(guard_many, jobs[i : i + step], limits) for i in range(0, len(jobs), step)]
        return stage

    def _finish(self, stage: _Stage) -> None:
        """Take and write a chunk's items in one transaction; cache its results beside it.

        Nothing is held between transactions: a run killed before this commit leaves the
        chunk `submitted`, and the next collector applies it (from the disk cache's twin
        of this work or afresh) — nothing is reaped, nothing submitted again.
        """
        ctx = self.ctx
        outcomes: dict[str, tuple[str, Any]] = {}
        for part in stage.guarded + [f.result() for f in stage.futures]:
            outcomes.update(part)
        # For later dedup only (an unwritten chunk stays `submitted` and is collected again), so
        # the cache is written by its own thread, beside the write-back.
        fresh = [
            (h, {"result": v, "score_before": v.get("score_before"), "score_after": v.get("score_after")})
            for h, (verdict, v) in outcomes.items()
            if verdict == "ok"
        ]
        if fresh:
            self._caching.append(self._cacher.submit(ctx.cache.set_many, fresh))
            while len(self._caching) > 2:
                self._caching.pop(0).result()

        def write(conn: queue.Conn) -> tuple[dict[str, int], _Tally]:
            taken = batches.take_items(conn, stage.row.id, ctx.run_id, sorted(stage.results))
            tally = self._tally(stage, taken, outcomes)
            written = queue.write_back(conn, ctx.run_id, tally.successes, tally.failures, tally.released)
            if tally.cost or tally.online:
                batches.add_cost(conn, stage.row.id, tally.cost, tally.online)
            return written, tally

        written, tally = ctx.tx("write back", write)
        self._count(written, tally)

    def _tally(
        self, stage: _Stage, taken: list[tuple[ClaimedItem, str]], outcomes: dict[str, tuple[str, Any]]
    ) -> _Tally:
        """What to write for each taken item (pure: the transaction may be retried)."""
        t = _Tally()
        billed: set[str] = set()
        for it, h in taken:
            res = stage.results[h]
            if res.not_run:
                t.released.append(it.id)
                continue
            if res.error is not None:
                t.failures.append(self._failure(it, res.error.kind, str(res.error)))
                continue
            verdict, value = outcomes.get(h, ("release", None))
            if verdict == "release":  # the resume or job changed since submission: do it again
                t.released.append(it.id)
                continue
            if verdict == "reject":
                kind, message = value
                t.failures.append(queue.Failure(it.id, kind, f"{kind}: {message}", True, 0.0))
                continue
            first = h not in billed
            billed.add(h)
            self._add_success(t, it, h, res, value, first)
        return t

    def _add_success(
        self, t: _Tally, it: ClaimedItem, h: str, res: LineResult, result: dict[str, Any], first: bool
    ) -> None:
        """Add one succeeded item to the tally; only the first item of an input carries its tokens and cost."""
        ctx = self.ctx
        line_cost, line_online = ctx.prices.cost(res.tokens_in, res.tokens_out) if first else (0.0, 0.0)
        t.cost += line_cost
        t.online += line_online
        if first:
            t.usage.append((res.tokens_in, res.tokens_out, line_cost))
        t.successes.append(
            queue.Success(
                id=it.id,
                input_hash=h,
                engine=ctx.identity.name,
                model=ctx.identity.model,
                prompt_version=ctx.identity.prompt_version,
                result=result,
                score_before=result.get("score_before"),
                score_after=result.get("score_after"),
                tokens_in=res.tokens_in if first else 0,
                tokens_out=res.tokens_out if first else 0,
                cost_usd=round(line_cost, 8),
                latency_ms=None,
            )
        )

    def _count(self, written: dict[str, int], t: _Tally) -> None:
        c = self.ctx.counters
        self.ctx.count_written(written)
        c.collected += len(t.successes) + len(t.failures) + len(t.released)
        c.online_cost_usd += t.online
        for tokens_in, tokens_out, cost in t.usage:
            c.add_usage(tokens_in, tokens_out, cost, None)
            c.engine_calls += 1
        for f in t.failures:
            self.ctx.count_error(f.kind)

    def _pool_for(self, jobs: int) -> ProcessPoolExecutor | None:
        """Guarding is CPU-bound Python: big chunks go to one process per core."""
        if self._workers <= 1 or jobs < POOL_MIN_JOBS:
            return None
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self._workers, mp_context=mp.get_context("spawn"))
        return self._pool

    def close(self) -> None:
        for fut in self._caching:
            fut.result()
        self._caching.clear()
        self._cacher.shutdown(wait=True)
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _failure(self, it: queue.ClaimedItem, kind: str, message: str) -> queue.Failure:
        return queue.Failure(it.id, kind, f"{kind}: {message}", False, self.ctx.backoff_s(it.attempts))

    def _settle_rest(self, row: batches.BatchRow, provider_status: str) -> None:
        """Items no line answered: expired or cancelled ones back uncharged, the rest charged."""
        ctx = self.ctx
        if provider_status in ("expired", "cancelled"):
            n = ctx.tx("return unrun", lambda conn: batches.return_uncharged(conn, row.id, None))
            ctx.counters.released += n
            ctx.counters.collected += n
            return
        if provider_status == "failed":
            kind, why = "batch_invalid", self._first_error or "the batch failed validation"
            log.warning("run %s: batch %s failed validation: %s", ctx.run_id, row.id, why)
        else:
            kind, why = "batch_missing", "no result line for this request"

        def write(conn: queue.Conn) -> tuple[dict[str, int], _Tally]:
            t = _Tally()
            t.failures = [self._failure(it, kind, why) for it, _ in batches.take_items(conn, row.id, ctx.run_id, None)]
            return queue.write_back(conn, ctx.run_id, [], t.failures, []), t

        written, tally = ctx.tx("settle the rest", write)
        self._count(written, tally)


def _refresh(batch_id: int, info: BatchInfo, conn: queue.Conn) -> None:
    batches.refresh(
        conn,
        batch_id,
        info.status,
        info.output_file_id,
        info.error_file_id,
        info.completed,
        info.failed,
        info.expires_at,
        info.first_error,
    )
