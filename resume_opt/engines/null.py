"""The `null` engine: proposes nothing, so the resume comes back unchanged.

For tests and benchmarks that measure the pipeline, not an engine. Its name says so.
Two environment variables serve tests and benchmarks that run it in subprocesses:
`NULL_ENGINE_LATENCY_MS=lo,hi` sleeps a uniform time per call, and
`NULL_ENGINE_CALL_LOG=FILE` appends one line per call (the resume's sha256), so a
test can count calls at the engine across processes.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time

from resume_opt.ats.proposal import Job, Proposal


class NullEngine:
    """Returns an empty proposal; optional sleep simulates latency (bench `latency`)."""

    name = "null"
    model = "none"
    prompt_version = "0"
    analyses = False

    def __init__(self, latency_ms: tuple[int, int] | None = None, seed: int | None = None) -> None:
        if latency_ms is None:
            env = os.environ.get("NULL_ENGINE_LATENCY_MS", "")
            lo, _, hi = env.partition(",")
            latency_ms = (int(lo or 0), int(hi or lo or 0))
        self._latency = latency_ms
        self._log = os.environ.get("NULL_ENGINE_CALL_LOG") or None
        # A gate for fault tests: calls after the first N wait until the release file exists,
        # so a test can act on a run that is provably still mid-way (no timing involved).
        self._hold_after = int(os.environ.get("NULL_ENGINE_HOLD_AFTER") or 0)
        self._release_file = os.environ.get("NULL_ENGINE_RELEASE_FILE") or ""
        self.calls = 0
        self._lock = threading.Lock()
        import random

        self._rng = random.Random(seed if seed is not None else os.getpid())

    def propose(self, resume: str, job: Job) -> Proposal:
        with self._lock:
            self.calls += 1
            number = self.calls
            lo, hi = self._latency
            delay = self._rng.uniform(lo, hi) / 1000 if hi else 0.0
        if self._log:
            line = hashlib.sha256(resume.encode("utf-8", "surrogatepass")).hexdigest()[:16] + "\n"
            fd = os.open(self._log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line.encode())  # one write with O_APPEND: atomic across processes
            finally:
                os.close(fd)
        if self._hold_after and number > self._hold_after:
            while not os.path.exists(self._release_file):
                time.sleep(0.01)
        if delay:
            time.sleep(delay)
        return Proposal(latency_ms=int(delay * 1000))

    def close(self) -> None:
        return None
