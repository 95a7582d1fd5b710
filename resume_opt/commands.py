"""The operations behind the CLI commands: each command makes one call in here.

These functions own resources (database pool, engine, cache) for the length of a
command and return plain data for `render` to show.
"""

from __future__ import annotations

import functools
import logging
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from resume_opt.cache import open_cache
from resume_opt.config import Settings
from resume_opt.db import queue, stats, store
from resume_opt.db.connect import Database, open_database
from resume_opt.db.ratelimit import budget_snapshot
from resume_opt.engines import make_engine, resolve_engine_name
from resume_opt.errors import InputError, NotFoundError

log = logging.getLogger(__name__)
_engine_announced = threading.Event()


@contextmanager
def database(settings: Settings, max_size: int | None = None) -> Iterator[Database]:
    db = open_database(settings, max_size=max_size)
    try:
        yield db
    finally:
        db.close()


def announce_engine(name: str, requested: str) -> None:
    """Say once, on stderr, that the offline engine is used because no key is set."""
    if requested == "auto" and name == "local" and not _engine_announced.is_set():
        _engine_announced.set()
        print("resume-opt: GROQ_API_KEY not set; using the offline engine", file=sys.stderr)


def execute_run(
    settings: Settings, quiet: bool = False, install_signals: bool = True, wait: bool = False
) -> dict[str, Any]:
    """One `resume-opt run`: the report dict (also written to the reports dir and the runs table)."""
    if settings.run.mode == "batch":
        return execute_batch_run(settings, install_signals=install_signals, wait=wait)
    from resume_opt.run.pipeline import Pipeline
    from resume_opt.run.progress import make_progress
    from resume_opt.run.report import prometheus_text, write_json, write_metrics

    name = resolve_engine_name(settings.run.engine, settings)
    announce_engine(name, settings.run.engine)
    # Claim, write-back (writer thread), heartbeat and a database rate limiter each hold a connection.
    with database(settings, max_size=max(settings.database.pool_max, 6)) as db:
        deadline = time.monotonic() + settings.run.max_runtime_s if settings.run.max_runtime_s else None
        engine = make_engine(name, settings, pool=db.pool, deadline=deadline)
        cache = open_cache(settings)
        with db.connection() as conn:
            total = queue.count_claimable(conn)
        if settings.run.limit:
            total = min(total, settings.run.limit)
        progress = make_progress(total, settings.run.progress_interval_s, quiet)
        options = {
            "engine": name,
            "model": engine.model,
            "chunk_size": settings.run.chunk_size,
            "workers": settings.run.workers,
            "limit": settings.run.limit,
            "max_runtime_s": settings.run.max_runtime_s,
        }
        pipeline = Pipeline(settings, db, engine, cache, progress=progress, options=options)
        previous = _install_signal_handlers(pipeline) if install_signals else {}
        try:
            report = pipeline.run()
        finally:
            progress.close()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            cache.close()
        # A finished run stays finished: a report or metrics file that cannot be written
        # is a warning (the report is in the runs table and on stdout), not a new failure.
        try:
            report["report_file"] = str(write_json(report, settings.reports_dir))
        except OSError as exc:
            log.warning(
                "run %s: cannot write the report file in %s: %s",
                report["run_id"],
                settings.reports_dir,
                exc.strerror or type(exc).__name__,
            )
            report["report_file"] = None
        if settings.reports.metrics_textfile:
            try:
                with db.connection() as conn:
                    q, last = stats.queue_counts(conn), stats.last_success_ts(conn)
            except Exception:  # metrics must not fail a finished run
                q, last = None, None
            try:
                write_metrics(Path(settings.reports.metrics_textfile), prometheus_text(report, q, last))
            except OSError as exc:
                log.warning(
                    "run %s: cannot write metrics to %s: %s",
                    report["run_id"],
                    settings.reports.metrics_textfile,
                    exc.strerror or type(exc).__name__,
                )
        if pipeline.abandoned_threads:
            report["abandoned_threads"] = True
        return report


def _install_signal_handlers(pipeline: Any) -> dict[int, Any]:
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int, Any] = {}
    for sig, name in ((signal.SIGINT, "SIGINT"), (signal.SIGTERM, "SIGTERM")):
        previous[sig] = signal.getsignal(sig)
        signal.signal(sig, functools.partial(_on_signal, pipeline, name))
    return previous


def _on_signal(pipeline: Any, name: str, _signum: int, _frame: Any) -> None:
    pipeline.signal_received(name)


def plan_run(settings: Settings, preview: int = 20) -> dict[str, Any]:
    """--dry-run: what would be claimed and how many engine calls it would take."""
    from resume_opt.errors import ItemRejected
    from resume_opt.run.item import prepare

    name = resolve_engine_name(settings.run.engine, settings)
    announce_engine(name, settings.run.engine)
    with database(settings) as db:
        engine: Any = make_engine(name, settings) if name != "groq" else _GroqIdentity(settings)
        cache = open_cache(settings)
        limit = settings.run.limit or None
        with db.connection() as conn:
            claimable = queue.count_claimable(conn)
            rows = store.preview_pending(conn, preview)
            hashes: set[str] = set()
            uncached: list[str] = []
            cached = rejected = 0
            for item in store.iter_pending_items(conn, limit or claimable or 0):
                try:
                    prep = prepare(item, engine, settings)
                except ItemRejected:
                    rejected += 1
                    continue
                if prep.input_hash in hashes:
                    continue
                hashes.add(prep.input_hash)
                if cache.get(prep.input_hash) is not None:
                    cached += 1
                else:
                    uncached.append(prep.input_hash)
            # Only what the cache lacks is looked up: a pair in both counts once (as cached).
            in_db = len(queue.find_succeeded_by_hash(conn, uncached)) if uncached else 0
        cache.close()
    would_process = min(claimable, limit) if limit else claimable
    return {
        "engine": name,
        "model": engine.model,
        "claimable": claimable,
        "would_process": would_process,
        "distinct_inputs": len(hashes),
        "cached": cached,
        "in_database": in_db,
        "bad_input": rejected,
        "estimated_engine_calls": max(len(hashes) - cached - in_db, 0),
        "preview": [
            {"id": r[0], "candidate_id": r[1], "job_id": r[2], "title": r[3], "attempts": r[4], "priority": r[5]}
            for r in rows
        ],
    }


class _GroqIdentity:
    """The groq engine's hash identity without a client (dry runs make no calls)."""

    name = "groq"

    def __init__(self, settings: Settings) -> None:
        self.model = settings.groq.model
        try:
            from resume_opt.engines.groq.prompt import PROMPT_VERSION

            self.prompt_version = PROMPT_VERSION
        except ImportError:
            self.prompt_version = "?"


def collect_stats(settings: Settings, runs: int = 5) -> dict[str, Any]:
    """Everything `resume-opt stats` shows, as one dict (the contract of DESIGN.md)."""
    with database(settings) as db, db.connection() as conn:
        cache = open_cache(settings)
        volume = cache.volume()
        cache.close()
        last_runs = stats.latest_runs(conn, runs)
        finished = [r for r in last_runs if r.get("finished_at") and "pairs_per_s" in r]
        usage = {"24h": stats.usage(conn, 24), "7d": stats.usage(conn, 24 * 7), "30d": stats.usage(conn, 24 * 30)}
        latency_24h = stats.latency(conn, 24)
        return {
            "queue": stats.queue_counts(conn),
            "cache": {
                "entries": volume["entries"],
                "size_bytes": volume["size_bytes"],
                "hit_rate": stats.hit_rate(conn, 24),
                "hit_rate_7d": stats.hit_rate(conn, 24 * 7),
                "status": volume["status"],
                "dir": str(settings.cache_dir),
            },
            "usage": usage,
            "batches": _batch_stats(conn),
            "cost_by_model": stats.cost_by_model(conn, 24 * 30),
            "latency": {"24h": latency_24h},
            "throughput": {
                "last_run_pairs_per_s": finished[0]["pairs_per_s"] if finished else None,
                "24h_pairs": latency_24h["succeeded"],
            },
            "errors": stats.errors(conn, 24),
            "budget": {
                "requests_per_day": settings.rate_limit.requests_per_day,
                "tokens_per_day": settings.rate_limit.tokens_per_day,
                "tokens_used_24h": usage["24h"]["tokens_in"] + usage["24h"]["tokens_out"],
                # What Groq's headers last said, per key (hashed) and model, and any pause.
                "provider": budget_snapshot(conn),
            },
            "runs": last_runs,
        }


def _batch_stats(conn: Any) -> dict[str, Any]:
    from resume_opt.db import batches

    return {
        "in_flight": batches.in_flight(conn),
        "24h": batches.savings(conn, 24),
        "30d": batches.savings(conn, 24 * 30),
    }


def enqueue(
    settings: Settings, pairs_file: Path | None, job: str | None, all_candidates: bool, priority: int
) -> dict[str, Any]:
    """Queue pairs from a CSV file, or one job against every candidate."""
    from resume_opt.io.importer import read_pairs

    bad: list[tuple[int, str]] = []
    with database(settings) as db:
        if job is not None:
            if not all_candidates:
                raise InputError("--job needs --all-candidates (or use --pairs FILE)")
            with db.connection() as conn:
                res = store.enqueue_job_for_all(conn, job, priority, settings.run.max_attempts)
            return {
                "inserted": res.inserted,
                "skipped": res.skipped,
                "unknown_jobs": res.unknown_jobs,
                "unknown_candidates": [],
                "bad_lines": [],
            }
        assert pairs_file is not None
        totals = {"inserted": 0, "skipped": 0, "unknown_candidates": set(), "unknown_jobs": set()}
        batch: list[tuple[str, str]] = []

        def flush() -> None:
            if not batch:
                return
            with db.connection() as conn:
                res = store.enqueue_pairs(conn, batch, priority, settings.run.max_attempts)
            totals["inserted"] += res.inserted  # type: ignore[operator]
            totals["skipped"] += res.skipped  # type: ignore[operator]
            totals["unknown_candidates"].update(res.unknown_candidates)  # type: ignore[attr-defined]
            totals["unknown_jobs"].update(res.unknown_jobs)  # type: ignore[attr-defined]
            batch.clear()

        for line, cand, jobid in read_pairs(pairs_file):
            if cand is None:
                bad.append((line, jobid))
                continue
            batch.append((cand, jobid))
            if len(batch) >= 1000:
                flush()
        flush()
        return {
            "inserted": totals["inserted"],
            "skipped": totals["skipped"],
            "unknown_candidates": sorted(totals["unknown_candidates"]),  # type: ignore[call-overload]
            "unknown_jobs": sorted(totals["unknown_jobs"]),  # type: ignore[call-overload]
            "bad_lines": bad,
        }


def import_records(settings: Settings, kind: str, path: Path) -> Any:
    from resume_opt.io.importer import import_file

    with database(settings) as db:
        return import_file(db, kind, path)


def export(settings: Settings, status: str | None, run_id: int | None, fmt: str, out: Any) -> int:
    from resume_opt.io.exporter import write_export

    with database(settings) as db, db.connection() as conn:
        return write_export(store.iter_export(conn, status, run_id), fmt, out)


def show(settings: Settings, opt_id: int) -> dict[str, Any]:
    with database(settings) as db, db.connection() as conn:
        row = store.get_optimization(conn, opt_id)
    if row is None:
        raise NotFoundError(f"no optimization with id {opt_id}")
    return row


def db_status(settings: Settings, apply: bool = False) -> dict[str, Any]:
    from resume_opt.db import migrations

    with database(settings) as db, db.connection() as conn:
        applied_now = migrations.migrate(conn) if apply else []
        return {
            "where": db.where,
            "applied_now": applied_now,
            "migrations": [{"name": n, "applied_at": a.isoformat() if a else None} for n, a in migrations.status(conn)],
        }


def purge_candidate(settings: Settings, external_id: str) -> dict[str, Any]:
    """Right to erasure: the candidate, their results and their cache entries."""
    with database(settings) as db, db.connection() as conn:
        removed = store.purge_candidate(conn, external_id)
    if removed is None:
        raise NotFoundError(f"no candidate with id {external_id}")
    cache = open_cache(settings)
    removed["cache_entries"] = cache.delete_many(removed.pop("hashes"))
    cache.close()
    return removed


def prune(settings: Settings, older_than_days: float) -> dict[str, Any]:
    with database(settings) as db, db.connection() as conn:
        deleted = store.prune_finished(conn, older_than_days)
    cache = open_cache(settings)
    expired = cache.expire()
    cache.close()
    return {"optimizations_deleted": deleted, "cache_entries_expired": expired}


def demo(settings: Settings, quiet: bool = False) -> dict[str, Any]:
    """Load the packaged sample set, queue every pair, run them, return report and stats."""
    from importlib import resources

    from resume_opt.io.importer import import_file

    sample = resources.files("resume_opt").joinpath("data/sample")
    with database(settings) as db:
        loaded = {}
        for kind in ("candidates", "jobs"):
            with resources.as_file(sample.joinpath(f"{kind}.jsonl")) as path:
                res = import_file(db, kind, Path(path))
            loaded[kind] = res.inserted + res.updated
        with db.connection() as conn:
            cands = [str(r[0]) for r in conn.execute(store.ALL_CANDIDATE_IDS).fetchall()]
            jobs = [str(r[0]) for r in conn.execute(store.ALL_JOB_IDS).fetchall()]
            queued = store.enqueue_pairs(conn, [(c, j) for c in cands for j in jobs], 0, settings.run.max_attempts)
    report = execute_run(settings, quiet=quiet)
    return {
        "loaded": loaded,
        "queued": queued.inserted,
        "already_queued": queued.skipped,
        "report": report,
        "stats": collect_stats(settings),
    }


# --- batch mode ------------------------------------------------------------------------


def _batch_client(settings: Settings) -> Any:
    from resume_opt.engines.groq.batch import BatchClient
    from resume_opt.errors import ConfigError

    if resolve_engine_name(settings.run.engine, settings) != "groq":
        raise ConfigError("run.mode batch sends pairs through Groq's Batch API: it needs GROQ_API_KEY (engine groq)")
    return BatchClient(settings)


def execute_batch_run(settings: Settings, install_signals: bool = True, wait: bool = False) -> dict[str, Any]:
    """`run --mode batch`: collect finished batches, submit new ones; the report dict."""
    from resume_opt.run.batch import BatchRun
    from resume_opt.run.report import prometheus_text, write_json, write_metrics

    client = _batch_client(settings)
    with database(settings) as db:
        cache = open_cache(settings)
        options = {
            "model": settings.groq.model,
            "limit": settings.run.limit,
            "wait": wait,
            "max_lines": settings.batch.max_lines,
            "max_runtime_s": settings.run.max_runtime_s,
        }
        job = BatchRun(settings, db, client, cache, wait=wait, options=options)
        previous = _install_signal_handlers(job) if install_signals else {}
        try:
            report = job.run()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            cache.close()
        try:
            report["report_file"] = str(write_json(report, settings.reports_dir))
        except OSError as exc:
            log.warning(
                "run %s: cannot write the report file: %s", report["run_id"], exc.strerror or type(exc).__name__
            )
            report["report_file"] = None
        if settings.reports.metrics_textfile:
            try:
                with db.connection() as conn:
                    q, last = stats.queue_counts(conn), stats.last_success_ts(conn)
                write_metrics(Path(settings.reports.metrics_textfile), prometheus_text(report, q, last))
            except Exception as exc:  # metrics must not fail a finished run
                log.warning("run %s: cannot write metrics: %s", report["run_id"], type(exc).__name__)
    return report


def batch_status(settings: Settings, n: int = 50) -> list[dict[str, Any]]:
    """Our latest batches (`resume-opt batch status`)."""
    from resume_opt.run.batch import batch_table

    with database(settings) as db:
        return batch_table(db, n)


def batch_cancel(settings: Settings, batch_id: int) -> dict[str, Any]:
    """`resume-opt batch cancel ID`."""
    from resume_opt.run.batch import cancel_batch

    client = _batch_client(settings)
    try:
        with database(settings) as db:
            return cancel_batch(db, client, batch_id)
    finally:
        client.close()
