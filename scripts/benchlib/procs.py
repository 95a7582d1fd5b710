"""Scenarios that run `python -m resume_opt` in subprocesses: `memory` and `scaling`.

memory: one fresh process per queue size; its peak RSS is the child's own
ru_maxrss, read from os.wait4 on that child (exact, no polling).
scaling: 1, 2 and 4 processes started together on one queue (one shared cache
directory, as on one host); total pairs/s from the first start to the last exit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from typing import Any

from benchlib.common import ROOT, goal, log, seed, space

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


def scaling(args: Any) -> dict[str, Any]:
    n = args.n
    f: dict[str, Any] = {"scaling_n": n}
    for k in (1, 2, 4):
        with space(args.dsn, f"scale{k}") as sp:
            seed(sp, n)
            log(f"scaling: {k} process(es) on {n} pairs")
            t0 = time.perf_counter()
            children = [_spawn() for _ in range(k)]
            reports = [_reap(*c)[0] for c in children]
            wall = time.perf_counter() - t0
            done = sum(r["succeeded"] for r in reports)
            assert done == n, f"{done} of {n} succeeded across {k} processes"
            assert sp.one("select count(*) from optimizations where status <> 'succeeded'") == 0
            f[f"scaling_{k}p_pairs_per_s"] = round(n / wall, 1)
            # Inside the runs (without interpreter start-up and migration check).
            f[f"scaling_{k}p_in_run_pairs_per_s"] = round(n / max(r["duration_s"] for r in reports), 1)
            f[f"scaling_{k}p_split"] = [r["succeeded"] for r in reports]
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
        r.append(
            (
                f"scaling_{k}p_pairs_per_s",
                f[f"scaling_{k}p_pairs_per_s"],
                f"N={f['scaling_n']}, start to last exit; in-run {f[f'scaling_{k}p_in_run_pairs_per_s']}, "
                f"split {f[f'scaling_{k}p_split']}",
            )
        )
    return r
