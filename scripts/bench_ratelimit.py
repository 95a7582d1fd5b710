#!/usr/bin/env python3
"""Benchmark: how close to the provider's limit the limiter runs, and how many 429s it earns.

Starts the fake Groq server (scripts/fake_groq.py) once per window mode — `sliding`
and `bucket`, side by side — and drives the real GroqEngine + limiter +
`retry.call_with_retries` from a thread pool for `--seconds`, with nothing configured
(the limits learned from the fake's headers and 429 bodies, as a new user meets them;
`--configured` tells the limiter the fake's limits instead). Prints, per mode,
the achieved rate against the fake's limit (`utilization`, of whichever limit
binds: requests or tokens per minute), 429s (`rate_limited_ratio` of all chat
requests) and request latency (`p50_ms`, `p95_ms`). `run(args) -> dict` is what
`scripts/bench.py ratelimit` calls.

    python scripts/bench_ratelimit.py --seconds 60 --rpm 120
    python scripts/bench_ratelimit.py --seconds 60 --rpm 1000 --tpm 80000   # tokens bind
    python scripts/bench_ratelimit.py --hosts 3 --workers 4 --scope database   # three hosts, one budget
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from resume_opt.ats.proposal import Job  # noqa: E402
from resume_opt.config import RetrySettings, load_settings  # noqa: E402
from resume_opt.engines.groq.limiter import make_limiter  # noqa: E402
from resume_opt.errors import EngineError, QuotaExhaustedError  # noqa: E402
from resume_opt.run.retry import CallStats, call_with_retries  # noqa: E402
from resume_opt.secrets import Secrets  # noqa: E402
from scripts.fake_groq import FakeGroq  # noqa: E402

DEFAULT_DSN = "postgresql://postgres@127.0.0.1:5432/test"
RESUME = """Alex Morgan
alex@example.com

SUMMARY
backend engineer with eight years of building payment and data services.

EXPERIENCE
Senior Engineer, Northwind (2019-2024)
- led the migration of the billing platform to PostgreSQL, Python, Kafka.
- built an event pipeline handling 40k messages per second
- mentored five engineers and ran the on-call rotation
Engineer, Contoso (2016-2019)
- wrote REST services in Python and Go for the logistics team
- cut deployment time from hours to minutes with Docker, Terraform.

SKILLS
Python, Go, PostgreSQL, Kafka, Docker, Terraform, AWS
"""
JOB = Job(
    "Senior Backend Engineer",
    "Acme",
    "We need Python, PostgreSQL and Kubernetes experience. You will own services end to end and mentor others. " * 4,
)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Rate limiter benchmark against the fake Groq server.")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long each mode runs")
    parser.add_argument("--mode", choices=("both", "sliding", "bucket"), default="both")
    parser.add_argument("--rpm", type=int, default=120, help="the fake's requests per minute")
    parser.add_argument("--tpm", type=int, default=300000, help="the fake's tokens per minute")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--latency-ms", default="50,150", help="the fake's latency range")
    parser.add_argument("--max-tokens", type=int, default=1024)
    parser.add_argument("--error-rate", type=float, default=0.0, help="share of 503 answers")
    parser.add_argument("--learn", action="store_true", help="(the default now) configure no limits: learn them")
    parser.add_argument("--configured", action="store_true", help="tell the limiter the fake's limits")
    parser.add_argument(
        "--completion-tokens", default="", help="answer lengths: log-normal MEDIAN,SIGMA (default: the JSON's own)"
    )
    parser.add_argument(
        "--hosts", type=int, default=1, help="engines with a limiter each, sharing the key (simulated hosts)"
    )
    parser.add_argument(
        "--scope",
        choices=("process", "database"),
        default="process",
        help="database: the limiters share one budget through PostgreSQL",
    )
    parser.add_argument(
        "--dsn",
        default=os.environ.get("TEST_DATABASE_URL") or DEFAULT_DSN,
        help="PostgreSQL for --scope database (a throw-away schema is used)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser.parse_args(argv)


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


@contextmanager
def shared_pool(args: argparse.Namespace) -> Iterator[Any]:
    """database scope: a pool on a throw-away schema holding the limiter's table; else None."""
    if args.scope != "database":
        yield None
        return
    import psycopg
    from psycopg.conninfo import make_conninfo
    from psycopg_pool import ConnectionPool

    from resume_opt.db.ratelimit import MIGRATION_SQL

    schema = f"bench_rl_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(args.dsn, autocommit=True) as conn:
        conn.execute(f'create schema "{schema}"')
        conn.execute(f'set search_path to "{schema}"')
        conn.execute(MIGRATION_SQL)
    try:
        url = make_conninfo(args.dsn, options=f"-c search_path={schema}")
        with ConnectionPool(url, min_size=1, max_size=4 * args.hosts, open=True) as pool:
            yield pool
    finally:
        with psycopg.connect(args.dsn, autocommit=True) as conn:
            conn.execute(f'drop schema if exists "{schema}" cascade')


def drive(mode: str, args: argparse.Namespace) -> dict[str, Any]:
    """One mode: a fake; `--hosts` engines (own limiter each) x `--workers` threads; figures."""
    from resume_opt.engines.groq.engine import GroqEngine

    lo, _, hi = args.latency_ms.partition(",")
    median, _, sigma = args.completion_tokens.partition(",")
    fake = FakeGroq(
        completion_tokens=(float(median), float(sigma)) if median else None,
        rpm=args.rpm,
        tpm=args.tpm,
        window=mode,
        latency_ms=(float(lo), float(hi or lo)),
        seed=args.seed,
        rates={"503": args.error_rate},
        api_keys=["bench-key"],
    )
    fake.start()  # the base URL names the port it got
    settings = load_settings(environ={}, secrets=Secrets(groq_api_key="bench-key", groq_base_url=fake.base_url))
    rl = settings.rate_limit
    if args.configured:
        rl.requests_per_minute, rl.tokens_per_minute = args.rpm, args.tpm
    rl.scope = args.scope
    settings.groq.max_tokens = args.max_tokens
    settings.groq.timeout_s = 10
    policy = RetrySettings(max_attempts=5, backoff_base_s=0.2, backoff_max_s=2.0)
    latencies: list[float] = []
    lock = threading.Lock()
    failures: dict[str, int] = {}
    with contextlib.ExitStack() as stack:
        stack.callback(fake.stop)
        pool = stack.enter_context(shared_pool(args))
        started = time.monotonic()
        end = started + args.seconds
        engines = []
        for _ in range(args.hosts):
            engines.append(GroqEngine(settings, make_limiter(settings, pool=pool, deadline=end)))

        def worker(engine: GroqEngine) -> None:
            while time.monotonic() < end:
                stats = CallStats()
                try:
                    proposal = call_with_retries(
                        lambda: engine.propose(RESUME, JOB), policy, stats, should_stop=lambda: time.monotonic() >= end
                    )
                except QuotaExhaustedError:
                    return  # the next slot is past the end of the bench
                except EngineError as exc:
                    with lock:
                        failures[exc.kind] = failures.get(exc.kind, 0) + 1
                    continue
                with lock:
                    latencies.append(proposal.latency_ms)

        with ThreadPoolExecutor(args.workers * args.hosts) as threads:
            for engine in engines:
                for _ in range(args.workers):
                    threads.submit(worker, engine)
        elapsed = time.monotonic() - started
        for engine in engines:
            engine.close()
        served = fake.stats()
    chat = sum(served["statuses"].values())
    minutes = args.seconds / 60  # admissions happen inside [started, end]
    req_util = served["admitted"] / (args.rpm * minutes) if args.rpm else 0.0
    tok_util = served["tokens_counted"] / (args.tpm * minutes) if args.tpm else 0.0
    return {
        "mode": mode,
        "scope": args.scope,
        "hosts": args.hosts,
        "seconds": round(elapsed, 1),
        "limit_rpm": args.rpm,
        "limit_tpm": args.tpm,
        "configured": bool(args.configured),
        "admitted": served["admitted"],
        "requests_per_min": round(served["admitted"] / minutes, 1),
        "tokens_per_min": round(served["tokens_admitted"] / minutes),
        "utilization": round(max(req_util, tok_util), 4),
        "rate_limited": served["rate_limited"],
        "rate_limited_ratio": round(served["rate_limited"] / max(1, chat), 4),
        "p50_ms": round(_pct(latencies, 50)),
        "p95_ms": round(_pct(latencies, 95)),
        "succeeded": len(latencies),
        "failures": failures,
        "limiter": [engine.limiter.snapshot() for engine in engines],
    }


def run(args: argparse.Namespace | Sequence[str] | None = None) -> dict[str, Any]:
    """Run the benchmark; figures per mode plus the worst of them at the top level."""
    if not isinstance(args, argparse.Namespace):
        args = parse_args(args)
    modes = ("sliding", "bucket") if args.mode == "both" else (args.mode,)
    with ThreadPoolExecutor(len(modes)) as pool:
        results = dict(zip(modes, pool.map(lambda m: drive(m, args), modes), strict=True))
    worst: dict[str, Any] = {
        "utilization": min(r["utilization"] for r in results.values()),
        "rate_limited_ratio": max(r["rate_limited_ratio"] for r in results.values()),
        "p50_ms": max(r["p50_ms"] for r in results.values()),
        "p95_ms": max(r["p95_ms"] for r in results.values()),
    }
    return {**worst, "modes": results}


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    figures = run(args)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(
        f"{'mode':8} {'req/min':>8} {'limit':>6} {'util':>7} {'429s':>5} {'429 %':>6} "
        f"{'p50 ms':>7} {'p95 ms':>7}  failures"
    )
    for mode, r in figures["modes"].items():
        print(
            f"{mode:8} {r['requests_per_min']:8.1f} {r['limit_rpm']:6d} {r['utilization']:7.1%} "
            f"{r['rate_limited']:5d} {r['rate_limited_ratio']:6.2%} {r['p50_ms']:7d} {r['p95_ms']:7d}  "
            f"{r['failures'] or '-'}"
        )
    first = next(iter(figures["modes"].values()))
    print(f"scope {first['scope']}, {first['hosts']} host(s) x {args.workers} workers, {args.seconds:g}s per mode")
    print(f"worst: utilization {figures['utilization']:.1%}, 429 ratio {figures['rate_limited_ratio']:.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
