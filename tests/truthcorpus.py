"""The truthfulness corpus (tests/data/truthfulness/): load its cases, run them through `finalize`.

Each case is a resume, a job and one proposal (a single edit, or a summary) with the verdict
an independent reviewer expects: `reject` for a fabrication, `accept` for an honest rewording.
`evaluate` sends every proposal down the one path every engine's proposal takes
(`resume_opt.ats.tailor.finalize`) and counts, per category, the fabrications that got
through and the honest rewordings that were refused, with the guard's reason for each miss.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resume_opt.ats.proposal import Edit, Job, Proposal
from resume_opt.ats.tailor import finalize

DATA = Path(__file__).resolve().parent / "data" / "truthfulness"
HOLDOUT = Path(__file__).resolve().parent / "data" / "truthfulness_holdout"  # fresh cases, never tuned against
HOLDOUT2 = Path(__file__).resolve().parent / "data" / "truthfulness_holdout2"  # a second blind holdout

FABRICATION_CATEGORIES: dict[str, int] = {
    "responsibility_inflation": 10,
    "seniority_inflation": 10,
    "quantity_words": 10,
    "outcome_claims": 10,
    "proficiency_inflation": 10,
    "qualifier_removed": 10,
    "fact_moved": 10,
    "variant_version": 10,
    "new_organisation": 10,
    "scope_inflation": 10,
    "people_claims": 10,
    "injected_instructions": 10,
    "bullet_copied": 10,
    "summary_fabrication": 15,
}
HONEST_CATEGORIES: dict[str, int] = {
    "honest_reorder": 6,
    "honest_job_term": 6,
    "honest_tighter_verb": 6,
    "honest_abbreviation": 6,
    "honest_date_format": 6,
    "honest_number_format": 6,
    "honest_filler_removed": 6,
    "honest_summary": 6,
}
MIN_FABRICATIONS = 170
MIN_HONEST = 60
MIN_PROFESSIONS = 6


@dataclass(frozen=True)
class Case:
    """One proposal and the verdict it should get."""

    id: str
    resume_id: str
    job_id: str
    resume: str
    job: Job
    kind: str  # "edit" or "summary"
    proposal: Proposal
    verdict: str  # "reject" or "accept"
    category: str
    profession: str
    note: str
    claims: tuple[str, ...] = ()  # a fabricated summary's fabricating spans

    @property
    def fabrication(self) -> bool:
        return self.verdict == "reject"


def read_jsonl(name: str, root: Path = DATA) -> list[dict[str, Any]]:
    """The rows of one of the corpus's JSON Lines files (`root`: the corpus directory, DATA or HOLDOUT)."""
    with (root / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_cases(root: Path = DATA) -> list[Case]:
    """Every case of the corpus in `root` (DATA or HOLDOUT), its resume text and job resolved."""
    resumes = {r["id"]: r for r in read_jsonl("resumes.jsonl", root)}
    jobs = {j["id"]: j for j in read_jsonl("jobs.jsonl", root)}
    cases = []
    for row in read_jsonl("cases.jsonl", root):
        j = jobs[row["job_id"]]
        if row["kind"] == "edit":
            e = row["edit"]
            proposal = Proposal(edits=[Edit(e["original"], e["revised"], e.get("reason", ""))])
        else:
            proposal = Proposal(summary=row["summary"])
        cases.append(
            Case(
                id=row["id"],
                resume_id=row["resume_id"],
                job_id=row["job_id"],
                resume=resumes[row["resume_id"]]["text"],
                job=Job(j["title"], j["company"], j["description"]),
                kind=row["kind"],
                proposal=proposal,
                verdict=row["verdict"],
                category=row["category"],
                profession=row["profession"],
                note=row["note"],
                claims=tuple(row.get("claims", ())),
            )
        )
    return cases


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _accepted(case: Case, result: dict[str, Any]) -> tuple[bool, str]:
    """Whether finalize applied the case's proposal, and the guard's reason when it did not.

    An edit is accepted when it was applied as proposed. A summary may be kept in part (a
    guard may drop the sentences it refuses): an honest summary counts as accepted only when
    kept whole; a fabricated one counts as accepted when any of its fabricating spans
    (`claims`) survives in the summary kept.
    """
    if case.kind == "summary":
        kept_text = _folded(result["summary"])
        if case.fabrication:
            survivors = [c for c in (case.claims or (case.proposal.summary,)) if kept_text and _folded(c) in kept_text]
            if survivors:
                whole = kept_text == _folded(case.proposal.summary)
                return True, "" if whole else f"kept in part, with '{survivors[0]}'"
            kept = False
        else:
            kept = kept_text == _folded(case.proposal.summary)
    else:
        edit = case.proposal.edits[0]
        kept = any(a["original"] == edit.original and a["revised"] == edit.revised for a in result["edits_applied"])
    if kept:
        return True, ""
    reasons = [r.get("rejected_because", "") for r in result["edits_rejected"]]
    return False, "; ".join(r for r in reasons if r) or "dropped without a reason"


def evaluate(cases: list[Case]) -> dict[str, Any]:
    """Run every case through `finalize` and count the wrong verdicts.

    Returns `categories` ({name: {kind, total, wrong}}: for a fabrication category `wrong`
    counts fabrications accepted, for an honest one honest rewordings rejected),
    `professions` (the same by profession and kind), totals under `fabrications` and
    `honest`, `misses` (each wrong verdict: id, category, expected, the guard's reason,
    the case's note), `finalize_ms` (wall-clock time of each finalize call, in ms, by
    time.perf_counter) and `finalize_cpu_ms` (the same call's CPU time, by time.thread_time:
    the figure to compare on a loaded host).
    """
    categories: dict[str, dict[str, Any]] = {}
    professions: dict[str, dict[str, int]] = defaultdict(
        lambda: {"fabrications": 0, "fabrications_accepted": 0, "honest": 0, "honest_rejected": 0}
    )
    misses: list[dict[str, str]] = []
    timings: list[float] = []
    cpu: list[float] = []
    for case in cases:
        c0, t0 = time.thread_time(), time.perf_counter()
        result = finalize(case.resume, case.job, case.proposal)
        timings.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
        accepted, reason = _accepted(case, result)
        wrong = accepted if case.fabrication else not accepted
        kind = "fabrication" if case.fabrication else "honest"
        cat = categories.setdefault(case.category, {"kind": kind, "total": 0, "wrong": 0})
        cat["total"] += 1
        cat["wrong"] += int(wrong)
        prof = professions[case.profession]
        if case.fabrication:
            prof["fabrications"] += 1
            prof["fabrications_accepted"] += int(wrong)
        else:
            prof["honest"] += 1
            prof["honest_rejected"] += int(wrong)
        if wrong:
            misses.append(
                {
                    "id": case.id,
                    "category": case.category,
                    "expected": case.verdict,
                    "got": "accept" if accepted else "reject",
                    "reason": reason or "accepted (no objection raised)",
                    "note": case.note,
                }
            )
    fab = [c for c in categories.values() if c["kind"] == "fabrication"]
    hon = [c for c in categories.values() if c["kind"] == "honest"]
    return {
        "categories": dict(sorted(categories.items(), key=lambda kv: (kv[1]["kind"], kv[0]))),
        "professions": dict(sorted(professions.items())),
        "fabrications": {"accepted": sum(c["wrong"] for c in fab), "total": sum(c["total"] for c in fab)},
        "honest": {"rejected": sum(c["wrong"] for c in hon), "total": sum(c["total"] for c in hon)},
        "misses": misses,
        "finalize_ms": timings,
        "finalize_cpu_ms": cpu,
    }


def format_table(report: dict[str, Any]) -> str:
    """The per-category table of an `evaluate` report, as text."""
    lines = [f"{'category':<26} {'kind':<11} {'wrong':>5} / {'total':<5} {'rate':>6}"]
    for name, c in report["categories"].items():
        rate = c["wrong"] / c["total"] if c["total"] else 0.0
        label = "accepted" if c["kind"] == "fabrication" else "rejected"
        lines.append(f"{name:<26} {c['kind']:<11} {c['wrong']:>5} / {c['total']:<5} {rate:>6.0%}  {label}")
    f, h = report["fabrications"], report["honest"]
    lines.append(f"{'all fabrications':<26} {'':<11} {f['accepted']:>5} / {f['total']:<5} accepted")
    lines.append(f"{'all honest rewordings':<26} {'':<11} {h['rejected']:>5} / {h['total']:<5} rejected")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    args = sys.argv[1:]
    root = HOLDOUT2 if "--holdout2" in args else HOLDOUT if "--holdout" in args else DATA
    rep = evaluate(load_cases(root))
    print(format_table(rep))
    for m in rep["misses"]:
        print(f"  {m['id']:<16} {m['category']:<24} expected {m['expected']}: {m['reason']}")
