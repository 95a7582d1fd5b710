"""The Engine protocol and the values that cross it.

An engine *proposes*; it never applies. It answers the LLM contract of DESIGN.md: a
rewritten summary and a list of edits quoting the resume verbatim. The pipeline
hands every proposal to `ats.tailor.finalize`, the one code path that applies and
checks (guard) every engine's work and computes the scores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


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


class Engine(Protocol):
    """An engine turns (resume, job) into a Proposal. Implementations are thread-safe.

    `name`, `model` and `prompt_version` go into `input_hash`: changing any of them
    makes earlier results stale for dedup.
    """

    name: str
    model: str
    prompt_version: str

    def propose(self, resume: str, job: Job) -> Proposal:
        """Return a proposal or raise an `errors.EngineError` subclass."""
        ...

    def close(self) -> None:
        """Release connections; called once at the end of a run."""
        ...
