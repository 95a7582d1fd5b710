"""`latency`: does the pool keep W calls in flight? The null engine sleeps lo..hi ms per call.

N = W / mean latency x seconds pairs; achieved pairs/s (wall clock around the run)
against the ideal W / mean latency is `parallel_efficiency`.
"""

from __future__ import annotations

import os
from typing import Any

from benchlib.common import goal, log, run_pipeline, seed, space


def run(args: Any) -> dict[str, Any]:
    lo, hi = (20, 60) if args.smoke else (200, 600)
    seconds = 3 if args.smoke else args.seconds
    w = args.workers
    mean_s = (lo + hi) / 2 / 1000
    ideal = w / mean_s
    n = max(w * 2, int(ideal * seconds))
    with space(args.dsn, "latency") as sp:
        seed(sp, n)
        os.environ["NULL_ENGINE_LATENCY_MS"] = f"{lo},{hi}"
        try:
            log(f"latency: {n} pairs, {w} workers, {lo}-{hi} ms per call (ideal {ideal:.0f} pairs/s)")
            report, wall = run_pipeline(workers=w, chunk_size=args.chunk)
        finally:
            del os.environ["NULL_ENGINE_LATENCY_MS"]
    assert report["succeeded"] == n, report
    achieved = n / wall
    return {
        "latency_n": n,
        "latency_workers": w,
        "latency_ms_range": f"{lo},{hi}",
        "latency_pairs_per_s": round(achieved, 2),
        "latency_ideal_pairs_per_s": round(ideal, 2),
        "latency_wall_s": round(wall, 2),
        "parallel_efficiency": round(achieved / ideal, 3),
    }


def rows(f: dict[str, Any]) -> list[tuple[str, Any, str]]:
    return [
        (
            "latency_pairs_per_s",
            f["latency_pairs_per_s"],
            f"{f['latency_n']} pairs, W={f['latency_workers']}, {f['latency_ms_range']} ms, {f['latency_wall_s']} s",
        ),
        ("latency_ideal_pairs_per_s", f["latency_ideal_pairs_per_s"], "W / mean latency"),
        ("parallel_efficiency", f["parallel_efficiency"], goal(f["parallel_efficiency"] >= 0.9, ">= 0.90")),
    ]
