"""Tailored DOCX: the candidate's own document edited in place, or a clean one; python-docx
reads back exactly the tailored resume."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from resume_opt.ats.proposal import Edit, Job, Proposal
from resume_opt.ats.tailor import finalize
from resume_opt.cli import app
from resume_opt.io import documents as d
from resume_opt.io.docx_export import clean_docx, tailored_docx
from tests import docgen as g

runner = CliRunner()
SAMPLE_JOBS = Path(__file__).resolve().parent.parent / "resume_opt" / "data" / "sample" / "jobs.jsonl"
JOB = Job(
    "Backend Engineer",
    "Initech",
    "We need a backend engineer with Python, PostgreSQL, Docker and AWS. You will build ETL pipelines "
    "and tune PostgreSQL queries.",
)


def read_back(data: bytes) -> str:
    return d.document_text(Document(io.BytesIO(data)))


def _runs(data: bytes) -> list[list[tuple[str, bool | None, bool | None]]]:
    return [[(r.text, r.bold, r.italic) for r in p.runs] for p in Document(io.BytesIO(data)).paragraphs]


@pytest.mark.parametrize("layout", ("one_column", "two_columns", "table", "header_footer"))
def test_applied_edits_are_made_in_place_keeping_runs_styles_and_bullets(layout: str) -> None:
    person = g.Person()
    original = g.docx_bytes(person, layout)
    resume, _ = d.extract_docx(original)
    proposal = Proposal(
        summary="",
        edits=[
            # Spans three runs (plain, bold, plain) of one bullet.
            Edit(
                "Maintained PostgreSQL databases and tuned slow queries",
                "Maintained PostgreSQL databases and tuned slow PostgreSQL queries",
                "the job asks to tune PostgreSQL queries",
            ),
            Edit("Deployed services with Docker on AWS", "Deployed Docker services on AWS", "the job's words"),
            Edit("Kubernetes expert", "x", "not in the resume: rejected"),
        ],
    )
    result = finalize(resume, JOB, proposal)
    assert len(result["edits_applied"]) == 2 and len(result["edits_rejected"]) == 1
    out = tailored_docx(original, resume, result["optimized_resume"])
    assert out.in_place, out.note
    assert read_back(out.data) == result["optimized_resume"]
    doc = Document(io.BytesIO(out.data))
    styles = [p.style.name for p in doc.paragraphs]
    assert styles == [p.style.name for p in Document(io.BytesIO(original)).paragraphs]
    if layout == "one_column":
        bullet = doc.paragraphs[9]
        assert bullet.style.name == "List Bullet"
        # The bold run keeps its formatting for the text it keeps; the rest is in the runs around it.
        (t0, b0, _), (t1, b1, _), (t2, b2, _) = _runs(original)[9]
        assert (b0, b1, b2) == (None, True, None)
        assert [(r.text, r.bold) for r in bullet.runs] == [
            (t0, None),
            (t1, True),
            (t2.replace("slow queries", "slow PostgreSQL queries"), None),
        ]
        assert _runs(out.data)[:9] == _runs(original)[:9]  # untouched paragraphs are not rewritten


def test_an_inserted_summary_takes_the_documents_heading_style() -> None:
    person = g.Person(summary="")
    original = g.docx_bytes(person, "one_column")
    resume, _ = d.extract_docx(original)
    resume_without = resume.replace("SUMMARY\n\n", "")
    # A document without a summary section: drop those two paragraphs from the file too.
    doc = Document(io.BytesIO(original))
    for p in doc.paragraphs[2:4]:
        p._element.getparent().remove(p._element)
    buf = io.BytesIO()
    doc.save(buf)
    original = buf.getvalue()
    assert d.extract_docx(original)[0] == resume_without
    result = finalize(
        resume_without, JOB, Proposal(summary="Senior Software Engineer building ETL pipelines in Python.")
    )
    assert result["edits_applied"], result["edits_rejected"]
    out = tailored_docx(original, resume_without, result["optimized_resume"])
    assert out.in_place, out.note
    assert read_back(out.data) == result["optimized_resume"]
    heading = next(p for p in Document(io.BytesIO(out.data)).paragraphs if p.text.lower() == "summary")
    assert heading.style.name == "Heading 1"


def test_a_stale_document_gives_a_clean_docx() -> None:
    original = g.docx_bytes(g.Person())
    out = tailored_docx(original, "Some other resume text", "Some other resume text, tailored")
    assert not out.in_place and out.note == "the candidate's DOCX no longer holds the resume text"
    assert read_back(out.data) == "Some other resume text, tailored"


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe\njane@example.com\n\nEXPERIENCE\n- Built things\n  indented line\tand a tab\n\nSKILLS\nPython",
        "Анна Каренина\n李小龙 — محمد\n• a bullet that is not ours\n-not a bullet",
    ],
)
def test_clean_docx_reads_back_exactly(text: str) -> None:
    assert read_back(clean_docx(text)) == text


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_export_docx_end_to_end(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "resumes"
    folder.mkdir()
    for i, layout in enumerate(("one_column", "two_columns", "table", "header_footer")):
        (folder / f"d{i}.docx").write_bytes(g.docx_bytes(g.NON_LATIN[i % len(g.NON_LATIN)], layout))
    (folder / "p.pdf").write_bytes(g.pdf_bytes(g.Person()))
    (folder / "t.txt").write_text("\n".join(g.expected_lines(g.Person())), encoding="utf-8")
    assert invoke("import", "candidates", str(folder))[0] == 0
    assert invoke("import", "jobs", str(SAMPLE_JOBS))[0] == 0
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "candidate_id,job_id\n" + "".join(f"{c},job-001\n{c},job-002\n" for c in ("d0", "d1", "d2", "d3", "p", "t")),
        encoding="utf-8",
    )
    assert invoke("enqueue", "--pairs", str(pairs))[0] == 0
    code, out, err = invoke("run", "--engine", "local", "--json")
    assert code == 0, err
    code, out, err = invoke("export", "--format", "docx", "--out-dir", str(tmp_path / "out"))
    assert (code, out.strip()) == (0, f"exported 12 DOCX files to {tmp_path / 'out'}"), err
    assert err.strip() == "resume-opt: 4 written as a clean DOCX: not imported from a DOCX"
    code, out, _ = invoke("export", "--format", "jsonl")
    records = {(r["candidate_id"], r["job_id"]): r for r in map(json.loads, out.splitlines())}
    files = sorted((tmp_path / "out").glob("*.docx"))
    assert len(files) == 12
    edited = 0
    for path in files:
        _, cand, job = path.stem.split("-", 2)
        record = records[(cand, job.replace("_", "-"))]
        assert read_back(path.read_bytes()) == record["optimized_resume"], path.name
        edited += bool(record["edits_applied"])
    assert edited  # the offline engine changed some of them: the in-place path was exercised


def test_a_candidate_updated_from_json_lines_gets_a_clean_docx(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "d.docx").write_bytes(g.docx_bytes(g.Person()))
    assert invoke("import", "candidates", str(tmp_path / "d.docx"))[0] == 0
    cands = tmp_path / "c.jsonl"
    cands.write_text(json.dumps({"id": "d", "resume": "Python developer\n- Built APIs"}) + "\n", encoding="utf-8")
    assert invoke("import", "candidates", str(cands))[0] == 0
    assert invoke("import", "jobs", str(SAMPLE_JOBS))[0] == 0
    assert invoke("enqueue", "--job", "job-001", "--all-candidates")[0] == 0
    assert invoke("run", "--engine", "local", "--json")[0] == 0
    code, out, err = invoke("export", "--format", "docx", "--out-dir", str(tmp_path / "out"))
    assert code == 0, err
    assert err.strip() == "resume-opt: 1 written as a clean DOCX: the candidate was updated after the DOCX was imported"
    record = json.loads(invoke("export", "--format", "jsonl")[1])
    assert read_back((tmp_path / "out" / "1-d-job-001.docx").read_bytes()) == record["optimized_resume"]
    # Importing the unchanged DOCX again is not a no-op now: the candidate's text came from elsewhere.
    code, out, _ = invoke("import", "candidates", str(tmp_path / "d.docx"))
    assert out.strip() == "imported candidates: 0 new, 1 updated, 0 unchanged, 0 bad files"
