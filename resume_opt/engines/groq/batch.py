"""Groq's Batch API: JSON Lines requests in, result lines out, and the files and batches calls.

A request line carries exactly the body the online engine sends (`chat_body`: the
same messages from `prompt.build_messages`, model, temperature, max tokens, JSON
mode); a result line is parsed by the same `prompt.parse_answer` into a Proposal,
priced at the batch discount. Files are streamed both ways: a request file is
written line by line to disk, a result file read line by line from the response,
so memory does not grow with the size of a batch. Every SDK failure becomes one of
`resume_opt.errors` with a one-line message (never a key, never resume text).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import groq

from resume_opt.ats.proposal import Job, Proposal
from resume_opt.engines.groq.prompt import PROMPT_VERSION, build_messages, chat_params, parse_answer
from resume_opt.errors import (
    BadOutputError,
    EngineAuthError,
    EngineError,
    ItemRejected,
    RunAbort,
    TransientEngineError,
)

if TYPE_CHECKING:
    from resume_opt.config import Settings

T = TypeVar("T")
ENDPOINT: Literal["/v1/chat/completions"] = "/v1/chat/completions"
# Metadata keys on a created batch: our row's token finds a batch created but never recorded.
META_TOKEN = "resume_opt_token"
META_ID = "resume_opt_batch"
# Error codes of lines that were never run (not the item's fault): returned uncharged.
NOT_RUN_CODES = frozenset({"batch_expired", "batch_cancelled", "expired", "cancelled"})


class BatchIdentity:
    """The groq engine's hash identity (name, model, prompt version) for input_hash.

    Batch and online runs of one model share it, so each serves the other's dedup.
    """

    name = "groq"
    prompt_version = PROMPT_VERSION

    def __init__(self, settings: Settings) -> None:
        self.model = settings.groq.model


def chat_body(settings: Settings, resume: str, job: Job) -> dict[str, Any]:
    """The chat-completions request body for one pair, as the online engine sends it."""
    if not resume.strip():
        raise ItemRejected("the resume is empty", kind="bad_input")
    if len(resume) > settings.engine.max_resume_chars:
        raise ItemRejected(
            f"the resume has {len(resume)} characters, over engine.max_resume_chars={settings.engine.max_resume_chars}",
            kind="too_large",
        )
    return chat_params(settings, build_messages(resume, job), settings.groq.max_tokens)


def request_line(custom_id: str, body: dict[str, Any]) -> bytes:
    """One input line of a batch file (newline included)."""
    line = {"custom_id": custom_id, "method": "POST", "url": ENDPOINT, "body": body}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


# --- result lines -------------------------------------------------------------------


@dataclass
class LineResult:
    """One result line: a proposal, or the error of that request; `not_run` lines go back uncharged."""

    custom_id: str
    proposal: Proposal | None = None
    error: EngineError | None = None
    not_run: bool = False
    tokens_in: int = 0
    tokens_out: int = 0


@dataclass(frozen=True)
class Prices:
    """USD per million tokens, on demand, and the batch discount."""

    input: float
    output: float
    discount: float

    def cost(self, tokens_in: int, tokens_out: int) -> tuple[float, float]:
        """(batch cost, the same call's on-demand cost)."""
        online = (tokens_in * self.input + tokens_out * self.output) / 1_000_000
        return online * (1 - self.discount), online

    @classmethod
    def of(cls, settings: Settings) -> Prices:
        price = settings.groq.prices.get(settings.groq.model) or [0.0, 0.0]
        return cls(float(price[0]), float(price[1]), settings.batch.discount)


def _error_of(status: int, body: Any) -> EngineError:
    err = body.get("error", body) if isinstance(body, dict) else {}
    code = str(err.get("code") or "") if isinstance(err, dict) else ""
    if status == 400 and code == "json_validate_failed":
        return BadOutputError(
            "Groq's JSON mode rejected the model's output (json_validate_failed)", kind="json_invalid"
        )
    if status == 413 or code in ("request_too_large", "context_length_exceeded"):
        return ItemRejected("the request is over the model's context or size limit", kind="too_large")
    if status == 429 or status >= 500 or status == 498:
        return TransientEngineError(f"Groq answered {status} {code}".rstrip(), kind="server_error")
    return TransientEngineError(f"Groq refused the request ({status} {code or 'error'})", kind="bad_request")


def parse_result_line(raw: bytes | str, prices: Prices) -> LineResult | None:
    """Parse one line of an output or error file; None when it has no usable custom_id."""
    # Long on purpose: one branch per shape a line can take (error object, non-200 response,
    # a 200 whose body is not a chat completion, a usable answer), in the order they are checked.
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("custom_id"), str):
        return None
    res = LineResult(custom_id=data["custom_id"])
    error = data.get("error")
    response = data.get("response")
    if isinstance(error, dict) and error:
        code = str(error.get("code") or "")
        if code in NOT_RUN_CODES:
            res.not_run = True
            return res
        if not isinstance(response, dict):
            res.error = TransientEngineError(f"Groq batch line failed ({code or 'error'})", kind="batch_line_failed")
            return res
    if not isinstance(response, dict):
        res.error = BadOutputError("the batch result line has no response", kind="json_invalid")
        return res
    status = response.get("status_code")
    body: Any = response.get("body")
    if status != 200:
        res.error = _error_of(int(status) if isinstance(status, int) else 0, body)
        return res
    try:
        choice = body["choices"][0]
        content = choice["message"]["content"] or ""
        finish = choice.get("finish_reason")
        usage = body.get("usage") or {}
        res.tokens_in, res.tokens_out = int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
    except (TypeError, KeyError, IndexError, AttributeError, ValueError):
        res.error = BadOutputError("the batch result body is not a chat completion", kind="json_invalid")
        return res
    cost, _ = prices.cost(res.tokens_in, res.tokens_out)
    if finish == "length":
        res.error = BadOutputError("the answer was cut off at max_tokens", kind="truncated")
        return res
    try:
        summary, edits, dropped = parse_answer(content)
    except BadOutputError as exc:
        res.error = exc
        return res
    extra: dict[str, Any] = {"request_id": response.get("request_id") or body.get("id"), "batch": True}
    if dropped:
        extra["dropped_edits"] = dropped
    res.proposal = Proposal(
        summary=summary,
        edits=edits,
        tokens_in=res.tokens_in,
        tokens_out=res.tokens_out,
        cost_usd=round(cost, 8),
        latency_ms=0,
        extra=extra,
    )
    return res


# --- the API --------------------------------------------------------------------------


@dataclass
class BatchInfo:
    """What Groq says of one batch."""

    id: str
    status: str
    input_file_id: str | None
    output_file_id: str | None
    error_file_id: str | None
    total: int
    completed: int
    failed: int
    expires_at: datetime | None
    metadata: dict[str, Any] = field(default_factory=dict)
    first_error: str | None = None


def _file_id(value: Any) -> str | None:
    # Groq may send error_file_id as {} rather than null when there is none.
    return value if isinstance(value, str) and value else None


def _when(value: Any) -> datetime | None:
    return datetime.fromtimestamp(value, UTC) if isinstance(value, (int, float)) and value > 0 else None


def batch_info(obj: Any) -> BatchInfo:
    """A BatchInfo from the SDK's batch object (or a plain dict)."""
    d: dict[str, Any] = (
        obj if isinstance(obj, dict) else obj.model_dump(warnings=False) if hasattr(obj, "model_dump") else {}
    )
    counts = d.get("request_counts") or {}
    errors = (d.get("errors") or {}).get("data") or []
    first = None
    if errors and isinstance(errors[0], dict):
        e = errors[0]
        where = f"line {e['line']}: " if e.get("line") is not None else ""
        first = f"{where}{e.get('message') or e.get('code') or 'validation failed'}"[:300]
    meta = d.get("metadata")
    return BatchInfo(
        id=str(d.get("id") or ""),
        status=str(d.get("status") or ""),
        input_file_id=_file_id(d.get("input_file_id")),
        output_file_id=_file_id(d.get("output_file_id")),
        error_file_id=_file_id(d.get("error_file_id")),
        total=int(counts.get("total") or 0),
        completed=int(counts.get("completed") or 0),
        failed=int(counts.get("failed") or 0),
        expires_at=_when(d.get("expires_at")),
        metadata=meta if isinstance(meta, dict) else {},
        first_error=first,
    )


class BatchClient:
    """Files and batches calls through the groq SDK; its own retries cover transient errors."""

    def __init__(self, settings: Settings) -> None:
        if not settings.secrets.groq_api_key:
            from resume_opt.errors import ConfigError

            raise ConfigError("batch mode needs GROQ_API_KEY in the environment")
        self.settings = settings
        self.client = groq.Groq(
            api_key=settings.secrets.groq_api_key,
            base_url=settings.secrets.groq_base_url or None,
            max_retries=3,
            timeout=max(settings.groq.timeout_s, 120),
        )

    def _call(self, what: str, fn: Callable[[], T]) -> T:
        try:
            return fn()
        except groq.APIStatusError as exc:
            if exc.status_code in (401, 403):
                raise EngineAuthError(f"Groq rejected the API key ({exc.status_code})") from None
            raise RunAbort(f"Groq batch API: {what} failed ({exc.status_code})") from None
        except groq.APITimeoutError:
            raise RunAbort(f"Groq batch API: {what} timed out") from None
        except groq.APIConnectionError:
            raise RunAbort(f"Groq batch API: cannot reach the API to {what}") from None

    def upload(self, path: Path, filename: str) -> str:
        """Upload a request file; return its file id."""

        def go() -> str:
            with path.open("rb") as fh:
                return str(self.client.files.create(file=(filename, fh, "application/jsonl"), purpose="batch").id)

        return self._call("upload", go)

    def create(self, file_id: str, token: str, our_id: int) -> BatchInfo:
        meta = {META_TOKEN: token, META_ID: str(our_id)}
        window = self.settings.batch.completion_window
        return batch_info(
            self._call(
                "create a batch",
                lambda: self.client.batches.create(
                    input_file_id=file_id, endpoint=ENDPOINT, completion_window=window, metadata=meta
                ),
            )
        )

    def retrieve(self, provider_id: str) -> BatchInfo:
        return batch_info(self._call("read a batch", lambda: self.client.batches.retrieve(provider_id)))

    def cancel(self, provider_id: str) -> BatchInfo:
        return batch_info(self._call("cancel a batch", lambda: self.client.batches.cancel(provider_id)))

    def list_batches(self) -> list[BatchInfo]:
        """Every batch of the organisation the API lists (following its cursor)."""
        out: list[BatchInfo] = []
        after: str | None = None
        for _ in range(1000):
            query = {"after": after} if after else None
            page = self._call("list batches", lambda q=query: self.client.batches.list(extra_query=q))  # type: ignore[misc]
            data = list(getattr(page, "data", None) or [])
            out.extend(batch_info(b) for b in data)
            more = bool(getattr(page, "has_more", False))
            if not more or not data:
                break
            after = str(getattr(page, "last_id", None) or out[-1].id)
        return out

    def find_file(self, filename: str) -> str | None:
        """The id of an uploaded file with this name, or None."""
        files = self._call("list files", lambda: self.client.files.list())
        for f in getattr(files, "data", None) or []:
            if getattr(f, "filename", None) == filename:
                return str(f.id)
        return None

    def delete_file(self, file_id: str) -> None:
        try:
            self.client.files.delete(file_id)
        except groq.NotFoundError:
            return  # already gone: what we wanted

    def iter_lines(self, file_id: str) -> Iterator[bytes]:
        """Stream a result file line by line (never held whole)."""
        try:
            with self.client.files.with_streaming_response.content(file_id) as resp:
                for line in resp.iter_lines():
                    if line.strip():
                        yield line.encode("utf-8") if isinstance(line, str) else line
        except groq.APIStatusError as exc:
            raise RunAbort(f"Groq batch API: download of a result file failed ({exc.status_code})") from None
        except (groq.APITimeoutError, groq.APIConnectionError):
            raise RunAbort("Groq batch API: cannot download a result file") from None

    def close(self) -> None:
        self.client.close()
