"""Export optimizations as JSON Lines or CSV (the contract of DESIGN.md), streamed; or as one
tailored DOCX or one review page (HTML) per optimization in a folder."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
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


@dataclass
class DocumentExport:
    """What `export --format docx|html` wrote: files, and DOCX written clean instead of in place."""

    written: int = 0
    in_place: int = 0
    clean: int = 0
    notes: dict[str, int] = field(default_factory=dict)  # why a DOCX was written clean -> count


_UNSAFE = re.compile(r"[^\w.-]+")


def document_name(row: dict[str, Any], suffix: str) -> str:
    """A file name safe on every file system: `<optimization>-<candidate>-<job>.<suffix>`."""
    parts = [str(row["id"]), str(row["candidate_id"]), str(row["job_id"])]
    return "-".join(_UNSAFE.sub("_", p).strip("_")[:60] or "_" for p in parts) + suffix


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file whole or not at all (a reader never sees half a document)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    tmp.write_bytes(data)
    tmp.replace(path)


def write_documents(rows: Iterable[dict[str, Any]], fmt: str, out_dir: Path) -> DocumentExport:
    """One tailored DOCX or review page per optimization with a result, into `out_dir`."""
    from resume_opt.io.docx_export import tailored_docx
    from resume_opt.io.review_html import render_review

    out_dir.mkdir(parents=True, exist_ok=True)
    res = DocumentExport()
    for row in rows:
        result = row.get("result") or {}
        if fmt == "html":
            write_atomic(out_dir / document_name(row, ".html"), render_review(row).encode("utf-8"))
        else:
            tailored = result.get("optimized_resume")
            if not isinstance(tailored, str):
                continue
            original = row.get("original") if row.get("source_kind") == "docx" else None
            doc = tailored_docx(bytes(original) if original is not None else None, row["resume_text"], tailored)
            if row.get("source_kind") == "docx" and original is None:
                doc = replace(doc, note="the candidate was updated after the DOCX was imported")
            write_atomic(out_dir / document_name(row, ".docx"), doc.data)
            if doc.in_place:
                res.in_place += 1
            else:
                res.clean += 1
                res.notes[doc.note] = res.notes.get(doc.note, 0) + 1
        res.written += 1
    return res
