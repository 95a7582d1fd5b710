"""Engines behind one protocol (engines/base.py); `make_engine` picks one by name.

`auto` means groq when GROQ_API_KEY is set, else the offline `local` engine.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from resume_opt.errors import ConfigError

if TYPE_CHECKING:
    from resume_opt.config import Settings
    from resume_opt.engines.base import Engine


def resolve_engine_name(name: str, settings: Settings) -> str:
    """Turn `auto` into a concrete engine name: groq with a key, else the offline engine."""
    if name == "auto":
        return "groq" if settings.secrets.groq_api_key else "local"
    return name


def make_engine(name: str, settings: Settings, pool: Any = None, deadline: float | None = None) -> Engine:
    """Build the named engine. `pool` (psycopg_pool) serves a database-scoped rate limiter;
    `deadline` (time.monotonic) lets the limiter refuse waits that outlast the run."""
    name = resolve_engine_name(name, settings)
    if name == "null":
        from resume_opt.engines.null import NullEngine

        return NullEngine()
    if name == "local":
        from resume_opt.engines.local import LocalEngine

        return LocalEngine(settings)
    if name == "groq":
        if not settings.secrets.groq_api_key:
            raise ConfigError("engine groq needs GROQ_API_KEY in the environment")
        from resume_opt.engines.groq.engine import GroqEngine
        from resume_opt.engines.groq.limiter import make_limiter
        from resume_opt.log import quiet_libraries

        quiet_libraries()  # importing the SDK may have switched its debug log on (GROQ_LOG)

        from resume_opt.engines.groq.prompt import PROMPT_VERSION
        from resume_opt.engines.groq.sizing import CompletionSizer

        limiter = make_limiter(settings, pool=pool, deadline=deadline or (time.monotonic() + 86400))
        # The completion lengths that size max_tokens live in the database, shared by every host.
        engine: Engine = GroqEngine(settings, limiter, CompletionSizer(settings, PROMPT_VERSION, pool))
        return engine
    raise ConfigError(f"run.engine: unknown engine {name!r}")
