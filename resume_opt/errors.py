"""The small exception tree; the CLI maps it to exit codes in one place (cli.main).

Every message is one line meant for an operator: it names the problem and never
carries a secret (DSN password, API key) or resume text.
"""

from __future__ import annotations


class ResumeOptError(Exception):
    """Base of every error the tool raises on purpose; `exit_code` is the CLI's."""

    exit_code = 1


class ConfigError(ResumeOptError):
    """A setting or a command-line value is wrong (exit 2)."""

    exit_code = 2


class InputError(ResumeOptError):
    """An input file cannot be used at all (exit 2); bad lines are reported, not raised."""

    exit_code = 2


class DatabaseError(ResumeOptError):
    """The database cannot be reached or answered with an error (exit 3)."""

    exit_code = 3


class NotFoundError(ResumeOptError):
    """A record asked for by id does not exist (exit 1)."""

    exit_code = 1


# --- engine errors: how the pipeline treats one engine call ---------------------


class EngineError(ResumeOptError):
    """An engine could not produce a result for one item.

    `kind` is the short error class stored in `optimizations.error_kind` and counted
    in the run report's `errors`.
    """

    kind = "engine_error"


class ItemRejected(EngineError):
    """The item itself is unusable (empty resume, too large, 413): fail, never retry."""

    kind = "bad_input"

    def __init__(self, message: str, kind: str | None = None) -> None:
        super().__init__(message)
        if kind:
            self.kind = kind


class TransientEngineError(EngineError):
    """5xx, 498, timeouts, connection errors: retry with exponential backoff and jitter."""

    kind = "transient"

    def __init__(self, message: str, kind: str | None = None) -> None:
        super().__init__(message)
        if kind:
            self.kind = kind


class BadOutputError(EngineError):
    """The engine answered something unusable (invalid/truncated JSON): bounded retries."""

    kind = "bad_output"

    def __init__(self, message: str, kind: str | None = None) -> None:
        super().__init__(message)
        if kind:
            self.kind = kind


class RateLimitedError(EngineError):
    """429: wait `retry_after_s` (every thread pauses), then try again."""

    kind = "rate_limited"

    def __init__(self, message: str, retry_after_s: float) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class RunAbort(EngineError):
    """The whole run must stop: claimed items go back to pending, none marked failed."""

    kind = "abort"
    exit_code = 3


class EngineAuthError(RunAbort):
    """401/403: the API key was rejected (exit 3)."""

    kind = "auth"


class QuotaExhaustedError(RunAbort):
    """The daily budget is spent and the wait would outlast the run (exit 3)."""

    kind = "quota"  # also the run's stop_reason

    def __init__(self, message: str, reset_in_s: float) -> None:
        super().__init__(message)
        self.reset_in_s = reset_in_s
