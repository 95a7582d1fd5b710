"""The values an engine proposes and the pipeline applies: the job, an edit, a proposal.

They live in `ats` (not `engines`) because `ats.tailor.finalize` applies and guards them
and every engine builds them: both sides import them from here, so `ats` never imports
`engines`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Job:
    """The job an item is tailored to."""

    title: str
    company: str
    description: str


@dataclass(frozen=True)
class Edit:
    """One proposed replacement: `original` must be verbatim in the resume."""

    original: str
    revised: str
    reason: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"original": self.original, "revised": self.revised, "reason": self.reason}


@dataclass
class Proposal:
    """What one engine call returns: the contract's object plus its accounting."""

    summary: str = ""
    edits: list[Edit] = field(default_factory=list)
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float = 0.0
    latency_ms: int = 0
    # Extra facts the engine wants kept in the result (e.g. suggestions, notes).
    extra: dict[str, Any] = field(default_factory=dict)
