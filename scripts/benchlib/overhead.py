"""`overhead` (pipeline vs the database floor) and `rerun` (everything served by dedup).

overhead: N pending pairs through the whole pipeline with the `null` engine, timed
end to end around `execute_run` (claim, prepare + hash, cache and database dedup
lookups, cache writes, write-back, report). The floor does the same claims and
result writes in plain SQL on its own schema: claim a chunk (same CTE, SKIP LOCKED,
same joins and returned columns) in one transaction, then write a small jsonb per
row (unnest of ids and results) in another — nothing else.

rerun: the same pairs queued again after they succeeded; every one must be served
by the disk cache (no engine call). Then ResultCache.get is timed directly over
every hash (p50/p99), and the pairs are queued once more with the cache disabled,
so the database dedup path is measured too.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from benchlib.common import goal, log, requeue_succeeded, run_pipeline, seed, settings, space
from resume_opt.db.queue import CLAIM_CHUNK

# The floor claims with the pipeline's own statement, so only the work around it differs.
FLOOR_CLAIM = CLAIM_CHUNK

FLOOR_WRITE = """
update optimizations o
   set status = 'succeeded', result = v.result, locked_by = null, finished_at = now(), updated_at = now()
  from unnest(%(ids)s::bigint[], %(results)s::jsonb[]) as v(id, result)
 where o.id = v.id and o.locked_by = %(run)s and o.status = 'running'
"""


def floor(url: str, chunk: int, run_id: int = 1) -> tuple[int, float]:
    """Claim + write back every pending row in plain SQL; (rows done, seconds)."""
    done = 0
    with psycopg.connect(url) as conn:
        t0 = time.perf_counter()
        while True:
            with conn.transaction():
                rows = conn.execute(FLOOR_CLAIM, {"n": chunk, "run_id": run_id}).fetchall()
            if not rows:
                break
            with conn.transaction():
                conn.execute(
                    FLOOR_WRITE,
                    {
                        "run": run_id,
                        "ids": [r[0] for r in rows],
                        "results": [Jsonb({"optimized_resume": r[3], "edits_applied": []}) for r in rows],
                    },
                )
            done += len(rows)
        return done, time.perf_counter() - t0


def _profiled(kind: str, out_base: str) -> Any:
    """A context manager that profiles the main thread with pyinstrument (or does nothing)."""
    from contextlib import contextmanager

    @contextmanager
    def cm() -> Any:
        if kind != "pyinstrument":
            yield
            return
        try:
            from pyinstrument import Profiler
        except ImportError:
            log("pyinstrument is not installed (pip install pyinstrument); running without a profile")
            yield
            return
        prof = Profiler(interval=0.001)
        prof.start()
        try:
            yield
        finally:
            prof.stop()
            text = prof.output_text(unicode=False, color=False, show_all=False)
            with open(out_base + ".txt", "w") as fh:
                fh.write(text)
            with open(out_base + ".html", "w") as fh:
                fh.write(prof.output_html())
            log(f"profile written to {out_base}.txt and .html")

    return cm()


def _pipeline_once(args: Any, rerun: bool, profile: bool) -> dict[str, Any]:
    n, chunk = args.n, args.chunk
    out: dict[str, Any] = {}
    with space(args.dsn, "overhead") as sp:
        seed(sp, n, resume_words=args.resume_words)
        with _profiled(args.profile if profile else "none", args.profile_out):
            report, wall = run_pipeline(chunk_size=chunk)
        assert report["succeeded"] == n, f"pipeline: {report['succeeded']} of {n} succeeded: {report}"
        out.update(
            overhead_pairs_per_s=n / wall, overhead_report_pairs_per_s=report["pairs_per_s"], overhead_wall_s=wall
        )
        log(f"overhead: {n} pairs through the pipeline in {wall:.2f}s")
        if rerun:
            out.update(_rerun(sp, n, chunk))
    return out


def _floor_once(args: Any) -> float:
    with space(args.dsn, "floor") as sp:
        seed(sp, args.n, resume_words=args.resume_words)
        done, secs = floor(sp.url, args.chunk)
        assert done == args.n, f"floor: {done} of {args.n}"
        log(f"floor: {args.n} pairs in plain SQL in {secs:.2f}s")
        return args.n / secs


def run(args: Any, overhead: bool = True, rerun: bool = False) -> dict[str, Any]:
    """Figures of `overhead` and/or `rerun` (rerun reuses the first pipeline run's queue and cache).

    With --repeat R the pipeline and the floor alternate R times and each figure is the median
    (the spread is reported): on a shared 2-core host one run is easily off by 20%.
    """
    figures: dict[str, Any] = {"n": args.n, "chunk_size": args.chunk, "resume_words": args.resume_words}
    runs, floors = [], []
    for i in range(max(1, args.repeat) if overhead else 1):
        runs.append(_pipeline_once(args, rerun=rerun and i == 0, profile=i == 0))
        if overhead:
            floors.append(_floor_once(args))
    figures.update({k: v for k, v in runs[0].items() if not k.startswith("overhead_")})
    if overhead:
        pps = sorted(r["overhead_pairs_per_s"] for r in runs)
        med = statistics.median(pps)
        figures.update(
            overhead_pairs_per_s=round(med, 1),
            overhead_report_pairs_per_s=round(statistics.median(r["overhead_report_pairs_per_s"] for r in runs), 1),
            overhead_wall_s=round(args.n / med, 2),
            floor_pairs_per_s=round(statistics.median(floors), 1),
        )
        figures["overhead_vs_floor"] = round(med / figures["floor_pairs_per_s"], 3)
        if len(runs) > 1:
            figures["overhead_runs"] = [round(x) for x in pps]
            figures["floor_runs"] = sorted(round(x) for x in floors)
    return figures


def _rerun(sp: Any, n: int, chunk: int) -> dict[str, Any]:
    from resume_opt.cache import open_cache

    out: dict[str, Any] = {}
    requeue_succeeded(sp)
    report, wall = run_pipeline(chunk_size=chunk)
    assert report["succeeded"] == n and report["engine_calls"] == 0, f"rerun not all deduplicated: {report}"
    out.update(rerun_pairs_per_s=round(n / wall, 1), rerun_cached=report["cached"])
    log(f"rerun (disk cache): {n} pairs in {wall:.2f}s")
    # ResultCache.get directly, every hash once, in the order the queue would ask.
    hashes = [
        r[0]
        for r in sp.sql(
            "select input_hash from optimizations where status = 'succeeded' group by input_hash order by min(id)"
        )
    ]
    cache = open_cache(settings())
    times = []
    for h in hashes:
        t0 = time.perf_counter_ns()
        hit = cache.get(h)
        times.append((time.perf_counter_ns() - t0) / 1e6)
        assert hit is not None, "a hash of a succeeded pair is missing from the cache"
    cache.close()
    times.sort()
    out.update(
        cache_p50_ms=round(statistics.median(times), 4),
        p99_ms=round(times[min(len(times) - 1, int(0.99 * len(times)))], 4),
        cache_max_ms=round(times[-1], 3),
        cache_lookups=len(times),
    )
    # The database path: no disk cache, every pair found by input_hash among the succeeded rows.
    requeue_succeeded(sp)
    report, wall = run_pipeline({"cache": {"enabled": False}}, chunk_size=chunk)
    assert report["engine_calls"] == 0, f"database rerun made engine calls: {report}"
    out["rerun_db_pairs_per_s"] = round(n / wall, 1)
    log(f"rerun (database dedup): {n} pairs in {wall:.2f}s")
    return out


def rows(f: dict[str, Any]) -> list[tuple[str, Any, str]]:
    r: list[tuple[str, Any, str]] = []
    if "overhead_pairs_per_s" in f:
        spread = (f"; runs {f['overhead_runs']}") if "overhead_runs" in f else ""
        r += [
            (
                "overhead_pairs_per_s",
                f["overhead_pairs_per_s"],
                f"N={f['n']}, chunk {f['chunk_size']}, "
                f"null engine, wall clock around execute_run ({f['overhead_wall_s']} s){spread}",
            ),
            (
                "floor_pairs_per_s",
                f["floor_pairs_per_s"],
                "plain SQL: claim chunk + jsonb write-back"
                + (f"; runs {f['floor_runs']}" if "floor_runs" in f else ""),
            ),
            ("overhead_vs_floor", f["overhead_vs_floor"], goal(f["overhead_vs_floor"] >= 0.35, ">= 0.35")),
        ]
    if "rerun_pairs_per_s" in f:
        r += [
            (
                "rerun_pairs_per_s",
                f["rerun_pairs_per_s"],
                goal(f["rerun_pairs_per_s"] >= 10000, ">= 10,000") + " (all from the disk cache)",
            ),
            ("cache_p50_ms", f["cache_p50_ms"], f"ResultCache.get over {f['cache_lookups']} hashes"),
            ("p99_ms", f["p99_ms"], goal(f["p99_ms"] < 1, "< 1 ms") + " (ResultCache.get)"),
            ("cache_max_ms", f["cache_max_ms"], ""),
            ("rerun_db_pairs_per_s", f["rerun_db_pairs_per_s"], "cache disabled: database dedup only"),
        ]
    return r
