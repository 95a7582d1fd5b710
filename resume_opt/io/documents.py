"""Resume documents (.pdf, .docx, .txt, .md) to plain text, and the folder/manifest importer.

Text keeps reading order, headings and bullets: a DOCX is read paragraph by paragraph in
document order (its first header, the body with its tables cell by cell, its first
footer), a list paragraph gets a "- " bullet; a PDF is read page by page with pypdf.
`docx_units` and `unit_text` are shared with docx_export so that the text of a tailored
document is read back exactly as an imported one is.

Every bad file is reported on one line (never its text) and skipped: no extractable text
(a scanned PDF), encrypted, corrupt, not what its extension says, too large, or a DOCX
whose declared unpacked size is out of proportion (a zip bomb: checked before anything
is unpacked). Files are streamed in batches, so a folder's size does not decide memory.
A file imported unchanged (same bytes, name and email) is skipped by its content hash.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import os
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from resume_opt.errors import InputError

log = logging.getLogger(__name__)

# Bump when extraction changes, so that re-importing the same files refreshes their text.
EXTRACTOR_VERSION = "1"
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".txt", ".md")
# Found in folders and reported (not silently ignored): a recruiter expects them to count.
UNSUPPORTED_SUFFIXES = (".doc", ".rtf", ".odt", ".pages")
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_PDF_PAGES = 40
# A DOCX's parts, as its zip directory declares them unpacked: a resume needs a few MB at
# most; beyond these it is a zip bomb or not a resume.
MAX_DOCX_UNPACKED = 64 * 1024 * 1024
MAX_DOCX_RATIO = 100
MAX_DOCX_MEMBERS = 2000
BATCH = 100
BATCH_BYTES = 16 * 1024 * 1024
MAX_REPORTED = 50

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_NAME_NOISE = re.compile(r"\b(resume|résumé|cv|curriculum|vitae|final|updated|v\d+)\b", re.I)
BULLET = "- "


class DocumentError(ValueError):
    """A file that cannot be imported; the message is one line for the operator."""


# --- DOCX ------------------------------------------------------------------------------


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_RUN_PATHS = "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:sdt/w:sdtContent/w:r | ./w:fldSimple/w:r"


def runs_of(p: Any) -> list[Any]:
    """The runs of a paragraph whose text Word shows, in order (hyperlinks and insertions too)."""
    return list(p.xpath(_RUN_PATHS))


def is_list_paragraph(p: Any) -> bool:
    """A numbered or bulleted paragraph (direct numbering, or a List Bullet/Number style)."""
    num = p.xpath("./w:pPr/w:numPr/w:numId/@w:val")
    if num and num[0] != "0":
        return True
    style = p.xpath("./w:pPr/w:pStyle/@w:val")
    return bool(style) and str(style[0]).startswith(("ListBullet", "ListNumber"))


def unit_text(p: Any) -> str:
    """One paragraph's text as the resume text holds it: a bullet, then its runs' text."""
    text = "".join(r.text for r in runs_of(p))
    return BULLET + text if is_list_paragraph(p) else text


def _walk(el: Any) -> Iterator[Any]:
    """Paragraphs under a body, header, footer or table cell, in reading order."""
    for child in el.iterchildren():
        tag = child.tag
        if tag == _w("p"):
            yield child
        elif tag == _w("tbl"):
            for tr in child.iterchildren(_w("tr")):
                for tc in tr.iterchildren(_w("tc")):
                    yield from _walk(tc)
        elif tag == _w("sdt"):
            for content in child.iterchildren(_w("sdtContent")):
                yield from _walk(content)
        elif tag == _w("customXml"):
            yield from _walk(child)


def docx_units(body: Any, part_root: Callable[[str], Any]) -> list[Any]:
    """Every paragraph of a document in reading order: the first section's header (its
    first-page one when the document has a different first page), the body, its footer.
    `part_root(rId)` returns the root element of the header/footer part with that id."""
    sect = body.xpath(".//w:sectPr")
    head: list[Any] = []
    foot: list[Any] = []
    if sect:
        sp = sect[0]
        kind = "first" if sp.xpath("./w:titlePg[not(@w:val='0') and not(@w:val='false')]") else "default"
        for ref_tag, out in (("headerReference", head), ("footerReference", foot)):
            refs = {r.get(_w("type")) or "default": r.get(f"{{{_R}}}id") for r in sp.iterchildren(_w(ref_tag))}
            rid = refs.get(kind) or refs.get("default")
            root = part_root(rid) if rid else None
            if root is not None:
                out.extend(_walk(root))
    return head + list(_walk(body)) + foot


def units_text(units: list[Any]) -> str:
    from resume_opt.ats.text import clean_text

    return clean_text("\n".join(unit_text(p) for p in units))


def _docx_package(data: bytes) -> zipfile.ZipFile:
    """Open a DOCX's zip after checking, from its directory alone, that unpacking is safe."""
    if data[:4] != b"PK\x03\x04":
        raise DocumentError(_not_what_it_says(data, "DOCX"))
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocumentError(f"corrupt DOCX (bad zip archive: {exc})") from None
    if len(infos) > MAX_DOCX_MEMBERS:
        raise DocumentError(f"DOCX holds {len(infos)} parts, over {MAX_DOCX_MEMBERS}: refused as a zip bomb")
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_DOCX_UNPACKED or unpacked > MAX_DOCX_RATIO * max(len(data), 64 * 1024):
        raise DocumentError(
            f"DOCX would unpack to {unpacked // 1024} KiB from {len(data) // 1024} KiB: refused as a zip bomb"
        )
    if any(i.flag_bits & 0x1 for i in infos):
        raise DocumentError("encrypted DOCX (password-protected zip)")
    return zf


def _read_xml(zf: zipfile.ZipFile, name: str) -> Any:
    from docx.oxml.parser import parse_xml

    return parse_xml(zf.read(name))


def extract_docx(data: bytes) -> tuple[str, bytes]:
    """The text of a DOCX, read as python-docx reads it but without building a Document."""
    zf = _docx_package(data)
    try:
        names = set(zf.namelist())
        main = "word/document.xml"
        if "_rels/.rels" in names:
            for rel in _read_xml(zf, "_rels/.rels"):
                if rel.get("Type") == _OFFICE_DOC:
                    main = rel.get("Target", main).lstrip("/")
        if main not in names:
            raise DocumentError("not a Word document (a zip without word/document.xml)")
        root = _read_xml(zf, main)
        body = root.find(_w("body"))
        if body is None:
            raise DocumentError("corrupt DOCX (no document body)")
        folder = main.rsplit("/", 1)[0]
        rels_name = f"{folder}/_rels/{main.rsplit('/', 1)[1]}.rels"
        targets: dict[str, str] = {}
        if rels_name in names:
            for rel in _read_xml(zf, rels_name):
                target = rel.get("Target", "")
                targets[rel.get("Id", "")] = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}"

        def part_root(rid: str) -> Any:
            name = targets.get(rid)
            return _read_xml(zf, name) if name in names else None

        return units_text(docx_units(body, part_root)), data
    except DocumentError:
        raise
    except Exception as exc:  # lxml and zipfile raise many kinds on a damaged file
        raise DocumentError(f"corrupt DOCX ({type(exc).__name__})") from None


def document_text(document: Any) -> str:
    """The text of a python-docx Document, exactly as the importer extracts it from a file."""
    part = document.part

    def part_root(rid: str) -> Any:
        related = part.related_parts.get(rid)
        return getattr(related, "element", None)

    return units_text(docx_units(document.element.body, part_root))


# --- PDF -------------------------------------------------------------------------------


def extract_pdf(data: bytes) -> str:
    """The text of a PDF, page by page, in the order its content is drawn."""
    if b"%PDF-" not in data[:1024]:
        raise DocumentError(_not_what_it_says(data, "PDF"))
    # pypdf's log lines and warnings can quote a document's content: resume text is never logged.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _extract_pdf(data)


def _extract_pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    from resume_opt.ats.text import clean_text

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened: object = reader.decrypt("")  # owner-password-only PDFs open with an empty password
            except (DependencyError, NotImplementedError):
                opened = 0
            if not opened:
                raise DocumentError("encrypted PDF (password-protected): ask for an unprotected copy")
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise DocumentError(f"PDF has {len(pages)} pages, over the limit of {MAX_PDF_PAGES}")
        texts: list[str] = []
        images = 0
        for page in pages:
            texts.append(page.extract_text() or "")
            if not texts[-1].strip():
                images += _has_images(page)
    except DocumentError:
        raise
    except FileNotDecryptedError:
        raise DocumentError("encrypted PDF (password-protected): ask for an unprotected copy") from None
    except RecursionError:
        raise DocumentError("corrupt PDF (nested too deeply)") from None
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise DocumentError(f"corrupt PDF ({type(exc).__name__})") from None
    text = _unwrap(clean_text("\n".join(texts)))
    if not text.strip():
        if images:
            raise DocumentError("no extractable text: a scanned (image-only) PDF; it needs OCR first")
        raise DocumentError("no extractable text in the PDF")
    return text


_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


def _unwrap(text: str) -> str:
    """PDF lines as written: justified spacing collapsed, and a line that a narrow column
    wrapped (the next one starts in lower case) joined back to its start."""
    lines = _SPACES.sub(" ", text).split("\n")
    out: list[str] = []
    for line in lines:
        first = line.split(" ", 1)[0]
        if (
            out
            and len(out[-1].split()) >= 4  # a wrapped line is a long one, not a name or a heading
            and first[:1].islower()
            and "@" not in first
            and "://" not in first
            and out[-1][-1:] not in ".:;!?"
        ):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _has_images(page: Any) -> int:
    try:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        return int(any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values()))
    except Exception:  # a damaged resource dictionary: "no text" is then all we can say
        return 0


# --- plain text and Markdown --------------------------------------------------------------

_MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_MD_BULLET = re.compile(r"^(\s*)[*+]\s+", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def extract_text_file(data: bytes, markdown: bool) -> str:
    """A .txt or .md resume: UTF-8 (or UTF-16 with a BOM, or Windows-1252), Markdown marks dropped."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(_not_what_it_says(data, "text"))
    if data.startswith((b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise DocumentError(_not_what_it_says(data, "text"))
    from resume_opt.ats.text import clean_text

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raw = data.decode("utf-16", errors="replace")
    else:
        try:
            raw = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raw = data.decode("cp1252", errors="replace")
    if markdown:
        raw = _MD_EMPHASIS.sub(r"\2", _MD_BULLET.sub(r"\1- ", _MD_HEADING.sub("", raw)))
    text = clean_text(raw)
    if not text.strip():
        raise DocumentError("empty file: no text")
    return text


def _not_what_it_says(data: bytes, expected: str) -> str:
    head = data[:8]
    if head.startswith(b"%PDF"):
        actual = "a PDF"
    elif head.startswith(b"PK\x03\x04"):
        actual = "a zip archive"
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        # Both an old .doc and a password-protected .docx are OLE compound files.
        if "EncryptionInfo".encode("utf-16-le") in data[: 1 << 20]:
            return "encrypted DOCX (password-protected): ask for an unprotected copy"
        actual = "an old Word .doc (save it as .docx)"
    elif head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        actual = "an image"
    elif head.startswith(b"{\\rtf"):
        actual = "an RTF document"
    elif b"\x00" in data[:4096]:
        actual = "a binary file"
    else:
        actual = "text"
    return f"not a {expected} file: its content is {actual}"


def extract(path_suffix: str, data: bytes) -> tuple[str, str, bytes | None]:
    """(kind, text, original bytes to keep) of one document; DocumentError when unusable."""
    suffix = path_suffix.lower()
    if suffix == ".pdf":
        return "pdf", extract_pdf(data), None
    if suffix == ".docx":
        text, original = extract_docx(data)
        if not text.strip():
            raise DocumentError("no text in the DOCX (only images or empty)")
        return "docx", text, original
    if suffix in (".txt", ".md"):
        return suffix[1:], extract_text_file(data, suffix == ".md"), None
    if suffix in UNSUPPORTED_SUFFIXES:
        raise DocumentError(f"{suffix} files are not supported: save it as .docx or .pdf")
    raise DocumentError(f"unsupported file type {suffix or '(none)'}: expected .pdf, .docx, .txt or .md")


# --- the importer -------------------------------------------------------------------------


@dataclass
class DocumentImport:
    """What a folder import did; `bad` lists (file, reason) for the first MAX_REPORTED."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    ignored: int = 0
    bad: list[tuple[str, str]] = field(default_factory=list)
    bad_count: int = 0

    def add_bad(self, where: str, reason: str) -> None:
        self.bad_count += 1
        if len(self.bad) < MAX_REPORTED:
            self.bad.append((where, reason))


@dataclass(frozen=True)
class Entry:
    """One file to import, with the id and contact fields it is imported under."""

    path: Path
    id: str
    name: str
    email: str | None  # None: taken from the resume text


def name_from_file(path: Path) -> str:
    """'jane_doe-resume.pdf' -> 'Jane Doe'; a name already in mixed case is kept as written."""
    words = _NAME_NOISE.sub(" ", re.sub(r"[_\-.]+", " ", path.stem)).split()
    name = " ".join(words)
    return name.title() if name == name.lower() or name == name.upper() else name


def iter_files(paths: list[Path], result: DocumentImport) -> Iterator[Path]:
    """Files given, and resume files under folders given (sorted, hidden ones skipped)."""
    for path in paths:
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    suffix = os.path.splitext(name)[1].lower()
                    if suffix in DOCUMENT_SUFFIXES or suffix in UNSUPPORTED_SUFFIXES:
                        yield Path(folder, name)
                    else:
                        result.ignored += 1
        elif path.exists():
            yield path
        else:
            result.add_bad(str(path), "no such file or folder")


def read_manifest(path: Path) -> dict[Path, tuple[int, str, str, str]]:
    """A manifest CSV `id,name,email,file`: resolved file path -> (line, id, name, email)."""
    try:
        fh = open(path, encoding="utf-8-sig", errors="replace", newline="")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    out: dict[Path, tuple[int, str, str, str]] = {}
    with fh:
        reader = csv.DictReader(fh)
        header = [h.strip().lower() for h in reader.fieldnames or []]
        if "id" not in header or "file" not in header:
            raise InputError(f"{path}: the first line must be a header with at least id,file (id,name,email,file)")
        reader.fieldnames = header
        for row in reader:
            ident, file = (row.get("id") or "").strip(), (row.get("file") or "").strip()
            if not ident and not file:
                continue
            if not ident or not file:
                raise InputError(f"{path}:{reader.line_num}: every row needs an id and a file")
            resolved = (path.parent / file).resolve()
            if resolved in out:
                raise InputError(f"{path}:{reader.line_num}: {file} is listed twice")
            out[resolved] = (reader.line_num, ident, (row.get("name") or "").strip(), (row.get("email") or "").strip())
    return out


def entries(paths: list[Path], manifest: Path | None, result: DocumentImport) -> Iterator[Entry]:
    """The files to import with their ids: from the manifest when it lists them, else the file name."""
    listed = read_manifest(manifest) if manifest else {}
    used: set[Path] = set()
    for path in iter_files(paths, result):
        row = listed.get(path.resolve()) if listed else None
        if row is not None:
            used.add(path.resolve())
            yield Entry(path, row[1], row[2], row[3] or None)
        else:
            yield Entry(path, unicodedata.normalize("NFC", path.stem).strip(), name_from_file(path), None)
    for resolved, (line, ident, _, _) in listed.items():
        if resolved not in used:
            result.add_bad(f"{manifest}:{line}", f"file for id {ident} not found among the files imported")


def content_hash(entry: Entry, data: bytes) -> str:
    """What decides that a re-import is a no-op: the bytes, the fields given, the extractor."""
    h = hashlib.sha256(f"{EXTRACTOR_VERSION}\0{entry.name}\0{entry.email}\0".encode())
    h.update(data)
    return h.hexdigest()


def _record(entry: Entry, data: bytes, digest: str) -> dict[str, Any]:
    from resume_opt.ats.keywords import extract_skills
    from resume_opt.io.importer import _ident

    kind, text, original = extract(entry.path.suffix, data)
    email = entry.email
    if email is None:
        found = _EMAIL.search(text[:4000])
        email = found.group(0) if found else ""
    return {
        "id": _ident(entry.id, "id"),
        "name": entry.name,
        "email": _ident(email, "email"),
        "resume": text,
        "skills": extract_skills(text),
        "source_kind": kind,
        "source_name": entry.path.name,
        "source_hash": digest,
        "original": original,
    }


def import_documents(db: Any, paths: list[Path], manifest: Path | None = None) -> DocumentImport:
    """Import resume files (or folders of them) as candidates; see the module docstring."""
    result = DocumentImport()
    seen: dict[str, Path] = {}
    batch: list[Entry] = []
    for entry in entries(paths, manifest, result):
        if not entry.id:
            result.add_bad(str(entry.path), "no id: the file name is empty")
            continue
        if entry.id in seen:
            result.add_bad(str(entry.path), f"id {entry.id!r} is also the id of {seen[entry.id]}")
            continue
        seen[entry.id] = entry.path
        batch.append(entry)
        if len(batch) >= BATCH:
            _import_batch(db, batch, result)
            batch = []
    _import_batch(db, batch, result)
    return result


def _import_batch(db: Any, batch: list[Entry], result: DocumentImport) -> None:
    from resume_opt.db import documents as docs_db

    if not batch:
        return
    with db.connection() as conn:
        known = docs_db.source_hashes(conn, [e.id for e in batch])
    records: list[dict[str, Any]] = []
    size = 0
    for entry in batch:
        try:
            st = entry.path.stat()
            if st.st_size > MAX_FILE_BYTES:
                raise DocumentError(f"file is {st.st_size // 1024} KiB, over the limit of {MAX_FILE_BYTES // 1024} KiB")
            if st.st_size == 0:
                raise DocumentError("empty file")
            data = entry.path.read_bytes()
        except OSError as exc:
            result.add_bad(str(entry.path), f"cannot read: {exc.strerror or type(exc).__name__}")
            continue
        except DocumentError as exc:
            result.add_bad(str(entry.path), str(exc))
            continue
        digest = content_hash(entry, data)
        if known.get(entry.id) == digest:
            result.unchanged += 1
            continue
        try:
            record = _record(entry, data, digest)
        except (DocumentError, ValueError) as exc:
            result.add_bad(str(entry.path), str(exc))
            continue
        del data
        records.append(record)
        size += len(record["resume"]) + len(record["original"] or b"")
        if size >= BATCH_BYTES:
            _flush(db, records, result)
            records, size = [], 0
    _flush(db, records, result)


def _flush(db: Any, records: list[dict[str, Any]], result: DocumentImport) -> None:
    from resume_opt.db import documents as docs_db

    if records:
        with db.connection() as conn:
            ins, upd = docs_db.upsert_document_candidates(conn, records)
        result.inserted += ins
        result.updated += upd
