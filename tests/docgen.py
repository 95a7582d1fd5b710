"""Resume documents made for the tests and the import benchmark: DOCX (python-docx) and PDF
(fpdf2) in several layouts — one column, two columns, tables, headers and footers,
bullets, non-Latin names — plus broken ones (scanned, encrypted, corrupt, zip bomb).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"


@dataclass
class Person:
    name: str = "Jane Doe"
    email: str = "jane.doe@example.com"
    phone: str = "+1 555 0100"
    summary: str = "Backend engineer building data pipelines in Python."
    skills: list[str] = field(default_factory=lambda: ["Python", "PostgreSQL", "Docker", "AWS"])
    role: str = "Senior Software Engineer, Acme Corp (2019 - Present)"
    bullets: list[str] = field(
        default_factory=lambda: [
            "Built ETL pipelines in Python processing 2 million records a day",
            "Maintained PostgreSQL databases and tuned slow queries",
            "Deployed services with Docker on AWS",
        ]
    )
    education: str = "BSc Computer Science - State University 2015"


NON_LATIN = [
    Person(name="李小龙", email="xiaolong.li@example.cn"),
    Person(name="Анна Каренина", email="anna@example.ru"),
    Person(name="Ólafur Þórsson", email="olafur@example.is"),
    Person(name="محمد الأحمد", email="mohammed@example.ae"),
    Person(name="Νίκος Παπαδόπουλος", email="nikos@example.gr"),
]
# DejaVu Sans (what the PDFs are drawn with) has no CJK glyphs, and fpdf2 does not shape Arabic.
PDF_NON_LATIN = [p for p in NON_LATIN if not any("\u0600" <= ch <= "\u06ff" or ch >= "\u3000" for ch in p.name)]


def expected_lines(p: Person, bullet: str = "- ") -> list[str]:
    """The resume as the importer should read a one-column document of `p`."""
    return [
        p.name,
        f"{p.email} | {p.phone}",
        "SUMMARY",
        p.summary,
        "SKILLS",
        ", ".join(p.skills),
        "EXPERIENCE",
        p.role,
        *[bullet + b for b in p.bullets],
        "EDUCATION",
        p.education,
    ]


# --- DOCX -------------------------------------------------------------------------------


def docx_bytes(p: Person, layout: str = "one_column") -> bytes:
    """A DOCX resume: one_column, two_columns (section columns), table, header_footer."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    doc = Document()
    if layout == "header_footer":
        section = doc.sections[0]
        section.header.paragraphs[0].text = p.name
        section.header.add_paragraph(f"{p.email} | {p.phone}")
        section.footer.paragraphs[0].text = "References available on request"
    else:
        title = doc.add_paragraph()
        run = title.add_run(p.name)
        run.bold = True
        run.font.size = Pt(20)
        doc.add_paragraph(f"{p.email} | {p.phone}")
    if layout == "two_columns":
        cols = OxmlElement("w:cols")
        cols.set(qn("w:num"), "2")
        doc.sections[0]._sectPr.append(cols)
    target = doc
    if layout == "table":
        table = doc.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.paragraphs[0].text = "SUMMARY"
        left.add_paragraph(p.summary)
        left.add_paragraph("SKILLS")
        left.add_paragraph(", ".join(p.skills))
        right.paragraphs[0].text = "EXPERIENCE"
        right.add_paragraph(p.role)
        for b in p.bullets:
            right.add_paragraph(b, style="List Bullet")
        right.add_paragraph("EDUCATION")
        right.add_paragraph(p.education)
        return _save(doc)
    target.add_heading("SUMMARY", level=1)
    para = target.add_paragraph()
    # A sentence split across runs of different formatting, as Word leaves them.
    words = p.summary.split(" ")
    half = max(1, len(words) // 2)
    para.add_run(" ".join(words[:half]) + " ").italic = True
    para.add_run(" ".join(words[half:]))
    target.add_heading("SKILLS", level=1)
    target.add_paragraph(", ".join(p.skills))
    target.add_heading("EXPERIENCE", level=1)
    role = target.add_paragraph()
    r = role.add_run(p.role)
    r.bold = True
    r.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    for b in p.bullets:
        bp = target.add_paragraph(style="List Bullet")
        cut = len(b) // 3
        bp.add_run(b[:cut])  # a mid-word run boundary
        emph = bp.add_run(b[cut : 2 * cut])
        emph.bold = True
        bp.add_run(b[2 * cut :])
    target.add_heading("EDUCATION", level=1)
    target.add_paragraph(p.education)
    return _save(doc)


def docx_expected(p: Person, layout: str = "one_column") -> str:
    lines = expected_lines(p)
    if layout == "header_footer":
        lines = [*lines, "References available on request"]
    return "\n".join(lines)


def _save(doc: object) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)  # type: ignore[attr-defined]
    return buf.getvalue()


def zip_bomb_docx() -> bytes:
    """A small DOCX whose zip directory declares a huge unpacked part (zeros compress ~1000x)."""
    good = docx_bytes(Person())
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item, src.read(item.filename))
        out.writestr("word/media/padding.bin", b"\0" * (80 * 1024 * 1024))
    return buf.getvalue()


# --- PDF --------------------------------------------------------------------------------


def _pdf():  # type: ignore[no-untyped-def]
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    if FONT.exists():
        pdf.add_font("DejaVu", "", str(FONT))
        pdf.add_font("DejaVu", "B", str(FONT_BOLD))
        pdf.set_font("DejaVu", size=11)
    else:
        pdf.set_font("Helvetica", size=11)
    return pdf


def pdf_bytes(p: Person, layout: str = "one_column") -> bytes:
    """A PDF resume: one_column, two_columns (left column drawn first), table, header_footer."""
    from fpdf import FPDF

    bullet = "• " if FONT.exists() else "- "
    family = "DejaVu" if FONT.exists() else "Helvetica"

    class Resume(FPDF):
        def header(self) -> None:
            if layout == "header_footer":
                self.set_font(family, "B", 16)
                self.cell(0, 8, p.name, new_x="LMARGIN", new_y="NEXT")
                self.set_font(family, "", 11)
                self.cell(0, 6, f"{p.email} | {p.phone}", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            if layout == "header_footer":
                self.set_y(-15)
                self.cell(0, 6, "References available on request")

    pdf = Resume(format="A4")
    if FONT.exists():
        pdf.add_font("DejaVu", "", str(FONT))
        pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.add_page()

    def line(text: str, bold: bool = False, size: int = 11, w: float = 0) -> None:
        pdf.set_font(family, "B" if bold else "", size)
        pdf.multi_cell(w, 6, text, new_x="LMARGIN" if not w else "LEFT", new_y="NEXT")

    if layout != "header_footer":
        line(p.name, bold=True, size=16)
        line(f"{p.email} | {p.phone}")
    if layout == "two_columns":
        top = pdf.get_y()
        pdf.set_left_margin(10)
        for text, bold in (("SUMMARY", True), (p.summary, False), ("SKILLS", True), (", ".join(p.skills), False)):
            line(text, bold=bold, w=80)
        pdf.set_xy(100, top)
        pdf.set_left_margin(100)
        for text, bold in (("EXPERIENCE", True), (p.role, False), *((bullet + b, False) for b in p.bullets)):
            line(text, bold=bold, size=9 if not bold else 11, w=100)
        line("EDUCATION", bold=True, w=100)
        line(p.education, w=100)
        return bytes(pdf.output())
    if layout == "table":
        pdf.set_font(family, "", 10)
        with pdf.table(col_widths=(30, 70), first_row_as_headings=False) as table:
            for left, right in (
                ("SUMMARY", p.summary),
                ("SKILLS", ", ".join(p.skills)),
                ("EXPERIENCE", p.role),
                ("EDUCATION", p.education),
            ):
                row = table.row()
                row.cell(left)
                row.cell(right)
        return bytes(pdf.output())
    for text, bold in (
        ("SUMMARY", True),
        (p.summary, False),
        ("SKILLS", True),
        (", ".join(p.skills), False),
        ("EXPERIENCE", True),
        (p.role, False),
        *((bullet + b, False) for b in p.bullets),
        ("EDUCATION", True),
        (p.education, False),
    ):
        line(text, bold=bold)
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """An image-only PDF, as a scanner makes: no text layer."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (600, 300), "white")
    ImageDraw.Draw(img).text((20, 20), "Jane Doe - scanned resume", fill="black")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    pdf = _pdf()
    pdf.add_page()
    pdf.image(io.BytesIO(buf.getvalue()), x=10, y=10, w=180)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    """A PDF that needs a user password to open."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf_bytes(Person()))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def write_folder(folder: Path, n: int, kind: str) -> list[Path]:
    """n generated resumes of one kind ('pdf' or 'docx'), cycling layouts; for the benchmark."""
    layouts = ("one_column", "two_columns", "table", "header_footer")
    folder.mkdir(parents=True, exist_ok=True)
    templates = {lay: (pdf_bytes if kind == "pdf" else docx_bytes)(Person(), lay) for lay in layouts}
    out = []
    for i in range(n):
        path = folder / f"candidate_{i:05d}.{kind}"
        data = templates[layouts[i % len(layouts)]]
        # Distinct files: vary a byte range that does not change the text (PDF: a comment).
        if kind == "pdf":
            data = data + f"\n%{i}\n".encode()
        else:
            data = _docx_with_core_title(data, f"candidate {i}")
        path.write_bytes(data)
        out.append(path)
    return out


def _docx_with_core_title(data: bytes, title: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            blob = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                blob = blob.replace(b"<dc:title>", f"<dc:title>{title}".encode(), 1)
            out.writestr(item, blob)
    return buf.getvalue()
