"""Scenarios that run `python -m resume_opt` in subprocesses: `memory` and `scaling`.

memory: one fresh process per queue size; its peak RSS is the child's own
ru_maxrss, read from os.wait4 on that child (exact, no polling).
scaling: 1, 2 and 4 processes started together on one queue (one shared cache
directory, as on one host); total pairs/s from the first start to the last exit.
Each count runs twice in the same invocation: straight to PostgreSQL, and through a
real PgBouncer in transaction mode (tests/pgbouncer.py: the Debian package, pool of
`PGBOUNCER_POOL` server connections) in front of the same server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchlib.common import ROOT, Space, goal, log, seed, space

PGBOUNCER_POOL = 8  # server connections PgBouncer keeps per (database, user)

CMD = [sys.executable, "-m", "resume_opt", "-q", "run", "--engine", "null", "--json"]


def _spawn(extra_env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], Any]:
    out = tempfile.TemporaryFile()
    proc = subprocess.Popen(
        CMD, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT, env={**os.environ, **(extra_env or {})}
    )
    return proc, out


def _anon_kib(pid: int) -> int:
    """The process's anonymous resident memory (heap, stacks), without mapped files; 0 if gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("RssAnon:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _reap(proc: subprocess.Popen[bytes], out: Any, poll: dict[str, int] | None = None) -> tuple[dict[str, Any], int]:
    """Wait for the child; (its report, its peak RSS in KiB). `poll` gets the peak RssAnon (KiB)."""
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG if poll is not None else 0)
        if pid:
            break
        assert poll is not None
        poll["anon_kib"] = max(poll.get("anon_kib", 0), _anon_kib(proc.pid))
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    text = out.read().decode()
    out.close()
    if proc.returncode != 0:
        raise RuntimeError(f"resume_opt run exited {proc.returncode}: {text[-500:]}")
    return json.loads(text), usage.ru_maxrss


def memory(args: Any) -> dict[str, Any]:
    sizes = (500, 5000) if args.smoke else (10_000, 100_000)
    f: dict[str, Any] = {"memory_sizes": list(sizes)}
    for n, name in zip(sizes, ("rss_mb_10k", "rss_mb_100k"), strict=True):
        with space(args.dsn, "memory") as sp:
            seed(sp, n)
            log(f"memory: {n} pairs in a fresh process")
            t0 = time.perf_counter()
            poll: dict[str, int] = {}
            report, rss_kib = _reap(*_spawn(), poll=poll)
            assert report["succeeded"] == n, report
            f[name] = round(rss_kib / 1024, 1)
            f[name.replace("rss_", "anon_")] = round(poll.get("anon_kib", 0) / 1024, 1)
            log(
                f"memory: {n} pairs in {time.perf_counter() - t0:.1f}s, peak RSS {f[name]} MB "
                f"(anonymous {f[name.replace('rss_', 'anon_')]} MB)"
            )
    f["rss_growth"] = round(f["rss_mb_100k"] / f["rss_mb_10k"] - 1, 3)
    f["anon_growth"] = round(f["anon_mb_100k"] / max(f["anon_mb_10k"], 0.1) - 1, 3)
    return f


@contextmanager
def pooled_space(dsn: str, label: str) -> Iterator[Space]:
    """Like `space`, but DATABASE_URL goes through a fresh PgBouncer (transaction mode)."""
    from tests.pgbouncer import pooled_schema

    home = Path(tempfile.mkdtemp(prefix=f"ro-bench-{label}-"))
    saved = {k: os.environ.get(k) for k in ("DATABASE_URL", "RESUME_OPT_HOME")}
    with pooled_schema(dsn, mode="transaction", pool_size=PGBOUNCER_POOL) as p:
        os.environ["DATABASE_URL"], os.environ["RESUME_OPT_HOME"] = p.url, str(home)
        try:
            yield Space(p.schema, p.url, home)
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
            import shutil

            shutil.rmtree(home, ignore_errors=True)


def _scale_once(sp: Space, n: int, k: int, f: dict[str, Any], key: str) -> None:
    seed(sp, n)
    t0 = time.perf_counter()
    children = [_spawn() for _ in range(k)]
    reports = [_reap(*c)[0] for c in children]
    wall = time.perf_counter() - t0
    done = sum(r["succeeded"] for r in reports)
    assert done == n, f"{done} of {n} succeeded across {k} processes"
    assert sp.one("select count(*) from optimizations where status <> 'succeeded'") == 0
    f[f"{key}_pairs_per_s"] = round(n / wall, 1)
    # Inside the runs (without interpreter start-up and migration check).
    f[f"{key}_in_run_pairs_per_s"] = round(n / max(r["duration_s"] for r in reports), 1)
    f[f"{key}_split"] = [r["succeeded"] for r in reports]
    log(f"scaling: {key}: {f[f'{key}_pairs_per_s']} pairs/s")


def scaling(args: Any) -> dict[str, Any]:
    from tests.pgbouncer import unavailable

    n = args.n
    f: dict[str, Any] = {"scaling_n": n, "scaling_pgbouncer_pool": PGBOUNCER_POOL}
    why_not = unavailable()
    if why_not:
        f["scaling_pgbouncer"] = f"skipped: {why_not}"
        log(f"scaling: through PgBouncer skipped: {why_not}")
    for k in (1, 2, 4):
        log(f"scaling: {k} process(es) on {n} pairs, direct")
        with space(args.dsn, f"scale{k}") as sp:
            _scale_once(sp, n, k, f, f"scaling_{k}p")
        if not why_not:
            log(f"scaling: {k} process(es) on {n} pairs, through PgBouncer")
            with pooled_space(args.dsn, f"scale{k}b") as sp:
                _scale_once(sp, n, k, f, f"scaling_{k}p_pgbouncer")
    return f


def memory_rows(f: dict[str, Any]) -> list[tuple[str, Any, str]]:
    a, b = f["memory_sizes"]
    return [
        ("rss_mb_10k", f["rss_mb_10k"], f"peak RSS (ru_maxrss), {a} pairs, fresh `resume_opt run` process"),
        ("rss_mb_100k", f["rss_mb_100k"], f"peak RSS, {b} pairs"),
        ("rss_growth", f["rss_growth"], goal(f["rss_growth"] <= 0.2, "<= 0.20")),
        ("anon_mb_10k", f["anon_mb_10k"], "peak RssAnon (heap, no mapped files), polled every 50 ms"),
        ("anon_mb_100k", f["anon_mb_100k"], ""),
        ("anon_growth", f["anon_growth"], ""),
    ]


def scaling_rows(f: dict[str, Any]) -> list[tuple[str, Any, str]]:
    r = []
    for k in (1, 2, 4):
        for key, how in ((f"scaling_{k}p", "direct"), (f"scaling_{k}p_pgbouncer", "PgBouncer, transaction mode")):
            if f"{key}_pairs_per_s" not in f:
                continue
            r.append(
                (
                    f"{key}_pairs_per_s",
                    f[f"{key}_pairs_per_s"],
                    f"{how}; N={f['scaling_n']}, start to last exit; in-run {f[f'{key}_in_run_pairs_per_s']}, "
                    f"split {f[f'{key}_split']}",
                )
            )
    if "scaling_pgbouncer" in f:
        r.append(("scaling_pgbouncer", "skipped", f["scaling_pgbouncer"]))
    return r
