"""The rate limiter: pacing, pauses, header feedback, learning, deadlines, and the shared
(database) scope against a real PostgreSQL.

Local tests run on a fake clock whose `sleep` advances time, so they are exact and
instant; the thread tests use short real waits; the database tests use the
project's per-test schema (`db_url`) and apply the limiter's own MIGRATION_SQL.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import psycopg
import pytest

from resume_opt.config import Settings
from resume_opt.engines.groq.headers import ProviderBudget, RateLimitHeaders, format_duration, parse_duration
from resume_opt.engines.groq.limiter import HEADROOM, RateLimiter, make_limiter
from resume_opt.errors import DatabaseError, ItemRejected, QuotaExhaustedError


class FakeClock:
    """time.monotonic + time.sleep for one thread: sleeping moves time forward."""

    def __init__(self, start: float = 1000.0) -> None:
        self.t = start

    def __call__(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.t += max(0.0, seconds)


def settings(rpm: int = 0, tpm: int = 0, rpd: int = 0, tpd: int = 0, scope: str = "process") -> Settings:
    s = Settings()
    rl = s.rate_limit
    rl.requests_per_minute, rl.tokens_per_minute, rl.requests_per_day, rl.tokens_per_day = rpm, tpm, rpd, tpd
    rl.scope = scope
    return s


def limiter(clock: FakeClock, deadline_in: float = 10_000.0, **limits: int) -> RateLimiter:
    return RateLimiter(settings(**limits), deadline=clock() + deadline_in, clock=clock, sleep=clock.sleep)


def grants(lim: RateLimiter, clock: FakeClock, n: int, tokens: int = 100) -> list[float]:
    times = []
    for _ in range(n):
        lim.acquire(tokens)
        times.append(clock())
    return times


def max_in_window(times: list[float], window: float = 60.0) -> int:
    return max(sum(1 for u in times if t - window < u <= t) for t in times)


# --- parsing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("940ms", 0.94),
        ("7.66s", 7.66),
        ("2m59.56s", 179.56),
        ("1h2m3s", 3723.0),
        ("6m0s", 360.0),
        ("0s", 0.0),
        ("12", 12.0),
        ("1.5", 1.5),
        ("250us", 0.00025),
    ],
)
def test_parse_duration_reads_go_durations_and_plain_seconds(text: str, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "soon", "5x", "m5s", None])
def test_parse_duration_rejects_what_it_cannot_read(text: str | None) -> None:
    assert parse_duration(text) is None


def test_format_duration_is_short_and_human() -> None:
    assert [format_duration(s) for s in (4.2, 95, 3 * 3600 + 5 * 60)] == ["4s", "1m35s", "3h05m"]


def test_headers_parse_case_insensitively() -> None:
    parsed = RateLimitHeaders.parse(
        {
            "X-RateLimit-Limit-Tokens": "6000",
            "x-ratelimit-remaining-tokens": "5400",
            "x-ratelimit-reset-tokens": "6s",
            "Retry-After": "2",
            "x-ratelimit-reset-requests": "2m59.56s",
        }
    )
    assert (parsed.limit_tokens, parsed.remaining_tokens, parsed.reset_tokens_s) == (6000, 5400, 6.0)
    assert (parsed.retry_after_s, parsed.reset_requests_s, parsed.limit_requests) == (2.0, 179.56, None)


# --- pacing ---------------------------------------------------------------------------


def test_requests_are_spaced_evenly_never_a_burst() -> None:
    clock = FakeClock()
    lim = limiter(clock, rpm=60)
    times = grants(lim, clock, 130)
    gaps = {round(b - a, 6) for a, b in zip(times, times[1:], strict=False)}
    assert gaps == {round(60 / (60 * (1 - HEADROOM)), 6)}
    assert max_in_window(times) <= 60
    assert max_in_window(times) >= 58  # busy: within the headroom of the limit


def test_tokens_pace_by_cost() -> None:
    clock = FakeClock()
    lim = limiter(clock, tpm=12000)
    times = grants(lim, clock, 3, tokens=3000)
    assert times[1] - times[0] == pytest.approx(3000 * 60 / (12000 * (1 - HEADROOM)))
    assert times[2] - times[1] == pytest.approx(times[1] - times[0])


def test_the_daily_budget_may_be_spent_at_once_then_stops_the_run_instead_of_sleeping() -> None:
    clock = FakeClock()
    lim = limiter(clock, deadline_in=10**9, rpd=5)  # no deadline in sight: still no sleeping
    assert grants(lim, clock, 5) == [clock()] * 5
    start = clock()
    with pytest.raises(QuotaExhaustedError) as info:
        lim.acquire(100)
    assert clock() == start  # not one second slept
    assert info.value.reset_in_s == pytest.approx(86400 / 5) and info.value.kind == "quota"
    assert str(info.value) == "requests per day for llama-3.3-70b-versatile spent; resets in 4h48m"


def test_a_short_wait_for_the_daily_budget_is_waited_out() -> None:
    clock = FakeClock()
    s = settings(rpd=86400 * 2)  # a day's request frees every 0.5 s
    s.rate_limit.quota_wait_s = 1
    lim = RateLimiter(s, deadline=clock() + 10**6, clock=clock, sleep=clock.sleep)
    lim.lanes["rpd"].tat = clock() + 86400  # the whole day's budget is spent
    lim.acquire(10)
    assert clock() > 1000.0


def test_a_spent_daily_limit_from_a_429_stops_every_later_request_at_once() -> None:
    clock = FakeClock()
    lim = limiter(clock, tpm=600000)
    lim.rate_limited("tpd", 100000)
    lim.day_spent("tpd", 5 * 3600 + 12 * 60)
    with pytest.raises(QuotaExhaustedError) as info:
        lim.acquire(100)
    assert str(info.value) == "tokens per day for llama-3.3-70b-versatile spent; resets in 5h12m"
    assert lim.snapshot()["limits"]["tpd"] == 100000


def test_nothing_configured_the_first_request_goes_at_once_and_the_rest_wait_for_its_answer() -> None:
    clock = FakeClock()
    lim = limiter(clock)
    lim.acquire(2000)
    assert clock() == 1000.0  # at once
    # A second request before the first answer waits for it (here: the probe's timeout).
    lim.acquire(2000)
    from resume_opt.engines.groq.limiter import PROBE_TIMEOUT_S

    assert clock() == pytest.approx(1000.0 + PROBE_TIMEOUT_S, abs=0.11)
    assert lim.snapshot()["probe_waits"] > 0


def test_the_answer_to_the_first_request_sets_the_pace() -> None:
    clock = FakeClock()
    lim = limiter(clock)
    lim.acquire(2000)
    lim.observe({"x-ratelimit-limit-tokens": "300000", "x-ratelimit-remaining-tokens": "298000"})
    times = grants(lim, clock, 4, tokens=3000)
    assert times[0] == 1000.0
    gaps = {round(b - a, 6) for a, b in zip(times, times[1:], strict=False)}
    assert gaps == {round(3000 * 60 / (300000 * (1 - HEADROOM)), 6)}


def test_a_configured_limit_is_a_cap_and_share_takes_a_fraction_of_the_providers() -> None:
    clock = FakeClock()
    s = settings(tpm=100000)
    s.rate_limit.share = 0.8
    lim = RateLimiter(s, deadline=clock() + 10_000, clock=clock, sleep=clock.sleep)
    assert lim.snapshot()["limits"]["tpm"] == 100000  # before the provider says anything: the cap
    lim.observe({"x-ratelimit-limit-tokens": "300000", "x-ratelimit-remaining-tokens": "300000"})
    assert lim.snapshot()["limits"]["tpm"] == 100000  # the cap is lower than 0.8 x 300000
    lim.observe({"x-ratelimit-limit-tokens": "60000", "x-ratelimit-remaining-tokens": "60000"})
    snap = lim.snapshot()
    assert snap["limits"]["tpm"] == 48000 and snap["provider_limits"]["tpm"] == 60000
    # A limit that rises (a new plan) is taken too: nothing "only lowers" any more.
    lim.rate_limited("rpm", 1000)
    lim.rate_limited("rpm", 2000)
    assert lim.snapshot()["limits"]["rpm"] == 1600


def test_cached_tokens_are_given_back_to_the_minute() -> None:
    clock = FakeClock()
    lim = limiter(clock, tpm=60000)
    lim.acquire(6000)
    lim.refund(3000)
    start = clock()
    lim.acquire(6000)
    # Without the refund the second request would wait 6000 tokens' worth; with it, 3000.
    assert clock() - start == pytest.approx(3000 * 60 / (60000 * (1 - HEADROOM)))
    assert lim.snapshot()["refunded_tokens"] == 3000


def test_a_request_over_the_token_limit_is_rejected_before_it_is_sent() -> None:
    clock = FakeClock()
    with pytest.raises(ItemRejected) as info:
        limiter(clock, tpm=1000).acquire(1500)
    assert info.value.kind == "too_large" and "1500" in str(info.value)


# --- feedback -------------------------------------------------------------------------


def test_a_pause_holds_the_next_request_and_past_the_deadline_it_refuses() -> None:
    clock = FakeClock()
    lim = limiter(clock, deadline_in=100, rpm=600)
    lim.acquire(10)
    lim.pause(7.5)
    start = clock()
    lim.acquire(10)
    assert clock() - start == pytest.approx(7.5)
    lim.pause(500)
    with pytest.raises(QuotaExhaustedError) as info:
        lim.acquire(10)
    assert "429" in str(info.value) and info.value.kind == "deadline"
    assert lim.snapshot()["pauses"] == 2


def test_pause_holds_every_thread() -> None:
    lim = RateLimiter(settings(rpm=6000), deadline=time.monotonic() + 60)
    lim.pause(0.3)
    until = lim.paused_until
    granted: list[float] = []
    lock = threading.Lock()

    def take() -> None:
        lim.acquire(10)
        with lock:
            granted.append(time.monotonic())

    threads = [threading.Thread(target=take) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(granted) == 6 and min(granted) >= until


def test_threads_share_one_pace() -> None:
    clock_times: list[float] = []

    class Recording(RateLimiter):
        def _grant(self, tokens: int, now: float, started: float, charge: bool = True) -> None:
            clock_times.append(now)
            super()._grant(tokens, now, started, charge)

    lim = Recording(settings(rpm=1200), deadline=time.monotonic() + 60)  # one per ~51 ms
    threads = [threading.Thread(target=lambda: [lim.acquire(10) for _ in range(4)]) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    times = sorted(clock_times)
    assert len(times) == 24
    step = 60 / (1200 * (1 - HEADROOM))
    # Never ahead of the schedule from the first grant (a late grant may be followed closely).
    assert all(t - times[0] >= i * step * 0.999 for i, t in enumerate(times))


def test_a_late_grant_keeps_the_schedule_instead_of_losing_the_delay() -> None:
    clock = FakeClock()
    lim = limiter(clock, rpm=60)
    step = 60 / (60 * (1 - HEADROOM))
    lim.acquire(1)
    clock.t += step + 0.2  # the next thread woke 0.2 s after its slot (a loaded host)
    lim.acquire(1)
    lim.acquire(1)
    assert clock() == pytest.approx(1000.0 + 2 * step)  # the third keeps the schedule
    clock.t += 30  # idle: the schedule restarts, no credit for the idle time
    start = clock()
    times = grants(lim, clock, 3)
    assert times == pytest.approx([start, start + step, start + 2 * step])


@pytest.mark.parametrize(
    ("first_reset", "expected_wait"),
    [
        ("30s", 0.25 + 1500 / 2000),  # resets = used / rate: a bucket, 1500 tokens come back at 2000/s
        ("58s", 30.0),  # resets unrelated to use: a sliding window, others' tokens come back at the reset
    ],
)
def test_headers_saying_the_organisation_has_less_left_tighten_the_budget(
    first_reset: str, expected_wait: float
) -> None:
    clock = FakeClock()
    lim = limiter(clock)  # limits learned from the headers
    lim.acquire(2000)
    lim.observe(
        {
            "x-ratelimit-limit-tokens": "120000",
            "x-ratelimit-remaining-tokens": "60000",
            "x-ratelimit-reset-tokens": first_reset,
        }
    )
    # Other jobs share the key: only 500 of 120000 tokens are left now.
    lim.observe(
        {"x-ratelimit-limit-tokens": "120000", "x-ratelimit-remaining-tokens": "500", "x-ratelimit-reset-tokens": "30s"}
    )
    start = clock()
    lim.acquire(2000)
    assert clock() - start == pytest.approx(expected_wait, abs=0.01)
    assert lim.snapshot()["tightened"] == 1


def test_header_limits_lower_than_configured_are_taken_and_zero_means_learn() -> None:
    clock = FakeClock()
    lim = limiter(clock, tpm=60000)
    lim.acquire(10)
    lim.observe(
        {
            "x-ratelimit-limit-tokens": "12000",
            "x-ratelimit-remaining-tokens": "11990",
            "x-ratelimit-limit-requests": "1000",
            "x-ratelimit-remaining-requests": "999",
        }
    )
    assert lim.snapshot()["limits"] == {"rpm": 0, "tpm": 12000, "rpd": 1000, "tpd": 0}
    lim.observe({"x-ratelimit-limit-tokens": "90000", "x-ratelimit-remaining-tokens": "89990"})
    assert lim.snapshot()["limits"]["tpm"] == 60000  # the provider's is higher: the cap holds
    lim.rate_limited("rpm", 30)
    lim.rate_limited("tpd", 500000)
    assert lim.snapshot()["limits"] == {"rpm": 30, "tpm": 60000, "rpd": 1000, "tpd": 500000}


def test_a_429_within_the_known_limit_means_a_shared_key_so_we_slow_down_then_recover() -> None:
    clock = FakeClock()
    lim = limiter(clock, rpm=60)
    lim.rate_limited("rpm", 60)  # same limit: someone else is using it
    share = lim.snapshot()["rpm_share"]
    assert share < 1.0
    for _ in range(5):
        lim.observe({})
    assert share < lim.snapshot()["rpm_share"] <= 1.0


def test_sliding_window_model_waits_for_our_oldest_grant_to_leave() -> None:
    budget = ProviderBudget(60.0, sliding=True)
    for t in (0.0, 10.0, 20.0):
        budget.charge(t, 4000)
    # After the third request the provider says 0 of 12000 left, fully back in 60 s.
    budget.observe(12000, 0, 60.0, sent_at=20.0, now=20.2)
    ready = budget.ready_at(4000, now=21.0)
    assert 60.0 <= ready < 61.0  # when the first grant (t=0) leaves the window, not a linear refill


# --- database scope ---------------------------------------------------------------------


@pytest.fixture
def pool(db_url: str) -> Any:
    from psycopg_pool import ConnectionPool

    from resume_opt.db.ratelimit import MIGRATION_SQL

    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute(MIGRATION_SQL)
    with ConnectionPool(db_url, min_size=1, max_size=4, open=True) as p:
        yield p


def costs(rpm_step: float = 0.0, rpd: int = 0, used: int = 1) -> dict[str, tuple[int, float, float]]:
    day_step = 86400 / rpd if rpd else 0.0
    return {
        "rpm": (1, rpm_step, 0.0),
        "tpm": (100, 0.0, 0.0),
        "rpd": (1, day_step, max(0, rpd - used) * day_step),
        "tpd": (100, 0.0, 0.0),
    }


def test_shared_lanes_give_every_process_the_next_slot(pool: Any) -> None:
    from resume_opt.db.ratelimit import SharedLanes

    host_a, host_b = SharedLanes(pool, "key-1", "m"), SharedLanes(pool, "key-1", "m")
    other_key = SharedLanes(pool, "key-2", "m")
    waits = [host_a.reserve(costs(1.0), 60), host_b.reserve(costs(1.0), 60), host_a.reserve(costs(1.0), 60)]
    assert waits[0] == pytest.approx(0.0, abs=0.05)
    assert waits[1] == pytest.approx(1.0, abs=0.1) and waits[2] == pytest.approx(2.0, abs=0.1)
    assert other_key.reserve(costs(1.0), 60) == pytest.approx(0.0, abs=0.05)
    # Too far: nothing is reserved, and the next caller still gets the slot after the last one.
    assert host_b.reserve(costs(1.0), max_wait_s=0.5) is None
    assert host_b.reserve(costs(1.0), 60) == pytest.approx(3.0, abs=0.1)


def test_shared_day_budget_and_pause(pool: Any) -> None:
    from resume_opt.db.ratelimit import SharedLanes, budget_snapshot

    a, b = SharedLanes(pool, "key-1", "m"), SharedLanes(pool, "key-1", "m")
    assert [a.reserve(costs(rpd=3), 60) for _ in range(3)] == pytest.approx([0, 0, 0], abs=0.05)
    assert b.reserve(costs(rpd=3), 60) is None
    assert b.wait_s(costs(rpd=3)) == pytest.approx(86400 / 3, rel=0.01)
    fresh = SharedLanes(pool, "key-9", "m")
    fresh.pause(5)
    assert SharedLanes(pool, "key-9", "m").reserve(costs(), 60) == pytest.approx(5.0, abs=0.2)
    fresh.record(vars(RateLimitHeaders(limit_tokens=6000, remaining_tokens=10)))
    with pool.connection() as conn:
        rows = {r["key_scope"]: r for r in budget_snapshot(conn)}
    assert rows["key-9"]["observed"] == {"limit_tokens": 6000, "remaining_tokens": 10}
    assert rows["key-9"]["paused_for_s"] > 0


def test_database_scoped_limiters_pace_together(pool: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GROQ_API_KEY", "gsk_shared")
    s = settings(rpm=1200, scope="database")
    limiters = [make_limiter(s, pool=pool, deadline=time.monotonic() + 60) for _ in range(2)]
    threads = [
        threading.Thread(target=lambda lim=lim: [lim.acquire(10) for _ in range(5)])
        for lim in limiters
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(lim.snapshot()["acquired"] for lim in limiters) == 20
    with pool.connection() as conn:
        (scope,) = conn.execute("select key_scope from rate_limit_state").fetchone()
    assert "gsk_shared" not in scope


def test_missing_table_is_a_database_error(db_url: str) -> None:
    from psycopg_pool import ConnectionPool

    from resume_opt.db.ratelimit import SharedLanes

    with ConnectionPool(db_url, min_size=1, max_size=2, open=True) as p, pytest.raises(DatabaseError) as info:
        SharedLanes(p, "key-1", "m")
    assert "rate_limit_state" in str(info.value)


def test_losing_the_shared_table_mid_run_is_a_transient_error(pool: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from resume_opt.errors import TransientEngineError

    monkeypatch.setenv("GROQ_API_KEY", "gsk_shared")
    lim = make_limiter(settings(rpm=600, scope="database"), pool=pool, deadline=time.monotonic() + 60)
    lim.acquire(10)
    with pool.connection() as conn:
        conn.execute("drop table rate_limit_state")
    lim.pause(0.01)  # logged, not raised: the pause still holds this process
    with pytest.raises(TransientEngineError) as info:
        lim.acquire(10)
    assert info.value.kind == "rate_limit_db" and "rate_limit_state" in str(info.value)


def test_database_scope_a_spent_daily_limit_stops_instead_of_sleeping(
    pool: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GROQ_API_KEY", "gsk_shared")
    s = settings(rpd=3, scope="database")
    host_a, host_b = (make_limiter(s, pool=pool, deadline=time.monotonic() + 10**6) for _ in range(2))
    for lim in (host_a, host_b, host_a):
        lim.acquire(10)
    started = time.monotonic()
    with pytest.raises(QuotaExhaustedError) as info:
        host_b.acquire(10)
    assert time.monotonic() - started < 5 and info.value.kind == "quota"
    assert str(info.value) in (
        f"requests per day for llama-3.3-70b-versatile spent; resets in {t}" for t in ("8h00m", "7h59m")
    )
