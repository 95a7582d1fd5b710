"""Crash files: where the traceback of an internal error goes, instead of the terminal.

The user sees one line naming the file. The file holds the exception's type and the
stack (file, line, function, source line) of it and of its causes — never the
exception's message or any local variable, since either may quote resume text, a
DSN or a key. It lives in `<data dir>/crashes/`, readable by the owner only.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from resume_opt import __version__
from resume_opt.log import scrub


def _chain(exc: BaseException) -> list[BaseException]:
    out: list[BaseException] = []
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        out.append(cur)
        cur = cur.__cause__ or (None if cur.__suppress_context__ else cur.__context__)
    return out


def crash_text(exc: BaseException, run_id: int | None = None) -> str:
    """The crash report for `exc`: types and stack frames only (no messages, no locals)."""
    lines = [
        f"resume-opt {__version__} internal error at {datetime.now(UTC).isoformat(timespec='seconds')}",
        f"python {platform.python_version()} on {sys.platform}; pid {os.getpid()}"
        + (f"; run {run_id}" if run_id else ""),
        "(exception messages are withheld: they may quote resume text or secrets)",
        "",
    ]
    for i, err in enumerate(reversed(_chain(exc))):
        if i:
            lines += ["", "which led to:", ""]
        lines.append(f"{type(err).__module__}.{type(err).__qualname__}")
        for frame in traceback.extract_tb(err.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
    return scrub("\n".join(lines)) + "\n"  # source lines too: a DSN could be written in code


def write_crash_file(exc: BaseException, home: Path, run_id: int | None = None) -> Path | None:
    """Write the crash report under `home/crashes/`; None when even that is impossible."""
    try:
        folder = home / "crashes"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        path = folder / f"crash-{stamp}-{os.getpid()}{f'-run{run_id}' if run_id else ''}.txt"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(crash_text(exc, run_id))
        return path
    except OSError:
        return None
