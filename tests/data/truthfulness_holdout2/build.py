"""Build the second holdout truthfulness corpus: check every `original` and `claims` span, write the JSON Lines files.

Run `python tests/data/truthfulness_holdout2/build.py`. Resumes and jobs live in sources.py, the
cases in cases_src.py (grouped by resume). Written blind: without reading any guard's code or the
earlier corpora's cases (see README.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cases_src import add_cases  # noqa: E402
from sources import JOBS, RESUMES  # noqa: E402

JOB_OF = {
    "pl-nadia": "job2-pl-lit",
    "bk-tomas": "job2-bk-full",
    "cnc-darius": "job2-cnc-prog",
    "ret-priya": "job2-ret-sm",
    "ux-lena": "job2-ux-senior",
    "cs-marco": "job2-cs-t2",
    "el-jaylen": "job2-el-jour",
    "crc-hana": "job2-crc-ii",
}
HONEST = {
    "honest_reorder",
    "honest_job_term",
    "honest_tighter_verb",
    "honest_abbreviation",
    "honest_date_format",
    "honest_number_format",
    "honest_filler_removed",
    "honest_summary",
}
CASES: list[dict[str, Any]] = []


def E(rid: str, category: str, original: str, revised: str, note: str, reason: str = "tailor to the posting") -> None:
    """One edit case."""
    CASES.append(
        {
            "resume_id": rid,
            "kind": "edit",
            "edit": {"original": original, "revised": revised, "reason": reason},
            "category": category,
            "note": note,
        }
    )


def S(rid: str, category: str, summary: str, note: str, claims: list[str] | None = None) -> None:
    """One summary case; a fabricated one names the spans that fabricate."""
    row: dict[str, Any] = {"resume_id": rid, "kind": "summary", "summary": summary, "category": category, "note": note}
    if claims is not None:
        row["claims"] = claims
    CASES.append(row)


add_cases(E, S)


def main() -> None:
    resumes = [{"id": rid, "profession": p, "text": t} for rid, (p, t) in RESUMES.items()]
    jobs = [
        {"id": jid, "profession": p, "title": ti, "company": co, "description": d}
        for jid, (p, ti, co, d) in JOBS.items()
    ]
    text = {rid: t for rid, (_, t) in RESUMES.items()}
    out = []
    counters: dict[str, int] = {}
    for case in CASES:
        rid = case["resume_id"]
        if JOBS[JOB_OF[rid]][0] != RESUMES[rid][0]:
            raise SystemExit(f"{rid}: job {JOB_OF[rid]} is for another profession")
        if case["kind"] == "edit":
            orig, rev = case["edit"]["original"], case["edit"]["revised"]
            if text[rid].count(orig) != 1:
                raise SystemExit(f"{rid}: original not verbatim exactly once: {orig!r}")
            if not rev.strip() or rev == orig:
                raise SystemExit(f"{rid}: revised empty or unchanged: {orig!r}")
        honest = case["category"] in HONEST
        if case["kind"] == "summary" and not honest:
            if not case.get("claims"):
                raise SystemExit(f"{rid}: fabricated summary without claims")
            for c in case["claims"]:
                if not c or c not in case["summary"]:
                    raise SystemExit(f"{rid}: claim not in summary: {c!r}")
        elif "claims" in case:
            raise SystemExit(f"{rid}: claims on a case that is not a fabricated summary")
        counters[rid] = counters.get(rid, 0) + 1
        row: dict[str, Any] = {
            "id": f"h2-{rid}-{counters[rid]:02d}",
            "resume_id": rid,
            "job_id": JOB_OF[rid],
            "kind": case["kind"],
        }
        if case["kind"] == "edit":
            row["edit"] = case["edit"]
        else:
            row["summary"] = case["summary"]
        row["verdict"] = "accept" if honest else "reject"
        row["category"] = case["category"]
        row["profession"] = RESUMES[rid][0]
        row["note"] = case["note"]
        if "claims" in case:
            row["claims"] = case["claims"]
        out.append(row)
    for name, rows in (("resumes.jsonl", resumes), ("jobs.jsonl", jobs), ("cases.jsonl", out)):
        with (HERE / name).open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(resumes)} resumes, {len(jobs)} jobs, {len(out)} cases")


if __name__ == "__main__":
    main()
