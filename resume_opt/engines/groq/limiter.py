"""Request and token budgets shared by every thread (and, with scope `database`, process).

Groq limits an organisation per model: requests and tokens per minute and per day.
A request costs its prompt tokens plus its `max_tokens`. The limiter paces requests
evenly (GCRA: one "theoretical arrival time" per lane) instead of bursting a
minute's worth at once, which keeps a sliding-window provider and a continuously
refilled one both busy without 429s:

- per-minute lanes space requests `60 / (limit * (1 - HEADROOM))` seconds apart
  (tokens: that per token), so no 60 s window ever holds more than the limit;
- per-day lanes are buckets that may be drawn down at once (a nightly batch wants
  its daily budget now, not spread over 24 h);
- `observe(headers)` keeps a model of the provider's own token (minute) and request
  (day) budgets from `x-ratelimit-*`; when the organisation has less left than our
  pacing assumes (other jobs share the key) the next request waits until it fits;
- `pause(s)` after a 429 holds every thread, not just the one that got it;
- limits are learned: tokens/minute and requests/day from the headers,
  requests/minute and tokens/day from the 429 message ("Limit N"); a configured
  limit is a cap the operator chose (the lesser wins), and `rate_limit.share` uses
  that fraction of what the provider announces. While nothing is known yet, the
  first request goes at once and the others wait for its answer (at most
  PROBE_TIMEOUT_S), so a burst never precedes what the headers teach.
- cached prompt tokens (prompt caching) do not count against the provider's limits:
  `refund` gives them back to the minute's and the day's tokens.

`acquire` raises QuotaExhaustedError instead of waiting past the run's deadline, and
instead of waiting more than `rate_limit.quota_wait_s` for a daily limit: a spent
daily quota ends the run (exit 3, "tokens per day for MODEL spent; resets in 5h12m"),
it never makes it sleep.
The database scope keeps the lanes' arrival times in PostgreSQL (db/ratelimit.py)
with the database's clock, so every process on every host draws on one budget.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from resume_opt.engines.groq.headers import (
    ProviderBudget,
    RateLimitHeaders,
    format_duration,
)
from resume_opt.errors import DatabaseError, ItemRejected, QuotaExhaustedError, TransientEngineError

if TYPE_CHECKING:
    from resume_opt.config import Settings

log = logging.getLogger(__name__)

# Pace 2% under the limit: absorbs clock jitter between our grant and the provider's
# admission (a sliding window counts arrivals, not our grants) at a 2% cost.
HEADROOM = 0.02
# A grant up to this late keeps the lane's schedule (at most this much of a minute's
# budget comes early: 0.8%, inside HEADROOM).
CATCH_UP_S = 0.5
# Threads re-check the budget at least this often while they wait (limits change).
MAX_SLEEP_STEP_S = 1.0
# A 429 on requests/minute without a lower limit in its message means someone else
# shares the key: slow down by this factor, win it back slowly on each success.
SHARE_DECREASE = 0.85
SHARE_INCREASE = 0.01
MIN_SHARE = 0.2
# With no limit known yet, the first request's answer teaches them; the others wait
# for it this long at most (its answer may never come: a timeout, a lost connection).
PROBE_TIMEOUT_S = 10.0

LANES = ("rpm", "tpm", "rpd", "tpd")
_PERIOD = {"rpm": 60.0, "tpm": 60.0, "rpd": 86400.0, "tpd": 86400.0}
_LABEL = {"rpm": "requests per minute", "tpm": "tokens per minute", "rpd": "requests per day", "tpd": "tokens per day"}


# --- the pieces of the budget -------------------------------------------------------


@dataclass
class Lane:
    """One GCRA lane: `limit` units per `period_s`; spacing lanes never burst."""

    name: str
    cap: int = 0  # configured by the operator; 0: none
    provider: int = 0  # announced by the provider (headers, 429 bodies); 0: unknown
    fraction: float = 1.0  # rate_limit.share: the part of the provider's limit that is ours
    share: float = 1.0  # < 1 after 429s that say the key is shared
    tat: float = float("-inf")  # theoretical arrival time of the next unit

    @property
    def limit(self) -> int:
        """The limit we pace at: the provider's (our fraction of it), capped; 0 when unknown."""
        learned = int(self.provider * self.fraction) if self.provider > 0 else 0
        if self.cap > 0 and learned > 0:
            return min(self.cap, learned)
        return self.cap or learned

    @property
    def burst(self) -> bool:
        return self.name in ("rpd", "tpd")

    def step_s(self) -> float:
        """Seconds one unit occupies; 0 when the lane is off."""
        if self.limit <= 0:
            return 0.0
        if self.burst:
            return _PERIOD[self.name] / self.limit
        return _PERIOD[self.name] / (self.limit * (1 - HEADROOM) * self.share)

    def slack_s(self, cost: int) -> float:
        """How far ahead of `tat` a request of `cost` units may go (the bucket's depth)."""
        return max(0, self.limit - cost) * self.step_s() if self.burst else 0.0

    def learn(self, limit: int) -> bool:
        """Take the limit the provider announces (it may rise, e.g. a new plan); True if new."""
        if limit > 0 and limit != self.provider:
            self.provider = limit
            return True
        return False

    def refund(self, cost: int, now: float) -> None:
        """Give back `cost` units granted earlier: at most CATCH_UP_S into the past, like a late
        grant (an idle lane's time is not saved up)."""
        if self.limit > 0 and not self.burst and self.tat > now - CATCH_UP_S:
            self.tat = max(now - CATCH_UP_S, self.tat - cost * self.step_s())
        elif self.limit > 0 and self.burst:
            self.tat -= cost * self.step_s()


@dataclass
class LimiterCounters:
    """What the limiter did during a run (for the report and the bench)."""

    acquired: int = 0
    waited_s: float = 0.0
    pauses: int = 0
    paused_s: float = 0.0
    rate_limited: int = 0
    observed: int = 0
    tightened: int = 0
    probe_waits: int = 0
    refunded_tokens: int = 0


class RateLimiter:
    """The run's request/token budget; thread-safe. See the module docstring."""

    def __init__(
        self,
        settings: Settings,
        deadline: float,
        shared: Any = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        rl = settings.rate_limit
        self.model = settings.groq.model
        self.deadline = deadline
        self.quota_wait_s = float(rl.quota_wait_s)
        self.lanes = {name: Lane(name, fraction=float(rl.share)) for name in LANES}
        for name, limit in zip(
            LANES, (rl.requests_per_minute, rl.tokens_per_minute, rl.requests_per_day, rl.tokens_per_day), strict=True
        ):
            self.lanes[name].cap = int(limit)
        # A daily limit the provider said is spent (a 429 on RPD/TPD): until when, per lane.
        self.spent_until = {"rpd": float("-inf"), "tpd": float("-inf")}
        # The first request while nothing is known: when it went (None: none out).
        self._probe_at: float | None = None
        self._answered = False
        self.tokens_budget = ProviderBudget(60.0, sliding=True)
        self.requests_budget = ProviderBudget(86400.0)
        self.counters = LimiterCounters()
        self.paused_until = float("-inf")
        self._pause_epoch = 0
        self._shared = shared  # db-backed lanes (SharedLanes) or None
        self._clock, self._sleep = clock, sleep
        self._lock = threading.Lock()
        self._local = threading.local()

    # -- acquire -----------------------------------------------------------------

    def acquire(self, tokens: int) -> None:
        """Block until a request costing `tokens` (prompt estimate + max_tokens) may go."""
        # Long on purpose: admission is one critical section (check, reserve, or compute the
        # wait and decide between waiting and stopping for a spent daily limit) under one lock.
        tpm = self.lanes["tpm"].provider or self.lanes["tpm"].cap
        if tpm > 0 and tokens > tpm:
            raise ItemRejected(
                f"request of ~{tokens} tokens is over the model's limit of {tpm} "
                "tokens per minute; it can never be sent",
                kind="too_large",
            )
        started = self._clock()
        while True:
            with self._lock:
                now = self._clock()
                ready, why = self._ready_at(tokens, now, with_lanes=self._shared is None)
                if ready <= now and self._probing(now):
                    ready, why = now + MAX_SLEEP_STEP_S / 10, ""
                    self.counters.probe_waits += 1
                elif ready <= now and self._shared is None:
                    self._grant(tokens, now, started)
                    return
                epoch = self._pause_epoch
            if "per day" in why and ready - now > self.quota_wait_s:
                raise self.quota_error(why, ready - now)
            if ready > self.deadline:
                raise self._exhausted(ready - now, why)
            if ready > now:
                self._sleep(min(ready - now, MAX_SLEEP_STEP_S))
                continue
            # database scope: reserve a slot on the shared lanes, sleep until it comes.
            try:
                # A known daily lane may make the shared slot hours away: never sleep for it.
                daily = [_LABEL[n] for n in ("tpd", "rpd") if self.lanes[n].limit > 0]
                max_wait = self.deadline - now
                if daily:
                    max_wait = min(max_wait, self.quota_wait_s + _PERIOD["tpm"])
                wait = self._shared.reserve(self._costs(tokens), max_wait_s=max_wait)
                if wait is None:
                    wait_s = self._shared.wait_s(self._costs(tokens))
                    if daily and wait_s > self.quota_wait_s + _PERIOD["tpm"]:
                        raise self.quota_error(" or ".join(daily), wait_s)
                    raise self._exhausted(wait_s, "the shared rate limit")
            except DatabaseError as exc:
                # Retried like any transient failure; the pipeline notices a lasting outage itself.
                raise TransientEngineError(str(exc), kind="rate_limit_db") from None
            with self._lock:
                slot = now + wait
                self.tokens_budget.charge(slot, tokens)
                self.requests_budget.charge(slot, 1)
                if self._probe_at is None and not self._answered:
                    self._probe_at = slot
            if wait > 0:
                self._sleep(wait)
            with self._lock:
                if self._pause_epoch == epoch:  # a 429 meanwhile: take a fresh slot after it
                    self._grant(tokens, self._clock(), started, charge=False)
                    return

    def _probing(self, now: float) -> bool:
        """True while the first request is out and nothing is known: wait for its answer."""
        if self._answered or any(lane.limit > 0 for lane in self.lanes.values()):
            return False
        return self._probe_at is not None and now < self._probe_at + PROBE_TIMEOUT_S

    def _costs(self, tokens: int) -> dict[str, tuple[int, float, float]]:
        """Per lane: (cost, seconds per unit, slack seconds) for the shared store."""
        out = {}
        for name, lane in self.lanes.items():
            cost = 1 if name in ("rpm", "rpd") else tokens
            out[name] = (cost, lane.step_s(), lane.slack_s(cost))
        return out

    def _ready_at(self, tokens: int, now: float, with_lanes: bool) -> tuple[float, str]:
        """The earliest time a request may go and what binds it (for messages)."""
        candidates = [
            (now, ""),
            (self.paused_until, "a 429 pause"),
            (self.tokens_budget.ready_at(tokens, now), "the provider's tokens per minute"),
            (self.requests_budget.ready_at(1, now), "requests per day"),
            (self.spent_until["rpd"], "requests per day"),
            (self.spent_until["tpd"], "tokens per day"),
        ]
        if with_lanes:
            for name, lane in self.lanes.items():
                if lane.limit > 0:
                    cost = 1 if name in ("rpm", "rpd") else tokens
                    candidates.append((lane.tat - lane.slack_s(cost), _LABEL[name]))
        return max(candidates, key=lambda c: c[0])

    def _grant(self, tokens: int, now: float, started: float, charge: bool = True) -> None:
        if self._shared is None:
            for name, lane in self.lanes.items():
                cost = 1 if name in ("rpm", "rpd") else tokens
                # A grant a little late (a thread woke after its slot: a loaded host) keeps the
                # schedule instead of losing the delay on every grant; an idle lane restarts.
                late = 0.0 <= now - lane.tat <= CATCH_UP_S and not lane.burst
                lane.tat = (lane.tat if late else max(lane.tat, now)) + cost * lane.step_s()
        if charge:
            self.tokens_budget.charge(now, tokens)
            self.requests_budget.charge(now, 1)
        if self._probe_at is None and not self._answered:
            self._probe_at = now
        waited = now - started
        self.counters.acquired += 1
        self.counters.waited_s += waited
        self._local.sent_at = now

    def quota_error(self, what: str, wait_s: float) -> QuotaExhaustedError:
        """A spent daily limit: the run stops (exit 3) and says when the quota comes back."""
        return QuotaExhaustedError(f"{what} for {self.model} spent; resets in {format_duration(wait_s)}", wait_s)

    def _exhausted(self, wait_s: float, why: str) -> QuotaExhaustedError:
        left = max(0.0, self.deadline - self._clock())
        err = QuotaExhaustedError(
            f"rate limit: {why} frees up in {format_duration(wait_s)}, after the run's deadline "
            f"(in {format_duration(left)})",
            reset_in_s=wait_s,
        )
        if "per day" not in why:
            # Not a spent daily quota: only the run's own deadline is near (pacing, a 429 pause).
            err.kind = "deadline"
        return err

    # -- feedback from the provider ---------------------------------------------------

    def observe(self, headers: Mapping[str, str]) -> None:
        """Take the `x-ratelimit-*` headers of an answer (any status) into the budget."""
        parsed = RateLimitHeaders.parse(headers)
        with self._lock:
            now = self._clock()
            sent_at = getattr(self._local, "sent_at", now)
            self.counters.observed += 1
            self._answered = True
            tighter = False
            if parsed.limit_tokens and parsed.remaining_tokens is not None:
                self.lanes["tpm"].learn(parsed.limit_tokens)
                tighter |= self.tokens_budget.observe(
                    parsed.limit_tokens, parsed.remaining_tokens, parsed.reset_tokens_s, sent_at, now
                )
            if parsed.limit_requests and parsed.remaining_requests is not None:
                self.lanes["rpd"].learn(parsed.limit_requests)
                tighter |= self.requests_budget.observe(
                    parsed.limit_requests, parsed.remaining_requests, parsed.reset_requests_s, sent_at, now
                )
            self.counters.tightened += int(tighter)
            rpm = self.lanes["rpm"]
            if rpm.share < 1.0 and parsed.retry_after_s is None:
                rpm.share = min(1.0, rpm.share + SHARE_INCREASE)
        if self._shared is not None:
            try:
                self._shared.record(vars(parsed))
            except DatabaseError as exc:  # only for `stats`: never fail a call over it
                log.debug("%s", exc)

    def answered(self) -> None:
        """A request ended without an answer to learn from (timeout, lost connection)."""
        with self._lock:
            self._answered = True

    def refund(self, tokens: int) -> None:
        """`tokens` of this thread's last request did not count (cached prompt tokens)."""
        if tokens <= 0:
            return
        with self._lock:
            now = self._clock()
            self.counters.refunded_tokens += tokens
            if self._shared is None:
                for name in ("tpm", "tpd"):
                    self.lanes[name].refund(tokens, now)
            self.tokens_budget.refund(getattr(self._local, "sent_at", now), tokens)

    def day_spent(self, lane: str, wait_s: float) -> None:
        """The provider said a daily limit is spent for `wait_s`: no thread asks before then."""
        with self._lock:
            if lane in self.spent_until:
                self.spent_until[lane] = max(self.spent_until[lane], self._clock() + wait_s)

    def rate_limited(self, lane: str | None, limit: int | None) -> None:
        """A 429 named `lane` ("rpm", "tpm", "rpd", "tpd") and maybe its limit: learn from it."""
        with self._lock:
            self.counters.rate_limited += 1
            if lane in self.lanes:
                paced_at = self.lanes[lane].limit
                self.lanes[lane].learn(limit or 0)
                if lane == "rpm" and paced_at > 0 and (not limit or limit >= paced_at):
                    # Our pacing was within the limit yet the provider said no: the key is shared.
                    self.lanes["rpm"].share = max(MIN_SHARE, self.lanes["rpm"].share * SHARE_DECREASE)

    def pause(self, seconds: float) -> None:
        """Hold every thread (and, database scope, every process) for `seconds`."""
        seconds = max(0.0, float(seconds))
        with self._lock:
            until = self._clock() + seconds
            if until > self.paused_until:
                self.counters.paused_s += until - max(self.paused_until, self._clock())
                self.paused_until = until
            self.counters.pauses += 1
            self._pause_epoch += 1
        if self._shared is not None:
            try:
                self._shared.pause(seconds)
            except DatabaseError as exc:  # this process still pauses; the others will see 429s
                log.warning("%s; the pause holds this process only", exc)

    def seconds_left(self) -> float:
        """Seconds until the run's deadline (on the limiter's clock)."""
        return self.deadline - self._clock()

    def snapshot(self) -> dict[str, Any]:
        """Counters and learned limits, for the run report and the bench."""
        with self._lock:
            out: dict[str, Any] = dict(vars(self.counters))
            out["limits"] = {name: lane.limit for name, lane in self.lanes.items()}
            out["provider_limits"] = {name: lane.provider for name, lane in self.lanes.items()}
            out["rpm_share"] = round(self.lanes["rpm"].share, 3)
            return out


def key_scope(settings: Settings) -> str:
    """Who shares a budget: one organisation's key at one endpoint, hashed (never the key)."""
    endpoint = settings.secrets.groq_base_url or "https://api.groq.com"
    material = f"{endpoint}\0{settings.secrets.groq_api_key}"
    return "key-" + hashlib.sha256(material.encode()).hexdigest()[:16]


def make_limiter(settings: Settings, pool: Any = None, *, deadline: float) -> RateLimiter:
    """The limiter for a run: process scope, or database scope through `pool` (psycopg_pool)."""
    shared = None
    if settings.rate_limit.scope == "database":
        if pool is None:
            from resume_opt.errors import ConfigError

            raise ConfigError("rate_limit.scope: database needs a database connection pool")
        from resume_opt.db.ratelimit import SharedLanes

        shared = SharedLanes(pool, key_scope(settings), settings.groq.model)
    return RateLimiter(settings, deadline=deadline, shared=shared)
