#!/usr/bin/env python3
"""Write resumes.jsonl, jobs.jsonl and cases.jsonl from the hand-written source in authoring/.

    python tests/data/truthfulness/build.py

The JSON Lines files are the corpus (tests/truthcorpus.py reads them); authoring/ is where
the cases are written, one call each, next to the resume they quote. Every `original` is
checked to be verbatim in its resume before anything is written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from authoring import (  # noqa: E402
    cases_finance,
    cases_marketing,
    cases_nursing,
    cases_operations,
    cases_sales,
    cases_software,
    cases_teaching,
)
from authoring.core import CASES  # noqa: E402
from authoring.jobs import JOBS  # noqa: E402
from authoring.resumes import RESUMES  # noqa: E402

_MODULES = (
    cases_software,
    cases_nursing,
    cases_sales,
    cases_finance,
    cases_teaching,
    cases_operations,
    cases_marketing,
)


def build() -> list[str]:
    """Every problem found in the source (an empty list means the files were written)."""
    resumes = {r["id"]: r for r in RESUMES}
    jobs = {j["id"]: j for j in JOBS}
    problems: list[str] = []
    out = []
    for case in CASES:
        resume = resumes.get(case["resume_id"])
        if resume is None or case["job_id"] not in jobs:
            problems.append(f"{case['id']}: unknown resume or job")
            continue
        if case["kind"] == "edit" and case["edit"]["original"] not in resume["text"]:
            problems.append(f"{case['id']}: original not verbatim: {case['edit']['original']!r}")
        if case["kind"] == "summary" and case["verdict"] == "reject":
            claims = case.get("claims") or []
            if not claims or any(c not in case["summary"] for c in claims):
                problems.append(f"{case['id']}: a summary fabrication needs claims quoted from its summary")
        keys = ("id", "resume_id", "job_id", "kind", "edit", "summary", "claims", "verdict", "category")
        row = {k: case[k] for k in keys if k in case}
        row["profession"] = resume["profession"]
        row["note"] = case["note"]
        out.append(row)
    if problems:
        return problems
    for name, rows in (("resumes", RESUMES), ("jobs", JOBS), ("cases", out)):
        with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return []


if __name__ == "__main__":
    found = build()
    for p in found:
        print(p, file=sys.stderr)
    if not found:
        print(f"{len(RESUMES)} resumes, {len(JOBS)} jobs, {len(CASES)} cases written to {HERE}")
    sys.exit(1 if found else 0)
