"""What every scenario shares: a private schema per scenario, seeding, timing, tables.

A scenario gets its own PostgreSQL schema (the DSN's `options=-csearch_path=...`)
and its own RESUME_OPT_HOME (cache, reports), exported as DATABASE_URL and
RESUME_OPT_HOME so the package, and any `python -m resume_opt` subprocess, use them.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg.conninfo import make_conninfo

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DSN = "postgresql://postgres@127.0.0.1:5432/test"


@dataclass
class Space:
    """One scenario's schema (`url` carries its search_path) and data directory."""

    name: str
    url: str
    home: Path

    def sql(self, query: str, params: Any = None) -> list[tuple[Any, ...]]:
        with psycopg.connect(self.url, autocommit=True) as conn:
            cur = conn.execute(query, params)
            return cur.fetchall() if cur.description else []

    def one(self, query: str, params: Any = None) -> Any:
        rows = self.sql(query, params)
        return rows[0][0] if rows else None


def clean_environment() -> None:
    """No inherited RESUME_OPT_* settings or engine latency: figures must not depend on the shell."""
    for name in list(os.environ):
        if name.startswith("RESUME_OPT_") or name in (
            "NULL_ENGINE_LATENCY_MS",
            "NULL_ENGINE_CALL_LOG",
            "GROQ_API_KEY",
            "GROQ_BASE_URL",
        ):
            del os.environ[name]


@contextmanager
def space(dsn: str, label: str, keep: bool = False) -> Iterator[Space]:
    """A fresh schema + data dir, exported to the environment; dropped afterwards."""
    name = f"bench_{label}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'create schema "{name}"')
    home = Path(tempfile.mkdtemp(prefix=f"ro-bench-{label}-"))
    url = make_conninfo(dsn, options=f"-csearch_path={name}")
    saved = {k: os.environ.get(k) for k in ("DATABASE_URL", "RESUME_OPT_HOME")}
    os.environ["DATABASE_URL"], os.environ["RESUME_OPT_HOME"] = url, str(home)
    try:
        yield Space(name, url, home)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        if not keep:
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute(f'drop schema if exists "{name}" cascade')
            shutil.rmtree(home, ignore_errors=True)


def seed(sp: Space, n: int, jobs: int = 10, resume_words: int = 40) -> int:
    """n pending pairs with distinct inputs (n/jobs candidates x `jobs` jobs), then vacuum analyze."""
    from tests.helpers import seed_pairs

    candidates = -(-n // jobs)
    queued = seed_pairs(sp.url, candidates, jobs, n, resume_words=resume_words)
    with psycopg.connect(sp.url, autocommit=True) as conn:
        conn.execute("vacuum analyze")
    return queued


def settings(sections: dict[str, dict[str, Any]] | None = None, **run: Any) -> Any:
    """Settings for the null engine (plus run and other sections' overrides), from the environment."""
    from resume_opt.config import load_settings

    return load_settings(overrides={**(sections or {}), "run": {"engine": "null", **run}})


def run_pipeline(sections: dict[str, dict[str, Any]] | None = None, **run: Any) -> tuple[dict[str, Any], float]:
    """One in-process run (execute_run); the report and its wall-clock seconds."""
    from resume_opt.commands import execute_run

    s = settings(sections, **run)
    t0 = time.perf_counter()
    report = execute_run(s, quiet=True, install_signals=False)
    return report, time.perf_counter() - t0


def requeue_succeeded(sp: Space) -> int:
    """Queue every pair again that has succeeded (a re-run of the same inputs)."""
    return len(
        sp.sql(
            "insert into optimizations (candidate_id, job_id) "
            "select distinct candidate_id, job_id from optimizations where status = 'succeeded' "
            "order by 1, 2 returning id"
        )
    )


def server_info(dsn: str) -> dict[str, Any]:
    with psycopg.connect(dsn) as conn:
        row = conn.execute("show server_version").fetchone()
    return {"postgresql": row[0] if row else "?"}


def reachable(dsn: str) -> bool:
    try:
        psycopg.connect(dsn, connect_timeout=3).close()
        return True
    except psycopg.Error:
        return False


def fmt(value: Any) -> str:
    if isinstance(value, float):
        if value == 0:
            return "0"
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 1:
            return f"{value:.2f}"
        return f"{value:.3f}"
    return str(value)


def table(title: str, rows: list[tuple[str, Any, str]], out: Any = None) -> None:
    """Print `figure | value | note` rows as an aligned table."""
    out = out or sys.stdout
    w1 = max([len("figure")] + [len(r[0]) for r in rows])
    vals = [fmt(r[1]) for r in rows]
    w2 = max([len("value")] + [len(v) for v in vals])
    print(f"\n== {title} ==", file=out)
    print(f"{'figure':<{w1}}  {'value':>{w2}}  note", file=out)
    print(f"{'-' * w1}  {'-' * w2}  {'-' * 4}", file=out)
    for (name, _, note), v in zip(rows, vals, strict=True):
        print(f"{name:<{w1}}  {v:>{w2}}  {note}", file=out)
    out.flush()


def goal(ok: bool | None, text: str) -> str:
    if ok is None:
        return f"goal {text}: n/a"
    return f"goal {text}: {'MET' if ok else 'NOT MET'}"


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)
