"""Progress of a run: a Rich bar on a terminal, plain periodic log lines otherwise (cron)."""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

log = logging.getLogger("resume_opt.run.progress")


class LineProgress:
    """Logs `done/total, rate` at most every `interval_s` seconds."""

    def __init__(self, total: int, interval_s: float) -> None:
        self.total, self.done, self.interval = total, 0, interval_s
        self._t0 = self._last = time.monotonic()

    def advance(self, n: int, counters: Any) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            rate = self.done / max(now - self._t0, 1e-9)
            log.info(
                "progress: %d/%d items, %.1f items/s, %d succeeded, %d failed, %d cached",
                self.done,
                self.total,
                rate,
                counters.succeeded,
                counters.failed,
                counters.cached,
            )

    def close(self) -> None:
        return None


class RichProgress:
    """A progress bar on stderr."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._p = Progress(
            TextColumn("[bold]run"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[info]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._p.add_task("run", total=total or None, info="")
        self._p.start()

    def advance(self, n: int, counters: Any) -> None:
        self._p.update(
            self._task, advance=n, info=f"ok {counters.succeeded} failed {counters.failed} cached {counters.cached}"
        )

    def close(self) -> None:
        self._p.stop()


def make_progress(total: int, interval_s: float, quiet: bool = False) -> Any:
    if not quiet and sys.stderr.isatty():
        return RichProgress(total)
    return LineProgress(total, interval_s)
