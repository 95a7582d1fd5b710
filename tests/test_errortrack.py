"""Error tracking: events go to a local HTTP endpoint standing in for Sentry (the real
sentry-sdk, its real transport), and none of them carries resume text, a name, an email
address, a phone number or a secret. Unexpected errors and run summaries are tagged with
run id, host, engine and model.
"""

from __future__ import annotations

import gzip
import json
import logging
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import psycopg
import pytest
from typer.testing import CliRunner

from resume_opt import commands, errortrack
from resume_opt.cli import app
from resume_opt.config import load_settings
from resume_opt.errors import DatabaseError
from resume_opt.secrets import Secrets
from tests.conftest import run_cli
from tests.helpers import migrate

pytest.importorskip("sentry_sdk", reason="the sentry extra (sentry-sdk) is not installed")

KEY = "gsk_topsecretapikey1234567890abcd"
DB_PASSWORD = "s3cr3t-db-pass"
NAME = "Jane Doe"
EMAIL = "jane.doe@example.com"
PHONES = ["+1 (415) 555-0123", "415-555-0199", "+44 20 7946 0958"]
RESUME = "Led migration of the billing platform to Kubernetes, cutting costs by 40%"
SENSITIVE = [KEY, DB_PASSWORD, NAME, EMAIL, *PHONES, RESUME, "Jane", "jane.doe", "555-0123", "billing platform"]


class FakeSentry:
    """A tiny HTTP server that accepts Sentry envelopes and keeps each item's JSON."""

    def __init__(self) -> None:
        self.bodies: list[str] = []
        self.events: list[dict[str, Any]] = []
        self.received = threading.Condition()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                encoding = self.headers.get("Content-Encoding", "")
                if encoding == "gzip":
                    raw = gzip.decompress(raw)
                elif encoding:
                    raise AssertionError(f"unexpected Content-Encoding {encoding}")
                text = raw.decode("utf-8")
                items = [json.loads(line) for line in text.splitlines() if line.strip()]
                with outer.received:
                    outer.bodies.append(text)
                    outer.events += [i for i in items if "event_id" in i and ("level" in i or "exception" in i)]
                    outer.received.notify_all()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args: Any) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.dsn = f"http://publickey@127.0.0.1:{self.server.server_address[1]}/1"

    def wait_for(self, n: int, timeout: float = 60) -> list[dict[str, Any]]:
        with self.received:
            self.received.wait_for(lambda: len(self.events) >= n, timeout=timeout)
            return list(self.events)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def assert_clean(self, *more: str) -> None:
        """No body sent carries any personal or secret string (any case; raw or JSON-decoded)."""
        assert self.bodies, "nothing was sent"
        for body in self.bodies:
            decoded = " ".join(json.dumps(json.loads(line), ensure_ascii=False) for line in body.splitlines() if line)
            for text in (*SENSITIVE, *more):
                for where in (body, decoded):
                    assert text.lower() not in where.lower(), f"{text!r} was sent to Sentry"


@pytest.fixture
def sentry() -> Iterator[FakeSentry]:
    fake = FakeSentry()
    yield fake
    errortrack.shutdown()
    fake.close()


def _settings(dsn: str, database_url: str = "") -> Any:
    url = database_url or f"postgresql://app:{DB_PASSWORD}@127.0.0.1:1/none"
    return load_settings(secrets=Secrets(database_url=url, groq_api_key=KEY, sentry_dsn=dsn))


def _tags(event: dict[str, Any]) -> dict[str, str]:
    return dict(event.get("tags") or {})


def test_unexpected_errors_and_run_summaries_are_reported_scrubbed(sentry: FakeSentry) -> None:
    settings = _settings(sentry.dsn)
    assert errortrack.init(settings, command="run")
    errortrack.set_run(run_id=41, engine="groq", model="llama-3.3-70b-versatile")
    logging.getLogger("resume_opt.test").error("candidate %s <%s> failed: %s", NAME, EMAIL, RESUME)

    def parse(resume: str, email: str, phone: str) -> None:
        secret = KEY  # a local variable holding a secret must not travel either
        raise ValueError(f"cannot parse resume of {NAME} ({email}, {phone}, {secret}): {resume}")

    try:
        parse(RESUME, EMAIL, PHONES[0])
    except ValueError as exc:
        errortrack.capture_exception(exc)
    # Our own errors keep their (operator-facing) message, scrubbed all the same.
    errortrack.capture_exception(
        DatabaseError(f"cannot reach postgresql://app:{DB_PASSWORD}@db for {EMAIL} / {PHONES[1]} key {KEY}")
    )
    errortrack.report_run_summary(
        {
            "run_id": 41,
            "engine": "groq",
            "model": "llama-3.3-70b-versatile",
            "claimed": 10,
            "succeeded": 7,
            "failed": 3,
            "errors": {"bad_input": 2, "bad_output": 1},
            "stop_reason": "done",
            "exit_code": 1,
        }
    )
    errortrack.report_run_summary({"run_id": 42, "failed": 0, "errors": {}, "exit_code": 0})  # nothing to say
    events = sentry.wait_for(3)
    errortrack.shutdown()
    assert len(events) == 3, events
    sentry.assert_clean()
    for event in events:
        tags = _tags(event)
        assert tags["run_id"] == "41" and tags["engine"] == "groq" and tags["model"] == "llama-3.3-70b-versatile"
        assert tags["host"] == socket.gethostname()
        assert "breadcrumbs" not in event and "request" not in event and "user" not in event
    by_type = {e["exception"]["values"][-1]["type"]: e for e in events if "exception" in e}
    value_error = by_type["ValueError"]["exception"]["values"][-1]
    assert value_error["value"].startswith("[message withheld")
    assert value_error["stacktrace"]["frames"][-1]["function"] == "parse"
    assert all("vars" not in f for f in value_error["stacktrace"]["frames"])
    db_error = by_type["DatabaseError"]["exception"]["values"][-1]["value"]
    assert "[email]" in db_error and "[phone]" in db_error and "cannot reach" in db_error
    (summary,) = [e for e in events if "exception" not in e]
    assert summary["level"] == "warning" and "3 of 10 items failed" in json.dumps(summary)
    assert summary["extra"]["errors"] == {"bad_input": 2, "bad_output": 1}


def test_scrub_text_removes_each_kind() -> None:
    text = f"{NAME} <{EMAIL}> tel {PHONES[0]} / {PHONES[2]} key {KEY}; 2 of 10 failed in 1.5 s, run 12345"
    out = errortrack.scrub_text(text)
    for secret in (NAME, EMAIL, *PHONES, KEY):
        assert secret not in out
    assert "2 of 10 failed in 1.5 s, run 12345" in out  # ordinary numbers stay


def test_without_a_dsn_nothing_starts(sentry: FakeSentry) -> None:
    assert not errortrack.init(load_settings(secrets=Secrets()))
    errortrack.capture_exception(RuntimeError("x"))
    assert not errortrack.enabled() and sentry.bodies == []


def test_a_crash_at_the_cli_edge_is_reported(sentry: FakeSentry, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError(f"unexpected while reading {NAME}'s resume: {RESUME} ({EMAIL})")

    monkeypatch.setattr(commands, "collect_stats", boom)
    monkeypatch.setenv("SENTRY_DSN", sentry.dsn)
    monkeypatch.setenv("GROQ_API_KEY", KEY)
    result = CliRunner().invoke(app, ["stats"])
    assert result.exit_code == 70 and "internal error (RuntimeError)" in result.stderr
    (event,) = sentry.wait_for(1)
    errortrack.shutdown()
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    assert _tags(event)["command"] == "stats"
    sentry.assert_clean()


def test_a_real_run_with_failed_items_sends_one_tagged_summary(db_url: str, sentry: FakeSentry) -> None:
    migrate(db_url)
    with psycopg.connect(db_url) as conn:
        conn.execute(
            "insert into candidates (external_id, name, email, resume_text) values "
            "('c1', %s, %s, %s), ('c2', 'John Roe', 'john@example.org', ''), ('c3', 'Ann Poe', 'ann@example.org', '')",
            (NAME, EMAIL, f"SUMMARY\n{RESUME}\nPhone {PHONES[0]}\n\nSKILLS\nPython, Kubernetes"),
        )
        conn.execute("insert into jobs (external_id, title, description) values ('j1', 'SRE', 'Kubernetes, Python')")
        conn.execute("insert into optimizations (candidate_id, job_id) select c.id, j.id from candidates c, jobs j")
    proc = run_cli("-q", "run", "--json", "--engine", "local", env={"SENTRY_DSN": sentry.dsn, "GROQ_API_KEY": ""})
    report = json.loads(proc.stdout)
    assert proc.returncode == 1 and report["failed"] == 2 and report["succeeded"] == 1, proc.stderr
    (event,) = sentry.wait_for(1)
    tags = _tags(event)
    assert tags["run_id"] == str(report["run_id"]) and tags["engine"] == "local"
    assert tags["model"] == report["model"] and tags["host"] == socket.gethostname()
    assert event["extra"]["errors"] == report["errors"]
    sentry.assert_clean("John Roe", "john@example.org", "Ann Poe")
