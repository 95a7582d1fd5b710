"""Test data made directly in the test's schema (fast for thousands of pairs)."""

from __future__ import annotations

from typing import Any

import psycopg

from resume_opt.config import load_settings
from resume_opt.db.connect import open_database


def migrate(db_url: str) -> None:
    """Open the database once so the schema exists."""
    db = open_database(load_settings())
    db.close()


def seed_pairs(db_url: str, candidates: int, jobs: int = 1, pairs: int | None = None, resume_words: int = 40) -> int:
    """`candidates` x `jobs` distinct resumes and jobs; queue the first `pairs` pairs (all by default)."""
    migrate(db_url)
    with psycopg.connect(db_url) as conn:
        conn.execute(
            "insert into candidates (external_id, name, email, resume_text) "
            "select 'c' || g, 'Candidate ' || g, 'c' || g || '@example.com', "
            "'SUMMARY' || chr(10) || 'Engineer number ' || g || ' with Python and SQL.' || chr(10) || "
            "chr(10) || 'SKILLS' || chr(10) || 'Python, SQL, PostgreSQL, Docker' || chr(10) || "
            "repeat('Built services and data pipelines. ', %s) "
            "from generate_series(1, %s) g",
            (max(1, resume_words // 5), candidates),
        )
        conn.execute(
            "insert into jobs (external_id, title, company, description) "
            "select 'j' || g, 'Backend Engineer ' || g, 'Acme', "
            "'Requirements:' || chr(10) || '- Python' || chr(10) || '- PostgreSQL' || chr(10) || "
            "'- Kubernetes' || chr(10) || 'Nice to have:' || chr(10) || '- Go' "
            "from generate_series(1, %s) g",
            (jobs,),
        )
        n = conn.execute(
            "insert into optimizations (candidate_id, job_id) "
            "select c.id, j.id from candidates c cross join jobs j order by c.id, j.id limit %s",
            (pairs if pairs is not None else candidates * jobs,),
        ).rowcount
    return n


def status_counts(db_url: str) -> dict[str, int]:
    with psycopg.connect(db_url) as conn:
        return {s: n for s, n in conn.execute("select status, count(*) from optimizations group by status").fetchall()}


def one(db_url: str, query: str, params: Any = None) -> Any:
    with psycopg.connect(db_url) as conn:
        row = conn.execute(query, params).fetchone()
    return row[0] if row else None
