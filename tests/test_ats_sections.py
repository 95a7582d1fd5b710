"""Resume sections and bullets; where a Summary goes when there is none."""

from __future__ import annotations

import pytest

from resume_opt.ats.sections import bullet_items, job_heading_mode, layout, summary_insert_at, summary_span


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("SUMMARY", "summary"),
        ("Profile:", "summary"),
        ("About Me", "summary"),
        ("## Professional Summary", "summary"),
        ("TECHNICAL SKILLS", "skills"),
        ("Core Competencies:", "skills"),
        ("**Key Skills**", "skills"),
        ("Employment History", "experience"),
        ("WORK EXPERIENCE:", "experience"),
        ("Clinical Experience", "experience"),
        ("Education & Training", "education"),
        ("Licenses & Certifications", "certifications"),
        ("CREDENTIALS", "certifications"),
        ("SELECTED PROJECTS", "other"),
    ],
)
def test_heading_variants_are_recognised(heading: str, kind: str) -> None:
    lay = layout(f"Jane Doe\n\n{heading}\nsome text\n")
    assert [(s.kind, s.heading) for s in lay.sections] == [(kind, 2)]


def test_underlined_headings_and_their_style() -> None:
    lay = layout("Jane Doe\n\nProfile\n-------\nText.\n\nSkills\n------\nPython, SQL\n")
    assert [(s.kind, s.body_start) for s in lay.sections] == [("summary", 4), ("skills", 8)]
    assert lay.heading_style == "underline:-"


def test_job_titles_in_title_case_are_not_headings() -> None:
    lay = layout("EXPERIENCE\nBusiness Development Manager\nSenior Software Engineer\n- Did things\n")
    assert [s.title for s in lay.sections] == ["EXPERIENCE"]


def test_inline_skills_line_is_its_own_section_outside_a_skills_section() -> None:
    lay = layout("Jane Doe\nSkills: Python, SQL\n\nEXPERIENCE\n- Did things\n")
    assert [(s.kind, s.inline) for s in lay.sections] == [("skills", True), ("experience", False)]
    assert lay.kind_at(1) == "skills"


def test_bullets_group_per_role_and_keep_wrapped_lines() -> None:
    text = "EXPERIENCE\nRole A\n- one\n- two\n  wrapped\nRole B\n* three\n"
    lay = layout(text)
    assert bullet_items(lay.lines, 1, len(lay.lines)) == [[(2, 3), (3, 5)], [(6, 7)]]


def test_summary_span_is_the_first_paragraph() -> None:
    text = "Jane\n\nSUMMARY\nFirst line.\nSecond line.\n\nLater paragraph.\n\nSKILLS\nPython\n"
    start, end = summary_span(text) or (0, 0)
    assert text[start:end] == "First line.\nSecond line."
    assert summary_span("Jane\nSummary: Backend engineer.\n") is not None
    assert summary_span("Jane\n\nSKILLS\nPython\n") is None


def test_summary_goes_before_the_first_section_or_after_the_header() -> None:
    assert summary_insert_at("Jane\nAustin\n\nSKILLS\nPython\n") == len("Jane\nAustin\n\n")
    assert summary_insert_at("Jane\nAustin\n\nPython, SQL and Go\n") == len("Jane\nAustin\n\n")
    assert summary_insert_at("Python, SQL and Go") == 0


@pytest.mark.parametrize(
    ("line", "mode"),
    [
        ("Requirements", "required"),
        ("Must have:", "required"),
        ("Essential", "required"),
        ("What you'll need", "required"),
        ("Qualifications", "required"),
        ("Preferred", "preferred"),
        ("Nice to have", "preferred"),
        ("Desirable", "preferred"),
        ("Bonus points", "preferred"),
        ("What you'll do", "other"),
        ("About us", "boilerplate"),
        ("Benefits", "boilerplate"),
        ("- Python", None),
        ("We build billing software for 3,000 companies.", None),
    ],
)
def test_job_heading_modes(line: str, mode: str | None) -> None:
    assert job_heading_mode(line) == mode
