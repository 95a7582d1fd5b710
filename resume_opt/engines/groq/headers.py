"""What the provider says about its limits, and our model of its budget from that.

Groq answers every request with `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`
(the `-tokens` ones describe the minute's token budget, the `-requests` ones the
day's requests; resets are Go durations such as `940ms` or `2m59.56s`) and a 429
with `retry-after`. `ProviderBudget` turns the latest of those answers into "when
will a request of this cost fit", which the rate limiter (ratelimit.py) adds to its
own pacing: it is how other jobs sharing the organisation's key are noticed.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field

# Our grant reaches the provider a little later than we stamp it: a sliding window
# frees its slot that much later too.
ARRIVAL_JITTER_S = 0.25

_GO_PART = re.compile(r"(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|h|m|s)")
_GO_UNIT = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}


def parse_duration(text: str | None) -> float | None:
    """Seconds from a Go duration ("940ms", "7.66s", "2m59.56s") or a plain number."""
    if text is None:
        return None
    text = text.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    pos, total = 0, 0.0
    for match in _GO_PART.finditer(text):
        if match.start() != pos:
            return None
        total += float(match.group(1)) * _GO_UNIT[match.group(2)]
        pos = match.end()
    return total if pos == len(text) and pos else None


def format_duration(seconds: float) -> str:
    """A short human duration for operator messages: 45s, 12m30s, 3h05m."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def _int(headers: Mapping[str, str], name: str) -> int | None:
    value = headers.get(name)
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


@dataclass(frozen=True)
class RateLimitHeaders:
    """The `x-ratelimit-*` and `retry-after` headers of one answer, parsed."""

    limit_requests: int | None = None  # per day
    remaining_requests: int | None = None
    reset_requests_s: float | None = None
    limit_tokens: int | None = None  # per minute
    remaining_tokens: int | None = None
    reset_tokens_s: float | None = None
    retry_after_s: float | None = None

    @classmethod
    def parse(cls, headers: Mapping[str, str]) -> RateLimitHeaders:
        lower = {k.lower(): v for k, v in headers.items()}
        return cls(
            _int(lower, "x-ratelimit-limit-requests"),
            _int(lower, "x-ratelimit-remaining-requests"),
            parse_duration(lower.get("x-ratelimit-reset-requests")),
            _int(lower, "x-ratelimit-limit-tokens"),
            _int(lower, "x-ratelimit-remaining-tokens"),
            parse_duration(lower.get("x-ratelimit-reset-tokens")),
            parse_duration(lower.get("retry-after")),
        )


@dataclass
class ProviderBudget:
    """Our model of the provider's own budget for one header pair (tokens/min, requests/day).

    It holds the latest observation — `remaining` of `limit` just after the request
    we sent at `seen_at`, all of it back within `reset_s` — and our grants since.
    What comes back before the reset is modelled cautiously, as the lesser of a
    bucket refilled at limit/period and (minute budget) our own grants leaving a
    sliding 60 s window: right for either kind of provider, and at the start of a
    sliding window (when nothing has left it yet) it stops the request that would
    overfill it. Capacity other users free up is only counted at the reset.
    """

    period_s: float
    sliding: bool = False  # model a sliding window too (the minute's tokens)
    linear: bool = False  # the resets have shown a continuously refilled bucket
    limit: int = 0
    remaining: int = 0
    reset_s: float | None = None
    seen_at: float = float("-inf")
    reset_at: float = float("inf")
    grants: deque[tuple[float, int]] = field(default_factory=deque)

    def _after(self) -> int:
        return sum(c for t, c in self.grants if t > self.seen_at)

    def _own_expiring(self) -> list[tuple[float, int]]:
        """Our grants inside the window as observed, oldest first (they leave it in turn)."""
        return sorted(
            (t + self.period_s + ARRIVAL_JITTER_S, c)
            for t, c in self.grants
            if self.seen_at - self.period_s < t <= self.seen_at
        )

    def level_at(self, t: float) -> float:
        """Units we may still spend at `t` by this model."""
        used = self.limit - self.remaining
        dt = t - self.seen_at - ARRIVAL_JITTER_S
        if dt >= self.period_s or t >= self.reset_at:
            restored = float(used)
        else:
            restored = min(float(used), max(0.0, dt) * self._rate())
            if self.sliding and not self.linear:
                restored = min(restored, sum(c for leaves, c in self._own_expiring() if leaves <= t))
        return self.remaining + restored - self._after()

    def _rate(self) -> float:
        used = self.limit - self.remaining
        rate = self.limit / self.period_s
        if not self.sliding and self.reset_s and used > 0:
            rate = min(rate, used / self.reset_s)
        return rate

    def ready_at(self, cost: int, now: float) -> float:
        """When a request of `cost` fits by this model (`now` if it does already)."""
        if self.limit <= 0:
            return now
        need = min(cost, self.limit) + self._after() - self.remaining  # units that must come back
        if need <= 0:
            return now
        ready = self.seen_at + self.period_s  # by then the observation says nothing any more
        if need <= self.limit - self.remaining:
            ready = min(ready, self.reset_at)
            t_bucket = self.seen_at + ARRIVAL_JITTER_S + need / self._rate()
            t_window = t_bucket
            if self.sliding and not self.linear:
                back, t_window = 0, float("inf")
                for leaves, c in self._own_expiring():
                    back += c
                    if back >= need:
                        t_window = max(t_bucket, leaves)
                        break
            ready = min(ready, t_window)
        return max(now, ready)

    def refund(self, t: float, cost: int) -> None:
        """Our grant at `t` counted `cost` less than charged (cached prompt tokens)."""
        for i in range(len(self.grants) - 1, -1, -1):
            at, charged = self.grants[i]
            if at == t:
                self.grants[i] = (at, max(0, charged - cost))
                return

    def charge(self, t: float, cost: int) -> None:
        self.grants.append((t, cost))
        horizon = t - 2 * self.period_s if self.sliding else t - 600.0
        while self.grants and self.grants[0][0] < horizon:
            self.grants.popleft()

    def observe(self, limit: int, remaining: int, reset_s: float | None, sent_at: float, now: float) -> bool:
        """Take a newer observation; True when it leaves less to spend than we thought."""
        if sent_at < self.seen_at:
            return False  # an answer overtaken by a later request's answer
        before = self.level_at(now) if self.limit > 0 else None
        self.limit, self.remaining, self.reset_s, self.seen_at = limit, remaining, reset_s, sent_at
        used = limit - remaining
        if self.sliding and reset_s is not None and 0 < used < 0.9 * limit:
            # A bucket resets in exactly used/rate; a sliding window when its newest entry leaves.
            expected = used * self.period_s / limit
            self.linear = abs(reset_s - expected) <= max(0.5, 0.15 * expected)
        # The provider counted the reset from its own clock, at or after our send: from
        # our receipt of the answer is the safe side.
        self.reset_at = now + reset_s if reset_s is not None else float("inf")
        return before is not None and self.level_at(now) < before - 1
