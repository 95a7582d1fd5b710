"""One item's work, independent of the queue: prepare, hash (`input_hash`), call the engine, finalize.

The pipeline calls `prepare` in its own thread (cheap, and a bad item must fail
before it costs a call), then `optimize` in the pool.
"""

from __future__ import annotations

import functools
import hashlib
import re
import time
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

from resume_opt.ats.proposal import Job, Proposal
from resume_opt.config import Settings
from resume_opt.db.queue import ClaimedItem
from resume_opt.engines.base import Engine
from resume_opt.errors import ItemRejected
from resume_opt.run.retry import CallStats, call_with_retries

# --- input_hash: what makes two optimizations the same piece of work ---

_WS = re.compile(r"[ \t]+")
_BLANKS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFKC, unified newlines, trimmed line ends and collapsed runs of spaces and blank lines."""
    if not unicodedata.is_normalized("NFKC", text):  # cleaned text already is: skip the copy
        text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(_WS.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()


@functools.lru_cache(maxsize=4096)
def _tail(title: str, company: str, description: str, engine: str, model: str, prompt_version: str) -> bytes:
    """The job-and-engine part of the hashed input; one job is paired with many resumes."""
    return b"".join(
        part.encode("utf-8", "surrogatepass") + b"\x1e"
        for part in (normalise(title), normalise(company), normalise(description), engine, model, prompt_version)
    )


def input_hash(
    resume: str, title: str, company: str, description: str, engine: str, model: str, prompt_version: str
) -> str:
    """sha256 of the normalised resume + job + engine + model + prompt version."""
    h = hashlib.sha256(normalise(resume).encode("utf-8", "surrogatepass") + b"\x1e")
    h.update(_tail(title, company, description, engine, model, prompt_version))
    return h.hexdigest()


@dataclass
class Prepared:
    """A claimed item made ready for the engine."""

    item: ClaimedItem
    resume: str
    job: Job
    input_hash: str


@dataclass
class Optimized:
    """A finished optimization, ready to write back and to cache."""

    result: dict[str, Any]
    score_before: float | None
    score_after: float | None
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float = 0.0
    latency_ms: int | None = None

    def cache_value(self) -> dict[str, Any]:
        return {"result": self.result, "score_before": self.score_before, "score_after": self.score_after}

    @classmethod
    def from_cache(cls, value: dict[str, Any]) -> Optimized:
        """A result served by the disk cache or the database: nothing billed, no latency."""
        return cls(value["result"], value.get("score_before"), value.get("score_after"), latency_ms=0)


@dataclass
class Called:
    """What one engine call, retries included, came to: a result or the error that ended it."""

    optimized: Optimized | None
    error: BaseException | None
    stats: CallStats


# Bump when the analysis code (keywords, score, guard, tailoring) changes what it produces.
ANALYSIS_CODE_VERSION = "2"  # 2: quarantine (issue 11)


@functools.lru_cache(maxsize=1)
def analysis_version() -> str:
    """The version of everything that turns a proposal into a result, for input_hash.

    Results depend on the skills taxonomy as much as on the engine: editing
    skills.yaml must make earlier results stale for dedup, like a new prompt does.
    """
    data = resources.files("resume_opt").joinpath("data/skills.yaml").read_bytes()
    return f"{ANALYSIS_CODE_VERSION}.{hashlib.sha256(data).hexdigest()[:12]}"


@functools.lru_cache(maxsize=1024)
def _job(title: str, company: str, description: str) -> Job:
    """A cleaned Job; cached because a night pairs each job with thousands of resumes."""
    from resume_opt.ats.text import clean_text

    return Job(clean_text(title), clean_text(company), clean_text(description))


def prepare(item: ClaimedItem, engine: Engine, settings: Settings) -> Prepared:
    """Clean and check the resume, build the job, compute input_hash; ItemRejected when unusable."""
    from resume_opt.ats.text import prepare_resume

    resume = prepare_resume(item.resume_text, settings.engine.max_resume_chars)
    job = _job(item.job_title, item.job_company, item.job_description)
    if not job.description.strip():
        raise ItemRejected("empty job description", kind="empty_job")
    digest = input_hash(
        resume,
        job.title,
        job.company,
        job.description,
        engine.name,
        engine.model,
        f"{engine.prompt_version}+ats.{analysis_version()}",
    )
    return Prepared(item, resume, job, digest)


def unchanged_result(resume: str) -> dict[str, Any]:
    """The result of the `null` engine: the resume as it was, nothing analysed."""
    return {
        "optimized_resume": resume,
        "summary": "",
        "edits_applied": [],
        "edits_rejected": [],
        "matched_keywords": [],
        "missing_keywords": [],
        "suggestions": [],
        "flags": [],
        "score_before": None,
        "score_after": None,
        "score_reason": "null engine: not analysed",
        "keywords": {"required": [], "preferred": []},
    }


def optimize(prep: Prepared, engine: Engine, settings: Settings, should_stop: Any = lambda: False) -> Called:
    """Call the engine under our retry policy and apply its proposal through the guard.

    The engine's error comes back in `Called.error` with the call counts (the run counts
    calls and 429s of failed items too); an error in applying the proposal raises."""
    stats = CallStats()
    started = time.perf_counter()
    try:
        proposal: Proposal = call_with_retries(
            lambda: engine.propose(prep.resume, prep.job), settings.retry, stats, should_stop
        )
    except Exception as exc:  # noqa: BLE001 - classified by run/outcome.py, not swallowed
        return Called(None, exc, stats)
    if not engine.analyses:
        result = unchanged_result(prep.resume)
    else:
        from resume_opt.ats.tailor import finalize

        result = finalize(prep.resume, prep.job, proposal)
    latency = proposal.latency_ms or int((time.perf_counter() - started) * 1000)
    optimized = Optimized(
        result=result,
        score_before=result.get("score_before"),
        score_after=result.get("score_after"),
        tokens_in=proposal.tokens_in,
        tokens_out=proposal.tokens_out,
        cost_usd=proposal.cost_usd,
        latency_ms=latency,
    )
    return Called(optimized, None, stats)
