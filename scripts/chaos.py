#!/usr/bin/env python3
"""Run the fault matrix end to end against a real PostgreSQL and print what survived.

Each scenario gets a fresh database in a throwaway cluster (the system's
PostgreSQL binaries, run as the `postgres` OS user when we are root) and a fresh
RESUME_OPT_HOME, queues pairs, runs `resume-opt run` processes, injects one fault
for real (signals, the database stopped and started, the fake Groq server failing,
the cache broken), lets a later run finish the rest, and counts:

    items       pairs queued
    lost        pairs not in a final state at the end (or failed when they should not be)
    duplicated  pairs whose engine was called again after a call had answered
    exit codes  of the faulted run -> the recovery run(s)
    verdict     ok, or BUG with the rule that was broken

Usage: python scripts/chaos.py [--only NAME ...] [--list] [--json]
Engine calls are counted at the null engine (NULL_ENGINE_CALL_LOG) or at the fake
Groq server (scripts/fake_groq.py, in this process).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from tests.faultkit import (  # noqa: E402
    CountingGroq,
    PgCluster,
    RunProc,
    cluster_unavailable,
    engine_calls,
    free_port,
    groq_env,
    wait_until,
)
from tests.helpers import seed_pairs  # noqa: E402


@dataclass
class Outcome:
    fault: str
    items: int = 0
    succeeded: int = 0
    failed: int = 0
    lost: int = 0
    duplicated: int = 0
    codes: list[int] = field(default_factory=list)
    verdict: str = "ok"
    note: str = ""
    seconds: float = 0.0


class Scenario:
    """One fault: a fresh database and home; `run()` returns an Outcome."""

    def __init__(self, cluster: PgCluster, name: str, work: Path) -> None:
        self.cluster, self.name = cluster, name
        self.dir = work / name
        self.dir.mkdir(parents=True)
        self.home = self.dir / "home"
        self.url = cluster.create_database()
        self.log = self.dir / "calls.log"
        self.out = Outcome(name)
        os.environ["DATABASE_URL"] = self.url
        os.environ["RESUME_OPT_HOME"] = str(self.home)

    def seed(self, n: int) -> None:
        seed_pairs(self.url, n)
        self.out.items = n

    def proc(self, env: dict[str, str], *args: str) -> RunProc:
        base = {"DATABASE_URL": self.url, "RESUME_OPT_HOME": str(self.home), "NULL_ENGINE_CALL_LOG": str(self.log)}
        return RunProc(self.dir, {**base, **env}, *args)

    def run(self, env: dict[str, str], *args: str) -> int:
        p = self.proc(env, *args)
        code = p.wait(timeout=600)
        self.out.codes.append(code)
        return code

    def durable(self) -> int:
        """Distinct inputs in the disk cache or written back as succeeded."""
        import diskcache

        with diskcache.Cache(str(self.home / "cache")) as cache:
            keys = {str(k) for k in cache.iterkeys()}
        with psycopg.connect(self.url) as conn:
            rows = conn.execute("select input_hash from optimizations where status = 'succeeded'").fetchall()
        return len(keys | {str(r[0]) for r in rows})

    def sql(self, query: str, params: Any = None) -> Any:
        with psycopg.connect(self.url) as conn:
            row = conn.execute(query, params).fetchone()
        return row[0] if row else None

    def settle(
        self,
        calls: Counter[str] | None = None,
        expect_failed: int = 0,
        dup_allowed: int = 0,
        expect_codes: list[int] | None = None,
    ) -> Outcome:
        """Count the final states and duplicates; judge against the rules."""
        o = self.out
        o.succeeded = self.sql("select count(*) from optimizations where status = 'succeeded'")
        o.failed = self.sql("select count(*) from optimizations where status = 'failed'")
        o.lost = o.items - o.succeeded - o.failed + max(0, o.failed - expect_failed)
        counted = calls if calls is not None else engine_calls(self.log)
        o.duplicated = sum(1 for n in counted.values() if n > 1)
        broken = []
        if o.lost:
            broken.append(f"{o.lost} lost")
        if o.duplicated > dup_allowed:
            broken.append(f"{o.duplicated} duplicated > {dup_allowed} allowed")
        if expect_codes is not None and o.codes[: len(expect_codes)] != expect_codes:
            broken.append(f"exit codes {o.codes} != {expect_codes}")
        if broken:
            o.verdict = "BUG: " + "; ".join(broken)
        return o


NULL = ("--engine", "null")


def kill_mid_chunk(s: Scenario) -> Outcome:
    s.seed(400)
    env = {"NULL_ENGINE_LATENCY_MS": "10,30", "RESUME_OPT_RUN_HEARTBEAT_INTERVAL_S": "0.5"}
    p = s.proc(env, *NULL, "--chunk-size", "40", "--workers", "4")
    wait_until(lambda: sum(engine_calls(s.log).values()) >= 120 or not p.alive(), "calls")
    p.signal(signal.SIGKILL)
    s.out.codes.append(p.wait())
    # Calls whose results were not durable yet (in flight, or computed and still queued for
    # the cache) are the only ones a later run may repeat: at most `workers` plus the writer's lag.
    lost_calls = sum(engine_calls(s.log).values()) - s.durable()
    time.sleep(2.5)
    s.run({"RESUME_OPT_RUN_LEASE_TIMEOUT_S": "2"}, *NULL, "--workers", "4")
    out = s.settle(dup_allowed=lost_calls, expect_codes=[-9, 0])
    out.note = f"{lost_calls} calls not yet durable at the kill"
    return out


def graceful(sig: int, code: int, twice: bool = False) -> Callable[[Scenario], Outcome]:
    def scenario(s: Scenario) -> Outcome:
        s.seed(200)
        latency = "600000,600000" if twice else "300,500"
        env = {"NULL_ENGINE_LATENCY_MS": latency, "RESUME_OPT_RUN_GRACE_S": "3600" if twice else "60"}
        p = s.proc(env, *NULL, "--chunk-size", "20", "--workers", "4")
        wait_until(lambda: sum(engine_calls(s.log).values()) >= 4 or not p.alive(), "calls in flight")
        p.signal(sig)
        if twice:
            wait_until(lambda: "received" in p.stderr or not p.alive(), "first signal")
            p.signal(sig)
        s.out.codes.append(p.wait())
        charged = s.sql("select count(*) from optimizations where status = 'pending' and attempts <> 0")
        report = p.report()
        s.run({}, *NULL, "--workers", "4")
        out = s.settle(dup_allowed=4 if twice else 0, expect_codes=[code, 0])
        out.note = f"released {report['released']}, charged {charged}"
        if charged:
            out.verdict = "BUG: released items charged an attempt"
        return out

    return scenario


def db_restart(mode: str) -> Callable[[Scenario], Outcome]:
    def scenario(s: Scenario) -> Outcome:
        s.seed(400)
        env = {
            "NULL_ENGINE_LATENCY_MS": "20,40",
            "RESUME_OPT_DATABASE_RECONNECT_WINDOW_S": "120",
            "RESUME_OPT_DATABASE_CONNECT_TIMEOUT_S": "1",
            "RESUME_OPT_RUN_HEARTBEAT_INTERVAL_S": "0.5",
        }
        p = s.proc(env, *NULL, "--chunk-size", "20", "--workers", "4")
        wait_until(lambda: sum(engine_calls(s.log).values()) >= 80 or not p.alive(), "calls")
        s.cluster.stop(mode)
        time.sleep(3)
        s.cluster.start()
        s.out.codes.append(p.wait())
        out = s.settle(dup_allowed=0, expect_codes=[0])
        out.note = f"outage 3 s, {mode} stop"
        return out

    return scenario


def db_outage_past_window(s: Scenario) -> Outcome:
    s.seed(300)
    env = {
        "NULL_ENGINE_LATENCY_MS": "20,40",
        "RESUME_OPT_DATABASE_RECONNECT_WINDOW_S": "2",
        "RESUME_OPT_DATABASE_CONNECT_TIMEOUT_S": "1",
        "RESUME_OPT_RUN_HEARTBEAT_INTERVAL_S": "0.5",
    }
    p = s.proc(env, *NULL, "--chunk-size", "30", "--workers", "2")
    wait_until(lambda: sum(engine_calls(s.log).values()) >= 45 or not p.alive(), "calls")
    s.cluster.stop("immediate")
    try:
        s.out.codes.append(p.wait())
    finally:
        s.cluster.start()
    time.sleep(1.5)
    s.run({"RESUME_OPT_RUN_LEASE_TIMEOUT_S": "1"}, *NULL, "--workers", "2")
    out = s.settle(dup_allowed=2, expect_codes=[3, 0])
    out.note = "down until the run gave up (window 2 s)"
    return out


def db_outage_while_computing(s: Scenario) -> Outcome:
    s.seed(60)
    with CountingGroq(hold={"19", "20"}) as fake:
        env = {
            **groq_env(fake.base_url),
            "RESUME_OPT_DATABASE_RECONNECT_WINDOW_S": "2",
            "RESUME_OPT_DATABASE_CONNECT_TIMEOUT_S": "1",
            "RESUME_OPT_RUN_HEARTBEAT_INTERVAL_S": "0.5",
        }
        p = s.proc(env, "--engine", "groq", "--chunk-size", "20", "--workers", "2")
        try:
            wait_until(lambda: len(fake.held) == 2 or not p.alive(), "held calls")
            wait_until(
                lambda: s.sql("select count(*) from optimizations where status = 'running'") == 40 or not p.alive(),
                "chunk 2 claimed",
            )
            s.cluster.stop("immediate")
            fake.release.set()
            s.out.codes.append(p.wait())
        finally:
            fake.release.set()
            if not s.cluster.running:
                s.cluster.start()
        time.sleep(1.5)
        s.run({**groq_env(fake.base_url), "RESUME_OPT_RUN_LEASE_TIMEOUT_S": "1"}, "--engine", "groq", "--workers", "2")
        out = s.settle(calls=fake.ok_by_pair, dup_allowed=2, expect_codes=[3, 0])
    out.note = "outage met at a write-back, next chunk computing"
    return out


def four_runs(s: Scenario) -> Outcome:
    s.seed(5000)
    env = {"NULL_ENGINE_LATENCY_MS": "0,2", "RESUME_OPT_RUN_HEARTBEAT_INTERVAL_S": "0.2"}
    procs = [s.proc(env, *NULL, "--chunk-size", "50", "--workers", "4") for _ in range(4)]
    s.out.codes = [p.wait(timeout=600) for p in procs]
    failures = sum(p.stderr.count("write back failed") for p in procs)
    out = s.settle(dup_allowed=0, expect_codes=[0, 0, 0, 0])
    out.note = f"{failures} write-backs retried with the database healthy"
    if failures and out.verdict == "ok":
        out.verdict = "BUG: write-backs failed (heartbeat deadlock)"
    return out


def heartbeat_stress(s: Scenario) -> Outcome:
    """Heartbeats every 5 ms: a run's heartbeat and its own write-backs overlap all the time."""
    s.seed(5000)
    env = {"NULL_ENGINE_LATENCY_MS": "0,2", "RESUME_OPT_RUN_HEARTBEAT_INTERVAL_S": "0.005"}
    procs = [s.proc(env, *NULL, "--chunk-size", "250", "--workers", "4") for _ in range(4)]
    s.out.codes = [p.wait(timeout=600) for p in procs]
    failures = sum(p.stderr.count("write back failed") for p in procs)
    deadlocks = s.cluster.server_log().count("deadlock detected")
    out = s.settle(dup_allowed=0, expect_codes=[0, 0, 0, 0])
    out.note = f"{failures} write-backs failed, {deadlocks} deadlocks in the server log so far"
    if failures and out.verdict == "ok":
        out.verdict = "BUG: write-backs failed (heartbeat deadlock)"
    return out


def poison_item(s: Scenario) -> Outcome:
    s.seed(30)
    with CountingGroq(poison="Engineer number 7 ") as fake:
        env = {
            **groq_env(fake.base_url),
            "RESUME_OPT_RUN_MAX_ATTEMPTS": "3",
            "RESUME_OPT_RUN_BACKOFF_BASE_S": "0.5",
            "RESUME_OPT_RETRY_MAX_ATTEMPTS": "2",
            "RESUME_OPT_RETRY_BACKOFF_BASE_S": "0.05",
        }
        for _ in range(3):
            wait_until(
                lambda: (
                    s.sql("select bool_and(run_after <= now()) from optimizations where status = 'pending'")
                    is not False
                ),
                "backoff",
            )
            s.run(env, "--engine", "groq", "--workers", "4")
        out = s.settle(calls=fake.ok_by_pair, expect_failed=1, expect_codes=[1, 1, 1])
        state = s.sql("select attempts || ' attempts, ' || error from optimizations where status = 'failed'")
    out.note = f"poison: {state}"
    return out


def api_401(s: Scenario) -> Outcome:
    s.seed(40)
    with CountingGroq(api_keys={"gsk_right_key_0000000000000000"}) as fake:
        s.run(groq_env(fake.base_url, key="gsk_revoked_key_00000000000000"), "--engine", "groq")
        charged = s.sql("select count(*) from optimizations where attempts <> 0")
        s.run(groq_env(fake.base_url, key="gsk_right_key_0000000000000000"), "--engine", "groq")
        out = s.settle(calls=fake.ok_by_pair, expect_codes=[3, 0])
    out.note = f"key rejected: charged {charged}"
    return out


def api_unreachable(s: Scenario) -> Outcome:
    s.seed(40)
    env = {
        **groq_env(f"http://127.0.0.1:{free_port()}"),
        "RESUME_OPT_RETRY_BACKOFF_BASE_S": "0.05",
        "RESUME_OPT_RUN_BACKOFF_BASE_S": "0",
    }
    s.run(env, "--engine", "groq", "--workers", "4")
    charged = s.sql("select count(*) from optimizations where attempts <> 0")
    with CountingGroq() as fake:
        s.run(groq_env(fake.base_url), "--engine", "groq", "--workers", "4")
        out = s.settle(calls=fake.ok_by_pair, expect_codes=[3, 0])
    out.note = f"API down: {charged} items charged an attempt"
    if charged and out.verdict == "ok":
        out.verdict = "BUG: attempts charged while the API was down"
    return out


def api_flaky(s: Scenario) -> Outcome:
    s.seed(120)
    rates = {"500": 0.1, "503": 0.1, "498": 0.05, "invalid_json": 0.05, "truncated": 0.05, "timeout": 0.02}
    with CountingGroq(rates=rates, hang_s=3, seed=5) as fake:
        env = {
            **groq_env(fake.base_url),
            "RESUME_OPT_GROQ_TIMEOUT_S": "1",
            "RESUME_OPT_RETRY_MAX_ATTEMPTS": "6",
            "RESUME_OPT_RETRY_BACKOFF_BASE_S": "0.02",
            "RESUME_OPT_RETRY_BACKOFF_MAX_S": "0.1",
            "RESUME_OPT_RUN_BACKOFF_BASE_S": "0",
        }
        for _ in range(4):
            s.run(env, "--engine", "groq", "--workers", "6", "--chunk-size", "25")
            if not s.sql("select count(*) from optimizations where status = 'pending'"):
                break
        out = s.settle(
            calls=fake.ok_by_pair, expect_failed=s.sql("select count(*) from optimizations where status = 'failed'")
        )
        out.note = f"{sum(fake.requests_by_pair.values())} requests for {out.items} pairs"
    return out


def cache_fault(kind: str) -> Callable[[Scenario], Outcome]:
    def scenario(s: Scenario) -> Outcome:
        s.seed(50)
        cache = s.home / "cache"
        s.run({}, *NULL)
        with psycopg.connect(s.url) as conn:
            conn.execute(
                "insert into optimizations (candidate_id, job_id) "
                "select distinct candidate_id, job_id from optimizations"
            )
        before = sum(engine_calls(s.log).values())
        if kind == "unwritable":
            shutil.rmtree(cache)
            cache.write_text("not a directory\n")
        else:
            for extra in cache.glob("cache.db-*"):
                extra.unlink()
            (cache / "cache.db").write_bytes(os.urandom(32 * 1024))
        p = s.proc({}, *NULL)
        s.out.codes.append(p.wait())
        report = p.report()
        s.out.items = 100
        out = s.settle(expect_codes=[0, 0])
        warnings = p.stderr.count("cache disabled")
        status = re.sub(r" at /\S+", "", str(report["cache_status"]))
        out.note = f"{warnings} warning, {sum(engine_calls(s.log).values()) - before} calls; {status[:50]}"
        if warnings != 1 or not str(report["cache_status"]).startswith("disabled"):
            out.verdict = "BUG: cache fault not reported once"
        return out

    return scenario


def cache_full(s: Scenario) -> Outcome:
    """The cache's file system fills up mid-run (a 2 MB tmpfs); needs permission to mount."""
    cache = s.home / "cache"
    cache.mkdir(parents=True)
    if (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(cache)], capture_output=True
        ).returncode
        != 0
    ):
        s.out.verdict = "skipped: mount not permitted"
        return s.out
    try:
        s.seed(120)
        filler = cache / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass
        finally:
            os.close(fd)
        os.truncate(filler, filler.stat().st_size - 256 * 1024)  # room to open the cache, not to fill it
        p = s.proc({}, *NULL, "--chunk-size", "20")
        s.out.codes.append(p.wait())
        report = p.report()
    finally:
        subprocess.run(["umount", str(cache)], capture_output=True)
    out = s.settle(expect_codes=[0])
    status = re.sub(r" at /\S+", "", str(report["cache_status"]))
    out.note = f"{p.stderr.count('cache disabled')} warning; {status[:50]}"
    return out


def reports_unwritable(s: Scenario) -> Outcome:
    s.seed(20)
    s.home.mkdir(parents=True, exist_ok=True)
    (s.home / "reports").write_text("a file where the reports directory should be\n")
    p = s.proc({}, *NULL)
    s.out.codes.append(p.wait())
    out = s.settle(expect_codes=[0])
    out.note = p.stderr.strip().splitlines()[-1][:70] if p.stderr.strip() else ""
    return out


SCENARIOS: dict[str, Callable[[Scenario], Outcome]] = {
    "sigkill-mid-chunk": kill_mid_chunk,
    "sigterm": graceful(signal.SIGTERM, 143),
    "sigint": graceful(signal.SIGINT, 130),
    "sigterm-twice": graceful(signal.SIGTERM, 143, twice=True),
    "db-restart-fast": db_restart("fast"),
    "db-crash-immediate": db_restart("immediate"),
    "db-down-past-window": db_outage_past_window,
    "db-down-while-computing": db_outage_while_computing,
    "4-runs-5000-pairs": four_runs,
    "heartbeat-stress": heartbeat_stress,
    "poison-item-500": poison_item,
    "api-key-rejected": api_401,
    "api-unreachable": api_unreachable,
    "api-flaky": api_flaky,
    "cache-unwritable": cache_fault("unwritable"),
    "cache-corrupt": cache_fault("corrupt"),
    "cache-full": cache_full,
    "reports-dir-unwritable": reports_unwritable,
}


def table(outcomes: list[Outcome]) -> str:
    head = ["fault", "items", "succeeded", "failed", "lost", "duplicated", "exit codes", "verdict", "note"]
    rows = [
        [
            o.fault,
            str(o.items),
            str(o.succeeded),
            str(o.failed),
            str(o.lost),
            str(o.duplicated),
            " -> ".join(str(c) for c in o.codes),
            o.verdict,
            o.note,
        ]
        for o in outcomes
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"  # noqa: E731
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(head), sep, *map(line, rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="run only these scenarios")
    parser.add_argument("--list", action="store_true", help="list the scenarios")
    parser.add_argument("--json", action="store_true", help="print the outcomes as JSON too")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(SCENARIOS))
        return 0
    why = cluster_unavailable()
    if why:
        print(f"chaos: {why}", file=sys.stderr)
        return 2
    for name in list(os.environ):
        if name.startswith(("RESUME_OPT_", "NULL_ENGINE_")) or name in (
            "DATABASE_URL",
            "GROQ_API_KEY",
            "GROQ_BASE_URL",
        ):
            del os.environ[name]
    os.environ["RESUME_OPT_RETRY_BACKOFF_BASE_S"] = "0.05"
    work = Path(tempfile.mkdtemp(prefix="resume-opt-chaos-"))
    outcomes: list[Outcome] = []
    with PgCluster() as cluster:
        for name, fn in SCENARIOS.items():
            if args.only and name not in args.only:
                continue
            t0 = time.monotonic()
            try:
                if not cluster.running:
                    cluster.start()
                out = fn(Scenario(cluster, name, work))
            except Exception as exc:  # a scenario that cannot run is reported, not fatal
                out = Outcome(name, verdict=f"ERROR: {type(exc).__name__}: {str(exc)[:120]}")
                traceback.print_exc()
            out.seconds = round(time.monotonic() - t0, 1)
            print(f"chaos: {name}: {out.verdict} ({out.seconds}s)", file=sys.stderr, flush=True)
            outcomes.append(out)
    shutil.rmtree(work, ignore_errors=True)
    print(table(outcomes))
    if args.json:
        print(json.dumps([o.__dict__ for o in outcomes], indent=2))
    return 0 if all(o.verdict == "ok" for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
