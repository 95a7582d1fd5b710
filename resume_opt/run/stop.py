"""One stop state for a run: why it stops, with which exit code, gracefully or at once.

Every way a run can end early (limit, runtime, budget, quota, a rejected key, an
unreachable API or database, a signal, a crash) goes through `StopState`, so the
reason and the exit code are decided in one place. The first reason wins, except
that a signal always decides the exit code (130/143), and a second signal makes the
stop hard: in-flight work is released instead of awaited.
"""

from __future__ import annotations

import threading

from resume_opt.errors import RunAbort

EXIT_SIGNAL = {"SIGINT": 130, "SIGTERM": 143}
EXIT_INTERNAL = 70  # DESIGN.md: internal error, work released, run recorded as crashed


class StopState:
    """Thread-safe: workers read it, the main thread and signal handlers set it."""

    def __init__(self) -> None:
        self.reason: str | None = None
        self.exit_code: int | None = None
        self.abort: RunAbort | None = None
        self.message: str | None = None
        self._signals = 0
        self._stopping = threading.Event()
        self._hard = threading.Event()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    @property
    def hard(self) -> bool:
        return self._hard.is_set()

    @property
    def interrupted(self) -> bool:
        """A second signal: the operator wants out now, not after calls still running."""
        return self._signals > 1

    def request(self, reason: str, exit_code: int | None = None) -> bool:
        """Stop claiming for `reason`; True when this call decided the reason (the first wins)."""
        if self._stopping.is_set():
            return False
        self.reason, self.exit_code = reason, exit_code
        self._stopping.set()
        return True

    def aborted(self, exc: RunAbort, reason: str | None = None, exit_code: int | None = None) -> bool:
        """A run-level failure (rejected key, spent quota, unreachable API): kept once, as the message."""
        if self.abort is not None:
            return False
        self.abort, self.message = exc, str(exc)
        self.request(reason or exc.kind, exc.exit_code if exit_code is None else exit_code)
        return True

    def signal(self, name: str) -> bool:
        """SIGINT/SIGTERM: the first stops gracefully (True), a second makes the stop hard."""
        self._signals += 1
        if self._signals > 1:
            self._hard.set()
            return False
        # A signal decides the exit code even when another stop was already under way.
        self.reason, self.exit_code = name, EXIT_SIGNAL.get(name, 130)
        self._stopping.set()
        return True

    def crashed(self, message: str) -> None:
        """An unexpected error in the run itself: stop at once, exit 70."""
        self.reason, self.exit_code, self.message = "crashed", EXIT_INTERNAL, message
        self._stopping.set()
        self._hard.set()

    def finish(self) -> None:
        """The run is over: background threads (heartbeat) may end."""
        self._stopping.set()

    def final(self, failed_or_retried: bool, default_reason: str) -> tuple[str, int]:
        """The run's stop_reason and exit code once it is over."""
        code = self.exit_code if self.exit_code is not None else (1 if failed_or_retried else 0)
        return self.reason or default_reason, code

    def wait(self, timeout: float) -> bool:
        """Sleep up to `timeout` or until a stop is requested; True when stopping."""
        return self._stopping.wait(timeout)
