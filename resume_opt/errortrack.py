"""Optional error tracking with Sentry, scrubbed of personal data.

With `SENTRY_DSN` set (`settings.secrets.sentry_dsn`) and the `sentry` extra installed
(`pip install 'resume-opt[sentry]'`), the CLI's edge reports unexpected errors
(`capture_exception`) and every run that had item failures reports one summary
(`report_run_summary`): counts and error kinds, never items. Events are tagged with
the run id, host, engine and model.

What leaves the host is decided here, not by the SDK's defaults: no default
integrations (the logging one would turn any log line into an event, the
breadcrumbs would carry log text), no local variables, no request or user data.
`before_send` then keeps an allowlist of event fields and scrubs every string left:
secrets (the loaded ones and anything shaped like a DSN password or an API key),
email addresses, phone numbers and names. An exception's message is kept only for
errors whose messages are written for operators (ours, psycopg's, the HTTP and
Groq clients'); any other exception is reported by type and place alone, because
its message may quote a resume.

Without the SDK or without a DSN every function here is a no-op; a DSN set without
the SDK is said once on stderr.
"""

from __future__ import annotations

import logging
import re
import socket
import sys
from typing import Any

from resume_opt import __version__
from resume_opt.config import Settings
from resume_opt.log import scrub as scrub_secrets

log = logging.getLogger(__name__)

_state: dict[str, Any] = {"enabled": False, "warned": False}

# Exceptions from these modules have operator-facing messages worth keeping (scrubbed).
MESSAGE_MODULES = ("resume_opt.errors", "psycopg", "psycopg_pool", "groq", "httpx")
TAGS = ("run_id", "host", "engine", "model", "kind", "stop_reason", "command")
_EVENT_FIELDS = {
    "event_id",
    "timestamp",
    "level",
    "platform",
    "logger",
    "release",
    "environment",
    "server_name",
    "sdk",
    "tags",
    "exception",
    "message",
    "logentry",
    "extra",
    "contexts",
    "fingerprint",
    "type",
}
_CONTEXTS = ("os", "runtime", "trace")
_FRAME_FIELDS = ("filename", "module", "function", "lineno", "in_app", "abs_path")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Seven or more digits, optionally grouped by spaces, dots, dashes or brackets, optional +.
_PHONE = re.compile(r"(?<![\w.])\+?\(?\d(?:[\s().-]{0,2}\d){6,}(?![\w.])")
# Two or more capitalised words in a row ("Jane Doe", "Mary-Ann O'Neil"): a name, most likely.
_NAME = re.compile(r"\b[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?)+\b")
MAX_MESSAGE = 300


def scrub_text(text: str) -> str:
    """A string with secrets, email addresses, phone numbers and names replaced."""
    text = scrub_secrets(text)
    text = _EMAIL.sub("[email]", text)
    text = _PHONE.sub("[phone]", text)
    return _NAME.sub("[name]", text)


def _scrub_value(value: Any) -> Any:
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {str(k): _scrub_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_scrub_value(v) for v in value]
    return value


def _message_is_safe(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") or module.startswith(m + "_") for m in MESSAGE_MODULES)


def _scrub_exception(values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for exc in values:
        exc_type, module = str(exc.get("type") or ""), str(exc.get("module") or "")
        text = str(exc.get("value") or "")
        if _message_is_safe(module):
            value = (text.strip().splitlines() or [""])[0][:MAX_MESSAGE]
        else:
            value = f"[message withheld: {len(text)} characters]"
        frames = [{k: f[k] for k in _FRAME_FIELDS if k in f} for f in (exc.get("stacktrace") or {}).get("frames", [])]
        out.append(
            {
                "type": exc_type,
                "module": module,
                "value": value,
                "mechanism": exc.get("mechanism"),
                "stacktrace": {"frames": frames},
            }
        )
    return out


def before_send(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """Keep an allowlist of the event's fields and scrub every string in what is kept."""
    kept = {k: v for k, v in event.items() if k in _EVENT_FIELDS}
    if "exception" in kept:
        kept["exception"] = {"values": _scrub_exception(list((kept["exception"] or {}).get("values") or []))}
    if "contexts" in kept:
        kept["contexts"] = {k: v for k, v in (kept["contexts"] or {}).items() if k in _CONTEXTS}
    if "tags" in kept:
        kept["tags"] = {k: v for k, v in dict(kept["tags"] or {}).items() if k in TAGS}
    if "logentry" in kept:
        entry = kept["logentry"] or {}
        kept["logentry"] = {"message": str(entry.get("formatted") or entry.get("message") or "")[:MAX_MESSAGE]}
    scrubbed: dict[str, Any] = _scrub_value(kept)
    # Tags and the host are ours and were never personal data; keep them readable.
    if "tags" in kept:
        scrubbed["tags"] = {k: str(v) for k, v in kept["tags"].items()}
    return scrubbed


def _drop_breadcrumb(crumb: dict[str, Any], hint: dict[str, Any] | None = None) -> None:
    return None  # breadcrumbs would carry log text; none leaves the host


def init(settings: Settings, command: str | None = None) -> bool:
    """Start error tracking when SENTRY_DSN is set and sentry-sdk is installed; True if on."""
    dsn = settings.secrets.sentry_dsn
    if not dsn:
        return False
    try:
        import sentry_sdk
    except ImportError:
        if not _state["warned"]:
            _state["warned"] = True
            print(
                "resume-opt: SENTRY_DSN is set but sentry-sdk is not installed "
                "(pip install 'resume-opt[sentry]'); errors are not reported",
                file=sys.stderr,
            )
        return False
    if not _state["enabled"]:
        options: dict[str, Any] = {
            "dsn": dsn,
            "release": f"resume-opt@{__version__}",
            "default_integrations": False,
            "auto_enabling_integrations": False,
            "integrations": [],
            "include_local_variables": False,
            "include_source_context": False,
            "max_breadcrumbs": 0,
            "before_send": before_send,
            "before_breadcrumb": _drop_breadcrumb,
            "traces_sample_rate": 0,
            "shutdown_timeout": 2,
        }
        sentry_sdk.init(**options)
        _state["enabled"] = True
        sentry_sdk.set_tag("host", socket.gethostname())
    if command:
        sentry_sdk.set_tag("command", command)
    return True


def enabled() -> bool:
    return bool(_state["enabled"])


def set_run(run_id: int | None = None, engine: str | None = None, model: str | None = None) -> None:
    """Tag what follows with the run and its engine and model (given parts only)."""
    if not _state["enabled"]:
        return
    import sentry_sdk

    for key, value in (("run_id", run_id), ("engine", engine), ("model", model)):
        if value is not None:
            sentry_sdk.set_tag(key, str(value))


def capture_exception(exc: BaseException) -> None:
    """Report an unexpected error (type, place and, for operator-facing errors, its message)."""
    if not _state["enabled"]:
        return
    import sentry_sdk

    sentry_sdk.capture_exception(exc)
    sentry_sdk.flush(timeout=5)


def report_run_summary(report: dict[str, Any]) -> None:
    """One event for a run whose items failed (or that crashed): counts and error kinds only."""
    if not _state["enabled"]:
        return
    failed = int(report.get("failed") or 0)
    errors = {str(k): int(v) for k, v in dict(report.get("errors") or {}).items()}
    code = int(report.get("exit_code") or 0)
    if not failed and not errors and code != 70:
        return
    import sentry_sdk

    with sentry_sdk.new_scope() as scope:
        scope.set_tag("run_id", str(report.get("run_id")))
        scope.set_tag("engine", str(report.get("engine")))
        scope.set_tag("model", str(report.get("model")))
        scope.set_tag("stop_reason", str(report.get("stop_reason")))
        scope.set_extra(
            "counts",
            {k: report.get(k) for k in ("claimed", "succeeded", "failed", "retried", "released", "cached")},
        )
        scope.set_extra("errors", errors)
        scope.set_extra("exit_code", code)
        scope.fingerprint = ["run-summary", str(report.get("engine")), ",".join(sorted(errors))]
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(errors.items())) or "none"
        sentry_sdk.capture_message(
            f"run {report.get('run_id')}: {failed} of {report.get('claimed')} items failed (errors: {kinds})",
            level="error" if code == 70 else "warning",
        )
    sentry_sdk.flush(timeout=5)


def shutdown() -> None:
    """Flush and stop the client (tests, and the end of a command)."""
    if not _state["enabled"]:
        return
    import sentry_sdk

    client = sentry_sdk.get_client()
    client.close(timeout=2)
    _state["enabled"] = False
