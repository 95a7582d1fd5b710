"""`run --follow`: keep running, and process work as soon as it is queued.

A loop around the ordinary run: while the queue has claimable work, run the pipeline until it is
drained (one *round*: one run record, one report file, same limits, heartbeat, guard and
write-back as `resume-opt run`); then wait for new work and go again. New work is heard of
through the channel `resume_opt_enqueued` (sent by a trigger on every statement that queues
something), listened to over a dedicated direct connection outside the pool, or, behind a transaction-mode
pooler where LISTEN has no session, by looking at the queue every `run.follow_poll_s`. Retries
are woken when their backoff ends. `run.limit`, `run.max_runtime_s` and the budgets apply to the
whole session: each round gets what is left.

SIGTERM/SIGINT during a round stop it exactly as they stop `run` (in-flight work finishes within
the grace period, the rest is released, the round's report written); between rounds they end the
wait at once. Either way the session's summary (`follow-<start>-<pid>.json` in the reports
directory) is written and the exit code is 143/130.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import select
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from resume_opt.cache import ResultCache
from resume_opt.config import Settings
from resume_opt.db import platform
from resume_opt.db.connect import Database
from resume_opt.db.platform import Listener
from resume_opt.engines import make_engine
from resume_opt.engines.base import Engine
from resume_opt.errors import DatabaseError
from resume_opt.run.pipeline import EXIT_SIGNAL, Pipeline
from resume_opt.run.report import RunCounters, _atomic_write, build_report

log = logging.getLogger(__name__)

# Stop reasons of a round that end the session (its limits are the session's).
SESSION_LIMITS = ("max_runtime", "limit", "budget")
# The Groq limiter refuses waits past its deadline (a day when the run has none): a long-lived
# session builds a fresh engine between rounds well before that.
ENGINE_MAX_AGE_S = 6 * 3600.0


def listens(settings: Settings, pooler: str | None = None) -> bool:
    """Whether `run --follow` uses LISTEN (True) or polling (False).

    `pooler` is what the database connection found in front (`Database.pooler`: none,
    transaction or session); with `run.follow_listen: auto`, a transaction pooler means polling."""
    mode = settings.run.follow_listen
    if mode == "auto":
        return (pooler or settings.database.pooler) != "transaction"
    return mode == "on"


class SharedEngine:
    """One engine (and its rate limiter) kept across rounds.

    The pipeline closes its engine at the end of a run: here that is a no-op, the follower closes
    the real one. `usage` counts from the start of the round, so each round's report bills its own.
    """

    def __init__(self, engine: Engine) -> None:
        self.inner = engine
        self.name = engine.name
        self.model = engine.model
        self.prompt_version = engine.prompt_version
        self.built = time.monotonic()
        self._base: dict[str, Any] = {}

    def start_round(self) -> None:
        usage = getattr(self.inner, "usage", None)
        self._base = dict(usage) if isinstance(usage, dict) else {}

    @property
    def usage(self) -> dict[str, Any] | None:
        usage = getattr(self.inner, "usage", None)
        if not isinstance(usage, dict):
            return None
        return {k: v - self._base.get(k, 0) if isinstance(v, (int, float)) else v for k, v in usage.items()}

    def propose(self, resume: str, job: Any) -> Any:
        return self.inner.propose(resume, job)

    def close(self) -> None:
        return None

    def __getattr__(self, name: str) -> Any:  # engine-specific attributes (e.g. max_resume_chars)
        return getattr(self.inner, name)


class Follower:
    """A `run --follow` session: rounds of the pipeline, waits between them, one summary."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        cache: ResultCache,
        engine_name: str,
        save_report: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        self.s = settings
        self.db = db
        self.cache = cache
        self.engine_name = engine_name
        self.save_report = save_report
        self.listen = listens(settings, db.pooler)
        self.counters = RunCounters()
        self.run_ids: list[int] = []
        self.abandoned_threads = False
        self._signal: str | None = None
        self._current: Pipeline | None = None
        self._listener: Listener | None = None
        self._wake_r, self._wake_w = os.pipe()
        for fd in (self._wake_r, self._wake_w):
            os.set_blocking(fd, False)
        self._t0 = time.monotonic()
        self._deadline = self._t0 + settings.run.max_runtime_s if settings.run.max_runtime_s else None
        self._engine = self._new_engine()

    # --- control (signal handlers call this) ----------------------------------------------------
    def signal_received(self, name: str) -> None:
        """SIGINT/SIGTERM: forwarded to the running round (as for `run`); ends a wait at once."""
        if self._signal is None:
            self._signal = name
        current = self._current
        if current is not None:
            current.signal_received(name)
        try:
            os.write(self._wake_w, b"!")
        except OSError:  # full (a wake-up is pending already), or closed (the session is over)
            pass

    # --- the session ------------------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        """Follow the queue until a signal, a session limit or an error; return the summary."""
        started = datetime.now(UTC)
        reason, code, message = "SIGTERM", 143, None
        try:
            reason, code, message = self._follow()
        except DatabaseError as exc:
            log.error("follow: database lost: %s", exc)
            reason, code, message = "database_unreachable", 3, str(exc)
        finally:
            if self._listener is not None:
                self._listener.close()
            self._engine.inner.close()
            os.close(self._wake_r)
            os.close(self._wake_w)
        if code == 0 and (self.counters.failed or self.counters.retried):
            code = 1
        summary = build_report(
            run_id=0,
            started_at=started,
            engine=self._engine,
            counters=self.counters,
            duration_s=time.monotonic() - self._t0,
            stop_reason=reason,
            exit_code=code,
            cache_status=self.cache.status,
        )
        summary["run_id"] = None
        summary["follow"] = {"rounds": len(self.run_ids), "run_ids": self.run_ids, "listen": self.listen}
        if message:
            summary["message"] = message
        return summary

    def _follow(self) -> tuple[str, int, str | None]:
        """The loop; returns (stop_reason, exit_code, message)."""
        if self.listen:
            self._listener = Listener(self.db.dsn, platform.ENQUEUED_CHANNEL, self.s.database.connect_timeout_s)
            log.info("follow: listening on channel %s", platform.ENQUEUED_CHANNEL)
        else:
            log.info("follow: polling the queue every %gs", self.s.run.follow_poll_s)
        idle_until = 0.0  # after a round that found nothing (another run took it), do not spin
        while True:
            if self._signal is not None:
                return self._signal, EXIT_SIGNAL.get(self._signal, 130), None
            limit = self._limit_reached()
            if limit:
                return limit, 0, None
            if self._listener is not None:
                self._drain()
            with self.db.connection() as conn:
                due_in = platform.next_claimable_in(conn)
            now = time.monotonic()
            if due_in is not None and due_in <= 0 and now >= idle_until:
                report = self._round()
                code = int(report["exit_code"])
                if code in EXIT_SIGNAL.values() or code >= 2 or self.abandoned_threads:
                    return str(report["stop_reason"]), code, report.get("message")
                if report["stop_reason"] in SESSION_LIMITS:
                    return str(report["stop_reason"]), 0, None
                if not report["claimed"]:
                    idle_until = time.monotonic() + self.s.run.follow_poll_s
                continue
            timeout = self.s.run.follow_recheck_s if self._listener is not None else self.s.run.follow_poll_s
            if due_in is not None:
                timeout = min(timeout, max(due_in, 0.0))
            if now < idle_until:
                timeout = max(timeout, idle_until - now)
            if self._deadline is not None:
                timeout = min(timeout, max(self._deadline - now, 0.0))
            self._wait(timeout)

    def _limit_reached(self) -> str | None:
        r, c = self.s.run, self.counters
        if self._deadline is not None and time.monotonic() >= self._deadline:
            return "max_runtime"
        if r.limit and c.claimed >= r.limit:
            return "limit"
        if (r.budget_usd and c.cost_usd >= r.budget_usd) or (
            r.budget_tokens and c.tokens_in + c.tokens_out >= r.budget_tokens
        ):
            return "budget"
        return None

    def _round_settings(self) -> Settings:
        """The session's settings with what is left of its limits."""
        r, c = self.s.run, self.counters
        left = dataclasses.replace(
            r,
            limit=r.limit - c.claimed if r.limit else 0,
            budget_usd=r.budget_usd - c.cost_usd if r.budget_usd else 0.0,
            budget_tokens=r.budget_tokens - c.tokens_in - c.tokens_out if r.budget_tokens else 0,
            max_runtime_s=max(self._deadline - time.monotonic(), 0.001) if self._deadline is not None else 0,
        )
        return dataclasses.replace(self.s, run=left)

    def _new_engine(self) -> SharedEngine:
        return SharedEngine(make_engine(self.engine_name, self.s, pool=self.db.pool, deadline=self._deadline))

    def _round(self) -> dict[str, Any]:
        if time.monotonic() - self._engine.built > ENGINE_MAX_AGE_S:
            self._engine.inner.close()
            self._engine = self._new_engine()
        self._engine.start_round()
        settings = self._round_settings()
        options = {
            "engine": self._engine.name,
            "model": self._engine.model,
            "chunk_size": settings.run.chunk_size,
            "workers": settings.run.workers,
            "limit": settings.run.limit,
            "max_runtime_s": settings.run.max_runtime_s,
            "follow": True,
            "round": len(self.run_ids) + 1,
        }
        pipeline = Pipeline(settings, self.db, self._engine, self.cache, progress=None, options=options)
        self._current = pipeline
        if self._signal is not None and not pipeline.stop.stopping:  # a signal landed just before
            pipeline.signal_received(self._signal)
        try:
            report = pipeline.run()
        finally:
            self._current = None
        self.run_ids.append(int(report["run_id"]))
        self._merge(pipeline.counters)
        if pipeline.abandoned_threads:
            self.abandoned_threads = True
            report["abandoned_threads"] = True
        if self.save_report is not None:
            self.save_report(report)
        return report

    def _merge(self, rc: RunCounters) -> None:
        c = self.counters
        for f in dataclasses.fields(RunCounters):
            if f.name.startswith("_") or f.name == "latencies":
                continue
            mine, theirs = getattr(c, f.name), getattr(rc, f.name)
            if isinstance(mine, dict):
                for k, v in theirs.items():
                    mine[k] = mine.get(k, 0) + v
            else:
                setattr(c, f.name, mine + theirs)
        for ms in rc.latencies:
            c.add_usage(0, 0, 0.0, ms)

    # --- waiting -----------------------------------------------------------------------------------
    def _drain(self) -> None:
        assert self._listener is not None
        try:
            self._listener.drain()
        except psycopg.Error as exc:
            self._lost_listener(exc)

    def _lost_listener(self, exc: BaseException) -> None:
        log.warning("follow: the LISTEN connection was lost (%s); polling until it is back", type(exc).__name__)
        if self._listener is not None:
            try:
                self._listener.close()
            except psycopg.Error:
                pass
        self._listener = None

    def _wait(self, timeout: float) -> None:
        """Sleep until a notification, a signal or `timeout` seconds."""
        if self._listener is None and self.listen:
            try:  # reconnect after a lost LISTEN connection; meanwhile poll
                self._listener = Listener(self.db.dsn, platform.ENQUEUED_CHANNEL, self.s.database.connect_timeout_s)
            except DatabaseError:
                timeout = min(timeout, self.s.run.follow_poll_s)
        fds = [self._wake_r]
        if self._listener is not None:
            fds.append(self._listener.fileno())
        try:
            ready, _, _ = select.select(fds, [], [], timeout)
        except InterruptedError:  # pragma: no cover - Python retries select itself (PEP 475)
            ready = []
        if self._wake_r in ready:
            try:
                os.read(self._wake_r, 4096)
            except BlockingIOError:
                pass


def write_summary(summary: dict[str, Any], reports_dir: Path) -> Path:
    """Write the session's summary as `follow-<start>-<pid>.json`; return its path."""
    start = datetime.fromisoformat(str(summary["started_at"])).strftime("%Y%m%dT%H%M%SZ")
    path = reports_dir / f"follow-{start}-{os.getpid()}.json"
    _atomic_write(path, json.dumps(summary, indent=2, default=str) + "\n")
    return path
