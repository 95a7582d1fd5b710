"""The second holdout truthfulness corpus is well formed, checked as the first holdout is.

Data checks only: how the guard fares on it is a figure (`python -m tests.truthcorpus
--holdout2`), not a test, and no threshold is asserted here. The first holdout's checks are test
functions bound to its own directory, so they are restated here for this one, with the higher
minimums this corpus was written to (8 per category).
"""

from __future__ import annotations

import json
from collections import Counter

from tests.truthcorpus import (
    DATA,
    FABRICATION_CATEGORIES,
    HOLDOUT,
    HOLDOUT2,
    HONEST_CATEGORIES,
    evaluate,
    load_cases,
    read_jsonl,
)

FILES = ("resumes.jsonl", "jobs.jsonl", "cases.jsonl")
RESUMES = read_jsonl("resumes.jsonl", HOLDOUT2)
JOBS = read_jsonl("jobs.jsonl", HOLDOUT2)
ROWS = read_jsonl("cases.jsonl", HOLDOUT2)
MIN_PER_CATEGORY = 8
MIN_PROFESSIONS = 8


def test_every_line_is_a_json_object() -> None:
    for name in FILES:
        for n, line in enumerate((HOLDOUT2 / name).read_text(encoding="utf-8").splitlines(), start=1):
            assert isinstance(json.loads(line), dict), f"{name}:{n}"


def test_ids_are_unique_and_distinct_from_the_other_corpora() -> None:
    others = {r["id"] for root in (DATA, HOLDOUT) for name in FILES for r in read_jsonl(name, root)}
    for rows in (RESUMES, JOBS, ROWS):
        counts = Counter(r["id"] for r in rows)
        assert [i for i, n in counts.items() if n > 1] == []
        assert others.isdisjoint(counts)


def test_resumes_are_new() -> None:
    others = {r["text"] for root in (DATA, HOLDOUT) for r in read_jsonl("resumes.jsonl", root)}
    assert all(r["text"] not in others for r in RESUMES)


def test_references_resolve_and_professions_agree() -> None:
    resumes = {r["id"]: r for r in RESUMES}
    jobs = {j["id"]: j for j in JOBS}
    for row in ROWS:
        assert row["resume_id"] in resumes, row["id"]
        assert row["job_id"] in jobs, row["id"]
        assert row["profession"] == resumes[row["resume_id"]]["profession"] == jobs[row["job_id"]]["profession"]


def test_every_original_occurs_exactly_once_in_its_resume() -> None:
    resumes = {r["id"]: r["text"] for r in RESUMES}
    for row in ROWS:
        if row["kind"] == "edit":
            edit = row["edit"]
            assert edit["original"].strip(), row["id"]
            assert resumes[row["resume_id"]].count(edit["original"]) == 1, row["id"]
            assert edit["revised"].strip() and edit["revised"] != edit["original"], row["id"]


def test_case_shape() -> None:
    for row in ROWS:
        assert row["kind"] in ("edit", "summary"), row["id"]
        assert (row["kind"] == "edit") == ("edit" in row) and (row["kind"] == "summary") == ("summary" in row)
        if row["kind"] == "summary":
            assert row["summary"].strip(), row["id"]
        assert row["note"].strip(), row["id"]
        honest = row["category"] in HONEST_CATEGORIES
        assert row["category"] in FABRICATION_CATEGORIES or honest, row["id"]
        assert row["verdict"] == ("accept" if honest else "reject"), row["id"]
        if row["category"] in ("summary_fabrication", "honest_summary"):
            assert row["kind"] == "summary", row["id"]
        if row["kind"] == "summary" and not honest:
            assert row["claims"] and all(c and c in row["summary"] for c in row["claims"]), row["id"]
        else:
            assert "claims" not in row, row["id"]


def test_every_category_has_its_minimum() -> None:
    counts = Counter(r["category"] for r in ROWS)
    short = {c: counts[c] for c in {**FABRICATION_CATEGORIES, **HONEST_CATEGORIES} if counts[c] < MIN_PER_CATEGORY}
    assert short == {}


def test_every_profession_has_both_verdicts_and_one_job_and_resume() -> None:
    professions = {r["profession"] for r in ROWS}
    assert len(professions) >= MIN_PROFESSIONS
    assert (
        Counter(r["profession"] for r in RESUMES)
        == Counter(j["profession"] for j in JOBS)
        == dict.fromkeys(professions, 1)
    )
    for p in professions:
        assert {r["verdict"] for r in ROWS if r["profession"] == p} == {"accept", "reject"}, p


def test_load_cases_builds_one_proposal_per_case() -> None:
    cases = load_cases(HOLDOUT2)
    assert len(cases) == len(ROWS)
    for case in cases:
        if case.kind == "edit":
            assert len(case.proposal.edits) == 1 and not case.proposal.summary
            assert case.proposal.edits[0].original in case.resume
        else:
            assert case.proposal.summary and not case.proposal.edits


def test_evaluate_counts_every_case_once() -> None:
    """evaluate() accounts for every case of this holdout (not how well the guard does)."""
    cases = load_cases(HOLDOUT2)
    report = evaluate(cases)
    assert {name: c["total"] for name, c in report["categories"].items()} == dict(Counter(c.category for c in cases))
    assert report["fabrications"]["total"] + report["honest"]["total"] == len(cases)
    assert len(report["misses"]) == sum(c["wrong"] for c in report["categories"].values())
