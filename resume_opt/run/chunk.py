"""A claimed chunk and the outcomes of its items, until it is written back in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from resume_opt.db import queue
from resume_opt.run.item import Optimized, Prepared
from resume_opt.run.outcome import Action, Outcome, backoff_s


@dataclass
class Chunk:
    """One claim's items; `unfinished` empties as each gets an outcome."""

    number: int
    items: dict[int, queue.ClaimedItem]
    unfinished: set[int]
    successes: list[queue.Success] = field(default_factory=list)
    failures: list[queue.Failure] = field(default_factory=list)
    released: list[int] = field(default_factory=list)
    to_cache: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @classmethod
    def of(cls, number: int, items: list[queue.ClaimedItem]) -> Chunk:
        return cls(number, {it.id: it for it in items}, {it.id for it in items})

    @property
    def done(self) -> bool:
        return not self.unfinished

    def succeed(self, prep: Prepared, opt: Optimized, identity: tuple[str, str, str], billed: bool) -> None:
        """Record a success; `billed` carries the call's tokens and cost (the first item served by it)."""
        engine, model, prompt_version = identity
        self.successes.append(
            queue.Success(
                id=prep.item.id,
                input_hash=prep.input_hash,
                engine=engine,
                model=model,
                prompt_version=prompt_version,
                result=opt.result,
                score_before=opt.score_before,
                score_after=opt.score_after,
                tokens_in=opt.tokens_in if billed else 0,
                tokens_out=opt.tokens_out if billed else 0,
                cost_usd=opt.cost_usd if billed else 0.0,
                latency_ms=opt.latency_ms if billed else 0,
            )
        )
        self.unfinished.discard(prep.item.id)

    def fail(self, item: queue.ClaimedItem, outcome: Outcome, base_s: float, max_s: float) -> None:
        """Record a failure: final at once (FAILED) or retried later with backoff until max_attempts."""
        permanent = outcome.action is Action.FAILED
        wait = backoff_s(item.attempts, base_s, max_s)
        self.failures.append(queue.Failure(item.id, outcome.kind, outcome.error, permanent, wait))
        self.unfinished.discard(item.id)

    def release(self, item_id: int) -> None:
        """Give the item back to `pending`, uncharged."""
        self.released.append(item_id)
        self.unfinished.discard(item_id)

    def release_rest(self) -> None:
        for item_id in list(self.unfinished):
            self.release(item_id)

    def computed(self) -> list[tuple[str, dict[str, Any]]]:
        """Cache entries for every success recorded so far (kept even if the write-back is lost)."""
        return [
            (s.input_hash, {"result": s.result, "score_before": s.score_before, "score_after": s.score_after})
            for s in self.successes
        ]
