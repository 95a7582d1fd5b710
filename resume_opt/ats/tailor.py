"""`finalize`: the one code path that applies and checks every engine's proposal.

Engines only propose (a summary and verbatim-quoted edits). Here the summary and
then each edit, in order, pass the guard and are applied; rejected ones are kept
with the reason. The match score is computed before and after by our code, never
taken from an engine. Missing keywords become suggestions for the candidate and
are never written into the resume.

Quarantine comes first: the resume's lines that read as instructions to a model and
its keyword-stuffing runs (and a job posting's instruction lines) are taken out before
anything else reads the texts, so the guard's facts, both scores and the optimized
resume are those of the clean twin; the item keeps the flags and lists what was
withheld under `quarantined`.
"""

from __future__ import annotations

import logging
from typing import Any

from resume_opt.ats.guard import Guard, Rejection
from resume_opt.ats.injection import FLAG, STUFFING_FLAG, Quarantined, looks_like_injection, quarantine, quarantine_job
from resume_opt.ats.keywords import JobKeywords, has_skill, index_text, job_keywords
from resume_opt.ats.proposal import Edit, Job, Proposal
from resume_opt.ats.score import score_resume
from resume_opt.ats.sections import layout, render_heading, summary_insert_at, summary_span

log = logging.getLogger(__name__)
SUMMARY_REASON = "professional summary written for this job"
MAX_SUGGESTIONS = 20
MAX_SUGGESTION_CHARS = 200


def finalize(resume: str, job: Job, proposal: Proposal) -> dict[str, Any]:
    """Apply the proposal's guarded summary and edits; score before and after.

    Returns a JSON-serialisable dict: optimized_resume, summary, edits_applied,
    edits_rejected, matched_keywords, missing_keywords, suggestions, flags,
    score_before, score_after, score_reason, keywords, quarantined.
    """
    withheld = quarantine(resume)
    flags = _flags(resume, job, withheld)
    # From here on everything reads the clean texts, as every engine did.
    resume = withheld.clean_text
    job = quarantine_job(job)
    keywords = job_keywords(job.description, job.title, job.company)
    # Scored first: the score's scan of the resume is the one the guard's whole-resume facts reuse.
    before = score_resume(resume, keywords)
    guard = Guard(resume, job.description)
    applied: list[dict[str, str]] = []
    rejected: list[dict[str, Any]] = []
    text, summary = _apply_summary(resume, proposal.summary, guard, applied, rejected)
    text = _apply_edits(text, proposal.edits, guard, applied, rejected)
    after = score_resume(text, keywords)
    return {
        "optimized_resume": text,
        "summary": summary,
        "edits_applied": applied,
        "edits_rejected": rejected,
        "matched_keywords": after.matched,
        "missing_keywords": after.missing,
        "suggestions": suggestions(keywords, after.missing, proposal.extra.get("suggestions"), text),
        "flags": flags,
        "score_before": before.score,
        "score_after": after.score,
        "score_reason": after.reason,
        "keywords": keywords.as_dict(),
        "quarantined": [{"text": s.text, "reason": s.reason} for s in withheld.spans],
    }


def _apply_edits(
    text: str, edits: list[Edit], guard: Guard, applied: list[dict[str, str]], rejected: list[dict[str, Any]]
) -> str:
    """Apply each edit the guard allows, in order; each refused one is kept with its reason."""
    for edit in edits:
        record = edit.as_dict()
        why = _review(guard, edit.original, edit.revised)
        if why is None and edit.original not in text:
            why = Rejection("conflict", (), "original text no longer present after earlier edits")
        if why is not None:
            rejected.append({**record, **why.as_dict()})
            continue
        text = text.replace(edit.original, edit.revised, 1)
        applied.append(record)
    return text


def _review(guard: Guard, original: str, revised: str) -> Rejection | None:
    """The guard's verdict; a guard that fails on an edit rejects it (never the whole item).

    When the guard cannot decide it rejects and says why: a bug in one rule costs one
    edit, logged by type only (the message could quote the resume)."""
    try:
        return guard.review(original, revised)
    except Exception as exc:  # noqa: BLE001 - turned into a rejection with its reason, and logged
        log.warning("guard error (%s) on one edit: rejected", type(exc).__name__)
        return Rejection("guard_error", (), f"the guard could not check this edit ({type(exc).__name__}); rejected")


def _flags(resume: str, job: Job, withheld: Quarantined) -> list[str]:
    """The item's flags, read on the texts as they came (before quarantine)."""
    flags = [FLAG] if looks_like_injection(resume, job.title, job.description) else []
    return flags + [STUFFING_FLAG] if STUFFING_FLAG in withheld.flags else flags


def _apply_summary(
    resume: str, summary: str, guard: Guard, applied: list[dict[str, str]], rejected: list[dict[str, Any]]
) -> tuple[str, str]:
    """Replace the summary paragraph (or insert a Summary section) with the sentences the
    guard allows; each sentence it refuses is dropped on its own and kept with the reason."""
    new = summary.strip()
    if not new:
        return resume, ""
    span = summary_span(resume)
    original = resume[span[0] : span[1]] if span else ""
    if new == original:
        return resume, ""  # nothing to apply
    record = {"original": original, "revised": new, "reason": SUMMARY_REASON}
    try:
        kept, dropped = guard.review_summary(original, new, insertion=span is None)
    except Exception as exc:  # noqa: BLE001 - as in _review: the summary is rejected, not the item
        log.warning("guard error (%s) on the summary: rejected", type(exc).__name__)
        kept, dropped = (
            "",
            [Rejection("guard_error", (), f"the guard could not check the summary ({type(exc).__name__})")],
        )
    rejected += [{**record, **why.as_dict()} for why in dropped]
    if not kept or kept == original:
        return resume, ""
    new = kept
    record["revised"] = new
    applied.append(record)
    if span is not None:
        return resume[: span[0]] + new + resume[span[1] :], new
    at = summary_insert_at(resume)
    heading = render_heading("Summary", layout(resume).heading_style)
    blank = "\n" if at == 0 or resume[:at].endswith("\n\n") else ""  # keep the resume's spacing
    return f"{resume[:at]}{heading}\n{new}\n{blank}{resume[at:]}", new


def suggestions(keywords: JobKeywords, missing: list[str], extra: Any = None, resume: str = "") -> list[str]:
    """Short notes for the candidate: what the job asks for that the resume does not show
    in the job's words, then any the engine offered (never written into the resume)."""
    by_text = {k.text: k for k in keywords.all}
    index = index_text(resume)
    out: list[str] = []
    for m in missing:
        kw = by_text.get(m)
        level = "required" if kw is not None and kw.required else "preferred"
        if kw is not None and kw.entry is not None and has_skill(index, resume, kw):
            out.append(f"{m}: {level} by the job; your resume words this differently, consider the job's term")
        else:
            out.append(f"{m}: {level} by the job and not in the resume; add it only if you have this experience")
    if isinstance(extra, list):
        out += [s.strip()[:MAX_SUGGESTION_CHARS] for s in extra if isinstance(s, str) and s.strip()]
    seen: list[str] = []
    for s in out:
        if s not in seen:
            seen.append(s)
    return seen[:MAX_SUGGESTIONS]
