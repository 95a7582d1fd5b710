"""The Engine protocol and the values that cross it.

An engine *proposes*; it never applies. It answers the LLM contract of DESIGN.md: a
rewritten summary and a list of edits quoting the resume verbatim. The pipeline
hands every proposal to `ats.tailor.finalize`, the one code path that applies and
checks (guard) every engine's work and computes the scores.
"""

from __future__ import annotations

from typing import Protocol

from resume_opt.ats.proposal import Job, Proposal

__all__ = ["Engine"]


class Engine(Protocol):
    """An engine turns (resume, job) into a Proposal. Implementations are thread-safe.

    `name`, `model` and `prompt_version` go into `input_hash`: changing any of them
    makes earlier results stale for dedup.
    """

    name: str
    model: str
    prompt_version: str
    # False only for the `null` benchmark engine: its result is the resume unchanged, not analysed.
    analyses: bool

    def propose(self, resume: str, job: Job) -> Proposal:
        """Return a proposal or raise an `errors.EngineError` subclass."""
        ...

    def close(self) -> None:
        """Release connections; called once at the end of a run."""
        ...
