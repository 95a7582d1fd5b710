"""Export optimizations as JSON Lines or CSV (the contract of DESIGN.md), streamed."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, TextIO

FIELDS = [
    "candidate_id",
    "job_id",
    "status",
    "score_before",
    "score_after",
    "optimized_resume",
    "edits_applied",
    "edits_rejected",
    "matched_keywords",
    "missing_keywords",
    "flags",
    "engine",
    "model",
    "tokens_in",
    "tokens_out",
    "cost_usd",
    "error",
]


def to_record(row: dict[str, Any]) -> dict[str, Any]:
    """One export record from an optimizations row joined with external ids."""
    result = row.get("result") or {}
    cost = row.get("cost_usd")
    return {
        "candidate_id": row["candidate_id"],
        "job_id": row["job_id"],
        "status": row["status"],
        "score_before": row.get("score_before"),
        "score_after": row.get("score_after"),
        "optimized_resume": result.get("optimized_resume"),
        "edits_applied": result.get("edits_applied", []),
        "edits_rejected": result.get("edits_rejected", []),
        "matched_keywords": result.get("matched_keywords", []),
        "missing_keywords": result.get("missing_keywords", []),
        "flags": result.get("flags", []),
        "engine": row.get("engine"),
        "model": row.get("model"),
        "tokens_in": row.get("tokens_in") or 0,
        "tokens_out": row.get("tokens_out") or 0,
        "cost_usd": float(cost) if isinstance(cost, Decimal) else (cost or 0.0),
        "error": row.get("error"),
    }


def write_export(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write every row in the chosen format; return how many were written."""
    n = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(to_record(row), ensure_ascii=False) + "\n")
            n += 1
        return n
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    for row in rows:
        rec = to_record(row)
        for key in ("edits_applied", "edits_rejected", "matched_keywords", "missing_keywords", "flags"):
            rec[key] = json.dumps(rec[key], ensure_ascii=False)
        writer.writerow(rec)
        n += 1
    return n
