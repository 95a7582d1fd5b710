"""Tailored resumes as DOCX: the candidate's own document edited in place, or a clean one.

For a resume imported from DOCX, the tailored text is laid onto the candidate's file:
paragraphs whose lines did not change are not touched; a changed line is edited at the
character level inside its runs (an edit that spans runs of different formatting keeps
each run's formatting for the text it keeps, and new text takes the formatting of the
run it lands in); new lines become paragraphs cloned from their neighbour (style,
bullet, font), removed lines are removed. The result is read back with the importer's
own extraction and must give the tailored text exactly; when it does not (a layout
this cannot edit safely), a clean DOCX is written instead and the caller is told why.
"""

from __future__ import annotations

import copy
import difflib
import io
from dataclasses import dataclass
from typing import Any

from resume_opt.io.documents import BULLET, document_text, docx_units, is_list_paragraph, runs_of, unit_text


@dataclass(frozen=True)
class TailoredDocx:
    data: bytes
    in_place: bool  # the candidate's own document, edited
    note: str  # why a clean document was written instead, or ""


def tailored_docx(original: bytes | None, resume_text: str, tailored: str) -> TailoredDocx:
    """The tailored resume as DOCX bytes, in the candidate's document when it can be."""
    if original is not None:
        try:
            data = _edit_in_place(original, resume_text, tailored)
        except _CannotEdit as exc:
            note = str(exc)
        else:
            return TailoredDocx(data, True, "")
    else:
        note = "not imported from a DOCX"
    return TailoredDocx(clean_docx(tailored), False, note)


class _CannotEdit(Exception):
    pass


def _open(data: bytes) -> Any:
    from docx import Document

    return Document(io.BytesIO(data))


def _save(document: Any) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _clean_unit(text: str) -> str:
    """clean_text on one paragraph without its end-stripping: sentinels keep the ends."""
    from resume_opt.ats.text import clean_text

    return clean_text(f"|\n{text}\n|")[2:-2]


def _edit_in_place(original: bytes, resume_text: str, tailored: str) -> bytes:
    """The candidate's own document with the tailored text edited into its runs, read back to check."""
    # Long for now: the steps share the paragraph/offset map of the document (open, map lines to
    # paragraphs, plan the changes, edit runs, insert paragraphs, read back). Splitting them along
    # those steps, with the snapshot check of the io/ refactor, is the next clean-up.
    try:
        document = _open(original)
    except Exception as exc:  # the stored file was checked at import; this is defensive
        raise _CannotEdit(f"the candidate's DOCX cannot be opened ({type(exc).__name__})") from None
    if document_text(document) != resume_text:
        raise _CannotEdit("the candidate's DOCX no longer holds the resume text")
    part = document.part
    units = docx_units(document.element.body, lambda rid: getattr(part.related_parts.get(rid), "element", None))
    texts = [_clean_unit(unit_text(p)) for p in units]
    # Paragraphs before the first line and after the last hold no text of the resume.
    first = next((i for i, t in enumerate(texts) if t.strip("\n")), len(texts))
    last = next((i for i in range(len(texts) - 1, -1, -1) if texts[i].strip("\n")), -1)
    src: list[tuple[int, str]] = []  # (unit index, line)
    for i in range(first, last + 1):
        src.extend((i, line) for line in texts[i].split("\n"))
    if first <= last and (texts[first].startswith("\n") or texts[last].endswith("\n")):
        raise _CannotEdit("the document starts or ends with a line break inside a paragraph")
    target = tailored.split("\n")
    # An inserted heading (a new Summary section) looks like the document's own headings.
    new_headings = _heading_lines(tailored)
    old_headings = sorted(_heading_lines(resume_text))
    heading_model = units[src[old_headings[0]][0]] if old_headings and len(src) > old_headings[0] else None
    new_lines: dict[int, list[str | None]] = {i: list(texts[i].split("\n")) for i in range(first, last + 1)}
    after: dict[int, list[tuple[int, str]]] = {}  # unit index -> new (target index, line) after it
    before_first: list[tuple[int, str]] = []
    matcher = difflib.SequenceMatcher(None, [line for _, line in src], target, autojunk=False)
    offsets: list[int] = []  # line k of src is line offsets[k] of its paragraph
    for k, (unit, _) in enumerate(src):
        offsets.append(offsets[-1] + 1 if k and src[k - 1][0] == unit else 0)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)
        for k in range(paired):
            unit, _ = src[i1 + k]
            new_lines[unit][offsets[i1 + k]] = target[j1 + k]
        for k in range(i1 + paired, i2):
            unit, _ = src[k]
            new_lines[unit][offsets[k]] = None  # removed
        extra = [(j, target[j]) for j in range(j1 + paired, j2)]
        if extra:
            if i1 + paired > 0:
                anchor = src[i1 + paired - 1][0]
                after.setdefault(anchor, []).extend(extra)
            else:
                before_first.extend(extra)
    for i in range(first, last + 1):
        lines = new_lines[i]
        p = units[i]
        if lines == texts[i].split("\n"):
            pass
        elif all(line is None for line in lines):
            if not _remove(p):
                raise _CannotEdit("a table cell would be left without a paragraph")
        else:
            _set_paragraph_text(p, "\n".join(line for line in lines if line is not None))
        anchor = p
        for j, line in after.get(i, []):
            clone = _clone(heading_model if j in new_headings and heading_model is not None else p, line)
            anchor.addnext(clone)
            anchor = clone
    if before_first:
        if first > last:
            raise _CannotEdit("the document has no text to anchor new lines on")
        anchor = units[first]
        for j, line in reversed(before_first):
            clone = _clone(heading_model if j in new_headings and heading_model is not None else anchor, line)
            anchor.addprevious(clone)
            anchor = clone
    data = _save(document)
    if document_text(_open(data)) != tailored:
        raise _CannotEdit("the edited document would not read back as the tailored text")
    return data


def _remove(p: Any) -> bool:
    parent = p.getparent()
    siblings = [c for c in parent.iterchildren() if c.tag == p.tag]
    if parent.tag.endswith("}tc") and len(siblings) == 1:
        return False
    parent.remove(p)
    return True


def _set_paragraph_text(p: Any, new: str) -> None:
    """Edit a paragraph's runs so that its text becomes `new`, changing as little as possible."""
    if is_list_paragraph(p):
        if not new.startswith(BULLET):
            raise _CannotEdit("an edit removes a bullet")
        new = new[len(BULLET) :]
    runs = runs_of(p)
    if not runs:
        if new:
            p.add_r().text = new
        return
    pieces = [r.text for r in runs]
    owner: list[int] = [k for k, t in enumerate(pieces) for _ in t]
    raw = "".join(pieces)
    out: list[list[str]] = [[] for _ in runs]
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, raw, new, autojunk=False).get_opcodes():
        if op == "equal":
            for a, b in zip(range(a1, a2), range(b1, b2), strict=True):
                out[owner[a]].append(new[b])
        elif b2 > b1:
            # Replaced text keeps the formatting of the run it starts in; inserted text that
            # of the run it follows (a word appended after "Python" looks like "Python").
            if op == "replace" and a1 < len(raw):
                k = owner[a1]
            else:
                k = owner[a1 - 1] if a1 > 0 else 0
            out[k].append(new[b1:b2])
    for r, old, parts in zip(runs, pieces, out, strict=True):
        text = "".join(parts)
        if text != old:
            r.text = text


def _clone(model: Any, line: str) -> Any:
    """A new paragraph holding `line`, with the paragraph and first-run formatting of `model`."""
    clone = copy.deepcopy(model)
    runs = runs_of(model)
    for child in list(clone):
        if not child.tag.endswith("}pPr"):
            clone.remove(child)
    if is_list_paragraph(model):
        if line.startswith(BULLET):
            line = line[len(BULLET) :]
        else:  # a plain line after a bullet: the bullet's paragraph without its numbering
            for ppr in clone.xpath("./w:pPr"):
                for el in ppr.xpath("./w:numPr | ./w:pStyle"):
                    ppr.remove(el)
    if runs:
        r = copy.deepcopy(runs[0])
        clone.append(r)
        r.text = line
    elif line:
        clone.add_r().text = line
    return clone


def _heading_lines(text: str) -> set[int]:
    from resume_opt.ats.sections import layout

    return {s.heading for s in layout(text).sections if not s.inline}


def clean_docx(tailored: str) -> bytes:
    """A plain, well-formed DOCX of the tailored text: "- " lines as bullets, headings as headings."""
    from docx import Document

    document = Document()
    headings = _heading_lines(tailored)
    body = document.element.body
    for p in list(body.iterchildren()):
        if p.tag.endswith("}p"):
            body.remove(p)
    for i, line in enumerate(tailored.split("\n")):
        if line.startswith(BULLET) and line[len(BULLET) :].strip():
            document.add_paragraph(line[len(BULLET) :], style="List Bullet")
        elif i in headings:
            document.add_heading(line, level=2)
        else:
            document.add_paragraph(line)
    data = _save(document)
    if document_text(_open(data)) != tailored:  # e.g. text that python-docx cannot write as is
        raise ValueError("the clean DOCX does not read back as the tailored text")
    return data
