"""The acceptance test of issue 11: the guard on the adversarial truthfulness corpus.

Every case goes through `finalize`, the one path every engine's proposal takes. At most
2% of the fabrications of *every* category may be accepted, and at most 10% of the
honest rewordings rejected; every rejection names its category and the words that
caused it.

A summary is checked sentence by sentence and a refused sentence is dropped on its own,
so `evaluate` (tests/truthcorpus.py) counts a fabricated summary as accepted when any of
its fabricating spans survives in the summary kept, and an honest one as rejected unless it
is kept whole.
"""

from __future__ import annotations

from typing import Any

import pytest

from resume_opt.ats.tailor import finalize
from tests.truthcorpus import FABRICATION_CATEGORIES, HONEST_CATEGORIES, evaluate, load_cases

MAX_FABRICATIONS_ACCEPTED = 0.02  # per category
MAX_HONEST_REJECTED = 0.10  # over all honest rewordings
MAX_HONEST_REJECTED_PER_CATEGORY = 0.34


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    cases = load_cases()
    assert cases, "the corpus is empty"
    return evaluate(cases)


def _category(report: dict[str, Any], category: str) -> tuple[int, int, list[str]]:
    c = report["categories"].get(category)
    if c is None:
        pytest.skip(f"no {category} cases in the corpus yet")
    why = [f"{m['id']}: {m['reason']}" for m in report["misses"] if m["category"] == category]
    return c["wrong"], c["total"], why


@pytest.mark.parametrize("category", sorted(FABRICATION_CATEGORIES))
def test_fabrications_are_rejected_in_every_category(report: dict[str, Any], category: str) -> None:
    wrong, total, why = _category(report, category)
    assert wrong <= MAX_FABRICATIONS_ACCEPTED * total, why


@pytest.mark.parametrize("category", sorted(HONEST_CATEGORIES))
def test_honest_rewordings_pass_in_every_category(report: dict[str, Any], category: str) -> None:
    wrong, total, why = _category(report, category)
    assert wrong <= MAX_HONEST_REJECTED_PER_CATEGORY * total, why


def test_at_most_a_tenth_of_honest_rewordings_are_rejected(report: dict[str, Any]) -> None:
    honest = report["honest"]
    rejected = [m["id"] for m in report["misses"] if m["expected"] == "accept"]
    assert honest["total"]
    assert honest["rejected"] <= MAX_HONEST_REJECTED * honest["total"], rejected


def test_every_rejection_names_its_category_and_words() -> None:
    categories: set[str] = set()
    for case in load_cases():
        for r in finalize(case.resume, case.job, case.proposal)["edits_rejected"]:
            assert r["rejected_because"], case.id
            assert r["category"], case.id
            categories.add(r["category"])
            if r["category"] not in ("not_verbatim", "empty", "unchanged", "conflict"):
                assert r["words"] and all(isinstance(w, str) and w for w in r["words"]), (case.id, r)
    # the rejections name many categories, not one catch-all
    assert len(categories) >= 10, categories
