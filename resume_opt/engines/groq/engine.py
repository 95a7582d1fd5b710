"""The production engine: Groq's chat completions in JSON mode, under our rate limiter.

Each request reserves as little of the minute's tokens as it can: `max_tokens`
sized from what answers really use (sizing.py; an answer cut off by it is asked
once more at the ceiling, counted as `length_retries`), the job posting reduced to
what tailoring needs (prompt.py). On models with prompt caching (gpt-oss) the
shared prefix comes first, cached tokens are priced at the cached rate and given
back to the limiter (they do not count against Groq's limits). `response_format`
is `json_schema` strict where the model supports it, `json_object` elsewhere.
`groq.service_tier: flex` answers 498 when Groq is busy: the engine backs off and
asks again, without using up an attempt of the item (counted as `capacity_exceeded`).

The SDK's own retries are off (`max_retries=0`: it would honour `retry-after` only
up to 60 s and hide 429s from the limiter); `retry.call_with_retries` owns retries.
Every answer's headers go to the limiter; every failure becomes one of
`resume_opt.errors` with a one-line message that never carries the API key or any
resume text (Groq echoes the model's output in `failed_generation`, so SDK error
messages are never passed on).
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import groq

from resume_opt.ats.proposal import Job, Proposal
from resume_opt.engines.groq.headers import RateLimitHeaders, format_duration, parse_duration
from resume_opt.engines.groq.prompt import (
    PROMPT_VERSION,
    build_messages,
    chat_params,
    estimate_prompt_tokens,
    parse_answer,
    response_format_for,
)
from resume_opt.engines.groq.sizing import CompletionSizer
from resume_opt.errors import (
    BadOutputError,
    EngineAuthError,
    ItemRejected,
    RateLimitedError,
    RunAbort,
    TransientEngineError,
)

if TYPE_CHECKING:
    from resume_opt.config import Settings
    from resume_opt.engines.groq.limiter import RateLimiter

__all__ = ["PROMPT_VERSION", "GroqEngine"]  # PROMPT_VERSION: the engine's hash identity (runner)

# "... on tokens per minute (TPM): Limit 12000, Used 11000, Requested 1500. Please try again in 2.5s."
_LIMIT_MSG = re.compile(r"\((RPM|TPM|RPD|TPD)\):\s*Limit\s+(\d+)", re.IGNORECASE)
_TRY_AGAIN = re.compile(r"try again in\s+([0-9hmsuµμn.]+)", re.IGNORECASE)
# A 429 that names no wait at all: retry after this long.
DEFAULT_429_WAIT_S = 1.0
# flex's 498 capacity_exceeded: asked again this many times (every thread backs off
# retry.backoff_base_s * 2^n, at most CAPACITY_MAX_WAIT_S) before it counts as a transient error.
CAPACITY_RETRIES = 8
CAPACITY_MAX_WAIT_S = 15.0


class _CapacityExceeded(Exception):
    """498 from the flex tier: handled inside `propose`, never seen by the retry policy."""


def _error_body(exc: groq.APIStatusError) -> dict[str, Any]:
    """The `error` object of a Groq error answer, or {}."""
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        return inner if isinstance(inner, dict) else {}
    return {}


class GroqEngine:
    """Proposes edits with a Groq model. Thread-safe: one SDK client shared by the pool."""

    name = "groq"
    prompt_version = PROMPT_VERSION
    analyses = True

    def __init__(self, settings: Settings, limiter: RateLimiter, sizer: CompletionSizer | None = None) -> None:
        self.settings = settings
        self.model = settings.groq.model
        self.limiter = limiter
        self.sizer = sizer or CompletionSizer(settings, PROMPT_VERSION)
        self.response_format = response_format_for(settings)
        self.client = groq.Groq(
            api_key=settings.secrets.groq_api_key,
            base_url=settings.secrets.groq_base_url or None,
            max_retries=0,
            timeout=settings.groq.timeout_s,
        )
        price = settings.groq.prices.get(self.model) or [0.0, 0.0]
        self._price_in, self._price_out = float(price[0]), float(price[1])
        self._price_cached = float(price[2]) if len(price) > 2 else self._price_in
        # Real prompt tokens / our estimate, learned from `usage`, so the limiter is
        # charged what the provider will count (at most 10% below the raw estimate).
        self._token_ratio = 1.0
        self._lock = threading.Lock()
        # Accounting across every call, failed ones included (tokens are billed anyway).
        self.usage: dict[str, Any] = {
            "calls": 0,
            "rate_limited": 0,
            "tokens_in": 0,
            "tokens_out": 0,
            "cost_usd": 0.0,
            "tokens_reserved": 0,  # prompt estimate + max_tokens, as reserved against the limits
            "tokens_cached": 0,  # prompt tokens served from Groq's prompt cache
            "length_retries": 0,
            "capacity_exceeded": 0,  # 498 answers (flex)
            # Requests made inside one call beyond its first (a length retry, a 498 asked again):
            # the run adds them to engine_calls, which counts every request actually sent.
            "inner_retries": 0,
            "response_format": self.response_format,
            "service_tier": settings.groq.service_tier,
        }

    # -- the call ------------------------------------------------------------------

    def propose(self, resume: str, job: Job) -> Proposal:
        """One call: acquire the budget, ask, map the answer or the failure."""
        if not resume.strip():
            raise ItemRejected("the resume is empty", kind="bad_input")
        if len(resume) > self.settings.engine.max_resume_chars:
            raise ItemRejected(
                f"the resume has {len(resume)} characters, over engine.max_resume_chars="
                f"{self.settings.engine.max_resume_chars}",
                kind="too_large",
            )
        messages = self.messages(resume, job)
        prompt_estimate = estimate_prompt_tokens(messages)
        max_tokens = self.sizer.max_tokens()
        while True:
            completion, latency_ms = self._call(messages, prompt_estimate, max_tokens)
            choice = completion.choices[0]
            if choice.finish_reason != "length":
                break
            if max_tokens >= self.sizer.ceiling:
                raise BadOutputError(f"the answer was cut off at max_tokens={max_tokens}", kind="truncated")
            # Cut off by our own sizing: once more at the ceiling (the sizing errs low by design).
            max_tokens = self.sizer.ceiling
            with self._lock:
                self.usage["length_retries"] += 1
                self.usage["inner_retries"] += 1
        tokens_out = completion.usage.completion_tokens if completion.usage else 0
        if completion.usage:
            self.sizer.record(tokens_out)
        summary, edits, dropped = parse_answer(choice.message.content or "")
        extra: dict[str, Any] = {"request_id": (completion.x_groq.id if completion.x_groq else None) or completion.id}
        if dropped:
            extra["dropped_edits"] = dropped
        tokens_in, _, _, cost_usd = self._priced(completion, prompt_estimate)
        return Proposal(
            summary=summary,
            edits=edits,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            cost_usd=round(cost_usd, 8),
            latency_ms=latency_ms,
            extra=extra,
        )

    def messages(self, resume: str, job: Job) -> list[dict[str, str]]:
        """The chat messages for a pair (prompt.build_messages; the bench's naive client overrides it)."""
        return build_messages(resume, job)

    def _call(self, messages: list[dict[str, str]], prompt_estimate: int, max_tokens: int) -> tuple[Any, int]:
        """One request (498s asked again after a backoff): the parsed completion and its latency."""
        for busy in range(CAPACITY_RETRIES + 1):
            try:
                return self._request(messages, prompt_estimate, max_tokens)
            except _CapacityExceeded:
                with self._lock:
                    self.usage["capacity_exceeded"] += 1
                if busy == CAPACITY_RETRIES:
                    break
                with self._lock:
                    self.usage["inner_retries"] += 1
                base = self.settings.retry.backoff_base_s
                self.limiter.pause(min(CAPACITY_MAX_WAIT_S, base * 2**busy) if base > 0 else 0.0)
        raise TransientEngineError(
            f"Groq's {self.settings.groq.service_tier} tier is over capacity (498, {CAPACITY_RETRIES + 1} times)",
            kind="capacity_exceeded",
        )

    def _request(self, messages: list[dict[str, str]], prompt_estimate: int, max_tokens: int) -> tuple[Any, int]:
        """One HTTP request: reserve, send, read the headers into the limiter, map errors, refund."""
        # Long on purpose: reserve and refund must bracket the request in one place, so that every
        # way out (answer, 429, 498, error) gives back what was reserved and not used.
        with self._lock:
            cost = math.ceil(prompt_estimate * self._token_ratio) + max_tokens
        self.limiter.acquire(cost)
        started = time.monotonic()
        with self._lock:
            self.usage["calls"] += 1
            self.usage["tokens_reserved"] += cost
        extra: dict[str, Any] = {}
        if self.settings.groq.service_tier != "on_demand":
            extra["service_tier"] = self.settings.groq.service_tier
        try:
            raw = self.client.chat.completions.with_raw_response.create(
                **chat_params(self.settings, messages, max_tokens), **extra
            )
        except groq.APIStatusError as exc:
            self.limiter.observe(exc.response.headers)
            if exc.status_code == 498:
                raise _CapacityExceeded from None
            raise self._status_error(exc, cost) from None
        except groq.APITimeoutError:
            self.limiter.answered()
            raise TransientEngineError(
                f"Groq did not answer within {self.settings.groq.timeout_s:g}s", kind="timeout"
            ) from None
        except groq.APIConnectionError as exc:
            self.limiter.answered()
            cause = type(exc.__cause__).__name__ if exc.__cause__ else "connection error"
            raise TransientEngineError(f"cannot reach the Groq API ({cause})", kind="connection") from None
        latency_ms = int((time.monotonic() - started) * 1000)
        self.limiter.observe(raw.headers)
        try:
            completion = raw.parse()
            completion.choices[0].message  # noqa: B018 - a 200 that is no chat completion fails here
        except (ValueError, IndexError, AttributeError, groq.APIResponseValidationError):
            raise TransientEngineError(
                "Groq answered 200 with a body that is not a chat completion", kind="server_error"
            ) from None
        tokens_in, tokens_out, cached, cost_usd = self._priced(completion, prompt_estimate)
        self._account(tokens_in, tokens_out, cost_usd, prompt_estimate, cached)
        if cached:
            self.limiter.refund(cached)  # cached tokens do not count against Groq's limits
        return completion, latency_ms

    def _priced(self, completion: Any, prompt_estimate: int) -> tuple[int, int, int, float]:
        """(tokens_in, tokens_out, cached tokens, USD) of a completion; cached input at its own price."""
        usage = completion.usage
        tokens_in = usage.prompt_tokens if usage else prompt_estimate
        tokens_out = usage.completion_tokens if usage else 0
        details = usage.prompt_tokens_details if usage else None
        cached = min(tokens_in, details.cached_tokens) if details and details.cached_tokens else 0
        cost = (tokens_in - cached) * self._price_in + cached * self._price_cached + tokens_out * self._price_out
        return tokens_in, tokens_out, cached, cost / 1_000_000

    def _account(self, tokens_in: int, tokens_out: int, cost_usd: float, estimate: int, cached: int = 0) -> None:
        with self._lock:
            self.usage["tokens_cached"] += cached
            self.usage["tokens_in"] += tokens_in
            self.usage["tokens_out"] += tokens_out
            self.usage["cost_usd"] += cost_usd
            if estimate > 0 and tokens_in > 0:
                ratio = tokens_in / estimate
                self._token_ratio = min(3.0, max(0.9, 0.8 * self._token_ratio + 0.2 * ratio))

    # -- failures --------------------------------------------------------------------

    def _status_error(self, exc: groq.APIStatusError, cost: int) -> Exception:
        status = exc.status_code
        error = _error_body(exc)
        code = str(error.get("code") or "")
        if status in (401, 403):
            return EngineAuthError(f"Groq rejected the API key ({status})")
        if status == 413 or code in ("request_too_large", "context_length_exceeded"):
            limit = RateLimitHeaders.parse(exc.response.headers).limit_tokens
            where = f"of {limit} tokens per minute" if limit else "(request too large)"
            return ItemRejected(
                f"request of ~{cost} tokens is over the model's limit {where}; waiting cannot help", kind="too_large"
            )
        if status == 429:
            return self._rate_limited(exc, error)
        if status == 400 and code == "json_validate_failed":
            return BadOutputError(
                "Groq's JSON mode rejected the model's output (json_validate_failed)", kind="json_invalid"
            )
        if status == 404 and code == "unknown_url":
            return RunAbort(
                "Groq answered 404 for the chat endpoint: check GROQ_BASE_URL (the SDK appends /openai/v1/... itself)"
            )
        if status == 404 or code in ("model_not_found", "model_decommissioned"):
            return RunAbort(f"Groq model {self.model!r} is not available ({code or status})")
        if status >= 500 or status == 498:
            return TransientEngineError(f"Groq answered {status} {code}".rstrip(), kind="server_error")
        return ItemRejected(f"Groq refused the request ({status} {code or 'bad request'})", kind="bad_request")

    def _rate_limited(self, exc: groq.APIStatusError, error: Mapping[str, Any]) -> Exception:
        """429: learn what it says, pause every thread, then raise for the retry policy."""
        headers = RateLimitHeaders.parse(exc.response.headers)
        message = str(error.get("message") or "")
        named = _LIMIT_MSG.search(message)
        lane = named.group(1).lower() if named else None
        if lane is None:  # Groq's `type` says which resource: "requests" or "tokens"
            lane = {"tokens": "tpm", "requests": "rpm"}.get(str(error.get("type") or ""))
        wait = headers.retry_after_s
        if wait is None:
            said = _TRY_AGAIN.search(message)
            wait = parse_duration(said.group(1).rstrip(".")) if said else None
        if wait is None:
            wait = headers.reset_tokens_s if lane == "tpm" else headers.reset_requests_s
        if wait is None:
            wait = DEFAULT_429_WAIT_S
        with self._lock:
            self.usage["rate_limited"] += 1
        self.limiter.rate_limited(lane, int(named.group(2)) if named else None)
        label = {
            "rpm": "requests per minute",
            "tpm": "tokens per minute",
            "rpd": "requests per day",
            "tpd": "tokens per day",
        }.get(lane or "", "a rate limit")
        if lane in ("rpd", "tpd"):
            # A daily limit: every thread stops asking until it frees; a long wait ends the run.
            self.limiter.day_spent(lane, wait)
            if wait > self.limiter.quota_wait_s or wait > self.limiter.seconds_left():
                return self.limiter.quota_error(label, wait)
        else:
            self.limiter.pause(wait)
        return RateLimitedError(f"Groq rate limit on {label}; waiting {format_duration(wait)}", wait)

    def close(self) -> None:
        """Keep what answers used (for the next run's sizing); close the SDK's HTTP connections."""
        self.sizer.flush()
        self.client.close()
