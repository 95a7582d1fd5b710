"""Secrets and personal data under failure: nothing leaks into output, logs or reports.

The database is a throwaway cluster that really checks a password (scram-sha-256),
so the password in DATABASE_URL is a live secret; GROQ_API_KEY is set and the fake
Groq server rejects or accepts it. Every seeded resume, name and email carries a
unique marker. Runs and imports are made to fail in several ways — database
unreachable, wrong password, key rejected (401), the model's output echoed back in
an error (`json_validate_failed`), bad input, SIGTERM, SIGKILL — at the default
verbosity, with `-v` and with JSON logs. Afterwards neither secret nor the marker
may appear in any stdout, stderr, report or metrics file, anywhere under
RESUME_OPT_HOME except the cache (which holds results by design: its files must be
0600 in a 0700 directory and hold no secret), nor in the error texts stored in the
database.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.faultkit import CountingGroq, PgCluster, RunProc, cluster_unavailable, groq_env, wait_until
from tests.helpers import seed_pairs

pytestmark = pytest.mark.slow

PASSWORD = "pw" + uuid.uuid4().hex  # the live password of the throwaway cluster
WRONG_PASSWORD = "wrongpw" + uuid.uuid4().hex
API_KEY = "gsk_" + uuid.uuid4().hex + uuid.uuid4().hex[:8]
MARKER = "PIIMARK" + uuid.uuid4().hex[:12]


@pytest.fixture(scope="module")
def cluster() -> Iterator[PgCluster]:
    why = cluster_unavailable()
    if why:
        pytest.skip(why)
    with PgCluster(password=PASSWORD) as pg:
        yield pg


@pytest.fixture
def secret_db(cluster: PgCluster, monkeypatch: pytest.MonkeyPatch) -> str:
    url = cluster.create_database()
    assert PASSWORD in url
    monkeypatch.setenv("DATABASE_URL", url)
    seed_pairs(url, 12)
    with psycopg.connect(url) as conn:  # personal data carries the marker
        conn.execute(
            "update candidates set resume_text = resume_text || %s, name = name || %s, email = %s || email",
            (f"\nReferences: {MARKER} on request.", f" {MARKER}", MARKER),
        )
    return url


def _leaks(text: str) -> list[str]:
    return [
        name
        for name, value in (
            ("DB password", PASSWORD),
            ("wrong DB password", WRONG_PASSWORD),
            ("API key", API_KEY),
            ("resume marker", MARKER),
        )
        if value in text
    ]


def _assert_nothing_leaked(procs: list[RunProc], db_url: str | None) -> None:
    home = Path(os.environ["RESUME_OPT_HOME"])
    found: dict[str, list[str]] = {}
    for p in procs:
        for label, text in ((f"{p.out_path.name}", p.stdout), (f"{p.err_path.name}", p.stderr)):
            if _leaks(text):
                found[label] = _leaks(text)
    cache = home / "cache"
    for path in home.rglob("*"):
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        in_cache = cache in path.parents
        leaks = [x for x in _leaks(text) if not (in_cache and x == "resume marker")]
        if leaks:
            found[str(path.relative_to(home))] = leaks
    if db_url:
        with psycopg.connect(db_url) as conn:
            stored = conn.execute("select coalesce(string_agg(error, ' '), '') from optimizations").fetchone()
            runs = conn.execute(
                "select coalesce(string_agg(counts::text || options::text, ' '), '') from runs"
            ).fetchone()
        for label, text in (
            ("optimizations.error", stored[0] if stored else ""),
            ("runs.counts/options", runs[0] if runs else ""),
        ):
            if _leaks(text):
                found[label] = _leaks(text)
    assert not found, f"leaked: {found}"
    if cache.exists():
        assert stat.S_IMODE(cache.stat().st_mode) == 0o700
        for path in cache.rglob("*"):
            mode = stat.S_IMODE(path.stat().st_mode)
            assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


@pytest.mark.parametrize("verbosity", ["default", "verbose", "json"])
def test_failing_runs_leak_no_secret_and_no_resume_text(
    secret_db: str, cluster: PgCluster, tmp_path: Path, verbosity: str
) -> None:
    flags = {"default": (), "verbose": ("-v",), "json": ("-v", "--log-format", "json")}[verbosity]
    home = Path(os.environ["RESUME_OPT_HOME"])
    metrics = {"RESUME_OPT_REPORTS_METRICS_TEXTFILE": str(home / "metrics" / "resume_opt.prom")}
    procs: list[RunProc] = []

    def launch(env: dict[str, str], *args: str, command: tuple[str, ...] = ("run", "--json")) -> RunProc:
        """`resume-opt FLAGS COMMAND ARGS`, recorded for the final scan."""
        proc = RunProc(tmp_path, {**metrics, **env}, *args, quiet=False, command=(*flags, *command))
        procs.append(proc)
        return proc

    unreachable = secret_db.replace(f":{cluster.port}/", ":1/")
    wrong_pw = secret_db.replace(PASSWORD, WRONG_PASSWORD)
    with CountingGroq(api_keys={API_KEY}) as good, CountingGroq(api_keys={"gsk_someone_else_0000000000"}) as bad:
        # 1. database unreachable, 2. wrong password: exit 3 before anything is claimed.
        for url in (unreachable, wrong_pw):
            proc = launch({**groq_env(good.base_url, API_KEY), "DATABASE_URL": url})
            assert proc.wait() == 3, proc.stderr
        # 3. the key is rejected (401): exit 3, everything released.
        proc = launch(groq_env(bad.base_url, API_KEY), "--engine", "groq")
        assert proc.wait() == 3, proc.stderr
        # 4. the model's output (resume text) echoed back in errors, then answers that work.
        good.inject("json_validate_failed", count=6)
        proc = launch(
            {**groq_env(good.base_url, API_KEY), "RESUME_OPT_RETRY_BAD_OUTPUT_ATTEMPTS": "2"},
            "--engine",
            "groq",
            "--limit",
            "6",
            "--workers",
            "2",
        )
        assert proc.wait() in (0, 1), proc.stderr
        # 5. SIGTERM and 6. SIGKILL in mid-run, calls in flight.
        for sig in (signal.SIGTERM, signal.SIGKILL):
            calls = tmp_path / f"calls-{sig}.log"
            proc = launch(
                {
                    **groq_env(good.base_url, API_KEY),
                    "NULL_ENGINE_LATENCY_MS": "3000,3000",
                    "NULL_ENGINE_CALL_LOG": str(calls),
                },
                "--engine",
                "null",
                "--workers",
                "2",
                "--limit",
                "4",
            )
            wait_until(lambda: calls.exists() or not proc.alive(), "a call in flight")  # noqa: B023
            proc.signal(sig)
            proc.wait()
            with psycopg.connect(secret_db) as conn:  # leave nothing claimed for the next case
                conn.execute("update optimizations set status = 'pending', locked_by = null where status = 'running'")
        # 7. a resume too large to send: a bad item, failed with its size, never its text.
        with psycopg.connect(secret_db) as conn:
            conn.execute(
                "update candidates set resume_text = repeat(%s, 9000) where external_id = 'c12'", (f"{MARKER} ",)
            )
        proc = launch(groq_env(good.base_url, API_KEY), "--engine", "groq")
        assert proc.wait() == 1, proc.stderr
    # 8. bad input files, the bad lines full of personal data.
    bad_file = tmp_path / "candidates.jsonl"
    bad_file.write_text(
        "\n".join(
            [
                json.dumps({"id": "p1", "name": MARKER, "resume": [f"{MARKER} resume as a list"]}),
                '{"id": "p2", "name": "' + MARKER + '", "resume": "' + MARKER + " cut off",
                json.dumps({"name": MARKER, "email": f"{MARKER}@example.com", "resume": MARKER}),
                json.dumps([MARKER]),
            ]
        )
        + "\n"
    )
    proc = launch({}, str(bad_file), command=("import", "candidates"))
    assert proc.wait() == 1, proc.stderr
    _assert_nothing_leaked(procs, secret_db)
