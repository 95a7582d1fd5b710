#!/usr/bin/env python3
"""Benchmarks of resume-opt (issue #7). Each scenario prints a table; --json prints one
JSON object of named figures on stdout (the table then goes to stderr).

    python scripts/bench.py overhead [--n 50000] [--dsn URL] [--json] [--profile pyinstrument]
    python scripts/bench.py all --smoke --json          # CI smoke run, < 60 s

Scenarios: overhead (pipeline vs the plain-SQL floor), peer (pgqueuer on the same
server, plus the pipeline in the same run), rerun (all pairs served by dedup; cache
lookup latency), latency (pool efficiency with slow calls), memory (peak RSS at 10k
and 100k pairs), scaling (1, 2, 4 processes on one queue, direct and through
PgBouncer), import (files/s and peak RSS importing 200 and 2,000 generated PDFs and
DOCX files), economy (pairs per minute at a TPM against a naive client, tokens reserved
per pair, cost per 1,000 pairs: benchlib/economy.py), batch (submit then collect through the Batch API
against the fake), enqueue (the platform app's
enqueue latency at --rate/s for --seconds, and enqueue-to-result with `run --follow`:
benchlib/enqueue.py), truthfulness (the guard on the adversarial corpus per category,
its time per edit, and the offline engine's uplift and time per pair on the sample set:
benchlib/truthfulness.py and scripts/bench_quality.py; needs no database), ratelimit
and quality (scripts/bench_ratelimit.py and scripts/bench_quality.py; arguments after
`--` go to them), all. Every scenario works in its own throw-away PostgreSQL schema and
data directory. See BENCHMARKS.md for the figures and what limits each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import common  # noqa: E402
from benchlib.common import DEFAULT_DSN, log, table  # noqa: E402

SCENARIOS = (
    "overhead",
    "peer",
    "rerun",
    "ratelimit",
    "economy",
    "latency",
    "memory",
    "scaling",
    "quality",
    "import",
    "enqueue",
    "batch",
    "truthfulness",
)
NO_DATABASE = frozenset({"truthfulness", "quality"})  # scenarios that never open a connection


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    argv = list(sys.argv[1:] if argv is None else argv)
    passthrough: list[str] = []
    if "--" in argv:
        i = argv.index("--")
        argv, passthrough = argv[:i], argv[i + 1 :]
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("scenario", choices=(*SCENARIOS, "all"))
    p.add_argument("--n", type=int, default=None, help="pairs (default 50,000; 200 with --smoke)")
    p.add_argument(
        "--dsn",
        default=os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DSN,
        help=f"PostgreSQL server (default $BENCH_DATABASE_URL or {DEFAULT_DSN})",
    )
    p.add_argument("--chunk", type=int, default=100, help="claim chunk size (default 100, the default config)")
    p.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="overhead: alternate pipeline and floor R times, report medians (default 1)",
    )
    p.add_argument(
        "--resume-words",
        type=int,
        default=40,
        help="overhead/rerun: resume length passed to seed_pairs (default 40, ~400 chars)",
    )
    p.add_argument("--workers", type=int, default=32, help="latency: pool size W (default 32)")
    p.add_argument(
        "--seconds",
        type=float,
        default=None,
        help="latency: target duration (default 30); enqueue: length of each load phase (default 60)",
    )
    p.add_argument("--rate", type=float, default=100, help="enqueue: requests per second (default 100)")
    p.add_argument("--clients", type=int, default=20, help="enqueue: concurrent app connections (default 20)")
    p.add_argument(
        "--pgq-driver",
        choices=("both", "psycopg", "asyncpg"),
        default="both",
        help="peer: pgqueuer driver(s); the faster one is the headline (default both)",
    )
    p.add_argument(
        "--profile",
        choices=("none", "pyinstrument"),
        default="none",
        help="overhead: profile the (first) pipeline run, main thread; that run is slowed by it",
    )
    p.add_argument(
        "--profile-out",
        default=os.path.join(tempfile.gettempdir(), "resume-opt-bench-profile"),
        help="profile file base name (.txt and .html are added)",
    )
    p.add_argument("--smoke", action="store_true", help="tiny sizes for a CI smoke run")
    p.add_argument("--json", action="store_true", help="print one JSON object of named figures")
    args = p.parse_args(argv)
    args.passthrough = passthrough
    args.enqueue_seconds = args.seconds  # enqueue's default (60) differs from latency's (30)
    if args.seconds is None:
        args.seconds = 30
    args.n_given = args.n is not None
    if args.n is None:
        args.n = 200 if args.smoke else 50_000
    if args.smoke:
        args.workers = min(args.workers, 8)
    return args


def machine(dsn: str | None) -> dict[str, Any]:
    """The host and, given a DSN, the server's version (None: a scenario with no database)."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(
            next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1]
        )
    except (OSError, StopIteration, ValueError):
        mem_kb = 0
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "loadavg_1m_at_start": round(os.getloadavg()[0], 2),
        "mem_gib": round(mem_kb / 2**20, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        **(common.server_info(dsn) if dsn else {"postgresql": "not used"}),
    }


def external(name: str, args: argparse.Namespace) -> dict[str, Any]:
    """ratelimit / quality live in scripts/bench_<name>.py, each exposing run(argv) -> dict."""
    try:
        mod = importlib.import_module(f"bench_{name}")
    except ImportError as exc:
        msg = f"scripts/bench_{name}.py is not available ({exc}); scenario '{name}' skipped"
        log(msg)
        return {f"{name}_skipped": msg}
    argv = list(args.passthrough)
    if args.smoke and not argv:
        src = Path(mod.__file__ or "").read_text() if mod.__file__ else ""
        if name == "ratelimit":
            argv = ["--seconds", "5"]
        elif "--smoke" in src:
            argv = ["--smoke"]
    log(f"{name}: scripts/bench_{name}.py {' '.join(argv)}")
    return dict(mod.run(argv))


def external_rows(name: str, f: dict[str, Any]) -> list[tuple[str, Any, str]]:
    goals = {"utilization": (lambda v: v >= 0.95, ">= 0.95"), "rate_limited_ratio": (lambda v: v <= 0.01, "<= 0.01")}
    rows = []
    for k, v in f.items():
        if isinstance(v, (dict, list)):
            continue
        note = common.goal(goals[k][0](v), goals[k][1]) if k in goals and isinstance(v, (int, float)) else ""
        rows.append((k, v, note))
    return rows


def run_scenarios(args: argparse.Namespace) -> dict[str, Any]:
    from benchlib import imports, latency, overhead, peer, procs

    want = set(SCENARIOS) if args.scenario == "all" else {args.scenario}
    figures: dict[str, Any] = {}
    sections: list[tuple[str, list[tuple[str, Any, str]]]] = []

    def step(title: str, fn: Any, rows: Any, nest: bool = False) -> dict[str, Any]:
        t0 = time.perf_counter()
        try:
            f = fn()
        except Exception as exc:  # one broken scenario must not hide the others' figures under `all`
            if args.scenario != "all":
                raise
            log(f"{title} failed: {type(exc).__name__}: {exc}")
            f = {f"{title}_error": f"{type(exc).__name__}: {exc}"}
            sections.append((title, [(f"{title}_error", "failed", str(exc)[:100])]))
            figures.update(f)
            return f
        log(f"{title} done in {time.perf_counter() - t0:.1f}s")
        sections.append((title, rows(f)))
        if nest:  # another script's figures: all of them under its name, its scalars on top if free
            figures[title] = f
            f = {k: v for k, v in f.items() if not isinstance(v, (dict, list)) and k not in figures}
        figures.update(f)
        return f

    if want & {"overhead", "rerun", "peer"}:
        step(
            "overhead" if "rerun" not in want else "overhead + rerun",
            lambda: overhead.run(args, overhead="overhead" in want or "peer" in want, rerun="rerun" in want),
            overhead.rows,
        )
    if "peer" in want:
        if args.smoke and not peer.available():
            log("peer: pgqueuer not installed; skipped in the smoke run")
        else:
            if args.smoke and args.pgq_driver == "both":  # pgqueuer's psycopg driver alone takes 5 s here
                args.pgq_driver = "asyncpg" if peer.has_asyncpg() else "psycopg"
            step("peer", lambda: peer.run(args, figures.get("overhead_pairs_per_s")), peer.rows)
    if "latency" in want:
        step("latency", lambda: latency.run(args), latency.rows)
    if "enqueue" in want:
        from benchlib import enqueue

        step("enqueue", lambda: enqueue.run(args), enqueue.rows)
    if "memory" in want:
        step("memory", lambda: procs.memory(args), procs.memory_rows)
    if "scaling" in want:
        step("scaling", lambda: procs.scaling(args), procs.scaling_rows)
    if "import" in want:
        step("import", lambda: imports.run(args), imports.rows)
    if "economy" in want:
        from benchlib import economy

        econ_args = economy.parse_args(args.passthrough or (["--seconds", "10"] if args.smoke else []))
        step("economy", lambda: economy.run(econ_args), economy.rows, nest=True)
    if "batch" in want:
        from benchlib import batch

        step("batch", lambda: batch.run(args), batch.rows)
    if "truthfulness" in want:
        from benchlib import truthfulness

        step("truthfulness", lambda: truthfulness.run_with_engine(args), truthfulness.rows)
    for name in ("ratelimit", "quality"):
        if name in want:
            step(name, lambda n=name: external(n, args), lambda f, n=name: external_rows(n, f), nest=True)
    figures["_sections"] = sections
    return figures


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    common.clean_environment()
    needs_db = args.scenario not in NO_DATABASE
    if needs_db and not common.reachable(args.dsn):
        print(f"bench: cannot reach PostgreSQL at {args.dsn} (use --dsn)", file=sys.stderr)
        return 3
    meta = {
        **machine(args.dsn if needs_db else None),
        "scenario": args.scenario,
        "smoke": args.smoke,
        "command": " ".join(["scripts/bench.py", *(argv if argv is not None else sys.argv[1:])]),
    }
    t0 = time.perf_counter()
    figures = run_scenarios(args)
    meta["elapsed_s"] = round(time.perf_counter() - t0, 1)
    meta["loadavg_1m_at_end"] = round(os.getloadavg()[0], 2)
    sections = figures.pop("_sections")
    out = sys.stderr if args.json else sys.stdout
    print(
        f"resume-opt bench {args.scenario} — {meta['date']} — {meta['nproc']} cpu ({meta['cpu']}), "
        f"{meta['mem_gib']} GiB, PostgreSQL {meta['postgresql']}",
        file=out,
    )
    for title, rows in sections:
        table(title, rows, out)
    if args.json:
        print(json.dumps({**figures, "meta": meta}, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
