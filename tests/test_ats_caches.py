"""Every cache of the analysis is either per text (cleared for a new resume by the benchmarks'
cold timings) or kept for the process or a job on purpose: a new cache must say which."""

from __future__ import annotations

import functools
import importlib

import pytest

from resume_opt.ats import facts, guard, injection, keywords, qualifiers, sections, taxonomy

PER_TEXT_MODULES = (facts, guard, qualifiers, injection, keywords, sections, taxonomy)
# Kept across resumes on purpose: loaded data, the vocabulary's word keys, a job's analysis.
PROCESS_OR_JOB = {
    "lexicon": {"word_key", "_exceptions", "_symbolic", "_load", "_raw"},
    "taxonomy": {"_load_taxonomy"},
    "guard": {"_number_qualifiers", "_status_words"},
    "facts": {"status_groups", "_qualifier_index"},
    "keywords": {"literal_pattern", "job_keywords"},
    "sections": {"job_line_modes"},
    "qualifiers": {"_standing_in"},
}
MODULES = ("facts", "guard", "qualifiers", "injection", "keywords", "sections", "taxonomy", "lexicon")


def _caches(module: object) -> dict[str, object]:
    return {
        name: value
        for name, value in vars(module).items()
        if isinstance(value, functools._lru_cache_wrapper) and getattr(value, "__module__", "") == module.__name__  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize("name", MODULES)
def test_every_cache_is_per_text_or_kept_on_purpose(name: str) -> None:
    module = importlib.import_module(f"resume_opt.ats.{name}")
    per_text = {c.__wrapped__.__name__ for c in getattr(module, "PER_TEXT_CACHES", ())}  # type: ignore[attr-defined]
    kept = PROCESS_OR_JOB.get(name, set())
    found = set(_caches(module))
    assert found == per_text | kept, f"classify in PER_TEXT_CACHES or here: {sorted(found ^ (per_text | kept))}"
    assert not per_text & kept


def test_forgetting_a_resume_empties_every_per_text_cache() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from bench_quality import forget_resumes

    from resume_opt.ats.proposal import Job, Proposal
    from resume_opt.ats.tailor import finalize

    job = Job("Analyst", "Acme", "Required: SQL and Excel. Preferred: Tableau.")
    resume = "Jo Doe\n\nSummary\nAnalyst with SQL (basic).\n\nSkills\nSQL (basic), Excel\n"
    finalize(resume, job, Proposal(summary="Analyst with SQL (basic) and Excel."))
    forget_resumes(job)
    for module in PER_TEXT_MODULES:
        for cache in module.PER_TEXT_CACHES:
            held = cache.cache_info().currsize
            # the job's own injection checks are warmed again on purpose
            assert held == 0 or module is injection, (module.__name__, cache.__wrapped__.__name__, held)
