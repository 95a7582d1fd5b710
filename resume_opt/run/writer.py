"""The ordered writer: one thread persists chunk write-backs (with the cache entries found in
the database), in claim order.

The main thread hands it each finished chunk and goes on claiming; at most
`MAX_PENDING_WRITES` chunks wait, so a slow database slows claiming instead of
piling results up in memory. A lost database surfaces when a write is collected.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from resume_opt.cache import ResultCache
from resume_opt.run.chunk import Chunk

log = logging.getLogger(__name__)

# Chunks handed to the writer thread and not yet written; beyond this the main thread waits.
MAX_PENDING_WRITES = 2


class ChunkWriter:
    """`write_back(chunk) -> counts` runs on the writer thread, after the chunk's cache entries;
    `on_written(chunk, counts)` runs on the caller's thread as each write is collected, in order."""

    def __init__(
        self,
        cache: ResultCache,
        write_back: Callable[[Chunk], dict[str, int]],
        on_written: Callable[[Chunk, dict[str, int]], None],
    ) -> None:
        self.cache = cache
        self._write_back = write_back
        self._on_written = on_written
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="writer")
        self._writes: deque[tuple[Chunk, Future[dict[str, int]]]] = deque()

    @property
    def busy(self) -> bool:
        return bool(self._writes)

    def submit(self, chunk: Chunk) -> None:
        """Queue `chunk` for writing; wait for the oldest writes beyond the bound."""
        self._writes.append((chunk, self._pool.submit(self._write, chunk)))
        while len(self._writes) > MAX_PENDING_WRITES:
            self._pop()

    def collect(self, block: bool) -> None:
        """Account for finished writes in order (all of them when `block`); a lost database raises here."""
        while self._writes and (block or self._writes[0][1].done()):
            self._pop()

    def abandon(self) -> None:
        """The database is gone: let the queued writes fail fast (their results are cached)."""
        while self._writes:
            _, pending = self._writes.popleft()
            pending.exception()

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    def _pop(self) -> None:
        chunk, fut = self._writes.popleft()
        self._on_written(chunk, fut.result())

    def _write(self, chunk: Chunk) -> dict[str, int]:
        self.cache.set_many(chunk.to_cache)  # a result survives a lost write-back
        return self._write_back(chunk)
