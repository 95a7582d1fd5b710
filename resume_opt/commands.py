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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from resume_opt import errortrack
from resume_opt.cache import open_cache
from resume_opt.config import Settings
from resume_opt.db import platform, queue, stats, store
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

    name = resolve_engine_name(settings.run.engine, settings)
    announce_engine(name, settings.run.engine)
    # Claim, write-back (writer thread), heartbeat and a database rate limiter each hold a connection.
    with database(settings, max_size=max(settings.database.pool_max, 6)) as db:
        deadline = time.monotonic() + settings.run.max_runtime_s if settings.run.max_runtime_s else None
        engine = make_engine(name, settings, pool=db.pool, deadline=deadline)
        errortrack.set_run(engine=name, model=engine.model)
        cache = open_cache(settings)
        with db.connection() as conn:
            total = queue.count_claimable(conn)
        if settings.run.limit:
            total = min(total, settings.run.limit)
        progress = make_progress(total, settings.run.progress_interval_s, quiet)
        pipeline = Pipeline(
            settings, db, engine, cache, progress=progress, options=_run_options(settings, name, engine)
        )
        previous = _install_signal_handlers(pipeline) if install_signals else {}
        try:
            report = pipeline.run()
        finally:
            errortrack.set_run(run_id=pipeline.run_id or None)  # an error escaping the run is tagged with it
            progress.close()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            cache.close()
        save_report(settings, db, report)
        if pipeline.abandoned_threads:
            report["abandoned_threads"] = True
        errortrack.report_run_summary(report)
        return report


def _run_options(settings: Settings, name: str, engine: Any) -> dict[str, Any]:
    """What the `runs` row keeps of how the run was started."""
    s = settings.run
    return {
        "engine": name,
        "model": engine.model,
        "chunk_size": s.chunk_size,
        "workers": s.workers,
        "limit": s.limit,
        "max_runtime_s": s.max_runtime_s,
    }


def save_report(settings: Settings, db: Database, report: dict[str, Any]) -> None:
    """Write a finished run's report file (and metrics textfile); `report_file` says where."""
    from resume_opt.run.report import prometheus_text, write_json, write_metrics

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


def execute_follow(settings: Settings, install_signals: bool = True) -> dict[str, Any]:
    """`resume-opt run --follow`: rounds of the run as work is queued; the session's summary.

    Each round's report is written like a run's; the summary goes to `follow-<start>-<pid>.json`."""
    from resume_opt.run.follow import Follower, write_summary

    name = resolve_engine_name(settings.run.engine, settings)
    announce_engine(name, settings.run.engine)
    with database(settings, max_size=max(settings.database.pool_max, 6)) as db:
        cache = open_cache(settings)
        try:
            follower = Follower(settings, db, cache, name, save_report=functools.partial(save_report, settings, db))
            previous = _install_signal_handlers(follower) if install_signals else {}
            try:
                summary = follower.run()
            finally:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)
        finally:
            cache.close()
    try:
        summary["report_file"] = str(write_summary(summary, settings.reports_dir))
    except OSError as exc:
        log.warning("follow: cannot write the summary in %s: %s", settings.reports_dir, exc.strerror or exc)
        summary["report_file"] = None
    if follower.abandoned_threads:
        summary["abandoned_threads"] = True
    return summary


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
    name = resolve_engine_name(settings.run.engine, settings)
    announce_engine(name, settings.run.engine)
    with database(settings) as db:
        engine: Any = make_engine(name, settings) if name != "groq" else _GroqIdentity(settings)
        cache = open_cache(settings)
        limit = settings.run.limit or None
        with db.connection() as conn:
            claimable = queue.count_claimable(conn)
            rows = store.preview_pending(conn, preview)
            plan = _plan_inputs(conn, engine, settings, cache, limit or claimable or 0)
        cache.close()
    return {
        "engine": name,
        "model": engine.model,
        "claimable": claimable,
        "would_process": min(claimable, limit) if limit else claimable,
        **plan,
        "preview": [
            {"id": r[0], "candidate_id": r[1], "job_id": r[2], "title": r[3], "attempts": r[4], "priority": r[5]}
            for r in rows
        ],
    }


def _plan_inputs(conn: Any, engine: Any, settings: Settings, cache: Any, limit: int) -> dict[str, int]:
    """Hash the next `limit` items as a run would; count what dedup would serve and what needs a call."""
    from resume_opt.errors import ItemRejected
    from resume_opt.run.item import prepare

    hashes: set[str] = set()
    uncached: list[str] = []
    cached = rejected = 0
    for item in store.iter_pending_items(conn, limit):
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
    return {
        "distinct_inputs": len(hashes),
        "cached": cached,
        "in_database": in_db,
        "bad_input": rejected,
        "estimated_engine_calls": max(len(hashes) - cached - in_db, 0),
    }


class _GroqIdentity:
    """The groq engine's hash identity without a client (dry runs make no calls)."""

    name = "groq"
    analyses = True

    def __init__(self, settings: Settings) -> None:
        # Imported, not guessed: a wrong prompt version would make every dry-run hash miss.
        from resume_opt.engines.groq.prompt import PROMPT_VERSION

        self.model = settings.groq.model
        self.prompt_version = PROMPT_VERSION


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


@dataclass
class _EnqueueTotals:
    """What `enqueue --pairs` did, summed over its batches."""

    inserted: int = 0
    skipped: int = 0
    unknown_candidates: set[str] = field(default_factory=set)
    unknown_jobs: set[str] = field(default_factory=set)

    def add(self, outcomes: list[Any]) -> None:
        for o in outcomes:
            if o.status == "queued":
                self.inserted += 1
            elif o.status == "skipped":
                self.skipped += 1
            elif o.status == "unknown_candidate":
                self.unknown_candidates.add(o.candidate_id)
            else:
                self.unknown_jobs.add(o.job_id)


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
    if job is not None and not all_candidates:
        raise InputError("--job needs --all-candidates (or use --pairs FILE)")
    with database(settings) as db:
        if job is not None:
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
        totals, bad = _enqueue_file(db, pairs_file, priority, settings.run.max_attempts)
    return {
        "inserted": totals.inserted,
        "skipped": totals.skipped,
        "unknown_candidates": sorted(totals.unknown_candidates),
        "unknown_jobs": sorted(totals.unknown_jobs),
        "bad_lines": bad,
    }


def _enqueue_file(
    db: Database, pairs_file: Path, priority: int, max_attempts: int
) -> tuple[_EnqueueTotals, list[tuple[int, str]]]:
    """Stream the CSV in batches of 1,000 through the platform's own SQL function (db/platform.py)."""
    from resume_opt.io.importer import read_pairs

    totals, bad, batch = _EnqueueTotals(), [], []
    for line, cand, jobid in read_pairs(pairs_file):
        if cand is None:
            bad.append((line, jobid))
            continue
        batch.append((cand, jobid))
        if len(batch) >= 1000:
            with db.connection() as conn:
                totals.add(platform.enqueue_pairs(conn, batch, priority, max_attempts))
            batch = []
    if batch:
        with db.connection() as conn:
            totals.add(platform.enqueue_pairs(conn, batch, priority, max_attempts))
    return totals, bad


def import_records(settings: Settings, kind: str, path: Path) -> Any:
    from resume_opt.io.importer import import_file

    with database(settings) as db:
        return import_file(db, kind, path)


def import_documents(settings: Settings, paths: list[Path], manifest: Path | None) -> Any:
    """Import resume files (PDF, DOCX, TXT, MD) and folders of them as candidates."""
    from resume_opt.io.documents import import_documents as run_import

    with database(settings) as db:
        return run_import(db, paths, manifest)


def export(settings: Settings, status: str | None, run_id: int | None, fmt: str, out: Any) -> int:
    from resume_opt.io.exporter import write_export

    with database(settings) as db, db.connection() as conn:
        return write_export(store.iter_export(conn, status, run_id), fmt, out)


def export_documents(settings: Settings, status: str | None, run_id: int | None, fmt: str, out_dir: Path) -> Any:
    """One tailored DOCX (`fmt` docx) or review page (html) per optimization with a result."""
    from resume_opt.db import documents
    from resume_opt.io.exporter import write_documents

    with database(settings) as db, db.connection() as conn:
        return write_documents(documents.iter_reviews(conn, status, run_id, with_original=fmt == "docx"), fmt, out_dir)


def review_page(settings: Settings, opt_id: int) -> str:
    """The review page (HTML) of one optimization."""
    from resume_opt.db import documents
    from resume_opt.io.review_html import render_review

    with database(settings) as db, db.connection() as conn:
        row = documents.get_review(conn, opt_id)
    if row is None:
        raise NotFoundError(f"no optimization with id {opt_id}")
    return render_review(row)


def show(settings: Settings, opt_id: int) -> dict[str, Any]:
    with database(settings) as db, db.connection() as conn:
        row = store.get_optimization(conn, opt_id)
    if row is None:
        raise NotFoundError(f"no optimization with id {opt_id}")
    return row


def db_status(settings: Settings) -> dict[str, Any]:
    """`db status`: applied and pending migrations. Only reads: it never migrates."""
    from resume_opt.db import migrations

    db = open_database(settings, migrate=False, max_size=2)
    try:
        with db.connection() as conn:
            state = migrations.read_state(conn)
            listed = migrations.status(conn)
    finally:
        db.close()
    unknown = set(state.unknown)
    error = state.newer_error()
    return {
        "where": db.where,
        "pooler": db.pooler + (" (detected)" if db.detected else ""),
        "pending": state.pending,
        "migrations": [
            {"name": n, "applied_at": a.isoformat() if a else None, "known": n not in unknown} for n, a in listed
        ],
        "error": str(error) if error else None,
    }


def db_migrate(settings: Settings) -> dict[str, Any]:
    """`db migrate`: apply pending migrations under the migration lock (whatever auto_migrate says)."""
    from resume_opt.db import migrations

    db = open_database(settings, migrate=False, max_size=2)
    try:
        with db.connection() as conn:
            applied_now = migrations.migrate(conn)
    finally:
        db.close()
    return {"where": db.where, "applied_now": applied_now}


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
            cands, jobs = store.all_candidate_ids(conn), store.all_job_ids(conn)
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
