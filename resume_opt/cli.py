"""The `resume-opt` command line: thin commands that parse options, make one call into
`runner`, and render. Errors are mapped to exit codes in one place (`_guard`).
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from resume_opt import __version__, commands, errortrack, render
from resume_opt.config import Settings, data_home, load_settings
from resume_opt.crash import write_crash_file
from resume_opt.errors import ConfigError, ResumeOptError
from resume_opt.log import scrub, setup_logging
from resume_opt.run.stop import EXIT_INTERNAL
from resume_opt.secrets import Secrets, remember

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("resume_opt.cli")

app = typer.Typer(
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
    help="Tailor candidates' resumes to job descriptions in nightly batches, truthfully.\n\n"
    "Data lives in PostgreSQL (DATABASE_URL, or an embedded server in the data directory); "
    "the LLM is Groq when GROQ_API_KEY is set, else an offline engine.",
)
db_app = typer.Typer(help="Database schema: apply and inspect migrations.", no_args_is_help=True)
import_app = typer.Typer(
    help="Import candidates (JSON Lines or resume files) or jobs (JSON Lines); upsert by id.", no_args_is_help=True
)
batch_app = typer.Typer(
    help="Groq Batch API batches: status and cancel (run --mode batch submits).", no_args_is_help=True
)
app.add_typer(db_app, name="db")
app.add_typer(import_app, name="import")
app.add_typer(batch_app, name="batch")


@dataclass
class State:
    config: Path | None = None
    verbosity: int = 0
    log_format: str | None = None


def _state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, State) else State()


def _settings(ctx: typer.Context, **overrides: dict[str, Any]) -> Settings:
    st = _state(ctx)
    logging_over = {"format": st.log_format} if st.log_format else {}
    settings = load_settings(st.config, {**overrides, "logging": logging_over})
    setup_logging(settings.logging.level, settings.logging.format, st.verbosity)
    errortrack.init(settings, command=ctx.command_path.partition(" ")[2] or None)
    return settings


def _out() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _err(message: str) -> None:
    print(f"resume-opt: {scrub(message)}", file=sys.stderr)


def _guard(fn: F) -> F:
    """Turn our errors into one line on stderr and the documented exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ResumeOptError as exc:
            _err(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except typer.Exit:
            raise
        except KeyboardInterrupt:
            _err("interrupted")
            raise typer.Exit(130) from None
        except Exception as exc:  # the last line of defence: one line naming the traceback's file
            errortrack.capture_exception(exc)
            path = write_crash_file(exc, data_home())
            where = f"traceback in {path}" if path else "no traceback file could be written"
            _err(f"internal error ({type(exc).__name__}); {where}")
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        print(f"resume-opt {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", help="YAML file overriding the defaults.", envvar="RESUME_OPT_CONFIG"),
    ] = None,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More log output.")] = 0,
    quiet: Annotated[int, typer.Option("--quiet", "-q", count=True, help="Less log output.")] = 0,
    log_format: Annotated[str | None, typer.Option("--log-format", help="Log lines as text or json.")] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Global options apply to every command."""
    if log_format not in (None, "text", "json"):
        raise typer.BadParameter("must be text or json", param_hint="--log-format")
    ctx.obj = State(config, verbose - quiet, log_format)


# --- run ---------------------------------------------------------------------------
# `run` is long only in its option declarations (one per flag); its body calls commands and renders.
@app.command()
@_guard
def run(
    ctx: typer.Context,
    limit: Annotated[int | None, typer.Option(help="Process at most N items (0 = all).")] = None,
    chunk_size: Annotated[int | None, typer.Option(help="Items claimed per transaction.")] = None,
    workers: Annotated[int | None, typer.Option(help="Engine calls in parallel.")] = None,
    engine: Annotated[str | None, typer.Option(help="auto, local, groq or null.")] = None,
    max_runtime: Annotated[
        float | None, typer.Option(help="Stop claiming after this many seconds; finish in-flight, release the rest.")
    ] = None,
    budget_usd: Annotated[float | None, typer.Option(help="Stop claiming once this much is spent.")] = None,
    budget_tokens: Annotated[int | None, typer.Option(help="Stop claiming once this many tokens are used.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be processed; change nothing.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run report as JSON.")] = False,
    follow: Annotated[
        bool,
        typer.Option(
            "--follow",
            help="Keep running: process work as soon as it is queued (one run per round) until SIGTERM; "
            "print the session's summary.",
        ),
    ] = False,
    mode: Annotated[
        str | None, typer.Option(help="online (call now) or batch (collect, then submit via Groq's Batch API).")
    ] = None,
    wait: Annotated[
        bool, typer.Option("--wait", help="Batch mode: poll until this run's batches end, within --max-runtime.")
    ] = False,
) -> None:
    """Claim pending (candidate, job) pairs and tailor them; print the run report.

    Exit codes: 0 all succeeded or nothing to do · 1 some items failed · 2 bad configuration ·
    3 database or API unreachable, or the daily quota spent · 70 internal error (traceback file named,
    work released, run recorded as crashed) · 130/143 interrupted (work released, report written).
    """
    settings = _settings(
        ctx,
        run={
            "limit": limit,
            "chunk_size": chunk_size,
            "workers": workers,
            "engine": engine,
            "max_runtime_s": max_runtime,
            "budget_usd": budget_usd,
            "budget_tokens": budget_tokens,
            "mode": mode,
        },
    )
    if follow and dry_run:
        raise ConfigError("--follow and --dry-run cannot be combined")
    if dry_run:
        plan = commands.plan_run(settings)
        if as_json:
            print(json.dumps(plan, indent=2))
        else:
            render.plan(_out(), plan)
        return
    if follow:
        report = commands.execute_follow(settings)
    else:
        report = commands.execute_run(settings, quiet=as_json or _state(ctx).verbosity < 0, wait=wait)
    if as_json:
        print(json.dumps(report, indent=2, default=str))
    elif follow:
        render.report(_out(), {**report, "run_id": f"follow ({report['follow']['rounds']} rounds)"})
    else:
        render.report(_out(), report)
    code = int(report["exit_code"])
    if report.get("message"):
        _err(str(report["message"]))
    if report.get("abandoned_threads"):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # engine threads still blocked in I/O must not hold the process open
    if code:
        raise typer.Exit(code)


# --- batch -------------------------------------------------------------------------
@batch_app.command("status")
@_guard
def batch_status(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list.")] = False,
    last: Annotated[int, typer.Option(help="How many of the latest batches to list.", min=1)] = 50,
) -> None:
    """Our batches: id, Groq's id, status, lines, completed, failed, created, expires."""
    rows = commands.batch_status(_settings(ctx), last)
    if as_json:
        print(json.dumps(rows, indent=2))
    else:
        render.batches(_out(), rows)


@batch_app.command("cancel")
@_guard
def batch_cancel(
    ctx: typer.Context, batch_id: Annotated[int, typer.Argument(help="Our batch id (batch status).")]
) -> None:
    """Ask Groq to cancel a batch; the next run collects what it finished and requeues the rest."""
    res = commands.batch_cancel(_settings(ctx), batch_id)
    print(f"batch {res['id']} ({res['provider_batch_id']}): {res['status']}")


# --- stats -------------------------------------------------------------------------
@app.command()
@_guard
def stats(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    runs: Annotated[int, typer.Option(help="How many latest runs to list.", min=0)] = 5,
    watch: Annotated[float, typer.Option(help="Refresh every N seconds (Ctrl-C to stop).", min=0)] = 0,
) -> None:
    """Where the queue, the cache, the API budget and the error rate stand."""
    settings = _settings(ctx)
    while True:
        data = commands.collect_stats(settings, runs=runs)
        if as_json:
            print(json.dumps(data, indent=2, default=str))
        else:
            if watch:
                _out().clear()
            render.stats(_out(), data)
        if not watch:
            return
        time.sleep(watch)


# --- data in and out ----------------------------------------------------------------
def _import(ctx: typer.Context, kind: str, file: Path) -> None:
    settings = _settings(ctx)
    res = commands.import_records(settings, kind, file)
    for line, reason in res.bad:
        _err(f"{file}:{line}: {reason}")
    if res.bad_count > len(res.bad):
        _err(f"... and {res.bad_count - len(res.bad)} more bad lines")
    print(f"imported {kind}: {res.inserted} new, {res.updated} updated, {res.bad_count} bad lines")
    if res.bad_count:
        raise typer.Exit(1)


@import_app.command("candidates")
@_guard
def import_candidates(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            help='JSON Lines ({"id", "name", "email", "resume"} per line) or a JSON Resume document; '
            "or folders and files of .pdf, .docx, .txt and .md resumes."
        ),
    ],
    manifest: Annotated[
        Path | None,
        typer.Option(help="CSV id,name,email,file giving documents their ids (default: the file name)."),
    ] = None,
) -> None:
    """Import candidates; re-importing updates by id. Bad lines or files are listed; exit 1 if any."""
    from resume_opt.io.documents import DOCUMENT_SUFFIXES, UNSUPPORTED_SUFFIXES

    documents = DOCUMENT_SUFFIXES + UNSUPPORTED_SUFFIXES
    if manifest is None and len(paths) == 1 and not paths[0].is_dir() and paths[0].suffix.lower() not in documents:
        _import(ctx, "candidates", paths[0])
        return
    res = commands.import_documents(_settings(ctx), paths, manifest)
    for where, reason in res.bad:
        _err(f"{where}: {reason}")
    if res.bad_count > len(res.bad):
        _err(f"... and {res.bad_count - len(res.bad)} more bad files")
    if res.ignored:
        _err(f"ignored {res.ignored} files that are not .pdf, .docx, .txt or .md")
    print(
        f"imported candidates: {res.inserted} new, {res.updated} updated, {res.unchanged} unchanged, "
        f"{res.bad_count} bad files"
    )
    if res.bad_count:
        raise typer.Exit(1)


@import_app.command("jobs")
@_guard
def import_jobs(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help='JSON Lines: {"id", "title", "company", "description"} per line.')],
) -> None:
    """Import jobs; re-importing updates by id. Bad lines are listed; exit 1 if any."""
    _import(ctx, "jobs", file)


@app.command()
@_guard
def enqueue(
    ctx: typer.Context,
    pairs: Annotated[Path | None, typer.Option(help="CSV with header candidate_id,job_id (external ids).")] = None,
    job: Annotated[str | None, typer.Option(help="A job's external id (with --all-candidates).")] = None,
    all_candidates: Annotated[bool, typer.Option("--all-candidates", help="Pair --job with every candidate.")] = False,
    priority: Annotated[int, typer.Option(help="Higher runs first.")] = 0,
) -> None:
    """Queue (candidate, job) pairs. Pairs already pending or running are skipped."""
    if (pairs is None) == (job is None):
        raise ConfigError("give either --pairs FILE or --job ID --all-candidates")
    settings = _settings(ctx)
    res = commands.enqueue(settings, pairs, job, all_candidates, priority)
    for line, reason in res["bad_lines"]:
        _err(f"{pairs}:{line}: {reason}")
    for kind in ("unknown_candidates", "unknown_jobs"):
        if res[kind]:
            shown = ", ".join(res[kind][:10]) + (" ..." if len(res[kind]) > 10 else "")
            _err(f"{kind.replace('_', ' ')} ({len(res[kind])}): {shown}")
    print(f"queued {res['inserted']}, skipped {res['skipped']} (already pending or running)")
    if res["bad_lines"] or res["unknown_candidates"] or res["unknown_jobs"]:
        raise typer.Exit(1)


@app.command()
@_guard
def export(
    ctx: typer.Context,
    status: Annotated[str | None, typer.Option(help="Only this status (pending, running, succeeded, ...).")] = None,
    run_id: Annotated[int | None, typer.Option("--run", help="Only items of this run.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, docx or html.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")] = None,
    out_dir: Annotated[
        Path | None, typer.Option("--out-dir", help="docx and html: the folder to write one file per optimization in.")
    ] = None,
) -> None:
    """Export optimizations, one record each (external ids, scores, edits, keywords, usage); or, with
    --format docx or html, one tailored resume (the candidate's own DOCX, edited) or review page each."""
    if fmt not in ("jsonl", "csv", "docx", "html"):
        raise ConfigError("--format must be jsonl, csv, docx or html")
    if status and status not in ("pending", "running", "succeeded", "failed", "cancelled"):
        raise ConfigError("--status must be pending, running, succeeded, failed or cancelled")
    if fmt in ("docx", "html"):
        if out_dir is None or output is not None:
            raise ConfigError(f"--format {fmt} writes one file per optimization: give --out-dir DIR (not --output)")
        res = commands.export_documents(_settings(ctx), status, run_id, fmt, out_dir)
        for note, count in res.notes.items():
            _err(f"{count} written as a clean DOCX: {note}")
        print(f"exported {res.written} {fmt.upper()} files to {out_dir}")
        return
    if out_dir is not None:
        raise ConfigError("--out-dir is for --format docx or html")
    settings = _settings(ctx)
    if output:
        tmp = output.with_name(f".{output.name}.part")
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            n = commands.export(settings, status, run_id, fmt, fh)
        tmp.replace(output)
        _err(f"exported {n} records to {output}")
    else:
        commands.export(settings, status, run_id, fmt, sys.stdout)


@app.command()
@_guard
def show(
    ctx: typer.Context,
    optimization_id: Annotated[int, typer.Argument(help="Optimization id.")],
    html: Annotated[
        Path | None, typer.Option("--html", help="Write the review page (one self-contained HTML file) here.")
    ] = None,
) -> None:
    """Show one optimization: the optimized resume and a coloured diff against the original."""
    if html is not None:
        from resume_opt.io.exporter import write_atomic

        write_atomic(html, commands.review_page(_settings(ctx), optimization_id).encode("utf-8"))
        print(f"wrote {html}")
        return
    render.show(_out(), commands.show(_settings(ctx), optimization_id))


@app.command()
@_guard
def demo(ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Load the packaged sample resumes and jobs, queue every pair, run them, show report and stats."""
    settings = _settings(ctx)
    res = commands.demo(settings, quiet=as_json)
    if as_json:
        print(json.dumps(res, indent=2, default=str))
        return
    print(
        f"loaded {res['loaded']['candidates']} candidates and {res['loaded']['jobs']} jobs; "
        f"queued {res['queued']} pairs ({res['already_queued']} already queued)"
    )
    render.report(_out(), res["report"])
    render.stats(_out(), res["stats"])
    if res["report"]["exit_code"]:
        raise typer.Exit(int(res["report"]["exit_code"]))


# --- database ------------------------------------------------------------------------
@db_app.command("migrate")
@_guard
def db_migrate(ctx: typer.Context) -> None:
    """Apply pending migrations (every command does this first unless database.auto_migrate is off)."""
    res = commands.db_migrate(_settings(ctx))
    print(
        f"{res['where']}: applied {len(res['applied_now'])} migrations"
        + (f" ({', '.join(res['applied_now'])})" if res["applied_now"] else "; schema is up to date")
    )


@db_app.command("status")
@_guard
def db_status(ctx: typer.Context) -> None:
    """List migrations with when each was applied, or 'pending'. Changes nothing."""
    res = commands.db_status(_settings(ctx))
    print(f"database {res['where']} (pooler: {res['pooler']})")
    for m in res["migrations"]:
        when = m["applied_at"] or "pending"
        print(f"  {m['name']:<28} {when}" + ("" if m["known"] else "  (newer than this resume-opt)"))
    if res["error"]:
        raise ConfigError(res["error"])


@app.command()
@_guard
def doctor(ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Check configuration, database and schema, cache and reports directories, and the API key."""
    from resume_opt.doctor import run_checks

    checks = run_checks(_settings(ctx))
    if as_json:
        print(json.dumps(checks, indent=2))
    else:
        render.checks(_out(), checks)
    if not all(c["ok"] for c in checks):
        raise typer.Exit(1)


@db_app.command("stop")
@_guard
def db_stop(ctx: typer.Context) -> None:
    """Stop the embedded PostgreSQL (it is left running between commands; the next one restarts it)."""
    if _settings(ctx).secrets.database_url:
        raise ConfigError("DATABASE_URL is set: there is no embedded PostgreSQL to stop")
    from resume_opt.db.connect import stop_embedded

    print(stop_embedded())


# --- data care ---------------------------------------------------------------------------
@app.command()
@_guard
def purge(ctx: typer.Context, candidate: Annotated[str, typer.Option(help="Candidate external id.")]) -> None:
    """Erase a candidate: resume text, every result, and their cache entries (right to erasure)."""
    res = commands.purge_candidate(_settings(ctx), candidate)
    print(
        f"purged candidate {res['candidate']}: {res['optimizations']} optimizations, "
        f"{res['cache_entries']} cache entries"
    )


def _days(text: str) -> float:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([dhw]?)\s*", text)
    if not m:
        raise ConfigError(f"--older-than: expected a duration like 30d, 12h or 2w, got {text!r}")
    n, unit = float(m.group(1)), m.group(2) or "d"
    return n * {"d": 1, "h": 1 / 24, "w": 7}[unit]


@app.command()
@_guard
def prune(
    ctx: typer.Context,
    older_than: Annotated[
        str, typer.Option(help="Delete finished optimizations older than this (e.g. 30d, 12h, 2w).")
    ] = "30d",
) -> None:
    """Delete finished optimizations past retention and expire old cache entries."""
    res = commands.prune(_settings(ctx), _days(older_than))
    print(f"deleted {res['optimizations_deleted']} optimizations, expired {res['cache_entries_expired']} cache entries")


def main() -> None:
    """Console-script entry point."""
    os.umask(0o077)  # reports, cache and logs hold personal data: private by default
    remember(Secrets.from_env())  # scrub secrets even from errors raised before settings load
    app()


if __name__ == "__main__":
    main()
