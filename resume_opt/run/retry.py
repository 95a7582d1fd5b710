"""Our retry policy for engine calls (the SDK's own retries are off).

Transient errors back off exponentially with jitter up to `retry.max_attempts`;
unusable output is retried `retry.bad_output_attempts` times; a 429 is retried
after the wait the rate limiter already imposed on every thread (the engine calls
`limiter.pause` before raising), and does not use up an attempt on its own unless
it repeats without end. Item-level rejections and run aborts are not retried.
Waits are configuration: `retry.backoff_base_s: 0` turns them off in unit tests.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from tenacity import RetryCallState, Retrying, retry_if_exception_type

from resume_opt.config import RetrySettings
from resume_opt.errors import BadOutputError, RateLimitedError, TransientEngineError

T = TypeVar("T")

# 429s are paced by the limiter; this only bounds a server that never lets us in.
MAX_RATE_LIMITED = 50


@dataclass
class CallStats:
    """What happened across the attempts of one item (fed into the run report)."""

    calls: int = 0
    retries: int = 0
    rate_limited: int = 0
    errors: list[str] = field(default_factory=list)


def backoff_s(policy: RetrySettings, attempt: int, rng: random.Random | None = None) -> float:
    """Full-jitter exponential backoff for the n-th retry (1-based)."""
    if policy.backoff_base_s <= 0:
        return 0.0
    cap = min(policy.backoff_max_s, policy.backoff_base_s * (2 ** (attempt - 1)))
    return (rng or random).uniform(cap / 2, cap)


def call_with_retries(
    fn: Callable[[], T],
    policy: RetrySettings,
    stats: CallStats,
    should_stop: Callable[[], bool] = lambda: False,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run `fn` under the policy (tenacity); re-raise the last error when attempts run out."""
    # Long on purpose: tenacity's stop and wait callbacks share the per-kind counts below,
    # so they live together as closures over them.
    counts = {"transient": 0, "bad_output": 0, "rate_limited": 0}

    def count_call(_: RetryCallState) -> None:
        stats.calls += 1

    def stop(state: RetryCallState) -> bool:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, RateLimitedError):
            stats.rate_limited += 1
            counts["rate_limited"] += 1
            done = counts["rate_limited"] >= MAX_RATE_LIMITED
        elif isinstance(exc, BadOutputError):
            stats.errors.append(exc.kind)
            counts["bad_output"] += 1
            done = counts["bad_output"] >= policy.bad_output_attempts
        elif isinstance(exc, TransientEngineError):
            stats.errors.append(exc.kind)
            counts["transient"] += 1
            done = counts["transient"] >= policy.max_attempts
        else:
            return True
        if done or should_stop():
            return True
        stats.retries += 1
        return False

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, BadOutputError):
            return backoff_s(policy, counts["bad_output"])
        if isinstance(exc, TransientEngineError):
            return backoff_s(policy, counts["transient"])
        return 0.0  # 429: the limiter already holds every thread until the window allows

    retrying = Retrying(
        retry=retry_if_exception_type((RateLimitedError, BadOutputError, TransientEngineError)),
        stop=stop,
        wait=wait,
        before=count_call,
        sleep=sleep,
        reraise=True,
    )
    return retrying(fn)
