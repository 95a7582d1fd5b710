"""The source documents of candidates imported from files (migration m005), and the
queries that export tailored documents and review pages read.

A DOCX's own bytes are kept so that its tailored copy can keep the candidate's
formatting; PDFs and text files keep only their hash. Deleting a candidate deletes
its document (on delete cascade), so `purge` erases it too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import psycopg
from psycopg.rows import dict_row

from resume_opt.db.store import upsert_candidate_rows

Conn = psycopg.Connection[tuple[Any, ...]]

M005_CANDIDATE_DOCUMENTS = """
create table if not exists candidate_documents (
    candidate_id bigint primary key references candidates(id) on delete cascade,
    source_kind text not null,
    source_name text not null,
    source_hash text not null,
    original bytea,
    imported_at timestamptz not null default now()
);
"""

# A document whose candidate was updated since (e.g. by a JSON Lines import) no longer
# holds the candidate's text: it is neither "unchanged" nor used for a tailored DOCX.
SOURCE_HASHES = """
select c.external_id, d.source_hash
  from candidates c join candidate_documents d on d.candidate_id = c.id
 where c.external_id = any(%s) and c.updated_at <= d.imported_at
"""

UPSERT_DOCUMENTS = """
insert into candidate_documents (candidate_id, source_kind, source_name, source_hash, original)
select * from unnest(%(cid)s::bigint[], %(kind)s::text[], %(name)s::text[], %(hash)s::text[], %(orig)s::bytea[])
on conflict (candidate_id) do update
   set source_kind = excluded.source_kind, source_name = excluded.source_name,
       source_hash = excluded.source_hash, original = excluded.original, imported_at = now()
"""

# What a tailored document or a review page needs of one optimization. The original DOCX
# is given only while it still holds the candidate's text.
_REVIEW = """
select o.id, o.status, o.score_before, o.score_after, o.result, o.engine, o.model, o.error,
       c.external_id as candidate_id, c.name as candidate_name, c.resume_text,
       j.external_id as job_id, j.title as job_title, j.company as job_company,
       d.source_kind, d.source_name,
       case when %(with_original)s and c.updated_at <= d.imported_at then d.original end as original
  from optimizations o
  join candidates c on c.id = o.candidate_id
  join jobs j on j.id = o.job_id
  left join candidate_documents d on d.candidate_id = c.id
 where {where}
 order by o.id
"""
REVIEW_ONE = _REVIEW.format(where="o.id = %(id)s")
REVIEW_MANY = _REVIEW.format(
    where="o.result is not null and (%(status)s::text is null or o.status = %(status)s)"
    " and (%(run_id)s::bigint is null or o.run_id = %(run_id)s)"
)


def source_hashes(conn: Conn, external_ids: Sequence[str]) -> dict[str, str]:
    """Content hashes of the documents these candidates were imported from (current ones only)."""
    rows = conn.execute(SOURCE_HASHES, (list(external_ids),)).fetchall()
    return {str(ext): str(h) for ext, h in rows}


def upsert_document_candidates(conn: Conn, rows: Sequence[dict[str, Any]]) -> tuple[int, int]:
    """Insert or update candidates from documents, with their source; returns (inserted, updated)."""
    if not rows:
        return 0, 0
    res = upsert_candidate_rows(conn, rows)
    ids = {ext: cid for cid, ext, _ in res}
    conn.execute(
        UPSERT_DOCUMENTS,
        {
            "cid": [ids[r["id"]] for r in rows],
            "kind": [r["source_kind"] for r in rows],
            "name": [r["source_name"] for r in rows],
            "hash": [r["source_hash"] for r in rows],
            "orig": [r["original"] for r in rows],
        },
    )
    inserted = sum(1 for _, _, flag in res if flag)
    return inserted, len(res) - inserted


def get_review(conn: Conn, opt_id: int) -> dict[str, Any] | None:
    """One optimization with its candidate and job (for its review page), or None."""
    with conn.cursor(row_factory=dict_row) as cur:
        row = cur.execute(REVIEW_ONE, {"id": opt_id, "with_original": False}).fetchone()
    return dict(row) if row else None


def iter_reviews(
    conn: Conn, status: str | None, run_id: int | None, with_original: bool = False
) -> Iterator[dict[str, Any]]:
    """Optimizations with a result (filtered like `export`), streamed through a server-side cursor;
    `with_original` adds the candidate's DOCX (up to 10 MiB each, hence the small fetches)."""
    with conn.cursor(name="reviews", row_factory=dict_row) as cur:
        cur.itersize = 10 if with_original else 100
        cur.execute(REVIEW_MANY, {"status": status, "run_id": run_id, "with_original": with_original})
        for row in cur:
            yield dict(row)
