"""`resume-opt doctor`: check configuration, database, cache, reports and the API key."""

from __future__ import annotations

import tempfile
from typing import Any

from resume_opt.config import Settings
from resume_opt.engines import resolve_engine_name
from resume_opt.errors import ResumeOptError


def _check(name: str, fn: Any) -> dict[str, Any]:
    try:
        ok, detail = fn()
    except ResumeOptError as exc:
        ok, detail = False, str(exc)
    except Exception as exc:  # a check must report, never crash the table
        ok, detail = False, f"{type(exc).__name__}: {str(exc)[:160]}"
    return {"check": name, "ok": bool(ok), "detail": detail}


def _database(settings: Settings) -> tuple[bool, str]:
    from resume_opt.db.connect import open_database, server_version
    from resume_opt.db.migrations import MIGRATIONS, read_state

    db = open_database(settings, migrate=False, min_size=1, max_size=2)
    try:
        with db.connection() as conn:
            version = server_version(conn)
            state = read_state(conn)
    finally:
        db.close()
    where = f"{db.where} (PostgreSQL {version or '?'})"
    newer = state.newer_error()
    if newer is not None:
        return False, f"{where}: {newer}"
    known = len(MIGRATIONS)
    applied = known - len(state.pending)
    if state.pending:
        then = "the next command applies the rest" if settings.database.auto_migrate else "auto_migrate is off"
        return True, f"{where}: schema {applied}/{known}; {then} (or `resume-opt db migrate`)"
    return True, f"{where}, schema {applied}/{known} migrations"


def _writable_dir(path: Any, private: bool) -> tuple[bool, str]:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with tempfile.NamedTemporaryFile(dir=path, prefix=".doctor-"):
        pass
    mode = path.stat().st_mode & 0o777
    if private and mode & 0o077:
        return False, f"{path} is writable but mode {mode:o}; expected 700 (it holds personal data)"
    return True, f"{path} writable, mode {mode:o}"


def _api(settings: Settings) -> tuple[bool, str]:
    key = settings.secrets.groq_api_key
    engine = resolve_engine_name(settings.run.engine, settings)
    if not key:
        if engine == "groq":
            return False, "run.engine is groq but GROQ_API_KEY is not set"
        return True, f"GROQ_API_KEY not set: the {engine} engine will be used"
    import groq

    client = groq.Groq(
        api_key=key,
        base_url=settings.secrets.groq_base_url or None,
        max_retries=0,
        timeout=min(settings.groq.timeout_s, 15),
    )
    try:
        models = client.models.list()
    except groq.AuthenticationError:
        return False, "the API key was rejected (401)"
    except groq.PermissionDeniedError:
        return False, "the API key is not allowed to list models (403)"
    except groq.APIConnectionError:
        return False, "cannot reach the Groq API"
    except groq.APIStatusError as exc:
        return False, f"the Groq API answered {exc.status_code}"
    ids = [m.id for m in models.data]
    if settings.groq.model not in ids:
        return False, f"key accepted, but model {settings.groq.model} is not offered ({len(ids)} models)"
    return True, f"key accepted; model {settings.groq.model} available"


def _limits(settings: Settings) -> tuple[bool, str]:
    """The limits Groq announces for this key and model: one 1-token request, its headers read."""
    if not settings.secrets.groq_api_key or resolve_engine_name(settings.run.engine, settings) != "groq":
        return True, "no Groq key: no provider limits"
    import groq

    from resume_opt.engines.groq.headers import RateLimitHeaders

    client = groq.Groq(
        api_key=settings.secrets.groq_api_key,
        base_url=settings.secrets.groq_base_url or None,
        max_retries=0,
        timeout=min(settings.groq.timeout_s, 15),
    )
    try:
        raw = client.chat.completions.with_raw_response.create(
            model=settings.groq.model, messages=[{"role": "user", "content": "ping"}], max_completion_tokens=1
        )
        headers = raw.headers
    except groq.RateLimitError as exc:  # a 429 still carries the headers (and names a limit)
        headers = exc.response.headers
    except groq.APIStatusError as exc:
        return False, f"could not read the limits: Groq answered {exc.status_code}"
    except groq.APIError:
        return False, "could not read the limits: cannot reach the Groq API"
    finally:
        client.close()
    return True, _limits_line(settings, RateLimitHeaders.parse(headers))


def _limits_line(settings: Settings, h: Any) -> str:
    """What the provider announced, the share we use of it, and any cap the operator set."""
    parts = []
    if h.limit_tokens:
        parts.append(f"{h.limit_tokens:,} tokens per minute ({h.remaining_tokens or 0:,} left)")
    if h.limit_requests:
        parts.append(f"{h.limit_requests:,} requests per day ({h.remaining_requests or 0:,} left)")
    rl = settings.rate_limit
    caps = [
        f"{name} {value:,}"
        for name, value in (
            ("requests/min", rl.requests_per_minute),
            ("tokens/min", rl.tokens_per_minute),
            ("requests/day", rl.requests_per_day),
            ("tokens/day", rl.tokens_per_day),
        )
        if value
    ]
    said = "; ".join(parts) if parts else "no x-ratelimit headers"
    return (
        f"{settings.groq.model}: {said}; requests per minute and tokens per day show only in a 429"
        f"; using {rl.share:.0%} of them" + (f", capped at {', '.join(caps)}" if caps else "")
    )


def run_checks(settings: Settings) -> list[dict[str, Any]]:
    """Every check, in order; each {check, ok, detail}."""
    return [
        {
            "check": "configuration",
            "ok": True,
            "detail": f"engine {resolve_engine_name(settings.run.engine, settings)}, {settings.run.workers} workers, "
            f"chunks of {settings.run.chunk_size}, rate limit scope {settings.rate_limit.scope}",
        },
        _check("database", lambda: _database(settings)),
        _check("cache directory", lambda: _writable_dir(settings.cache_dir, private=True)),
        _check("reports directory", lambda: _writable_dir(settings.reports_dir, private=False)),
        _check("API key", lambda: _api(settings)),
        _check("limits", lambda: _limits(settings)),
    ]
