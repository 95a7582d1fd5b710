#!/usr/bin/env python3
"""A local fake of Groq's chat API, for tests and benchmarks (stdlib only).

The real `groq` SDK reaches it with `base_url="http://127.0.0.1:PORT"` (or
GROQ_BASE_URL): the SDK appends `/openai/v1/chat/completions` itself. It enforces
requests/tokens per minute and per day in a `sliding` 60 s window or a `bucket`
refilled continuously, answering Groq's 429 body and headers (`retry-after`,
`x-ratelimit-*` with Go-duration resets; the `-requests` headers describe the day,
the `-tokens` ones the minute), 413 for a request over the TPM limit and 401 for
an unknown key; it injects 5xx/498, hangs, truncated/fenced/invalid JSON and 400
`json_validate_failed` at given rates or on demand (`inject`). A request costs its
prompt estimate (characters / 4) plus `max_tokens`, reserved when it is admitted.

Economy (issue 12): `completion_tokens=(median, sigma)` draws each answer's length
from a log-normal distribution (the answer is padded to it; longer than `max_tokens`
is cut off with `finish_reason: length`); without it an answer is as long as its
JSON. On the `openai/gpt-oss-*` models (`caching_models`) prompts are cached in
blocks of CACHE_BLOCK_TOKENS by exact prefix for CACHE_TTL_S: the cached tokens show
in `usage.prompt_tokens_details.cached_tokens` and are given back to the minute's
and the day's tokens once the request is processed. `service_tier: flex` draws on
limits `flex_factor` times higher and is answered 498 `capacity_exceeded` at
`flex_busy` (a share of flex requests); `auto` falls back to flex when on_demand is
spent. A tokens-per-day limit answers Groq's 429 body ("... (TPD): Limit N, Used U,
Requested R. Please try again in 5h12m0s.").

Answers follow the edits contract: lines quoted verbatim from the resume between
`<resume>` and `</resume>` in the user message, lightly reworded. Each request is
logged as a JSON line (never the prompt). CLI:

    python scripts/fake_groq.py --port 0 --rpm 120 --tpm 60000 --window sliding

prints `listening on http://127.0.0.1:PORT` first. In tests: `with FakeGroq(rpm=30) as fake:`.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import math
import random
import re
import signal
import sys
import threading
import time
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LABELS = {
    "rpm": ("requests per minute", "RPM", "requests"),
    "tpm": ("tokens per minute", "TPM", "tokens"),
    "rpd": ("requests per day", "RPD", "requests"),
    "tpd": ("tokens per day", "TPD", "tokens"),
}
PERIODS = {"rpm": 60.0, "tpm": 60.0, "rpd": 86400.0, "tpd": 86400.0}
CACHING_MODELS = ("openai/gpt-oss-20b", "openai/gpt-oss-120b")
CACHE_BLOCK_TOKENS = 128  # prompts are cached in blocks of this many tokens (4 characters each)
CACHE_TTL_S = 7200.0  # a cached prefix unused this long is forgotten
_PAD = " It mirrors the posting's own wording for this responsibility."
OUTPUT_FAULTS = ("truncated", "fenced", "prose", "invalid_json", "json_validate_failed")
RATE_FAULTS = ("500", "503", "498", "timeout") + OUTPUT_FAULTS


def go_duration(seconds: float) -> str:
    """Format like Go's time.Duration as Groq sends it: 940ms, 7.66s, 2m59.56s, 1h2m3s."""
    if seconds < 1:
        return f"{max(0, round(seconds * 1000))}ms"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{secs:.2f}".rstrip("0").rstrip(".") + "s"
    if hours >= 1:
        return f"{int(hours)}h{int(minutes)}m{text}"
    return f"{int(minutes)}m{text}" if minutes >= 1 else text


class Window:
    """One limit: `limit` units per `period` s, as a sliding window or a refilled bucket."""

    def __init__(self, limit: int, period: float, mode: str, now: float) -> None:
        self.limit, self.period, self.mode = limit, period, mode
        self.entries: collections.deque[tuple[float, int]] = collections.deque()
        self.used = 0
        self.level, self.at = float(limit), now

    def _settle(self, now: float) -> None:
        if self.mode == "sliding":
            while self.entries and self.entries[0][0] <= now - self.period:
                self.used -= self.entries.popleft()[1]
        else:
            self.level = min(float(self.limit), self.level + (now - self.at) * self.limit / self.period)
            self.at = now

    def wait_for(self, cost: int, now: float) -> float:
        """0 if `cost` fits now, else seconds until it will."""
        self._settle(now)
        if self.mode != "sliding":
            return 0.0 if self.level >= cost else (cost - self.level) * self.period / self.limit
        excess = self.used + cost - self.limit
        if excess <= 0:
            return 0.0
        for t, c in self.entries:  # oldest first: when enough of them have left the window
            excess -= c
            if excess <= 0:
                return max(0.0, t + self.period - now)
        return self.period

    def take(self, cost: int, now: float) -> None:
        self._settle(now)
        if self.mode == "sliding":
            self.entries.append((now, cost))
            self.used += cost
        else:
            self.level -= cost

    def refund(self, cost: int, at: float, now: float) -> None:
        """The request admitted at `at` counts `cost` less (cached prompt tokens)."""
        self._settle(now)
        if self.mode != "sliding":
            self.level = min(float(self.limit), self.level + cost)
            return
        for i in range(len(self.entries) - 1, -1, -1):
            t, c = self.entries[i]
            if t == at:
                back = min(c, cost)
                self.entries[i] = (t, c - back)
                self.used -= back
                return

    def remaining(self, now: float) -> int:
        self._settle(now)
        return max(0, self.limit - self.used) if self.mode == "sliding" else max(0, int(self.level))

    def reset_s(self, now: float) -> float:
        """Seconds until the budget is whole again (Groq's x-ratelimit-reset-*)."""
        self._settle(now)
        if self.mode == "sliding":
            return max(0.0, self.entries[-1][0] + self.period - now) if self.entries else 0.0
        return (self.limit - self.level) * self.period / self.limit


def _resume_lines(prompt: str) -> list[str]:
    match = re.search(r"<resume>\s*\n?(.*?)</resume>", prompt, re.DOTALL | re.IGNORECASE)
    if not match:
        return []
    return [line.strip() for line in match.group(1).splitlines() if len(line.split()) >= 3]


def _reword(line: str) -> str | None:
    """A light rewording that adds no fact: capitalise a leading verb, or reorder a list."""
    bullet = re.match(r"^([-*•]\s+)", line)
    prefix, body = (bullet.group(1), line[bullet.end() :]) if bullet else ("", line)
    if body[:1].islower():
        return prefix + body[0].upper() + body[1:]
    if ", " in body:
        head, sep, tail = body.rpartition(": ")
        items = (tail if sep else body).rstrip(".").split(", ")
        if len(items) >= 2:
            reordered = ", ".join(items[::-1]) + ("." if body.endswith(".") else "")
            return prefix + (head + sep if sep else "") + reordered
    if body.endswith("."):
        return prefix + body[:-1]
    return None


def pad_answer(answer: dict[str, Any], tokens: int) -> str:
    """The answer as JSON, its reasons lengthened to about `tokens` tokens (4 characters each)."""
    text = json.dumps(answer)
    edits = answer.get("edits") or []
    if not edits or len(text) >= tokens * 4:
        return text
    missing = tokens * 4 - len(text)
    per_edit = missing // len(edits) + 1
    for edit in edits:
        edit["reason"] += (_PAD * (per_edit // len(_PAD) + 1))[:per_edit]
    return json.dumps(answer)


def make_answer(prompt: str, title: str, rng: random.Random) -> dict[str, Any]:
    """The contract's object for a prompt: a few verbatim lines, lightly reworded."""
    edits = []
    reason = f"Reads more directly for the {title} role." if title else "Reads more directly."
    for line in _resume_lines(prompt):
        revised = _reword(line)
        if revised and revised != line:
            edits.append({"original": line, "revised": revised, "reason": reason})
    if len(edits) > 3:
        edits = rng.sample(edits, 3)
    return {"summary": "", "edits": edits}


class FakeGroq:
    """The fake server; `start()` returns its base URL, `stop()` ends it; a context manager."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        rpm: int = 0,
        tpm: int = 0,
        rpd: int = 0,
        tpd: int = 0,
        window: str = "sliding",
        api_keys: Iterable[str] | None = None,
        latency_ms: tuple[float, float] = (0, 0),
        hang_s: float = 60.0,
        seed: int = 0,
        log: str | None = None,
        rates: dict[str, float] | None = None,
        models: Iterable[str] = ("llama-3.3-70b-versatile", "llama-3.1-8b-instant", *CACHING_MODELS),
        completion_tokens: tuple[float, float] | None = None,
        caching_models: Iterable[str] = CACHING_MODELS,
        flex_factor: float = 10.0,
        flex_busy: float = 0.0,
    ) -> None:
        if window not in ("sliding", "bucket"):
            raise ValueError("window must be sliding or bucket")
        self.host, self.port = host, port
        self.limits = {"rpm": rpm, "tpm": tpm, "rpd": rpd, "tpd": tpd}
        self.window = window
        self.api_keys = set(api_keys) if api_keys else None
        self.latency_ms, self.hang_s = latency_ms, hang_s
        self.rates = {k: v for k, v in (rates or {}).items() if v}
        unknown = set(self.rates) - set(RATE_FAULTS)
        if unknown:
            raise ValueError(f"unknown fault rates: {sorted(unknown)}")
        self.models = list(models)
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        now = time.monotonic()
        self.windows = {k: Window(v, PERIODS[k], window, now) for k, v in self.limits.items() if v > 0}
        self.flex_windows = {
            k: Window(int(v * flex_factor), PERIODS[k], window, now) for k, v in self.limits.items() if v > 0
        }
        self.completion_tokens = completion_tokens
        self.caching_models = set(caching_models)
        self.flex_busy = flex_busy
        self.prompt_cache: dict[str, float] = {}  # prefix digest -> when it was last used
        self.cached_tokens = 0
        self.capacity_exceeded = 0
        self.truncated = 0
        # The latest chat requests' log fields (never the prompt), for tests.
        self.request_log: collections.deque[dict[str, Any]] = collections.deque(maxlen=10000)
        self.injected: collections.deque[tuple[str, dict[str, Any]]] = collections.deque()
        self.requests = 0
        self.statuses: collections.Counter[int] = collections.Counter()
        self.admitted = 0
        self.tokens_admitted = 0
        self._log_path = log
        self._log_file: Any = None
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> str:
        """Serve in a background thread; return the base URL for the SDK."""
        if self._log_path:
            self._log_file = open(self._log_path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer((self.host, self.port), handler)
        self._server.daemon_threads = True  # a hung answer must not block stop()
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-groq", daemon=True
        )
        self._thread.start()
        return self.base_url

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def stop(self) -> None:
        self._stopping.set()
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._log_file:
            self._log_file.close()
            self._log_file = None

    def __enter__(self) -> FakeGroq:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- test controls -------------------------------------------------------------------

    def inject(self, fault: str, count: int = 1, **params: Any) -> None:
        """Make the next `count` chat requests fail as `fault` ("429", "413", "401", "500",
        "503", "498", "timeout", "truncated", "fenced", "prose", "invalid_json",
        "json_validate_failed"); a 429 takes retry_after, reset_tokens, reset_requests,
        lane ("rpm", "tpm", "rpd", "tpd") and limit."""
        with self.lock:
            self.injected.extend([(fault, params)] * count)

    @property
    def rate_limited(self) -> int:
        return self.statuses[429]

    def stats(self) -> dict[str, Any]:
        with self.lock:
            return {
                "requests": self.requests,
                "statuses": dict(self.statuses),
                "rate_limited": self.statuses[429],
                "admitted": self.admitted,
                "tokens_admitted": self.tokens_admitted,
                "cached_tokens": self.cached_tokens,
                "tokens_counted": self.tokens_admitted - self.cached_tokens,
                "capacity_exceeded": self.capacity_exceeded,
                "truncated": self.truncated,
            }

    # -- the protocol ----------------------------------------------------------------------

    def _ratelimit_headers(self, now: float, windows: dict[str, Window] | None = None) -> dict[str, str]:
        out = {}
        for lane, suffix in (("rpd", "requests"), ("tpm", "tokens")):
            win = (self.windows if windows is None else windows).get(lane)
            if win:
                out[f"x-ratelimit-limit-{suffix}"] = str(win.limit)
                out[f"x-ratelimit-remaining-{suffix}"] = str(win.remaining(now))
                out[f"x-ratelimit-reset-{suffix}"] = go_duration(win.reset_s(now))
        return out

    def _too_many(
        self, lane: str, model: str, cost: int, wait: float | None, now: float, **params: Any
    ) -> tuple[int, dict[str, str], dict[str, Any]]:
        label, abbr, kind = LABELS[lane]
        win = self.windows.get(lane)
        limit = params.get("limit") or (win.limit if win else 0)
        used = (limit - win.remaining(now)) if win else limit
        message = (
            f"Rate limit reached for model `{model}` in organization `org_fake` "
            f"service tier `on_demand` on {label} ({abbr}): "
            f"Limit {limit}, Used {used}, Requested {cost}. "
            + (f"Please try again in {go_duration(wait)}. " if wait is not None else "")
            + "Need more tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing"
        )
        headers = self._ratelimit_headers(now)
        retry_after = params.get("retry_after", wait)
        if retry_after is not None:  # Groq sends whole seconds, rounded up
            headers["retry-after"] = str(math.ceil(retry_after))
        for name in ("reset_tokens", "reset_requests"):
            if params.get(name):
                headers[f"x-ratelimit-{name.replace('_', '-')}"] = params[name]
        return 429, headers, {"error": {"message": message, "type": kind, "code": "rate_limit_exceeded"}}

    def handle_chat(
        self, headers: dict[str, str], body: dict[str, Any]
    ) -> tuple[int, dict[str, str], Any, dict[str, Any]]:
        """One chat completion: (status, headers, JSON body or raw text, log fields)."""
        model = str(body.get("model") or "unknown")
        messages = [m for m in body.get("messages") or [] if isinstance(m, dict)]
        text = "".join(str(m.get("content") or "") for m in messages)
        # The data is in the user's message; the system message may name the tags too.
        user = "".join(str(m.get("content") or "") for m in messages if m.get("role") == "user")
        prompt_tokens = math.ceil(len(text) / 4) + 4 * len(messages)
        max_tokens = int(body.get("max_completion_tokens") or body.get("max_tokens") or 1024)
        meta: dict[str, Any] = {"prompt_tokens": prompt_tokens, "charged_tokens": prompt_tokens + max_tokens}
        tier = str(body.get("service_tier") or "on_demand")
        meta["service_tier"] = tier
        meta["response_format"] = (body.get("response_format") or {}).get("type")
        with self.lock:
            refused = self._admit(model, prompt_tokens + max_tokens, meta, tier)
            if refused:
                return refused
            windows = meta.pop("windows")
            admitted_at = meta.pop("admitted_at")
            cached = self._cached_prefix(model, messages, prompt_tokens, admitted_at)
            meta["cached_tokens"] = cached
            if cached:  # processed: cached tokens do not count toward the limits
                self.cached_tokens += cached
                for lane in ("tpm", "tpd"):
                    if lane in windows:
                        windows[lane].refund(cached, admitted_at, time.monotonic())
            rl_headers = self._ratelimit_headers(time.monotonic(), windows)
            fault = meta["fault"]
            target = (
                max(1, round(self.rng.lognormvariate(math.log(self.completion_tokens[0]), self.completion_tokens[1])))
                if self.completion_tokens
                else 0
            )
            lo, hi = self.latency_ms
            delay = self.rng.uniform(lo, hi) / 1000 if hi else 0.0
            chat_id = uuid.UUID(int=self.rng.getrandbits(128)).hex
            meta["request_id"] = f"req_{uuid.UUID(int=self.rng.getrandbits(128)).hex[:26]}"
            title_match = re.search(r"Title:\s*(.+)", user)
            answer = make_answer(user, title_match.group(1).strip() if title_match else "", self.rng)
        if fault == "timeout":
            self._stopping.wait(self.hang_s)
            return 504, rl_headers, _error("Gateway timeout", "internal_server_error", "timeout"), meta
        if delay:
            self._stopping.wait(delay)
        if fault in ("500", "503", "498"):
            code = {"500": "internal_server_error", "503": "service_unavailable", "498": "capacity_exceeded"}
            return int(fault), rl_headers, _error("The server had an error", "internal_server_error", code[fault]), meta
        content, finish = pad_answer(answer, target), "stop"
        if fault == "json_validate_failed" and (body.get("response_format") or {}).get("type") in (
            "json_object",
            "json_schema",
        ):
            err = _error(
                "Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more details.",
                "invalid_request_error",
                "json_validate_failed",
            )
            err["error"]["failed_generation"] = content[: len(content) // 2]  # echoes resume text, like Groq
            return 400, rl_headers, err, meta
        if fault == "fenced":
            content = f"```json\n{content}\n```"
        elif fault == "prose":
            content = f"Here are the edits you asked for:\n{content}\nLet me know if you need more."
        elif fault in ("invalid_json", "json_validate_failed"):
            content = "{'summary': 'Sure!', edits: [" + content[:40]
        if fault == "truncated" or math.ceil(len(content) / 4) > max_tokens:
            content, finish = content[: max(1, min(len(content) // 2, max_tokens * 4))], "length"
        completion_tokens = max_tokens if finish == "length" else math.ceil(len(content) / 4)
        meta["completion_tokens"] = completion_tokens
        if finish == "length":
            with self.lock:
                self.truncated += 1
        return (
            200,
            rl_headers,
            {
                "id": f"chatcmpl-{chat_id}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content},
                        "logprobs": None,
                        "finish_reason": finish,
                    }
                ],
                "usage": {
                    "queue_time": 0.01,
                    "prompt_tokens": prompt_tokens,
                    "prompt_tokens_details": {"cached_tokens": cached},
                    "prompt_time": 0.01,
                    "completion_tokens": completion_tokens,
                    "completion_time": round(delay, 3),
                    "total_tokens": prompt_tokens + completion_tokens,
                    "total_time": round(delay, 3),
                },
                "system_fingerprint": "fp_fake",
                "service_tier": meta.get("tier", "on_demand"),
                "x_groq": {"id": meta["request_id"]},
            },
            meta,
        )

    def _cached_prefix(self, model: str, messages: list[dict[str, Any]], prompt_tokens: int, now: float) -> int:
        """Under the lock: tokens of this prompt's longest cached prefix (whole blocks); caches its own."""
        if model not in self.caching_models:
            return 0
        text = "".join(f"{m.get('role')}\x1f{m.get('content') or ''}\x1e" for m in messages)
        block = CACHE_BLOCK_TOKENS * 4
        digest = hashlib.sha256(model.encode())
        cached, hit = 0, True
        for end in range(block, len(text) + 1, block):
            digest.update(text[end - block : end].encode())
            key = digest.hexdigest()
            seen = self.prompt_cache.get(key)
            if hit and seen is not None and now - seen <= CACHE_TTL_S:
                cached = min(prompt_tokens, end // 4)
            else:
                hit = False
            self.prompt_cache[key] = now
        return cached

    def _admit(
        self, model: str, cost: int, meta: dict[str, Any], tier: str = "on_demand"
    ) -> tuple[int, dict[str, str], Any, dict[str, Any]] | None:
        """Under the lock: an answer refusing the request (401/413/429), or None once it is
        counted against the limits; `meta["fault"]` is then what to do to it after admission."""
        now = time.monotonic()
        fault, params = self.injected.popleft() if self.injected else (None, {})
        params = dict(params)  # `inject(count=n)` shares one dict between its entries
        meta["fault"] = fault
        if fault == "429":
            lane = params.pop("lane", "rpm")
            wait = params.pop("wait", params.get("retry_after", 1.0))
            return (*self._too_many(lane, model, cost, wait, now, **params), meta)
        if fault == "401":
            return 401, {}, _error("Invalid API Key", "invalid_request_error", "invalid_api_key"), meta
        tpm = self.windows.get("tpm")
        if fault == "413" or (tpm and cost > tpm.limit):
            limit = tpm.limit if tpm else params.get("limit", 6000)
            msg = (
                f"Request too large for model `{model}` in organization `org_fake` service tier "
                f"`on_demand` on tokens per minute (TPM): Limit {limit}, Requested {cost}, please "
                "reduce your message size and try again."
            )
            return 413, self._ratelimit_headers(now), _error(msg, "tokens", "request_too_large"), meta
        costs = {"rpm": 1, "rpd": 1, "tpm": cost, "tpd": cost}
        if tier == "flex" and (fault == "498" or self.rng.random() < self.flex_busy):
            self.capacity_exceeded += 1
            msg = "flex tier capacity exceeded, please try again later or use service_tier on_demand"
            return 498, {}, _error(msg, "capacity_exceeded", "capacity_exceeded"), meta
        windows = self.flex_windows if tier == "flex" else self.windows
        refusal = self._refusal(windows, costs, model, now)
        if refusal and tier == "auto":  # on_demand spent: auto falls back to flex
            windows, tier = self.flex_windows, "flex"
            refusal = self._refusal(windows, costs, model, now)
        if refusal:
            return (*refusal, meta)
        for lane, win in windows.items():
            win.take(costs[lane], now)
        meta["windows"], meta["admitted_at"], meta["tier"] = windows, now, tier
        self.admitted += 1
        self.tokens_admitted += cost
        if fault is None:
            draw, acc = self.rng.random(), 0.0
            for name, rate in self.rates.items():
                acc += rate
                if draw < acc:
                    meta["fault"] = name
                    break
        return None

    def _refusal(
        self, windows: dict[str, Window], costs: dict[str, int], model: str, now: float
    ) -> tuple[int, dict[str, str], dict[str, Any]] | None:
        for lane, win in windows.items():
            wait = win.wait_for(costs[lane], now)
            if wait > 0:
                return self._too_many(lane, model, costs[lane], wait, now)
        return None

    def record(self, status: int, started: float, method: str, path: str, meta: dict[str, Any]) -> None:
        with self.lock:
            self.requests += 1
            self.statuses[status] += 1
            if path.endswith("/chat/completions"):
                self.request_log.append({"status": status, **meta})
            if self._log_file:
                entry = {
                    "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
                    "method": method,
                    "path": path,
                    "status": status,
                    "latency_ms": round((time.monotonic() - started) * 1000),
                    **{k: v for k, v in meta.items() if v is not None},
                }
                self._log_file.write(json.dumps(entry) + "\n")


def _error(message: str, kind: str, code: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "code": code}}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the SDK's pooled httpx client
    fake: FakeGroq

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        return None  # our own JSON log replaces the stderr access log

    def _send(self, status: int, headers: dict[str, str], body: Any) -> None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (its timeout): nothing to answer

    def _authorised(self) -> bool:
        keys = self.fake.api_keys
        token = self.headers.get("authorization", "").removeprefix("Bearer ").strip()
        return keys is None or token in keys

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if _batch_route(self, "GET"):
            return
        started = time.monotonic()
        path = self.path.split("?")[0].rstrip("/")
        if not self._authorised():
            status, body = 401, _error("Invalid API Key", "invalid_request_error", "invalid_api_key")
        elif path == "/openai/v1/models":
            status, body = (
                200,
                {
                    "object": "list",
                    "data": [
                        {
                            "id": m,
                            "object": "model",
                            "created": 1700000000,
                            "owned_by": "Fake",
                            "active": True,
                            "context_window": 131072,
                        }
                        for m in self.fake.models
                    ],
                },
            )
        else:
            status, body = 404, _error(f"Unknown request URL: GET {path}", "invalid_request_error", "unknown_url")
        self.fake.record(status, started, "GET", path, {})
        self._send(status, {}, body)

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        if _batch_route(self, "POST"):
            return
        started = time.monotonic()
        path = self.path.split("?")[0].rstrip("/")
        raw = self.rfile.read(int(self.headers.get("content-length") or 0))
        meta: dict[str, Any] = {}
        headers: dict[str, str] = {}
        if path != "/openai/v1/chat/completions":  # Groq's one path: a base URL ending in /openai/v1 is wrong
            status, body = 404, _error(f"Unknown request URL: POST {path}", "invalid_request_error", "unknown_url")
        elif not self._authorised():
            status, body = 401, _error("Invalid API Key", "invalid_request_error", "invalid_api_key")
        else:
            try:
                request = json.loads(raw or b"{}")
                if not isinstance(request, dict):
                    raise ValueError
            except ValueError:
                status, body = 400, _error("invalid JSON body", "invalid_request_error", "invalid_request")
            else:
                status, headers, body, meta = self.fake.handle_chat(dict(self.headers), request)
        if status == 504:  # an injected hang: the client has given up long ago
            self.close_connection = True
        # Counted before the answer goes out: a client that reads the counters right after its
        # answer must see its request (recording after the send raced the test's read).
        self.fake.record(status, started, "POST", path, meta)
        self._send(status, headers, body)


# --- files and batches (Groq's Batch API) ---------------------------------------------------
# Files live on disk and are streamed back, so the fake's memory does not grow with a batch.
# A batch waits `delay_s`, then runs every line through the same answers as chat completions
# (`make_answer`), writing an output file and an error file; `fail_share` of lines fail
# (error file, status 500), `expire_share` are left unrun (status `expired`, error code
# `batch_expired`), `bad_body_share` answer unparseable content; a malformed input line
# fails validation (`errors.data`). `stall` pauses an endpoint for the kill tests:
# {"create_before": s} (before the batch exists), {"create_after": s} (created, answer held),
# {"content_after_lines": (n, s)} (a download pauses after n lines).

BATCH_STATUSES_LIVE = ("validating", "in_progress", "finalizing", "cancelling")


class FakeBatches:
    """The files and batches endpoints' state; `fake.batches` (created on first use)."""

    def __init__(self, fake: FakeGroq) -> None:
        import tempfile

        self.fake = fake
        self.dir = tempfile.mkdtemp(prefix="fake-groq-files-")
        self.files: dict[str, dict[str, Any]] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.delay_s = 0.0
        self.fail_share = 0.0
        self.expire_share = 0.0
        self.bad_body_share = 0.0
        self.unknown_lines = 0
        self.reject_line = 0
        self.stall: dict[str, Any] = {}
        self.released = threading.Event()
        self.lock = threading.Lock()
        self.rng = random.Random(fake.rng.random())
        self.created = 0
        self.deleted: list[str] = []

    def configure(self, **options: Any) -> FakeBatches:
        for key, value in options.items():
            if not hasattr(self, key) or key in ("fake", "dir", "files", "batches", "lock", "released"):
                raise ValueError(f"unknown batch option {key}")
            setattr(self, key, value)
        return self

    def _hold(self, name: str) -> bool:
        """Pause as `stall[name]` says, until then or `release()`; True if it paused."""
        seconds = self.stall.get(name)
        if seconds:
            self.released.wait(float(seconds))
        return bool(seconds)

    def release(self) -> None:
        """End every stall now and for good."""
        self.stall.clear()
        self.released.set()

    # -- files ----------------------------------------------------------------------------

    def upload(self, content_type: str, raw: bytes) -> tuple[int, Any]:
        import email.policy
        from email.parser import BytesParser

        msg = BytesParser(policy=email.policy.default).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw
        )
        fields: dict[str, tuple[str | None, bytes]] = {}
        for part in msg.iter_parts() if msg.is_multipart() else []:
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            fields[str(name)] = (part.get_filename(), payload if isinstance(payload, bytes) else b"")
        if "file" not in fields:
            return 400, _error("missing file", "invalid_request_error", "invalid_request")
        filename, data = fields["file"]
        return 200, self._store(filename or "upload.jsonl", data, fields.get("purpose", (None, b"batch"))[1].decode())

    def _store(self, filename: str, data: bytes, purpose: str) -> dict[str, Any]:
        import os

        file_id = f"file_{uuid.UUID(int=self.rng.getrandbits(128)).hex[:24]}"
        path = os.path.join(self.dir, file_id)
        with open(path, "wb") as fh:
            fh.write(data)
        info = {
            "id": file_id,
            "object": "file",
            "bytes": len(data),
            "created_at": int(time.time()),
            "filename": filename,
            "purpose": purpose,
        }
        with self.lock:
            self.files[file_id] = {**info, "path": path}
        return info

    def file_info(self, file_id: str) -> dict[str, Any] | None:
        with self.lock:
            f = self.files.get(file_id)
        return {k: v for k, v in f.items() if k != "path"} if f else None

    def delete(self, file_id: str) -> tuple[int, Any]:
        import os

        with self.lock:
            f = self.files.pop(file_id, None)
        if f is None:
            return 404, _error(f"file {file_id} not found", "invalid_request_error", "not_found")
        os.unlink(f["path"])
        self.deleted.append(file_id)
        return 200, {"id": file_id, "object": "file", "deleted": True}

    def file_list(self) -> dict[str, Any]:
        with self.lock:
            data = [{k: v for k, v in f.items() if k != "path"} for f in self.files.values()]
        return {"object": "list", "data": data}

    # -- batches --------------------------------------------------------------------------

    def create(self, body: dict[str, Any]) -> tuple[int, Any]:
        if self._hold("create_before"):  # the request is lost before the batch exists
            return 503, _error("The server had an error", "internal_server_error", "service_unavailable")
        file_id = str(body.get("input_file_id") or "")
        with self.lock:
            f = self.files.get(file_id)
        if f is None:
            return 400, _error(f"input file {file_id} not found", "invalid_request_error", "invalid_request")
        if body.get("endpoint") != "/v1/chat/completions":
            return 400, _error("endpoint must be /v1/chat/completions", "invalid_request_error", "invalid_request")
        now = int(time.time())
        window = str(body.get("completion_window") or "24h")
        hours = int(window[:-1]) * (24 if window.endswith("d") else 1)
        batch_id = f"batch_{uuid.UUID(int=self.rng.getrandbits(128)).hex[:26]}"
        batch: dict[str, Any] = {
            "id": batch_id,
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "errors": None,
            "input_file_id": file_id,
            "completion_window": window,
            "status": "validating",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": now,
            "in_progress_at": None,
            "expires_at": now + hours * 3600,
            "finalizing_at": None,
            "completed_at": None,
            "failed_at": None,
            "expired_at": None,
            "cancelling_at": None,
            "cancelled_at": None,
            "request_counts": {"total": 0, "completed": 0, "failed": 0},
            "metadata": body.get("metadata"),
        }
        with self.lock:
            self.batches[batch_id] = batch
            self.created += 1
        threading.Thread(target=self._process, args=(batch_id, f["path"]), daemon=True, name="fake-batch").start()
        self._hold("create_after")
        return 200, dict(batch)

    def get(self, batch_id: str) -> dict[str, Any] | None:
        with self.lock:
            b = self.batches.get(batch_id)
            return json.loads(json.dumps(b)) if b else None

    def list(self) -> dict[str, Any]:
        with self.lock:
            data = [json.loads(json.dumps(b)) for b in self.batches.values()]
        return {"object": "list", "data": data, "has_more": False}

    def cancel(self, batch_id: str) -> tuple[int, Any]:
        with self.lock:
            b = self.batches.get(batch_id)
            if b is None:
                return 404, _error(f"batch {batch_id} not found", "invalid_request_error", "not_found")
            if b["status"] in BATCH_STATUSES_LIVE and b["status"] != "cancelling":
                b["status"], b["cancelling_at"] = "cancelling", int(time.time())
            return 200, json.loads(json.dumps(b))

    def _set(self, batch_id: str, **changes: Any) -> dict[str, Any]:
        with self.lock:
            b = self.batches[batch_id]
            b.update(changes)
            return b

    def _validate(self, path: str) -> tuple[int, dict[str, Any] | None]:
        """(lines, first validation error or None)."""
        n = 0
        with open(path, "rb") as fh:
            for n, raw in enumerate(fh, 1):  # noqa: B007 - n is the count
                try:
                    line = json.loads(raw)
                    ok = (
                        isinstance(line, dict)
                        and isinstance(line.get("custom_id"), str)
                        and line.get("method") == "POST"
                        and line.get("url") == "/v1/chat/completions"
                        and isinstance(line.get("body"), dict)
                    )
                except ValueError:
                    ok = False
                if not ok or n == self.reject_line:
                    return n, {"code": "invalid_request", "line": n, "message": f"line {n} is not a valid request"}
        return n, None

    def _process(self, batch_id: str, path: str) -> None:
        total, invalid = self._validate(path)
        if invalid is not None:
            self._set(
                batch_id, status="failed", failed_at=int(time.time()), errors={"object": "list", "data": [invalid]}
            )
            return
        self._set(batch_id, request_counts={"total": total, "completed": 0, "failed": 0})
        self.released.wait(self.delay_s / 2)  # release() ends the delay too
        if self.fake._stopping.is_set():
            return
        if self.get(batch_id)["status"] == "validating":  # type: ignore[index]
            self._set(batch_id, status="in_progress", in_progress_at=int(time.time()))
        self.released.wait(self.delay_s / 2)
        if self.fake._stopping.is_set():
            return
        run_until = total - int(total * self.expire_share)
        completed = failed = 0
        out_lines: list[bytes] = []
        err_lines: list[bytes] = []
        outcome = "completed"
        with open(path, "rb") as fh:
            for i, raw in enumerate(fh):
                line = json.loads(raw)
                if self.get(batch_id)["status"] == "cancelling":  # type: ignore[index]
                    outcome = "cancelled"
                if outcome == "cancelled" or i >= run_until:
                    if outcome != "cancelled":
                        outcome = "expired"
                    code = "batch_cancelled" if outcome == "cancelled" else "batch_expired"
                    err_lines.append(self._not_run(line["custom_id"], code))
                    continue
                draw = self.rng.random()
                if draw < self.fail_share:
                    failed += 1
                    err_lines.append(self._failed(line["custom_id"]))
                else:
                    completed += 1
                    out_lines.append(self._answer(line, bad=draw < self.fail_share + self.bad_body_share))
        for k in range(self.unknown_lines):
            out_lines.append(self._answer({"custom_id": f"unknown-{k}", "body": {"messages": []}}, bad=False))
        self.rng.shuffle(out_lines)  # unordered, like Groq
        out = self._store(f"{batch_id}_output.jsonl", b"".join(out_lines), "batch_output") if out_lines else None
        err = self._store(f"{batch_id}_error.jsonl", b"".join(err_lines), "batch_output") if err_lines else None
        now = int(time.time())
        stamp = {"completed": "completed_at", "expired": "expired_at", "cancelled": "cancelled_at"}[outcome]
        self._set(
            batch_id,
            status=outcome,
            output_file_id=out["id"] if out else None,
            error_file_id=err["id"] if err else {},  # Groq sends {} when there is none
            request_counts={"total": total, "completed": completed, "failed": failed},
            finalizing_at=now,
            **{stamp: now},
        )

    def _answer(self, line: dict[str, Any], bad: bool) -> bytes:
        body = line.get("body") or {}
        messages = [m for m in body.get("messages") or [] if isinstance(m, dict)]
        text = "".join(str(m.get("content") or "") for m in messages)
        user = "".join(str(m.get("content") or "") for m in messages if m.get("role") == "user")
        title_match = re.search(r"Title:\s*(.+)", user)
        with self.lock:
            answer = make_answer(user, title_match.group(1).strip() if title_match else "", self.rng)
            req = uuid.UUID(int=self.rng.getrandbits(128)).hex
        content = "{'summary': 'Sure!', edits: [" if bad else json.dumps(answer)
        prompt_tokens = math.ceil(len(text) / 4) + 4 * len(messages)
        completion_tokens = math.ceil(len(content) / 4)
        completion = {
            "id": f"chatcmpl-{req}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": str(body.get("model") or "unknown"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
            "system_fingerprint": "fp_fake",
            "x_groq": {"id": f"req_{req[:26]}"},
        }
        result = {
            "id": f"batch_req_{req[:24]}",
            "custom_id": line["custom_id"],
            "response": {"status_code": 200, "request_id": f"req_{req[:26]}", "body": completion},
            "error": None,
        }
        return json.dumps(result).encode() + b"\n"

    def _failed(self, custom_id: str) -> bytes:
        body = _error("The server had an error", "internal_server_error", "internal_server_error")
        result = {
            "id": f"batch_req_{uuid.uuid4().hex[:24]}",
            "custom_id": custom_id,
            "response": {"status_code": 500, "request_id": None, "body": body},
            "error": None,
        }
        return json.dumps(result).encode() + b"\n"

    def _not_run(self, custom_id: str, code: str) -> bytes:
        result = {
            "id": f"batch_req_{uuid.uuid4().hex[:24]}",
            "custom_id": custom_id,
            "response": None,
            "error": {"code": code, "message": "This request was not run before the batch ended."},
        }
        return json.dumps(result).encode() + b"\n"

    def send_content(self, handler: BaseHTTPRequestHandler, file_id: str) -> int:
        import os

        with self.lock:
            f = self.files.get(file_id)
        if f is None:
            return 404
        size = os.path.getsize(f["path"])
        stall = self.stall.get("content_after_lines")
        handler.send_response(200)
        handler.send_header("content-type", "application/octet-stream")
        handler.send_header("content-length", str(size))
        handler.end_headers()
        try:
            with open(f["path"], "rb") as fh:
                for n, raw in enumerate(fh, 1):
                    handler.wfile.write(raw)
                    if stall and n == stall[0]:
                        handler.wfile.flush()
                        self.released.wait(float(stall[1]))
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True
        return 200


def _fake_batches(fake: FakeGroq) -> FakeBatches:
    with fake.lock:
        store = fake.__dict__.get("_batches")
        if store is None:
            store = fake.__dict__["_batches"] = FakeBatches(fake)
    return store


FakeGroq.batches = property(_fake_batches)  # type: ignore[attr-defined]

_FILE = re.compile(r"^/openai/v1/files/([^/]+)$")
_CONTENT = re.compile(r"^/openai/v1/files/([^/]+)/content$")
_BATCH = re.compile(r"^/openai/v1/batches/([^/]+)$")
_CANCEL = re.compile(r"^/openai/v1/batches/([^/]+)/cancel$")


def _batch_route(handler: _Handler, method: str) -> bool:
    """Serve a files or batches request; False for any other path (chat, models)."""
    path = handler.path.split("?")[0].rstrip("/")
    if not (path.startswith("/openai/v1/files") or path.startswith("/openai/v1/batches")):
        return False
    started = time.monotonic()
    fake = handler.fake
    store = _fake_batches(fake)
    raw = handler.rfile.read(int(handler.headers.get("content-length") or 0)) if method == "POST" else b""
    status, body = 404, _error(f"Unknown request URL: {method} {path}", "invalid_request_error", "unknown_url")
    if not handler._authorised():
        status, body = 401, _error("Invalid API Key", "invalid_request_error", "invalid_api_key")
    elif method == "POST" and path == "/openai/v1/files":
        status, body = store.upload(handler.headers.get("content-type", ""), raw)
    elif method == "GET" and path == "/openai/v1/files":
        status, body = 200, store.file_list()
    elif method == "GET" and _CONTENT.match(path):
        m = _CONTENT.match(path)
        assert m
        status = store.send_content(handler, m.group(1))
        if status == 200:
            fake.record(status, started, method, path, {})
            return True
        body = _error("file not found", "invalid_request_error", "not_found")
    elif _FILE.match(path) and method in ("GET", "DELETE"):
        m = _FILE.match(path)
        assert m
        if method == "DELETE":
            status, body = store.delete(m.group(1))
        else:
            info = store.file_info(m.group(1))
            status, body = (
                (200, info) if info else (404, _error("file not found", "invalid_request_error", "not_found"))
            )
    elif method == "POST" and path == "/openai/v1/batches":
        try:
            request = json.loads(raw or b"{}")
        except ValueError:
            request = None
        if isinstance(request, dict):
            status, body = store.create(request)
        else:
            status, body = 400, _error("invalid JSON body", "invalid_request_error", "invalid_request")
    elif method == "GET" and path == "/openai/v1/batches":
        status, body = 200, store.list()
    elif method == "GET" and _BATCH.match(path):
        m = _BATCH.match(path)
        assert m
        got = store.get(m.group(1))
        status, body = (200, got) if got else (404, _error("batch not found", "invalid_request_error", "not_found"))
    elif method == "POST" and _CANCEL.match(path):
        m = _CANCEL.match(path)
        assert m
        status, body = store.cancel(m.group(1))
    fake.record(status, started, method, path, {})
    handler._send(status, {}, body)
    return True


def _do_delete(handler: _Handler) -> None:
    if not _batch_route(handler, "DELETE"):
        handler._send(404, {}, _error("Unknown request URL", "invalid_request_error", "unknown_url"))


_Handler.do_DELETE = _do_delete  # type: ignore[attr-defined]


def _add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--batch-delay-s", type=float, default=0.0, help="batch processing delay")
    parser.add_argument("--batch-fail-share", type=float, default=0.0, help="share of batch lines that fail")
    parser.add_argument("--batch-expire-share", type=float, default=0.0, help="share of lines left unrun (expired)")
    parser.add_argument(
        "--batch-bad-body-share", type=float, default=0.0, help="share of lines with unparseable answers"
    )


def _configure_batches(fake: FakeGroq, args: argparse.Namespace) -> None:
    _fake_batches(fake).configure(
        delay_s=args.batch_delay_s,
        fail_share=args.batch_fail_share,
        expire_share=args.batch_expire_share,
        bad_body_share=args.batch_bad_body_share,
    )


def _range(text: str) -> tuple[float, float]:
    lo, _, hi = text.partition(",")
    return float(lo), float(hi or lo)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    for lane, (label, _, _) in LABELS.items():
        parser.add_argument(f"--{lane}", type=int, default=0, help=f"{label} (0 = unlimited)")
    parser.add_argument("--window", choices=("sliding", "bucket"), default="sliding")
    parser.add_argument("--api-key", action="append", help="an accepted key (repeatable; default: any)")
    parser.add_argument("--latency-ms", type=_range, default=(0.0, 0.0), help="e.g. 200,600")
    parser.add_argument("--hang-s", type=float, default=60.0, help="how long a 'timeout' answer hangs")
    for fault in RATE_FAULTS:
        name = {"500": "error-500", "503": "error-503", "498": "error-498", "timeout": "timeout-rate"}.get(
            fault, f"{fault.replace('_', '-')}-rate"
        )
        parser.add_argument(
            f"--{name}", dest=f"rate_{fault}", type=float, default=0.0, help=f"share of requests answered as {fault}"
        )
    parser.add_argument(
        "--completion-tokens", type=_range, default=None, help="log-normal answer lengths: MEDIAN,SIGMA (e.g. 280,0.4)"
    )
    parser.add_argument("--flex-busy", type=float, default=0.0, help="share of flex requests answered 498")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--log", help="append one JSON line per request to this file")
    _add_batch_arguments(parser)
    args = parser.parse_args(argv)
    fake = FakeGroq(
        host=args.host,
        port=args.port,
        rpm=args.rpm,
        tpm=args.tpm,
        rpd=args.rpd,
        tpd=args.tpd,
        window=args.window,
        api_keys=args.api_key,
        latency_ms=args.latency_ms,
        hang_s=args.hang_s,
        seed=args.seed,
        log=args.log,
        rates={f: getattr(args, f"rate_{f}") for f in RATE_FAULTS},
        completion_tokens=args.completion_tokens,
        flex_busy=args.flex_busy,
    )
    _configure_batches(fake, args)
    print(f"listening on {fake.start()}", flush=True)
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    done.wait()
    fake.stop()
    print(json.dumps(fake.stats()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
