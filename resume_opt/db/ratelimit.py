"""The shared rate limiter's SQL (rate_limit.scope: database).

One row per (key scope, model) holds the GCRA "theoretical arrival time" of each
lane (requests and tokens, per minute and per day) and the end of the latest 429
pause. Each `acquire` reserves its slot in one short statement — lock the row,
compute the slot with the database's `clock_timestamp()` (the one clock every host
shares), advance the lanes — and returns how long to sleep until the slot. The
pacing arithmetic (seconds per unit, bucket slack) comes from the caller, so this
module only stores and compares times.

`MIGRATION_SQL` is the DDL; the lead registers it as migration m003_rate_limit.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.types.json import Jsonb

from resume_opt.errors import DatabaseError

if TYPE_CHECKING:
    from psycopg_pool import ConnectionPool


MIGRATION_SQL = """
CREATE TABLE IF NOT EXISTS rate_limit_state (
    key_scope    text        NOT NULL,
    model        text        NOT NULL,
    -- 'epoch' means "long ago" (not -infinity: PostgreSQL >= 17 refuses infinite arithmetic)
    rpm_tat      timestamptz NOT NULL DEFAULT 'epoch',
    tpm_tat      timestamptz NOT NULL DEFAULT 'epoch',
    rpd_tat      timestamptz NOT NULL DEFAULT 'epoch',
    tpd_tat      timestamptz NOT NULL DEFAULT 'epoch',
    paused_until timestamptz NOT NULL DEFAULT 'epoch',
    observed     jsonb,
    observed_at  timestamptz,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (key_scope, model)
);
COMMENT ON TABLE rate_limit_state IS
    'Shared Groq rate limit: GCRA arrival time per lane, 429 pause, last x-ratelimit headers';
"""

LANES = ("rpm", "tpm", "rpd", "tpd")

ENSURE_ROW = """
INSERT INTO rate_limit_state (key_scope, model) VALUES (%(scope)s, %(model)s)
ON CONFLICT (key_scope, model) DO NOTHING
"""

_SLOT = """greatest(clock_timestamp(), paused_until,
                    rpm_tat - make_interval(secs => %(rpm_slack)s),
                    tpm_tat - make_interval(secs => %(tpm_slack)s),
                    rpd_tat - make_interval(secs => %(rpd_slack)s),
                    tpd_tat - make_interval(secs => %(tpd_slack)s))"""

# FOR UPDATE in the CTE serialises concurrent reservations on the row; the slot is
# computed from the row version we hold the lock on, so no two callers share a slot.
RESERVE = f"""
WITH cur AS (
    SELECT key_scope, model, clock_timestamp() AS now_, {_SLOT} AS slot
      FROM rate_limit_state
     WHERE key_scope = %(scope)s AND model = %(model)s
       FOR UPDATE
)
UPDATE rate_limit_state AS r
   SET rpm_tat = greatest(r.rpm_tat, cur.slot) + make_interval(secs => %(rpm_step)s),
       tpm_tat = greatest(r.tpm_tat, cur.slot) + make_interval(secs => %(tpm_step)s),
       rpd_tat = greatest(r.rpd_tat, cur.slot) + make_interval(secs => %(rpd_step)s),
       tpd_tat = greatest(r.tpd_tat, cur.slot) + make_interval(secs => %(tpd_step)s),
       updated_at = cur.now_
  FROM cur
 WHERE r.key_scope = cur.key_scope AND r.model = cur.model
   AND cur.slot <= cur.now_ + make_interval(secs => %(max_wait)s)
RETURNING greatest(0, extract(epoch FROM cur.slot - cur.now_))::float8 AS wait_s
"""

WAIT = f"""
SELECT greatest(0, extract(epoch FROM {_SLOT} - clock_timestamp()))::float8 AS wait_s
  FROM rate_limit_state
 WHERE key_scope = %(scope)s AND model = %(model)s
"""

PAUSE = """
INSERT INTO rate_limit_state (key_scope, model, paused_until)
VALUES (%(scope)s, %(model)s, clock_timestamp() + make_interval(secs => %(seconds)s))
ON CONFLICT (key_scope, model) DO UPDATE
   SET paused_until = greatest(rate_limit_state.paused_until, excluded.paused_until),
       updated_at = clock_timestamp()
"""

RECORD = """
UPDATE rate_limit_state SET observed = %(observed)s, observed_at = clock_timestamp()
 WHERE key_scope = %(scope)s AND model = %(model)s
"""

SNAPSHOT = """
SELECT key_scope, model, observed, observed_at,
       greatest(0, extract(epoch FROM paused_until - clock_timestamp()))::float8 AS paused_for_s,
       updated_at
  FROM rate_limit_state
 ORDER BY updated_at DESC
"""

# Writing the latest headers is for `stats`, not for pacing: once in a while is enough.
RECORD_EVERY_S = 10.0


def _params(costs: dict[str, tuple[int, float, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for lane in LANES:
        cost, step_s, slack_s = costs[lane]
        out[f"{lane}_step"] = cost * step_s
        out[f"{lane}_slack"] = slack_s
    return out


class SharedLanes:
    """The lanes of a RateLimiter kept in PostgreSQL for every process sharing a key."""

    def __init__(self, pool: ConnectionPool[Any], scope: str, model: str) -> None:
        self.pool = pool
        self.key = {"scope": scope, "model": model}
        self._last_record = float("-inf")
        self._lock = threading.Lock()
        self._execute(ENSURE_ROW, self.key)

    def _execute(self, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        try:
            with self.pool.connection() as conn:
                cur = conn.execute(sql, params)
                return cur.fetchall() if cur.description else []
        except psycopg.errors.UndefinedTable:
            raise DatabaseError(
                "rate limiter: table rate_limit_state is missing (migration m003_rate_limit not applied)"
            ) from None
        except psycopg.Error as exc:
            raise DatabaseError(f"rate limiter: database error ({type(exc).__name__})") from None

    def reserve(self, costs: dict[str, tuple[int, float, float]], max_wait_s: float) -> float | None:
        """Reserve the next slot; seconds until it, or None (nothing taken) if over `max_wait_s`."""
        params = {**self.key, **_params(costs), "max_wait": max(0.0, max_wait_s)}
        for _ in range(2):
            rows = self._execute(RESERVE, params)
            if rows:
                return float(rows[0][0])
            if self._execute(WAIT, {**self.key, **_params(costs)}):
                return None  # the row exists: the slot is past max_wait
            self._execute(ENSURE_ROW, self.key)  # the row was deleted under us
        return None

    def wait_s(self, costs: dict[str, tuple[int, float, float]]) -> float:
        """Seconds until a request of these costs could go (nothing is reserved)."""
        rows = self._execute(WAIT, {**self.key, **_params(costs)})
        return float(rows[0][0]) if rows else 0.0

    def pause(self, seconds: float) -> None:
        """Hold every process sharing the key for `seconds` (database clock)."""
        self._execute(PAUSE, {**self.key, "seconds": max(0.0, seconds)})

    def record(self, headers: Mapping[str, Any]) -> None:
        """Keep the latest rate-limit headers for `stats` (at most every RECORD_EVERY_S)."""
        now = time.monotonic()
        with self._lock:
            if now - self._last_record < RECORD_EVERY_S:
                return
            self._last_record = now
        observed = {k: v for k, v in headers.items() if v is not None}
        if observed:
            self._execute(RECORD, {**self.key, "observed": Jsonb(observed)})


def budget_snapshot(conn: psycopg.Connection[Any]) -> list[dict[str, Any]]:
    """Every shared budget: the latest headers seen and any pause in force (for `stats`)."""
    cur = conn.execute(SNAPSHOT)
    names = [d.name for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
