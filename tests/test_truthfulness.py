"""The acceptance test of issue 11: the guard on the adversarial truthfulness corpus.

Every case goes through `finalize`, the one path every engine's proposal takes. At most
2% of the fabrications of *every* category may be accepted, and at most 10% of the
honest rewordings rejected; every rejection names its category and the words that
caused it.

A summary is checked sentence by sentence and a refused sentence is dropped on its own,
so a summary proposal counts as accepted only when it is applied as proposed: a
fabricated summary whose bad sentence was dropped did not get its claim through, and an
honest one that lost a sentence was (in part) rejected.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from resume_opt.ats.tailor import finalize
from tests.truthcorpus import FABRICATION_CATEGORIES, HONEST_CATEGORIES, Case, load_cases

MAX_FABRICATIONS_ACCEPTED = 0.02  # per category
MAX_HONEST_REJECTED = 0.10  # over all honest rewordings
MAX_HONEST_REJECTED_PER_CATEGORY = 0.34


def applied_as_proposed(case: Case, result: dict[str, Any]) -> bool:
    """Whether `finalize` applied the case's proposal exactly as proposed."""
    if case.kind == "summary":
        return bool(result["summary"]) and result["summary"] == case.proposal.summary.strip()
    edit = case.proposal.edits[0]
    return any(a["original"] == edit.original and a["revised"] == edit.revised for a in result["edits_applied"])


@pytest.fixture(scope="module")
def outcomes() -> list[tuple[Case, dict[str, Any], bool]]:
    cases = load_cases()
    assert cases, "the corpus is empty"
    out = []
    for case in cases:
        result = finalize(case.resume, case.job, case.proposal)
        out.append((case, result, applied_as_proposed(case, result)))
    return out


def _misses(outcomes: list[tuple[Case, dict[str, Any], bool]], category: str) -> tuple[int, int, list[str]]:
    rows = [(c, r, a) for c, r, a in outcomes if c.category == category]
    wrong = [(c, r) for c, r, a in rows if a == c.fabrication]
    why = [f"{c.id}: {'; '.join(x['rejected_because'] for x in r['edits_rejected']) or 'accepted'}" for c, r in wrong]
    return len(wrong), len(rows), why


@pytest.mark.parametrize("category", sorted(FABRICATION_CATEGORIES))
def test_fabrications_are_rejected_in_every_category(
    outcomes: list[tuple[Case, dict[str, Any], bool]], category: str
) -> None:
    wrong, total, why = _misses(outcomes, category)
    if total == 0:
        pytest.skip(f"no {category} cases in the corpus yet")
    assert wrong <= MAX_FABRICATIONS_ACCEPTED * total, why


@pytest.mark.parametrize("category", sorted(HONEST_CATEGORIES))
def test_honest_rewordings_pass_in_every_category(
    outcomes: list[tuple[Case, dict[str, Any], bool]], category: str
) -> None:
    wrong, total, why = _misses(outcomes, category)
    if total == 0:
        pytest.skip(f"no {category} cases in the corpus yet")
    assert wrong <= MAX_HONEST_REJECTED_PER_CATEGORY * total, why


def test_at_most_a_tenth_of_honest_rewordings_are_rejected(
    outcomes: list[tuple[Case, dict[str, Any], bool]],
) -> None:
    honest = [(c, a) for c, _, a in outcomes if not c.fabrication]
    rejected = [c.id for c, a in honest if not a]
    assert honest
    assert len(rejected) <= MAX_HONEST_REJECTED * len(honest), rejected


def test_every_rejection_names_its_category_and_words(outcomes: list[tuple[Case, dict[str, Any], bool]]) -> None:
    categories: Counter[str] = Counter()
    for case, result, _ in outcomes:
        for r in result["edits_rejected"]:
            assert r["rejected_because"], case.id
            assert r["category"], case.id
            categories[r["category"]] += 1
            if r["category"] not in ("not_verbatim", "empty", "unchanged", "conflict"):
                assert r["words"] and all(isinstance(w, str) and w for w in r["words"]), (case.id, r)
    assert categories
