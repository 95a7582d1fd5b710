"""The match score: how much of the job's own wording an ATS finds in a resume.

    score = 100 × (0.8 × required_coverage + 0.2 × preferred_coverage)

A coverage is the share of that group's keywords whose job wording appears in the
resume (whole term, case-insensitive; spelling variants such as "Node.js"/"NodeJS"
or plural forms count as the same wording, synonyms do not: "k8s" does not cover
"Kubernetes"). A job with only required keywords scores on them alone, one with only
preferred keywords on those. No keywords at all: no score, and a reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from resume_opt.ats.keywords import JobKeywords, has_keyword, index_text

REQUIRED_WEIGHT = 0.8
PREFERRED_WEIGHT = 0.2
NO_KEYWORDS = "no keywords found in the job description"


@dataclass(frozen=True, slots=True)
class ScoreResult:
    score: float | None
    matched: list[str]
    missing: list[str]
    reason: str | None


def score_resume(resume: str, keywords: JobKeywords) -> ScoreResult:
    """Score one resume against one job's keywords (deterministic, 0-100, 1 decimal)."""
    if not keywords.all:
        return ScoreResult(None, [], [], NO_KEYWORDS)
    index = index_text(resume)
    matched: list[str] = []
    missing: list[str] = []
    hits = {True: 0, False: 0}
    for kw in keywords.all:
        if has_keyword(index, resume, kw):
            matched.append(kw.text)
            hits[kw.required] += 1
        else:
            missing.append(kw.text)
    req, pref = len(keywords.required), len(keywords.preferred)
    if req and pref:
        value = REQUIRED_WEIGHT * hits[True] / req + PREFERRED_WEIGHT * hits[False] / pref
    elif req:
        value = hits[True] / req
    else:
        value = hits[False] / pref
    return ScoreResult(round(100 * value, 1), matched, missing, None)
