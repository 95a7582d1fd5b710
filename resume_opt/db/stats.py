"""The read-only queries behind `resume-opt stats`."""

from __future__ import annotations

from typing import Any

import psycopg

Conn = psycopg.Connection[tuple[Any, ...]]

QUEUE = """
select status, count(*) from optimizations group by status
"""

OLDEST_PENDING = """
select extract(epoch from now() - min(created_at)) from optimizations where status = 'pending'
"""

USAGE = """
select coalesce(sum(tokens_in), 0), coalesce(sum(tokens_out), 0), coalesce(sum(cost_usd), 0)
  from optimizations
 where finished_at >= now() - make_interval(hours => %s)
"""

# Reserved and cached tokens are counted per run (each run's report in runs.counts).
RUN_TOKENS = """
select coalesce(sum((counts->>'tokens_reserved')::bigint), 0),
       coalesce(sum((counts->>'tokens_cached')::bigint), 0),
       coalesce(sum((counts->>'length_retries')::bigint), 0),
       coalesce(sum((counts->>'capacity_exceeded')::bigint), 0)
  from runs where started_at >= now() - make_interval(hours => %s) and counts ? 'tokens_reserved'
"""

COST_BY_MODEL = """
select coalesce(model, '?'), count(*), coalesce(sum(tokens_in), 0), coalesce(sum(tokens_out), 0),
       coalesce(sum(cost_usd), 0)
  from optimizations
 where finished_at >= now() - make_interval(hours => %s) and status = 'succeeded'
 group by 1 order by 5 desc, 1
"""

ERRORS = """
select coalesce(error_kind, 'unknown'), count(*)
  from optimizations
 where error is not null and updated_at >= now() - make_interval(hours => %s)
 group by 1 order by 2 desc, 1
"""

LATENCY = """
select percentile_cont(0.5) within group (order by latency_ms),
       percentile_cont(0.95) within group (order by latency_ms),
       count(*), extract(epoch from max(finished_at) - min(finished_at))
  from optimizations
 where finished_at >= now() - make_interval(hours => %s) and status = 'succeeded'
"""

RUNS = """
select id, started_at, finished_at, host, pid, engine, status, counts
  from runs order by id desc limit %s
"""

HIT_RATE = """
select coalesce(sum((counts->>'cached')::bigint), 0),
       coalesce(sum((counts->>'claimed')::bigint), 0)
  from runs where started_at >= now() - make_interval(hours => %s) and counts ? 'claimed'
"""

LAST_SUCCESS = """
select extract(epoch from max(finished_at)) from runs where status in ('succeeded', 'partial')
"""


def queue_counts(conn: Conn) -> dict[str, Any]:
    """Items by status plus the age of the oldest pending one (seconds, or None)."""
    counts = {s: 0 for s in ("pending", "running", "submitted", "succeeded", "failed", "cancelled")}
    for status, n in conn.execute(QUEUE).fetchall():
        counts[status] = int(n)
    row = conn.execute(OLDEST_PENDING).fetchone()
    age = float(row[0]) if row and row[0] is not None else None
    return {**counts, "oldest_pending_age_s": round(age, 1) if age is not None else None}


def usage(conn: Conn, hours: float) -> dict[str, Any]:
    row = conn.execute(USAGE, (hours,)).fetchone()
    assert row is not None
    runs = conn.execute(RUN_TOKENS, (hours,)).fetchone()
    assert runs is not None
    return {
        "tokens_in": int(row[0]),
        "tokens_out": int(row[1]),
        "cost_usd": round(float(row[2]), 6),
        "tokens_reserved": int(runs[0]),
        "tokens_cached": int(runs[1]),
        "length_retries": int(runs[2]),
        "capacity_exceeded": int(runs[3]),
    }


def cost_by_model(conn: Conn, hours: float) -> list[dict[str, Any]]:
    return [
        {"model": m, "items": int(n), "tokens_in": int(ti), "tokens_out": int(to), "cost_usd": float(c)}
        for m, n, ti, to, c in conn.execute(COST_BY_MODEL, (hours,)).fetchall()
    ]


def errors(conn: Conn, hours: float) -> dict[str, int]:
    return {str(k): int(n) for k, n in conn.execute(ERRORS, (hours,)).fetchall()}


def latency(conn: Conn, hours: float) -> dict[str, Any]:
    row = conn.execute(LATENCY, (hours,)).fetchone()
    assert row is not None
    p50, p95, n, span = row
    return {
        "p50_ms": round(float(p50), 1) if p50 is not None else None,
        "p95_ms": round(float(p95), 1) if p95 is not None else None,
        "succeeded": int(n),
        "pairs_per_hour": round(int(n) / (hours or 1), 1),
    }


def hit_rate(conn: Conn, hours: float) -> float | None:
    row = conn.execute(HIT_RATE, (hours,)).fetchone()
    if not row or not row[1]:
        return None
    return round(int(row[0]) / int(row[1]), 4)


def latest_runs(conn: Conn, n: int) -> list[dict[str, Any]]:
    """The latest runs, each as its report (the counts column holds the report)."""
    out = []
    for rid, started, finished, host, pid, engine, status, counts in conn.execute(RUNS, (n,)).fetchall():
        report = dict(counts or {})
        report.setdefault("run_id", rid)
        report.setdefault("started_at", started.isoformat() if started else None)
        report.setdefault("finished_at", finished.isoformat() if finished else None)
        report.setdefault("engine", engine)
        report["host"], report["pid"], report["status"] = host, pid, status
        out.append(report)
    return out


def last_success_ts(conn: Conn) -> float | None:
    row = conn.execute(LAST_SUCCESS).fetchone()
    return float(row[0]) if row and row[0] is not None else None
