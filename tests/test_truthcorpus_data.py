"""The truthfulness corpus is well formed: originals verbatim, references resolve, minimums met.

These check the data, not the guard: how the guard fares on the corpus is a figure
(`scripts/bench.py truthfulness`), not a test.
"""

from __future__ import annotations

import json
from collections import Counter

from tests.truthcorpus import (
    DATA,
    FABRICATION_CATEGORIES,
    HONEST_CATEGORIES,
    MIN_FABRICATIONS,
    MIN_HONEST,
    MIN_PROFESSIONS,
    evaluate,
    load_cases,
    read_jsonl,
)

RESUMES = read_jsonl("resumes.jsonl")
JOBS = read_jsonl("jobs.jsonl")
ROWS = read_jsonl("cases.jsonl")


def test_every_line_is_a_json_object() -> None:
    for name in ("resumes.jsonl", "jobs.jsonl", "cases.jsonl"):
        for n, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), start=1):
            assert isinstance(json.loads(line), dict), f"{name}:{n}"


def test_ids_are_unique() -> None:
    for rows in (RESUMES, JOBS, ROWS):
        counts = Counter(r["id"] for r in rows)
        assert [i for i, n in counts.items() if n > 1] == []


def test_references_resolve_and_professions_agree() -> None:
    resumes = {r["id"]: r for r in RESUMES}
    jobs = {j["id"]: j for j in JOBS}
    for row in ROWS:
        assert row["resume_id"] in resumes, row["id"]
        assert row["job_id"] in jobs, row["id"]
        assert row["profession"] == resumes[row["resume_id"]]["profession"], row["id"]


def test_every_original_is_verbatim_in_its_resume() -> None:
    resumes = {r["id"]: r["text"] for r in RESUMES}
    for row in ROWS:
        if row["kind"] == "edit":
            edit = row["edit"]
            assert edit["original"].strip(), row["id"]
            assert edit["original"] in resumes[row["resume_id"]], row["id"]
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
        if row["kind"] == "summary" and not honest:  # the spans that fabricate, quoted from the summary
            assert row["claims"] and all(c and c in row["summary"] for c in row["claims"]), row["id"]
        else:
            assert "claims" not in row, row["id"]


def test_every_category_has_its_minimum() -> None:
    counts = Counter(r["category"] for r in ROWS)
    short = {c: (counts[c], n) for c, n in {**FABRICATION_CATEGORIES, **HONEST_CATEGORIES}.items() if counts[c] < n}
    assert short == {}
    assert sum(1 for r in ROWS if r["verdict"] == "reject") >= MIN_FABRICATIONS
    assert sum(1 for r in ROWS if r["verdict"] == "accept") >= MIN_HONEST


def test_professions_are_covered() -> None:
    professions = {r["profession"] for r in ROWS}
    assert len(professions) >= MIN_PROFESSIONS
    assert {"software", "nursing", "sales", "finance", "teaching", "operations"} <= professions
    for p in professions:  # each profession has both kinds of case
        verdicts = {r["verdict"] for r in ROWS if r["profession"] == p}
        assert verdicts == {"accept", "reject"}, p


def test_load_cases_builds_one_proposal_per_case() -> None:
    cases = load_cases()
    assert len(cases) == len(ROWS)
    for case in cases:
        if case.kind == "edit":
            assert len(case.proposal.edits) == 1 and not case.proposal.summary
            assert case.proposal.edits[0].original in case.resume
        else:
            assert case.proposal.summary and not case.proposal.edits


def test_evaluate_counts_every_case_once() -> None:
    """evaluate() sends every case through finalize and accounts for each (not how well the guard does)."""
    cases = load_cases()
    report = evaluate(cases)
    counts = Counter(c.category for c in cases)
    assert {name: c["total"] for name, c in report["categories"].items()} == dict(counts)
    assert report["fabrications"]["total"] + report["honest"]["total"] == len(cases)
    wrong = sum(c["wrong"] for c in report["categories"].values())
    assert len(report["misses"]) == wrong
    by_id = {c.id: c for c in cases}
    for miss in report["misses"]:
        case = by_id[miss["id"]]
        assert miss["expected"] == case.verdict and miss["got"] != case.verdict
        assert miss["reason"]
    assert len(report["finalize_ms"]) == len(cases)
