"""The run report: counters while running, then one dict (the contract of DESIGN.md)
rendered on the terminal, written as JSON to the reports directory, and as
Prometheus text-format metrics for node_exporter's textfile collector.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

# A bounded sample keeps latency percentiles honest without memory growing with the queue.
RESERVOIR = 20000


@dataclass
class RunCounters:
    """Everything a run counts; updated only from the pipeline's main thread."""

    claimed: int = 0
    succeeded: int = 0
    failed: int = 0
    retried: int = 0
    released: int = 0
    cached: int = 0
    deduplicated: int = 0
    engine_calls: int = 0
    call_retries: int = 0
    rate_limited: int = 0
    lost_lease: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float = 0.0
    errors: dict[str, int] = field(default_factory=dict)
    call_errors: dict[str, int] = field(default_factory=dict)
    latencies: list[int] = field(default_factory=list)
    _seen: int = 0
    _max_latency: int = 0
    _rng: random.Random = field(default_factory=lambda: random.Random(7))

    def add_written(self, written: dict[str, int]) -> None:
        """What one chunk's write-back did (queue.write_back's counts)."""
        self.succeeded += written["succeeded"]
        self.failed += written["failed"]
        self.retried += written["retried"]
        self.released += written["released"]
        self.lost_lease += written["lost"]

    def add_calls(self, calls: int, retries: int, rate_limited: int, errors: list[str]) -> None:
        """What one item's engine call, retries included, cost in calls."""
        self.engine_calls += calls
        self.call_retries += retries
        self.rate_limited += rate_limited
        for kind in errors:
            self.call_errors[kind] = self.call_errors.get(kind, 0) + 1

    def add_error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    def add_billed(self, usage: dict[str, Any]) -> None:
        """Tokens and cost as the provider billed them (failed calls included): never lower."""
        self.tokens_in = max(self.tokens_in, int(usage.get("tokens_in", 0)))
        self.tokens_out = max(self.tokens_out, int(usage.get("tokens_out", 0)))
        self.cost_usd = max(self.cost_usd, float(usage.get("cost_usd", 0.0)))

    def add_usage(self, tokens_in: int, tokens_out: int, cost: float, latency_ms: int | None) -> None:
        self.tokens_in += tokens_in
        self.tokens_out += tokens_out
        self.cost_usd += cost
        if latency_ms is None:
            return
        self._seen += 1
        self._max_latency = max(self._max_latency, latency_ms)
        if len(self.latencies) < RESERVOIR:
            self.latencies.append(latency_ms)
        else:
            j = self._rng.randrange(self._seen)
            if j < RESERVOIR:
                self.latencies[j] = latency_ms

    def latency_summary(self) -> dict[str, int | None]:
        if not self.latencies:
            return {"p50": None, "p95": None, "max": None}
        ordered = sorted(self.latencies)

        def pct(p: float) -> int:
            return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]

        return {"p50": pct(0.5), "p95": pct(0.95), "max": self._max_latency}


def build_report(
    *,
    run_id: int,
    started_at: datetime,
    engine: Any,
    counters: RunCounters,
    duration_s: float,
    stop_reason: str,
    exit_code: int,
    cache_status: str,
) -> dict[str, Any]:
    """The run report as one JSON-serialisable dict."""
    # Long on purpose: one flat literal, field by field, is the report's contract (DESIGN.md).
    c = counters
    finished = started_at + timedelta(seconds=duration_s)
    done = c.succeeded + c.failed
    # What an LLM engine reserved and was served from its cache (0 / None for the others).
    usage = engine.usage if isinstance(getattr(engine, "usage", None), dict) else {}
    economy = {
        "tokens_reserved": int(usage.get("tokens_reserved", 0)),
        "tokens_cached": int(usage.get("tokens_cached", 0)),
        "length_retries": int(usage.get("length_retries", 0)),
        "capacity_exceeded": int(usage.get("capacity_exceeded", 0)),
        "response_format": usage.get("response_format"),
    }
    return {
        "run_id": run_id,
        "started_at": started_at.astimezone(UTC).isoformat(),
        "finished_at": finished.astimezone(UTC).isoformat(),
        "duration_s": round(duration_s, 3),
        "engine": engine.name,
        "model": engine.model,
        "prompt_version": engine.prompt_version,
        "claimed": c.claimed,
        "succeeded": c.succeeded,
        "failed": c.failed,
        "retried": c.retried,
        "released": c.released,
        "cached": c.cached,
        "deduplicated": c.deduplicated,
        "engine_calls": c.engine_calls + int(usage.get("inner_retries", 0)),
        "call_retries": c.call_retries,
        "rate_limited": c.rate_limited,
        "lost_lease": c.lost_lease,
        "tokens_in": c.tokens_in,
        "tokens_out": c.tokens_out,
        **economy,
        "cost_usd": round(c.cost_usd, 6),
        "pairs_per_s": round(done / duration_s, 2) if duration_s > 0 else 0.0,
        "cache_hit_rate": round(c.cached / c.claimed, 4) if c.claimed else None,
        "latency_ms": c.latency_summary(),
        "errors": dict(sorted(c.errors.items())),
        "call_errors": dict(sorted(c.call_errors.items())),
        "cache_status": cache_status,
        "stop_reason": stop_reason,
        "exit_code": exit_code,
    }


def _atomic_write(path: Path, text: str) -> None:
    """Write then rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(report: dict[str, Any], reports_dir: Path) -> Path:
    """Write `run-<id>.json` into the reports directory; return its path."""
    path = reports_dir / f"run-{report['run_id']}.json"
    _atomic_write(path, json.dumps(report, indent=2, sort_keys=False) + "\n")
    return path


Samples = list[tuple[dict[str, str], float]]


def _run_metrics(r: dict[str, Any]) -> list[tuple[str, str, Samples]]:
    """(name, help, samples) of the last run; every metric is a gauge."""
    lat = r["latency_ms"]
    outcomes = ("claimed", "succeeded", "failed", "retried", "released", "cached", "deduplicated")
    quantiles = (("0.5", "p50"), ("0.95", "p95"), ("1", "max"))
    return [
        ("run_duration_seconds", "Duration of the last run.", [({}, r["duration_s"])]),
        ("run_exit_code", "Exit code of the last run.", [({}, r["exit_code"])]),
        ("run_items", "Items of the last run by outcome.", [({"outcome": k}, r[k]) for k in outcomes]),
        ("run_cache_hits", "Items served from the cache or the database.", [({}, r["cached"])]),
        ("run_engine_calls", "Engine calls made by the last run.", [({}, r["engine_calls"])]),
        ("run_rate_limited", "429 answers received by the last run.", [({}, r["rate_limited"])]),
        (
            "run_tokens",
            "Tokens used by the last run.",
            [({"direction": "in"}, r["tokens_in"]), ({"direction": "out"}, r["tokens_out"])],
        ),
        ("run_cost_usd", "Cost of the last run in USD.", [({}, r["cost_usd"])]),
        ("run_pairs_per_second", "Throughput of the last run.", [({}, r["pairs_per_s"])]),
        (
            "run_latency_seconds",
            "Engine latency quantiles of the last run.",
            [({"quantile": q}, (lat[k] or 0) / 1000) for q, k in quantiles],
        ),
        (
            "run_errors",
            "Errors of the last run by kind.",
            [({"kind": k}, v) for k, v in r["errors"].items()] or [({"kind": "none"}, 0)],
        ),
    ]


def _queue_metrics(queue: dict[str, Any] | None, last_success_ts: float | None) -> list[tuple[str, str, Samples]]:
    out: list[tuple[str, str, Samples]] = []
    if queue:
        by_status: Samples = [({"status": k}, v) for k, v in queue.items() if k != "oldest_pending_age_s"]
        out.append(("queue_items", "Optimizations by status.", by_status))
        oldest = queue.get("oldest_pending_age_s") or 0
        out.append(("queue_oldest_pending_age_seconds", "Age of the oldest pending item.", [({}, oldest)]))
    if last_success_ts is not None:
        out.append(
            ("last_success_timestamp_seconds", "When a run last finished without abort.", [({}, last_success_ts)])
        )
    return out


def prometheus_text(report: dict[str, Any], queue: dict[str, Any] | None, last_success_ts: float | None) -> str:
    """Prometheus text exposition of a run (and the queue's depth) for the textfile collector."""
    finished = datetime.fromisoformat(report["finished_at"]).timestamp()
    metrics: list[tuple[str, str, Samples]] = [
        *_run_metrics(report),
        *_queue_metrics(queue, last_success_ts),
        ("run_finished_timestamp_seconds", "When the last run finished.", [({}, finished)]),
    ]
    lines: list[str] = []
    for name, help_, samples in metrics:
        lines += [f"# HELP resume_opt_{name} {help_}", f"# TYPE resume_opt_{name} gauge"]
        for labels, value in samples:
            lab = ",".join(f'{k}="{v}"' for k, v in labels.items())
            lines.append(
                f"resume_opt_{name}{{{lab}}} {float(value)!r}" if lab else f"resume_opt_{name} {float(value)!r}"
            )
    return "\n".join(lines) + "\n"


def write_metrics(path: Path, text: str) -> None:
    _atomic_write(path, text)
