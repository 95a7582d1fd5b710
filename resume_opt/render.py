"""Terminal rendering (Rich) of what the runner returns; no logic beyond presentation."""

from __future__ import annotations

import difflib
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.4f}".rstrip("0").rstrip(".") if abs(v) < 1000 else f"{v:,.1f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


REPORT_FIGURES = (
    "claimed",
    "succeeded",
    "failed",
    "retried",
    "released",
    "cached",
    "deduplicated",
    "engine_calls",
    "rate_limited",
    "tokens_in",
    "tokens_out",
    "tokens_reserved",
    "tokens_cached",
    "cost_usd",
    "duration_s",
    "pairs_per_s",
    "cache_hit_rate",
)


def _figures(title: str) -> Table:
    t = Table(title=title, show_header=False)
    t.add_column("figure", style="bold")
    t.add_column("value", justify="right")
    return t


def report(console: Console, r: dict[str, Any]) -> None:
    t = _figures(f"run {r['run_id']}  ({r['engine']} / {r['model']})")
    for key in REPORT_FIGURES:
        if key in r:
            t.add_row(key, _fmt(r.get(key)))
    if r.get("mode") == "batch":
        for key in ("collected", "submitted", "batches_submitted", "batches_in_flight", "online_cost_usd", "saved_usd"):
            t.add_row(key, _fmt(r.get(key)))
    lat = r.get("latency_ms") or {}
    t.add_row("latency p50/p95/max ms", " / ".join(_fmt(lat.get(k)) for k in ("p50", "p95", "max")))
    for key, label in (("response_format", "response format"), ("length_retries", "length retries")):
        if r.get(key):
            t.add_row(label, _fmt(r[key]))
    if r.get("errors"):
        t.add_row("errors", ", ".join(f"{k}: {v}" for k, v in r["errors"].items()))
    if r.get("cache_status", "ok") != "ok":
        t.add_row("cache", str(r["cache_status"]))
    t.add_row("stop reason", str(r.get("stop_reason")))
    t.add_row("exit code", str(r.get("exit_code")))
    if r.get("report_file"):
        t.add_row("report", str(r["report_file"]))
    console.print(t)
    if r.get("message"):
        console.print(f"[red]{r['message']}[/red]")


def stats(console: Console, s: dict[str, Any]) -> None:
    """Every table of `resume-opt stats`, in the order an operator reads them."""
    for part in (_queue, _cache, _usage, _budget, _cost_by_model, _errors, _runs):
        table = part(s)
        if table is not None:
            console.print(table)


QUEUE_COLUMNS = ("pending", "running", "succeeded", "failed", "cancelled", "oldest_pending_age_s")


def _queue(s: dict[str, Any]) -> Table:
    q = s["queue"]
    columns = [k for k in ("pending", "running", "submitted", *QUEUE_COLUMNS[2:]) if k in q]
    t = Table(title="queue")
    for k in columns:
        t.add_column(k.replace("_", " "), justify="right")
    t.add_row(*(_fmt(q[k]) for k in columns))
    return t


def _cache(s: dict[str, Any]) -> Table:
    c, lat = s["cache"], s["latency"]["24h"]
    t = _figures("cache and throughput")
    t.add_row("cache entries", _fmt(c["entries"]))
    t.add_row("cache size (MB)", _fmt(round(c["size_bytes"] / 1e6, 2)))
    t.add_row("cache hit rate 24h / 7d", f"{_fmt(c['hit_rate'])} / {_fmt(c['hit_rate_7d'])}")
    if c.get("status", "ok") != "ok":
        t.add_row("cache status", c["status"])
    t.add_row("latency p50 / p95 ms (24h)", f"{_fmt(lat['p50_ms'])} / {_fmt(lat['p95_ms'])}")
    t.add_row("succeeded last 24h", _fmt(lat["succeeded"]))
    t.add_row("last run pairs/s", _fmt(s["throughput"]["last_run_pairs_per_s"]))
    b = s.get("batches")
    if b:
        t.add_row("batches in flight (items)", f"{_fmt(b['in_flight']['batches'])} ({_fmt(b['in_flight']['items'])})")
        t.add_row("batch cost / saved 30d (USD)", f"{_fmt(b['30d']['cost_usd'])} / {_fmt(b['30d']['saved_usd'])}")
    return t


def _usage(s: dict[str, Any]) -> Table:
    t = Table(title="API usage")
    for col in ("window", "tokens in", "tokens out", "reserved", "cached", "cost USD"):
        t.add_column(col, justify="right")
    for window, u in s["usage"].items():
        t.add_row(
            window,
            *(_fmt(u.get(k)) for k in ("tokens_in", "tokens_out", "tokens_reserved", "tokens_cached", "cost_usd")),
        )
    return t


def _budget(s: dict[str, Any]) -> Table:
    b = s.get("budget") or {}
    t = _figures("API budget")
    per_day = _fmt(b.get("tokens_per_day")) if b.get("tokens_per_day") else "learned"
    t.add_row("tokens used 24h / configured per day", f"{_fmt(b.get('tokens_used_24h'))} / {per_day}")
    for p in b.get("provider") or []:
        seen = p.get("observed") or {}
        left = ", ".join(f"{k.replace('_', ' ')} {_fmt(v)}" for k, v in seen.items()) or "no headers yet"
        paused = f"; paused {p['paused_for_s']:.0f}s" if p.get("paused_for_s") else ""
        t.add_row(f"Groq {p.get('model')}", f"{left}{paused}")
    return t


def _cost_by_model(s: dict[str, Any]) -> Table | None:
    if not s.get("cost_by_model"):
        return None
    t = Table(title="cost by model (30 d)")
    for col in ("model", "items", "tokens in", "tokens out", "cost USD"):
        t.add_column(col, justify="right")
    for m in s["cost_by_model"]:
        t.add_row(m["model"], _fmt(m["items"]), _fmt(m["tokens_in"]), _fmt(m["tokens_out"]), _fmt(m["cost_usd"]))
    return t


def _errors(s: dict[str, Any]) -> Table:
    t = Table(title="errors (24 h)")
    t.add_column("kind")
    t.add_column("count", justify="right")
    for k, v in s["errors"].items():
        t.add_row(k, _fmt(v))
    if not s["errors"]:
        t.add_row("none", "0")
    return t


def _runs(s: dict[str, Any]) -> Table | None:
    if not s["runs"]:
        return None
    t = Table(title="latest runs", box=box.SIMPLE_HEAD, pad_edge=False)
    for col in ("run", "started", "status", "claimed", "ok", "failed", "cached", "pairs/s", "stop"):
        t.add_column(col)
    for r in s["runs"]:
        started = str(r.get("started_at") or "")
        t.add_row(
            str(r.get("run_id")),
            started[5:16].replace("T", " "),
            str(r.get("status")),
            *(_fmt(r.get(k)) for k in ("claimed", "succeeded", "failed", "cached", "pairs_per_s")),
            str(r.get("stop_reason", "")).replace("_", " "),
        )
    return t


def diff(original: str, revised: str) -> Text:
    """A coloured line diff: removed lines red, added lines green, context dim."""
    out = Text()
    for line in difflib.unified_diff(
        original.splitlines(), revised.splitlines(), "original", "optimized", lineterm="", n=2
    ):
        style = (
            "red"
            if line.startswith("-") and not line.startswith("---")
            else "green"
            if line.startswith("+") and not line.startswith("+++")
            else "cyan"
            if line.startswith("@@")
            else "dim"
        )
        out.append(line + "\n", style=style)
    return out


def show(console: Console, row: dict[str, Any]) -> None:
    result = row.get("result") or {}
    console.print(
        f"[bold]optimization {row['id']}[/bold]: candidate {row['candidate_external_id']} "
        f"({row['candidate_name']}) for job {row['job_external_id']} — {row['job_title']}, "
        f"{row['job_company']}"
    )
    console.print(
        f"status {row['status']}, engine {row.get('engine') or '-'} / {row.get('model') or '-'}, "
        f"attempts {row['attempts']}/{row['max_attempts']}, score {_fmt(row.get('score_before'))} → "
        f"{_fmt(row.get('score_after'))}"
    )
    if row.get("error"):
        console.print(f"[red]error:[/red] {row['error']}")
    if not result:
        return
    if result.get("flags"):
        console.print(f"[yellow]flags:[/yellow] {', '.join(result['flags'])}")
    console.print(f"matched: {', '.join(result.get('matched_keywords', [])) or '-'}")
    console.print(f"missing: {', '.join(result.get('missing_keywords', [])) or '-'}")
    for s in result.get("suggestions", []):
        console.print(f"  suggestion: {s}")
    for e in result.get("edits_rejected", []):
        console.print(f"[yellow]rejected edit[/yellow]: {e.get('rejected_because')}")
    console.rule("optimized resume")
    console.print(Text(result.get("optimized_resume") or ""))
    console.rule("changes")
    console.print(diff(row.get("resume_text") or "", result.get("optimized_resume") or ""))


def plan(console: Console, p: dict[str, Any]) -> None:
    console.print(
        f"dry run ({p['engine']} / {p['model']}): {p['claimable']:,} claimable, would process "
        f"{p['would_process']:,}; {p['distinct_inputs']:,} distinct inputs, {p['cached']:,} in the "
        f"cache, {p['in_database']:,} already in the database, {p['bad_input']:,} bad input; "
        f"estimated engine calls: {p['estimated_engine_calls']:,}"
    )
    if p["preview"]:
        t = Table(title="next items")
        for col in ("id", "candidate", "job", "title", "attempts", "priority"):
            t.add_column(col)
        for r in p["preview"]:
            t.add_row(str(r["id"]), r["candidate_id"], r["job_id"], r["title"], str(r["attempts"]), str(r["priority"]))
        console.print(t)


def checks(console: Console, items: list[dict[str, Any]]) -> None:
    t = Table(title="resume-opt doctor")
    t.add_column("check")
    t.add_column("result")
    t.add_column("detail")
    for c in items:
        t.add_row(c["check"], "[green]ok[/green]" if c["ok"] else "[red]FAIL[/red]", c["detail"])
    console.print(t)


def batches(console: Console, rows: list[dict[str, Any]]) -> None:
    """`batch status`: one line per batch."""
    if not rows:
        console.print("no batches")
        return
    table = Table(box=None, pad_edge=False)
    for col in ("id", "groq id", "status", "lines", "completed", "failed", "created", "expires"):
        table.add_column(col, justify="right" if col in ("id", "lines", "completed", "failed") else "left")
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["provider_batch_id"] or "-",
            r["status"],
            str(r["lines"]),
            str(r["completed"]),
            str(r["failed"]),
            (r["created_at"] or "-")[:16],
            (r["expires_at"] or "-")[:16],
        )
    console.print(table)
