"""The holdout truthfulness corpora are well formed (one module, parametrized over both).

Data checks only: how the guard fares on a holdout is a figure (`python -m tests.truthcorpus
--holdout` / `--holdout2`), not a test, and no threshold is asserted here. Each holdout is
checked against the corpora written before it: its ids and resumes must be new.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

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


@dataclass(frozen=True)
class Holdout:
    root: Path
    earlier: tuple[Path, ...]  # corpora written before it
    min_per_category: int
    min_fabrications: int
    min_honest: int
    min_professions: int

    def rows(self, name: str) -> list[dict[str, Any]]:
        return read_jsonl(name, self.root)


HOLDOUTS = [
    Holdout(HOLDOUT, (DATA,), 5, 100, 45, 6),
    Holdout(HOLDOUT2, (DATA, HOLDOUT), 8, 130, 64, 8),
]


@pytest.fixture(params=HOLDOUTS, ids=lambda h: h.root.name)
def holdout(request: pytest.FixtureRequest) -> Holdout:
    return request.param  # type: ignore[no-any-return]


def test_every_line_is_a_json_object(holdout: Holdout) -> None:
    for name in FILES:
        for n, line in enumerate((holdout.root / name).read_text(encoding="utf-8").splitlines(), start=1):
            assert isinstance(json.loads(line), dict), f"{name}:{n}"


def test_ids_are_unique_and_distinct_from_earlier_corpora(holdout: Holdout) -> None:
    earlier = {r["id"] for root in holdout.earlier for name in FILES for r in read_jsonl(name, root)}
    for name in FILES:
        counts = Counter(r["id"] for r in holdout.rows(name))
        assert [i for i, n in counts.items() if n > 1] == []
        assert earlier.isdisjoint(counts)


def test_resumes_are_new(holdout: Holdout) -> None:
    earlier = {r["text"] for root in holdout.earlier for r in read_jsonl("resumes.jsonl", root)}
    assert all(r["text"] not in earlier for r in holdout.rows("resumes.jsonl"))


def test_references_resolve_and_professions_agree(holdout: Holdout) -> None:
    resumes = {r["id"]: r for r in holdout.rows("resumes.jsonl")}
    jobs = {j["id"]: j for j in holdout.rows("jobs.jsonl")}
    for row in holdout.rows("cases.jsonl"):
        assert row["resume_id"] in resumes, row["id"]
        assert row["job_id"] in jobs, row["id"]
        assert row["profession"] == resumes[row["resume_id"]]["profession"] == jobs[row["job_id"]]["profession"]


def test_every_original_occurs_exactly_once_in_its_resume(holdout: Holdout) -> None:
    resumes = {r["id"]: r["text"] for r in holdout.rows("resumes.jsonl")}
    for row in holdout.rows("cases.jsonl"):
        if row["kind"] == "edit":
            edit = row["edit"]
            assert edit["original"].strip(), row["id"]
            assert resumes[row["resume_id"]].count(edit["original"]) == 1, row["id"]
            assert edit["revised"].strip() and edit["revised"] != edit["original"], row["id"]


def test_case_shape(holdout: Holdout) -> None:
    for row in holdout.rows("cases.jsonl"):
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


def test_every_category_has_its_minimum(holdout: Holdout) -> None:
    rows = holdout.rows("cases.jsonl")
    counts = Counter(r["category"] for r in rows)
    categories = {**FABRICATION_CATEGORIES, **HONEST_CATEGORIES}
    assert {c: counts[c] for c in categories if counts[c] < holdout.min_per_category} == {}
    assert sum(1 for r in rows if r["verdict"] == "reject") >= holdout.min_fabrications
    assert sum(1 for r in rows if r["verdict"] == "accept") >= holdout.min_honest


def test_every_profession_has_both_verdicts_and_one_job_and_resume(holdout: Holdout) -> None:
    rows = holdout.rows("cases.jsonl")
    professions = {r["profession"] for r in rows}
    assert len(professions) >= holdout.min_professions
    by_resume = Counter(r["profession"] for r in holdout.rows("resumes.jsonl"))
    by_job = Counter(j["profession"] for j in holdout.rows("jobs.jsonl"))
    assert by_resume == by_job == dict.fromkeys(professions, 1)
    for p in professions:
        assert {r["verdict"] for r in rows if r["profession"] == p} == {"accept", "reject"}, p


def test_load_cases_builds_one_proposal_per_case(holdout: Holdout) -> None:
    cases = load_cases(holdout.root)
    assert len(cases) == len(holdout.rows("cases.jsonl"))
    for case in cases:
        if case.kind == "edit":
            assert len(case.proposal.edits) == 1 and not case.proposal.summary
            assert case.proposal.edits[0].original in case.resume
        else:
            assert case.proposal.summary and not case.proposal.edits


def test_evaluate_counts_every_case_once(holdout: Holdout) -> None:
    """evaluate() accounts for every case (not how well the guard does)."""
    cases = load_cases(holdout.root)
    report = evaluate(cases)
    assert {name: c["total"] for name, c in report["categories"].items()} == dict(Counter(c.category for c in cases))
    assert report["fabrications"]["total"] + report["honest"]["total"] == len(cases)
    assert len(report["misses"]) == sum(c["wrong"] for c in report["categories"].values())
