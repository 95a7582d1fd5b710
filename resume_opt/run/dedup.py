"""Dedup: serve an item from the disk cache, then the database, then a call already in flight.

Identical inputs (same `input_hash`) make one engine call per run: the first item
starts it, later ones wait on it. One map, `calls`, holds every call in flight with
the items waiting on it, so there is no second structure to keep in step.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

from resume_opt.cache import ResultCache
from resume_opt.run.chunk import Chunk
from resume_opt.run.item import Called, Prepared


@dataclass
class Waiter:
    chunk: Chunk
    prep: Prepared


@dataclass
class Call:
    """One engine call in flight and every item it will serve (the first started it)."""

    future: Future[Called]
    waiters: list[Waiter] = field(default_factory=list)

    @property
    def input_hash(self) -> str:
        return self.waiters[0].prep.input_hash


@dataclass
class Routed:
    """Where the prepared items of a chunk went."""

    hits: list[tuple[Prepared, dict[str, Any], bool]] = field(default_factory=list)  # (prep, value, from db)
    joined: int = 0  # items now waiting on a call started earlier
    started: int = 0  # new engine calls


Lookup = Callable[[list[str]], dict[str, dict[str, Any]]]


def known_results(
    cache: ResultCache, lookup: Lookup, preps: list[Prepared], pending: Callable[[str], bool] = lambda h: False
) -> tuple[list[tuple[Prepared, dict[str, Any], bool]], list[Prepared]]:
    """The first two layers, shared by online and batch runs: what the disk cache, then the
    database (every host's successes, asked once for the chunk) already answer — as (prep,
    value, from the database) — and the rest. Inputs `pending` already answers (a call in
    flight, a batch carrying it) are not looked up."""
    hits: list[tuple[Prepared, dict[str, Any], bool]] = []
    missing: list[Prepared] = []
    for prep in preps:
        hit = cache.get(prep.input_hash)
        if hit is not None:
            hits.append((prep, hit, False))
        else:
            missing.append(prep)
    hashes = sorted({p.input_hash for p in missing if not pending(p.input_hash)})
    found = lookup(hashes) if hashes else {}
    rest: list[Prepared] = []
    for prep in missing:
        if prep.input_hash in found:
            hits.append((prep, found[prep.input_hash], True))
        else:
            rest.append(prep)
    return hits, rest


class Dedup:
    """The run's three dedup layers; `lookup` asks the database for earlier successes by hash."""

    def __init__(self, cache: ResultCache, lookup: Lookup) -> None:
        self.cache = cache
        self.lookup = lookup
        self.calls: dict[str, Call] = {}

    def route(self, chunk: Chunk, preps: list[Prepared], submit: Callable[[Prepared], Future[Called]]) -> Routed:
        """Cache first, then the database (shared by every host), then a call in flight, else `submit`."""
        out = Routed()
        out.hits, rest = known_results(self.cache, self.lookup, preps, self.calls.__contains__)
        for prep in rest:
            if prep.input_hash in self.calls:
                out.joined += 1
                self.calls[prep.input_hash].waiters.append(Waiter(chunk, prep))
            else:
                out.started += 1
                self.calls[prep.input_hash] = Call(submit(prep), [Waiter(chunk, prep)])
        return out

    def in_flight(self) -> list[Future[Called]]:
        return [c.future for c in self.calls.values()]

    def finish(self, future: Future[Called]) -> Call:
        """Remove and return the call that `future` belongs to."""
        for digest, call in self.calls.items():
            if call.future is future:
                return self.calls.pop(digest)
        raise KeyError("not a call of this run")

    def drop_all(self) -> list[Call]:
        """Forget every call in flight (the run is releasing everything); return them."""
        calls, self.calls = list(self.calls.values()), {}
        return calls
