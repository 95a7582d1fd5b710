"""`enqueue`: the platform's side (issue 16). How long the app waits to queue a pair, and how long
until its result is written.

- `api_*`: `resume_opt.enqueue(conn, [(candidate, job)])` plus commit, from `--clients` threads
  sharing a psycopg_pool (the app's pool), requests arriving open-loop at `--rate` per second for
  `--seconds` (default 60). `latency` is the call (checkout, statement, commit); `response` is from
  the request's scheduled arrival, so a backlog (all clients busy) shows in it.
- `sql_*`: the same through `select * from resume_opt_enqueue(%s, %s, %s)`. The two take turns
  in 10-second slices (`--seconds` of each in all).
- `idle_e2e_*`: one pair at a time into an idle `run --follow` (offline engine): from the
  enqueue's commit to the NOTIFY on resume_opt_results announcing its result, at the client.
- `e2e_*`: the same while the app enqueues at `--rate` for `--seconds` and `run --follow` keeps
  up; `e2e_db_*` is the server's view (finished_at - created_at); `load_api_*` is the enqueue
  latency during it, with the worker competing for the same 2 cores.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from benchlib.common import ROOT, Space, goal, log, space
from resume_opt import enqueue

JOB = "j1"
IDLE_SAMPLES = 20
SLICE_S = 10.0


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile in ms (values in seconds)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return round(1000 * ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))], 2)


def summary(prefix: str, values: list[float], ps: tuple[float, ...] = (0.5, 0.99)) -> dict[str, Any]:
    out: dict[str, Any] = {f"{prefix}_n": len(values)}
    for p in ps:
        out[f"{prefix}_p{int(p * 100)}_ms"] = pct(values, p)
    out[f"{prefix}_max_ms"] = pct(values, 1.0)
    return out


def _api_call(conn: psycopg.Connection[Any], cand: str, priority: int) -> None:
    res = enqueue(conn, [(cand, JOB)], priority=priority)
    if len(res.queued) != 1:
        raise RuntimeError(f"{cand}: {res.items}")


def _sql_call(conn: psycopg.Connection[Any], cand: str, priority: int) -> None:
    row = conn.execute("select status from resume_opt_enqueue(%s, %s, %s)", (cand, JOB, priority)).fetchone()
    if row != ("queued",):
        raise RuntimeError(f"{cand}: {row}")


def open_loop(
    pool: ConnectionPool[Any],
    call: Callable[[psycopg.Connection[Any], str, int], None],
    candidates: list[str],
    rate: float,
    clients: int,
    committed: dict[str, float] | None = None,
) -> dict[str, list[float]]:
    """Requests at `rate`/s (open loop), each one transaction on a pooled connection."""
    latency: list[float] = []
    response: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def one(cand: str, scheduled: float) -> None:
        start = time.monotonic()
        try:
            with pool.connection() as conn:
                call(conn, cand, 10)
            end = time.monotonic()
        except Exception as exc:  # a failed request is counted, not fatal to the figures
            with lock:
                errors.append(f"{type(exc).__name__}: {exc}")
            return
        with lock:
            latency.append(end - start)
            response.append(end - scheduled)
            if committed is not None:
                committed[cand] = end

    with ThreadPoolExecutor(max_workers=clients, thread_name_prefix="app") as ex:
        t0 = time.monotonic() + 0.1
        for i, cand in enumerate(candidates):
            at = t0 + i / rate
            delay = at - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            ex.submit(one, cand, at)
    if errors:
        log(f"enqueue: {len(errors)} failed requests, first: {errors[0]}")
    return {"latency": latency, "response": response, "errors": [float(len(errors))]}


class ResultListener(threading.Thread):
    """LISTEN resume_opt_results; record when each optimization's result was announced."""

    def __init__(self, url: str) -> None:
        super().__init__(name="results-listener", daemon=True)
        self.conn = psycopg.connect(url, autocommit=True)
        self.conn.execute("listen resume_opt_results")
        self.seen: dict[int, float] = {}
        self.cond = threading.Condition()
        self.stop = False

    def run(self) -> None:
        import json

        while not self.stop:
            for n in self.conn.notifies(timeout=0.5):
                now = time.monotonic()
                with self.cond:
                    for item in json.loads(n.payload):
                        self.seen.setdefault(int(item["id"]), now)
                    self.cond.notify_all()

    def wait_for(self, ids: set[int], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self.cond:
            while not ids <= self.seen.keys():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.cond.wait(left)
        return True

    def close(self) -> None:
        self.stop = True
        self.join(timeout=5)
        self.conn.close()


def start_follow(sp: Space) -> tuple[subprocess.Popen[bytes], Path]:
    err = sp.home / "follow.err"
    proc = subprocess.Popen(
        [sys.executable, "-m", "resume_opt", "run", "--follow", "--engine", "local", "--json"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=err.open("wb"),
    )
    deadline = time.monotonic() + 120
    while "follow: listening" not in err.read_text(errors="replace"):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"run --follow did not start: {err.read_text(errors='replace')[-1000:]}")
        time.sleep(0.05)
    return proc, err


def stop_follow(proc: subprocess.Popen[bytes], err: Path) -> int:
    proc.send_signal(signal.SIGTERM)
    try:
        code = proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise RuntimeError("run --follow did not stop within 120 s of SIGTERM") from None
    if code != 143:
        log(f"enqueue: run --follow exited {code}: {err.read_text(errors='replace')[-1000:]}")
    return code


def ids_of(sp: Space, cands: list[str]) -> dict[str, int]:
    rows = sp.sql(
        "select c.external_id, o.id from optimizations o join candidates c on c.id = o.candidate_id "
        "where c.external_id = any(%s)",
        (cands,),
    )
    return {str(c): int(i) for c, i in rows}


def run(args: Any) -> dict[str, Any]:
    from tests.helpers import seed_pairs

    rate, clients = args.rate, args.clients
    seconds = args.enqueue_seconds if args.enqueue_seconds is not None else (3 if args.smoke else 60)
    n = max(1, int(rate * seconds))
    idle_samples = 5 if args.smoke else IDLE_SAMPLES
    f: dict[str, Any] = {"enqueue_rate_per_s": rate, "enqueue_seconds": seconds, "enqueue_clients": clients}
    with space(args.dsn, "enqueue") as sp:
        seed_pairs(sp.url, 3 * n + idle_samples + 1, 1, pairs=0)
        sp.sql("vacuum analyze")
        names = [f"c{i}" for i in range(1, 3 * n + idle_samples + 2)]
        api_c, sql_c, load_c = names[:n], names[n : 2 * n], names[2 * n : 3 * n]
        idle_c, warm = names[3 * n : -1], names[-1]
        pool: ConnectionPool[Any] = ConnectionPool(sp.url, min_size=clients, max_size=clients, open=True)
        pool.wait()
        try:
            # A running app is warm: every pooled connection has run both statements a few times
            # (psycopg prepares a statement on its 5th use); the pair queued here is deleted below.
            def warm_up(_: int) -> None:
                with pool.connection() as conn:
                    enqueue(conn, [(warm, JOB)], priority=10)
                    conn.execute("select status from resume_opt_enqueue(%s, %s, %s)", (warm, JOB, 10))

            with ThreadPoolExecutor(max_workers=clients) as ex:
                list(ex.map(warm_up, range(clients * 6)))
            # The two ways take turns in slices of SLICE_S, so a shared host's load drifting during
            # the minutes this takes falls on both alike.
            log(f"enqueue: Python API and SQL function, {n} requests each at {rate:g}/s from {clients} clients")
            got: dict[str, dict[str, list[float]]] = {
                k: {"latency": [], "response": [], "errors": [0.0]} for k in ("api", "sql")
            }
            per_slice = max(1, int(rate * SLICE_S))
            for start in range(0, n, per_slice):
                for kind, call, cands in (("api", _api_call, api_c), ("sql", _sql_call, sql_c)):
                    r = open_loop(pool, call, cands[start : start + per_slice], rate, clients)
                    got[kind]["latency"] += r["latency"]
                    got[kind]["response"] += r["response"]
                    got[kind]["errors"][0] += r["errors"][0]
            for kind, r in got.items():
                f |= summary(f"{kind}_latency", r["latency"]) | summary(f"{kind}_response", r["response"])
                f[f"{kind}_errors"] = int(r["errors"][0])
            # The queue now holds 2n pending pairs the worker would drain first: out of its way.
            sp.sql("delete from optimizations")

            listener = ResultListener(sp.url)
            listener.start()
            proc, err = start_follow(sp)
            try:
                log(f"enqueue: {idle_samples} pairs one at a time into an idle run --follow")
                idle: list[float] = []
                for cand in idle_c:
                    committed: dict[str, float] = {}
                    with pool.connection() as conn:
                        _api_call(conn, cand, 10)
                    committed[cand] = time.monotonic()
                    oid = ids_of(sp, [cand])[cand]
                    if not listener.wait_for({oid}, 60):
                        raise RuntimeError(f"no result for {cand} within 60 s")
                    idle.append(listener.seen[oid] - committed[cand])
                    time.sleep(0.5)  # let the round end: the next pair meets an idle follower
                f |= summary("idle_e2e", idle, (0.5, 0.95))

                log(f"enqueue: {n} pairs at {rate:g}/s into run --follow (offline engine)")
                committed = {}
                r = open_loop(pool, _api_call, load_c, rate, clients, committed)
                f |= summary("load_api_latency", r["latency"])
                ids = ids_of(sp, list(committed))
                drained = listener.wait_for(set(ids.values()), 300)
                e2e = [listener.seen[i] - committed[c] for c, i in ids.items() if i in listener.seen]
                f |= summary("e2e", e2e, (0.5, 0.95))
                f["e2e_all_results_seen"] = drained
                db = sp.sql(
                    "select extract(epoch from finished_at - created_at)::float8 from optimizations "
                    "where id = any(%s) and finished_at is not null",
                    (list(ids.values()),),
                )
                f |= summary("e2e_db", [float(x) for (x,) in db], (0.5, 0.95))
            finally:
                f["follow_exit_code"] = stop_follow(proc, err)
                listener.close()
            f["follow_rounds"] = int(sp.one("select count(*) from runs"))
        finally:
            pool.close()
    return f


def rows(f: dict[str, Any]) -> list[tuple[str, Any, str]]:
    load = f"{f['enqueue_rate_per_s']:g}/s for {f['enqueue_seconds']:g} s, {f['enqueue_clients']} clients"
    out: list[tuple[str, Any, str]] = []
    for kind, label in (("api", "Python API"), ("sql", "SQL function")):
        out += [
            (f"{kind}_latency_p50_ms", f[f"{kind}_latency_p50_ms"], f"{label}, {load}"),
            (f"{kind}_latency_p99_ms", f[f"{kind}_latency_p99_ms"], goal(f[f"{kind}_latency_p99_ms"] < 50, "< 50 ms")),
            (f"{kind}_response_p99_ms", f[f"{kind}_response_p99_ms"], "from scheduled arrival (backlog included)"),
        ]
    out += [
        ("idle_e2e_p50_ms", f["idle_e2e_p50_ms"], "one pair into an idle run --follow, commit to NOTIFY"),
        ("idle_e2e_p95_ms", f["idle_e2e_p95_ms"], goal(f["idle_e2e_p95_ms"] < 2000, "< 2000 ms")),
        ("e2e_p50_ms", f["e2e_p50_ms"], f"enqueue commit to result NOTIFY, {load}"),
        ("e2e_p95_ms", f["e2e_p95_ms"], goal(f["e2e_p95_ms"] < 2000, "< 2000 ms")),
        ("e2e_db_p95_ms", f["e2e_db_p95_ms"], "finished_at - created_at"),
        ("load_api_latency_p99_ms", f["load_api_latency_p99_ms"], "enqueue latency while the worker runs"),
        ("follow_rounds", f["follow_rounds"], f"exit {f['follow_exit_code']} on SIGTERM"),
    ]
    return out
