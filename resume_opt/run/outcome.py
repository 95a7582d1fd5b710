"""What an item's attempt came to: a pure function from an exception (or none) to an outcome.

`classify` decides, without touching the queue, whether the item succeeded, failed for
good, goes back to `pending` to be retried later (charged an attempt, with backoff), or
is released uncharged — and whether the run itself must stop. The pipeline and batch
mode both act on its answer, and its tests need no database.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from resume_opt.errors import EngineError, ItemRejected, RunAbort


class Action(enum.Enum):
    SUCCEEDED = "succeeded"
    FAILED = "failed"  # final at once: the item itself is unusable
    RETRY_LATER = "retry_later"  # back to pending with backoff until max_attempts
    RELEASE = "release"  # back to pending uncharged: no fault of the item


@dataclass(frozen=True)
class Outcome:
    action: Action
    kind: str = ""
    message: str = ""
    # The run must stop: (stop_reason, exit code or None for the usual code).
    stop: tuple[str, int | None] | None = None
    # The stop is a run-level failure worth reporting as the run's message.
    abort: RunAbort | None = None
    # The API could not be reached at all; a streak of these ends the run.
    unreachable: bool = False

    @property
    def error(self) -> str:
        """The text kept in optimizations.error."""
        return f"{self.kind}: {self.message}"


SUCCEEDED = Outcome(Action.SUCCEEDED)
CANCELLED = Outcome(Action.RELEASE, "cancelled")


def classify(exc: BaseException | None) -> Outcome:
    """The outcome of one attempt that raised `exc` (None: it succeeded)."""
    if exc is None:
        return SUCCEEDED
    if isinstance(exc, RunAbort):
        if exc.kind == "deadline":  # the next request slot lies past --max-runtime: an ordinary end
            return Outcome(Action.RELEASE, exc.kind, str(exc), stop=("max_runtime", None))
        return Outcome(Action.RELEASE, exc.kind, str(exc), stop=(exc.kind, exc.exit_code), abort=exc)
    if isinstance(exc, ItemRejected):
        return Outcome(Action.FAILED, exc.kind, str(exc))
    if isinstance(exc, EngineError):
        if exc.kind == "connection":  # retries already spent: the API is down, not the item bad
            return Outcome(Action.RELEASE, exc.kind, str(exc), unreachable=True)
        return Outcome(Action.RETRY_LATER, exc.kind, str(exc))
    # A bug while processing one item: the item backs off and is tried again; its message
    # may quote resume text, so only the type is kept.
    return Outcome(Action.RETRY_LATER, "internal_error", f"{type(exc).__name__} while processing")


def backoff_s(attempts: int, base_s: float, max_s: float) -> float:
    """Seconds before a failed item may be claimed again, after its n-th attempt."""
    return float(min(max_s, base_s * 2 ** max(attempts - 1, 0)))
