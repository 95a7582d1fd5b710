"""Import candidates and jobs from JSON Lines (streamed), and read enqueue pair files.

A file is read line by line in batches, so its size does not decide memory. Bad
lines are reported by number and skipped; good lines are kept. A JSON Resume
document (jsonresume.org) is accepted as a line, or as a whole pretty-printed file.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from resume_opt.errors import InputError

BATCH = 500
# A batch is also flushed at this many bytes of text, so memory does not follow line size.
BATCH_BYTES = 8 * 1024 * 1024
# Longer lines are skipped without being held in memory (a resume is at most ~60k chars).
MAX_LINE_BYTES = 2 * 1024 * 1024
MAX_REPORTED = 50  # bad lines listed one by one; beyond this they are only counted


@dataclass
class ImportResult:
    kind: str
    inserted: int = 0
    updated: int = 0
    bad: list[tuple[int, str]] = field(default_factory=list)
    bad_count: int = 0

    def add_bad(self, line: int, reason: str) -> None:
        self.bad_count += 1
        if len(self.bad) < MAX_REPORTED:
            self.bad.append((line, reason))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _skill_lines(skills: list[Any]) -> list[str]:
    """One line per skill group: its name, then its keywords."""
    out: list[str] = []
    for s in skills:
        if isinstance(s, dict):
            words = ", ".join(str(k) for k in s.get("keywords") or [])
            out.append(f"{_text(s.get('name'))}: {words}" if words else _text(s.get("name")))
    return out


def _work_lines(work: list[Any]) -> list[str]:
    """Each position: title, employer and dates, then its summary and highlight bullets."""
    out: list[str] = []
    for w in work:
        if not isinstance(w, dict):
            continue
        dates = " - ".join(x for x in (_text(w.get("startDate")), _text(w.get("endDate")) or "Present") if x)
        out.append(f"{_text(w.get('position'))}, {_text(w.get('name'))} ({dates})")
        if w.get("summary"):
            out.append(_text(w["summary"]))
        out += [f"- {_text(h)}" for h in w.get("highlights") or []]
    return out


def _education_lines(education: list[Any]) -> list[str]:
    """One line per degree: type, area, institution and end date."""
    out: list[str] = []
    for e in education:
        if isinstance(e, dict):
            parts = (_text(e.get("studyType")), _text(e.get("area")), "-", _text(e.get("institution")))
            out.append(" ".join(x for x in (*parts, _text(e.get("endDate"))) if x))
    return out


def _certificate_lines(certificates: list[Any]) -> list[str]:
    """One line per certificate: its name and issuer."""
    return [
        " - ".join(x for x in (_text(c.get("name")), _text(c.get("issuer"))) if x)
        for c in certificates
        if isinstance(c, dict)
    ]


def json_resume_to_text(doc: dict[str, Any]) -> str:
    """Plain-text resume from a JSON Resume document, with the usual section headings."""
    basics = doc.get("basics") or {}
    out: list[str] = [_text(basics.get("name")), _text(basics.get("label"))]
    if basics.get("summary"):
        out += ["", "SUMMARY", _text(basics["summary"])]
    sections = (
        ("SKILLS", "skills", _skill_lines),
        ("EXPERIENCE", "work", _work_lines),
        ("EDUCATION", "education", _education_lines),
        ("CERTIFICATIONS", "certificates", _certificate_lines),
    )
    for heading, key, lines in sections:
        entries = doc.get(key) or []
        if entries:
            out += ["", heading, *lines(entries)]
    return "\n".join(out).strip()


def _ident(value: str, key: str) -> str:
    """An external id or email as PostgreSQL can store it, or ValueError naming the field."""
    value = value.strip()
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value):
        raise ValueError(f"field '{key}' contains control characters or invalid Unicode")
    if len(value) > 300:
        raise ValueError(f"field '{key}' is {len(value)} characters, over 300")
    return value


def _candidate(obj: Any) -> dict[str, Any]:
    """Validate one candidate object; raise ValueError with the reason."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    if "basics" in obj and "resume" not in obj:  # a JSON Resume document
        basics = obj.get("basics") or {}
        ident = obj.get("id") or (obj.get("meta") or {}).get("id") or basics.get("email")
        if not isinstance(ident, str) or not ident:
            raise ValueError("JSON Resume document needs an id (top-level 'id' or basics.email)")
        obj = {
            "id": ident,
            "name": basics.get("name") or "",
            "email": basics.get("email") or "",
            "resume": json_resume_to_text(obj),
        }
    for key in ("id", "resume"):
        if key not in obj:
            raise ValueError(f"missing field '{key}'")
    for key in ("id", "name", "email", "resume"):
        if key in obj and obj[key] is not None and not isinstance(obj[key], str):
            raise ValueError(f"field '{key}' must be a string, got {type(obj[key]).__name__}")
    if not obj["id"].strip():
        raise ValueError("field 'id' is empty")
    from resume_opt.ats.keywords import extract_skills
    from resume_opt.ats.text import clean_text

    resume = clean_text(obj["resume"])
    return {
        "id": _ident(obj["id"], "id"),
        "name": clean_text(obj.get("name") or ""),
        "email": _ident(obj.get("email") or "", "email"),
        "resume": resume,
        "skills": extract_skills(resume) if resume else [],
    }


def _job(obj: Any) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    for key in ("id", "title", "description"):
        if key not in obj:
            raise ValueError(f"missing field '{key}'")
    for key in ("id", "title", "company", "description"):
        if key in obj and obj[key] is not None and not isinstance(obj[key], str):
            raise ValueError(f"field '{key}' must be a string, got {type(obj[key]).__name__}")
    if not obj["id"].strip():
        raise ValueError("field 'id' is empty")
    from resume_opt.ats.text import clean_text

    return {
        "id": _ident(obj["id"], "id"),
        "title": clean_text(obj["title"]),
        "company": clean_text(obj.get("company") or ""),
        "description": clean_text(obj["description"]),
    }


def _records(path: Path, result: ImportResult, parse: Any) -> Iterator[dict[str, Any]]:
    """Yield valid records of a JSON Lines file, recording bad lines in `result`."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below; binary so bad UTF-8 is a line error
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    with fh:
        head = fh.read(4096)
        if b"\x00" in head:
            raise InputError(f"{path} is a binary file, not JSON Lines")
        fh.seek(0)
        if _is_whole_document(head):
            yield from _whole_document_records(fh, result, parse)
        else:
            yield from _json_lines_records(fh, result, parse)


def _is_whole_document(head: bytes) -> bool:
    """Whether the file opens as a pretty-printed single JSON document (e.g. a JSON Resume file)."""
    first = head.lstrip()[:1]
    first_line = head.split(b"\n", 1)[0].strip()
    return first == b"{" and first_line in (b"{", b"{\r")


def _whole_document_records(fh: BinaryIO, result: ImportResult, parse: Any) -> Iterator[dict[str, Any]]:
    """Yield the valid records of one whole JSON document, an object or a list of them."""
    try:
        doc = json.loads(fh.read(64 * 1024 * 1024))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        result.add_bad(getattr(exc, "lineno", 1), f"invalid JSON: {getattr(exc, 'msg', exc)}")
        return
    docs = doc if isinstance(doc, list) else [doc]
    for i, d in enumerate(docs, 1):
        try:
            yield parse(d)
        except ValueError as exc:
            result.add_bad(i, str(exc))


def _json_lines_records(fh: BinaryIO, result: ImportResult, parse: Any) -> Iterator[dict[str, Any]]:
    """Yield the valid records of a JSON Lines file, one line at a time, skipping blank lines."""
    number = 0
    while True:
        raw = fh.readline(MAX_LINE_BYTES + 1)
        if not raw:
            break
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            size = len(raw)
            del raw  # not held while the rest of the line is skipped
            size = _skip_rest_of_line(fh, size)
            result.add_bad(number, f"line is {size} bytes, over the {MAX_LINE_BYTES} byte limit")
            continue
        if not raw.strip():
            continue
        obj = _line_json(raw, number, result)
        if obj is _BAD_LINE:
            continue
        try:
            yield parse(obj)
        except ValueError as exc:
            result.add_bad(number, str(exc))


def _skip_rest_of_line(fh: BinaryIO, size: int) -> int:
    """Read past the rest of an over-long line a megabyte at a time; return the line's full size."""
    while True:
        more = fh.readline(1 << 20)
        size += len(more)
        if not more or more.endswith(b"\n"):
            return size


_BAD_LINE = object()  # what _line_json returns for a line that is not JSON (a line may hold `null`)


def _line_json(raw: bytes, number: int, result: ImportResult) -> Any:
    """One line's JSON value, or _BAD_LINE after recording why it is not JSON."""
    try:
        return json.loads(raw.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        result.add_bad(number, f"invalid JSON (column {exc.colno}): {exc.msg}")
    except RecursionError:
        result.add_bad(number, "invalid JSON: nested too deeply")
    return _BAD_LINE


def import_file(db: Any, kind: str, path: Path) -> ImportResult:
    """Stream a candidates or jobs file into the database (upsert by external id)."""
    from resume_opt.db import store

    result = ImportResult(kind)
    parse = _candidate if kind == "candidates" else _job
    upsert = store.upsert_candidates if kind == "candidates" else store.upsert_jobs
    batch: dict[str, dict[str, Any]] = {}
    size = 0

    def flush() -> None:
        nonlocal size
        if batch:
            with db.connection() as conn:
                ins, upd = upsert(conn, list(batch.values()))
            result.inserted += ins
            result.updated += upd
            batch.clear()
            size = 0

    for record in _records(path, result, parse):
        batch[record["id"]] = record  # the last line for an id wins
        size += sum(len(v) for v in record.values() if isinstance(v, str))
        if len(batch) >= BATCH or size >= BATCH_BYTES:
            flush()
    flush()
    return result


def read_pairs(path: Path) -> Iterator[tuple[int, str, str] | tuple[int, None, str]]:
    """Rows of a `candidate_id,job_id` CSV: (line, cand, job), or (line, None, reason) when bad."""
    try:
        fh = open(path, encoding="utf-8", errors="replace", newline="")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    with fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None or [h.strip().lower() for h in header[:2]] != ["candidate_id", "job_id"]:
            raise InputError(f"{path}: the first line must be the header candidate_id,job_id")
        for row in reader:
            line = reader.line_num
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                yield (line, None, "expected two values: candidate_id,job_id")
                continue
            yield (line, row[0].strip(), row[1].strip())
