"""Settling finished engine calls: each waiting item gets its outcome, the run its stop.

The pipeline hands over every call that finished (or was cancelled); the settler
classifies it (run/outcome.py), records the outcome on each chunk waiting on it,
counts calls and usage (the worker that made a call has already put its result in the
disk cache), and turns run-level outcomes (a rejected key, a spent quota, an API down for several
items in a row) into a stop.
"""

from __future__ import annotations

import logging
from concurrent.futures import FIRST_COMPLETED, wait

from resume_opt.db import queue
from resume_opt.errors import RunAbort
from resume_opt.run import item
from resume_opt.run.chunk import Chunk
from resume_opt.run.dedup import Call, Dedup
from resume_opt.run.outcome import CANCELLED, Action, Outcome, classify
from resume_opt.run.report import RunCounters
from resume_opt.run.stop import StopState
from resume_opt.run.writer import ChunkWriter

log = logging.getLogger(__name__)

# Items in a row that could not reach the API (after their own retries) before the run stops.
UNREACHABLE_STREAK = 3


class Settler:
    """Outcomes of one run's calls; `run_id` is set once the run has one (for log lines)."""

    def __init__(
        self,
        counters: RunCounters,
        stop: StopState,
        dedup: Dedup,
        writer: ChunkWriter,
        identity: tuple[str, str, str],
        backoff: tuple[float, float],
    ) -> None:
        self.counters, self.stop, self.dedup, self.writer = counters, stop, dedup, writer
        self.identity, self.backoff = identity, backoff
        self.run_id = 0
        self._unreachable = 0

    def request_stop(self, reason: str, exit_code: int | None = None) -> None:
        if self.stop.request(reason, exit_code):
            log.info("run %s stopping: %s", self.run_id, reason)

    def await_calls(self, timeout: float) -> None:
        done, _ = wait(self.dedup.in_flight(), timeout=timeout, return_when=FIRST_COMPLETED)
        for fut in done:
            self._complete(self.dedup.finish(fut))

    def _complete(self, call: Call) -> None:
        """Give every item waiting on a finished call its outcome."""
        fut = call.future
        if fut.cancelled():
            self._apply(call, CANCELLED, None)
            return
        exc = fut.exception()  # an error applying the proposal; the engine's own is in Called
        called = fut.result() if exc is None else None
        if called is not None:
            st = called.stats
            self.counters.add_calls(st.calls, st.retries, st.rate_limited, st.errors)
        self._apply(call, classify(exc if called is None else called.error), called)

    def _apply(self, call: Call, outcome: Outcome, called: item.Called | None) -> None:
        if outcome.action is Action.SUCCEEDED and called is not None and called.optimized is not None:
            self._unreachable = 0
            opt = called.optimized
            self.counters.add_usage(opt.tokens_in, opt.tokens_out, opt.cost_usd, opt.latency_ms)
            for i, w in enumerate(call.waiters):
                w.chunk.succeed(w.prep, opt, self.identity, billed=(i == 0))
            return
        for w in call.waiters:
            if outcome.action is Action.RELEASE:
                w.chunk.release(w.prep.item.id)
            else:
                self.fail(w.chunk, w.prep.item, outcome)
        self._stop_for(outcome)

    def _stop_for(self, outcome: Outcome) -> None:
        """The run-level side of an outcome: a rejected key, a spent quota, an API that is down."""
        if outcome.unreachable:
            self._unreachable += 1
            if self._unreachable >= UNREACHABLE_STREAK and self.stop.aborted(
                RunAbort(f"stopping: {outcome.message}"), "api_unreachable", 3
            ):
                log.error("run %s: %s", self.run_id, outcome.message)
        elif outcome.abort is not None:
            if self.stop.aborted(outcome.abort):
                log.error("run %s: %s", self.run_id, outcome.abort)
        elif outcome.stop is not None:
            self.request_stop(*outcome.stop)

    def fail(self, chunk: Chunk, claimed: queue.ClaimedItem, outcome: Outcome) -> None:
        chunk.fail(claimed, outcome, self.backoff[0], self.backoff[1])
        self.counters.add_error(outcome.kind)
        log.warning(
            "run %s optimization %s failed (%s, attempt %d of %d): %s",
            *(self.run_id, claimed.id, outcome.kind, claimed.attempts, claimed.max_attempts, outcome.message),
        )

    def cancel_queued(self) -> None:
        for call in list(self.dedup.calls.values()):
            if call.future.cancel():
                self._apply(self.dedup.finish(call.future), CANCELLED, None)
