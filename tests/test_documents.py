"""Resume documents in: text extraction across layouts, bad files, the folder/manifest import."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resume_opt.cli import app
from resume_opt.io import documents as d
from tests import docgen as g

runner = CliRunner()
LAYOUTS = ("one_column", "two_columns", "table", "header_footer")
PEOPLE = [g.Person(), *g.NON_LATIN]


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p.email.split("@")[0])
def test_docx_text_keeps_reading_order_headings_and_bullets(layout: str, person: g.Person) -> None:
    text, original = d.extract_docx(g.docx_bytes(person, layout))
    assert text == g.docx_expected(person, layout)
    assert original  # kept for the tailored DOCX


@pytest.mark.parametrize("layout", ("one_column", "two_columns", "header_footer"))
@pytest.mark.parametrize("person", [g.Person(), *g.PDF_NON_LATIN], ids=lambda p: p.email.split("@")[0])
def test_pdf_text_keeps_reading_order_headings_and_bullets(layout: str, person: g.Person) -> None:
    if not g.FONT.exists() and person.name != "Jane Doe":
        pytest.skip("DejaVu fonts are not installed (fonts-dejavu-core)")
    bullet = "• " if g.FONT.exists() else "- "
    expected = g.expected_lines(person, bullet)
    if layout == "header_footer":
        expected.append("References available on request")
    # A two-column layout reads the whole left column, then the right one; a line that
    # a narrow column wrapped is joined back.
    assert d.extract_pdf(g.pdf_bytes(person, layout)) == "\n".join(expected)


def test_pdf_table_rows_read_left_to_right() -> None:
    text = d.extract_pdf(g.pdf_bytes(g.Person(), "table"))
    assert text.splitlines()[2:4] == [
        "SUMMARY Backend engineer building data pipelines in Python.",
        "SKILLS Python, PostgreSQL, Docker, AWS",
    ]


def test_text_and_markdown_files() -> None:
    md = b"# Jane Doe\n\n## Experience\n* **Built** pipelines\n+ Tuned queries\n"
    assert d.extract_text_file(md, markdown=True) == "Jane Doe\n\nExperience\n- Built pipelines\n- Tuned queries"
    assert d.extract_text_file("Zoë\r\nPython\r\n".encode("cp1252"), markdown=False) == "Zoë\nPython"
    assert d.extract_text_file("\ufeffJosé".encode(), markdown=False) == "José"


def _bad_files(folder: Path) -> dict[str, str]:
    """file name -> the start of the one-line reason it must be refused with."""
    (folder / "scanned.pdf").write_bytes(g.scanned_pdf())
    (folder / "locked.pdf").write_bytes(g.encrypted_pdf())
    (folder / "truncated.pdf").write_bytes(g.pdf_bytes(g.Person())[:700])
    (folder / "really-a-docx.pdf").write_bytes(g.docx_bytes(g.Person()))
    (folder / "really-a-pdf.docx").write_bytes(g.pdf_bytes(g.Person()))
    (folder / "bomb.docx").write_bytes(g.zip_bomb_docx())
    (folder / "broken.docx").write_bytes(g.docx_bytes(g.Person())[:2000])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "not word")
    (folder / "plain-zip.docx").write_bytes(buf.getvalue())
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    (folder / "old.doc").write_bytes(ole)
    # Word saves a password-protected .docx as an OLE file holding an EncryptionInfo stream.
    (folder / "protected.docx").write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64)
    (folder / "renamed-doc.docx").write_bytes(ole)
    (folder / "huge.txt").write_bytes(b"a" * (d.MAX_FILE_BYTES + 1))
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    (folder / "empty.md").write_bytes(b"")
    return {
        "scanned.pdf": "no extractable text: a scanned (image-only) PDF",
        "locked.pdf": "encrypted PDF",
        "truncated.pdf": "corrupt PDF",
        "really-a-docx.pdf": "not a PDF file: its content is a zip archive",
        "really-a-pdf.docx": "not a DOCX file: its content is a PDF",
        "bomb.docx": "DOCX would unpack to",
        "broken.docx": "corrupt DOCX",
        "plain-zip.docx": "not a Word document",
        "old.doc": ".doc files are not supported",
        "protected.docx": "encrypted DOCX (password-protected)",
        "renamed-doc.docx": "not a DOCX file: its content is an old Word .doc (save it as .docx)",
        "huge.txt": "file is 10240 KiB, over the limit",
        "binary.txt": "not a text file: its content is an image",
        "empty.md": "empty file",
    }


def test_each_bad_file_is_refused_with_its_reason() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, reason in _bad_files(folder).items():
            path = folder / name
            if path.stat().st_size > d.MAX_FILE_BYTES or path.stat().st_size == 0:
                continue  # refused before reading; covered by the import test
            with pytest.raises(d.DocumentError) as err:
                d.extract(path.suffix, path.read_bytes())
            assert str(err.value).startswith(reason), (name, str(err.value))
            assert "\n" not in str(err.value)


def test_name_from_file() -> None:
    assert d.name_from_file(Path("jane_doe-resume.pdf")) == "Jane Doe"
    assert d.name_from_file(Path("McAllister, Ian CV.docx")) == "McAllister, Ian"
    assert d.name_from_file(Path("李小龙.pdf")) == "李小龙"


def test_import_folder_with_manifest_reports_bad_files_and_is_a_no_op_the_second_time(
    db_url: str, sql: object, tmp_path: Path
) -> None:
    folder = tmp_path / "resumes"
    folder.mkdir()
    (folder / "a.docx").write_bytes(g.docx_bytes(g.Person(), "table"))
    (folder / "b.pdf").write_bytes(g.pdf_bytes(g.PDF_NON_LATIN[0], "two_columns"))
    (folder / "olafur_thorsson.docx").write_bytes(g.docx_bytes(g.NON_LATIN[2], "header_footer"))
    (folder / "notes.md").write_text("# Sam Roe\nsam@example.org\n\n## Skills\n* Python\n", encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".hidden.pdf").write_bytes(b"junk")
    bad = _bad_files(folder)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "id,name,email,file\nC-1,Jane Doe,jane@corp.example,resumes/a.docx\nC-2,李小龙,,resumes/b.pdf\n"
        "C-9,Nobody,,resumes/missing.pdf\n",
        encoding="utf-8",
    )
    code, out, err = invoke("import", "candidates", str(folder), "--manifest", str(manifest))
    assert code == 1, err
    assert out.strip() == f"imported candidates: 4 new, 0 updated, 0 unchanged, {len(bad) + 1} bad files"
    lines = err.strip().splitlines()
    for name, reason in bad.items():
        assert any(line.startswith(f"resume-opt: {folder / name}: {reason}") for line in lines), (name, lines)
    assert f"resume-opt: {manifest}:4: file for id C-9 not found among the files imported" in lines
    assert "resume-opt: ignored 1 files that are not .pdf, .docx, .txt or .md" in lines
    assert "Python" not in err  # resume text is never reported
    rows = dict(
        (r[0], r[1:])
        for r in sql(  # type: ignore[operator]
            "select c.external_id, c.name, c.email, d.source_kind, d.original is not null, c.resume_text"
            " from candidates c join candidate_documents d on d.candidate_id = c.id"
        )
    )
    assert rows["C-1"][:4] == ("Jane Doe", "jane@corp.example", "docx", True)
    assert rows["C-2"][:4] == ("李小龙", "anna@example.ru", "pdf", False)  # email found in the text
    assert rows["olafur_thorsson"][:3] == ("Olafur Thorsson", "olafur@example.is", "docx")
    assert rows["notes"][4] == "Sam Roe\nsam@example.org\n\nSkills\n- Python"
    assert rows["C-1"][4] == g.docx_expected(g.Person(), "table")

    for name in bad:
        (folder / name).unlink()
    code, out, err = invoke("import", "candidates", str(folder), "--manifest", str(manifest))
    assert out.strip() == "imported candidates: 0 new, 0 updated, 4 unchanged, 1 bad files", err

    # A changed file (or a changed manifest field) is imported again; the rest stay untouched.
    (folder / "notes.md").write_text("# Sam Roe\n\n## Skills\n* Go\n", encoding="utf-8")
    manifest.write_text("id,name,email,file\nC-1,Jane Q. Doe,jane@corp.example,resumes/a.docx\n", encoding="utf-8")
    code, out, err = invoke("import", "candidates", str(folder), "--manifest", str(manifest))
    assert (code, out.strip()) == (0, "imported candidates: 1 new, 2 updated, 1 unchanged, 0 bad files"), err
    # b.pdf is no longer in the manifest: it is imported under its file name.
    assert sql("select count(*) from candidates where external_id = 'b'")[0][0] == 1  # type: ignore[operator]

    code, out, err = invoke("purge", "--candidate", "C-1")
    assert code == 0, err
    assert sql("select count(*) from candidate_documents")[0][0] == 4  # type: ignore[operator]


def test_jsonl_import_still_takes_one_file(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "x", "resume": "Python developer"}\n', encoding="utf-8")
    code, out, err = invoke("import", "candidates", str(path))
    assert (code, out.strip()) == (0, "imported candidates: 1 new, 0 updated, 0 bad lines"), err


def test_duplicate_ids_from_file_names_are_reported(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "sam.txt").write_text("Sam\nPython", encoding="utf-8")
    (tmp_path / "sam.md").write_text("Sam\nGo", encoding="utf-8")
    code, out, err = invoke("import", "candidates", str(tmp_path / "sam.md"), str(tmp_path / "sam.txt"))
    assert code == 1
    assert out.strip() == "imported candidates: 1 new, 0 updated, 0 unchanged, 1 bad files"
    assert f"{tmp_path / 'sam.txt'}: id 'sam' is also the id of {tmp_path / 'sam.md'}" in err
