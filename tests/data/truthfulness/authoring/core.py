"""How a case is written down: one call per case, grouped by the resume and job it uses.

Ids are the resume's id and a running number; the verdict follows from the category
(every `honest_*` category is an accept, every other one a reject).
"""

from __future__ import annotations

from typing import Any

CASES: list[dict[str, Any]] = []


class Group:
    """Cases that share one resume and one job."""

    def __init__(self, resume_id: str, job_id: str) -> None:
        self.resume_id = resume_id
        self.job_id = job_id

    def _add(self, category: str, note: str, body: dict[str, Any]) -> None:
        n = sum(1 for c in CASES if c["resume_id"] == self.resume_id) + 1
        CASES.append(
            {
                "id": f"{self.resume_id}-{n:03d}",
                "resume_id": self.resume_id,
                "job_id": self.job_id,
                **body,
                "verdict": "accept" if category.startswith("honest_") else "reject",
                "category": category,
                "note": note,
            }
        )

    def edit(self, category: str, original: str, revised: str, note: str, reason: str = "") -> None:
        """A proposed edit: `original` quoted from the resume, `revised` its replacement."""
        self._add(
            category,
            note,
            {"kind": "edit", "edit": {"original": original, "revised": revised, "reason": reason or _REASON}},
        )

    def summary(self, category: str, text: str, note: str, claims: list[str] | None = None) -> None:
        """A proposed professional summary (it replaces the resume's summary paragraph).

        `claims` (fabrications only) are the spans of `text` that fabricate: a guard that keeps
        part of a summary has let the fabrication through when any of them survives.
        """
        body: dict[str, Any] = {"kind": "summary", "summary": text}
        if claims:
            body["claims"] = list(claims)
        self._add(category, note, body)


_REASON = "Mirrors the job description's wording for this requirement"
