"""The taxonomy, whole-term matching and a job's required/preferred keywords."""

from __future__ import annotations

from collections import Counter

import pytest

from resume_opt.ats import taxonomy
from resume_opt.ats.keywords import extract_skills, has_keyword, has_skill, index_text, job_keywords
from resume_opt.ats.taxonomy import get_taxonomy
from resume_opt.ats.text import clean_text

CATEGORIES = {"software", "data", "healthcare", "sales", "finance", "operations", "education"}


def names(text: str) -> list[str]:
    return [m.name for m in get_taxonomy().scan(text)]


def test_taxonomy_is_large_and_covers_every_profession() -> None:
    skills = [e for e in get_taxonomy().entries if e.kind != "degree"]
    assert len(skills) >= 400
    per_category = Counter(e.category for e in skills)
    assert set(per_category) == CATEGORIES
    assert all(n >= 30 for n in per_category.values()), per_category


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("k8s", "Kubernetes"),
        ("JS", "JavaScript"),
        ("Postgres", "PostgreSQL"),
        ("RN", "Registered Nurse"),
        ("EPR", "Electronic health records"),
        ("electronic patient record", "Electronic health records"),
        ("EHR", "Electronic health records"),
        ("EMR", "Electronic health records"),
        ("Golang", "Go"),
        ("AP/AR", "AP/AR"),
        ("GAAP", "GAAP"),
        ("CRM", "CRM"),
        ("ML", "Machine learning"),
        ("PMP", "Project Management Professional"),
        ("Amazon Web Services", "AWS"),
    ],
)
def test_synonyms_and_abbreviations_map_to_canonical_names(text: str, canonical: str) -> None:
    assert names(f"Skills: {text}, Python")[0] == canonical


@pytest.mark.parametrize("term", ["C++", "C#", "Node.js", "CI/CD", ".NET", "ASP.NET", "T-SQL", "A/B testing"])
def test_punctuated_terms_stay_whole(term: str) -> None:
    found = get_taxonomy().scan(f"Experience with {term} daily.")
    assert [m.text for m in found] == [term]


@pytest.mark.parametrize(
    "text",
    [
        "a good platform for going further",  # no Go in good/going, no Terraform in platform
        "Google and Golden Gate",
        "R&D budget owner and C-level reporting",
        "Grade C in Vitamin C studies, John R. Smith",
        "excellent people who excel at work",
        "Go-to-market plans; the Go live date",
        "Spring 2021 semester; react quickly",
        "contact me at go@example.com or python.example.com",
    ],
)
def test_short_and_everyday_words_do_not_match(text: str) -> None:
    assert [
        n for n in names(text) if n in {"Go", "R", "C", "Excel", "Terraform", "Spring Boot", "React", "Python"}
    ] == []


def test_short_names_match_in_context() -> None:
    assert names("Languages: Python, Go, R, C") == ["Python", "Go", "R", "C"]
    assert names("- Go") == ["Go"]
    assert "Excel" in names("Advanced Excel skills (pivot tables)")
    assert names("Python/Django and C/C++") == ["Python", "Django", "C", "C++"]


def test_matching_is_case_and_width_insensitive_after_cleaning() -> None:
    assert extract_skills(clean_text("ＫＵＢＥＲＮＥＴＥＳ and postgresql")) == ["Kubernetes", "PostgreSQL"]


def test_extract_skills_is_sorted_unique_and_leaves_out_degrees() -> None:
    resume = "B.S. Computer Science\nSkills: SQL, Python, k8s, Python, Kubernetes, BLS"
    assert extract_skills(resume) == ["Basic Life Support", "Kubernetes", "Python", "SQL"]


JOB = """About us
Acme builds things with Terraform in our platform team.

Requirements
- 3+ years with Python or Go
- Deep PostgreSQL experience; Kubernetes is a plus
- CRM experience (Salesforce preferred)

Nice to have
- Kafka
- Experience with Jira

Benefits
- Free Snowflake swag
"""


def test_required_and_preferred_follow_the_job_headings_and_clauses() -> None:
    kw = job_keywords(JOB)
    assert [k.text for k in kw.required] == ["Python", "Go", "PostgreSQL", "CRM"]
    assert [k.text for k in kw.preferred] == ["Kubernetes", "Salesforce", "Kafka", "Jira"]


@pytest.mark.parametrize(
    ("required_head", "preferred_head"),
    [
        ("Must have:", "Bonus points:"),
        ("Essential", "Desirable"),
        ("What you'll need", "Preferred"),
        ("Qualifications", "Nice-to-haves"),
        ("## Requirements", "### Preferred qualifications"),
    ],
)
def test_heading_variants(required_head: str, preferred_head: str) -> None:
    kw = job_keywords(f"{required_head}\n- Python\n- SQL\n\n{preferred_head}\n- Tableau\n")
    assert ([k.text for k in kw.required], [k.text for k in kw.preferred]) == (["Python", "SQL"], ["Tableau"])


def test_inline_headings_count() -> None:
    kw = job_keywords("Requirements: Python, SQL\nNice to have: dbt")
    assert ([k.text for k in kw.required], [k.text for k in kw.preferred]) == (["Python", "SQL"], ["dbt"])


def test_a_job_without_requirement_headings_requires_what_it_mentions() -> None:
    kw = job_keywords("We need a nurse with BLS and Epic EHR experience. Telemetry is a plus.")
    assert [k.text for k in kw.required] == ["BLS", "Epic EHR"]
    assert [k.text for k in kw.preferred] == ["Telemetry"]


def test_salient_terms_missing_from_the_taxonomy_are_repeated_acronyms_and_names() -> None:
    job = (
        "Requirements\n- Experience with NCPDP claims and Medicare Part D\n- NCPDP certification\n"
        "- Based in TX, once\n\nAbout us\nWe process Medicare Part D claims for Acme Rx."
    )
    kw = job_keywords(job, "Pharmacy Analyst", "Acme Rx")
    assert [(k.text, k.entry) for k in kw.required] == [("NCPDP", None), ("Medicare Part D", None)]


def test_job_keywords_are_cached_per_job_text() -> None:
    job_keywords.cache_clear()
    job_keywords(JOB)
    job_keywords(JOB)
    assert job_keywords.cache_info().hits == 1


def test_literal_wording_versus_synonym_knowledge() -> None:
    (kw,) = job_keywords("Requirements\n- Kubernetes").required
    resume = "Skills: k8s"
    assert has_skill(index_text(resume), resume, kw)
    assert not has_keyword(index_text(resume), resume, kw)
    for shown in ("Skills: Kubernetes (k8s)", "Skills: KUBERNETES", "Certified Kubernetes Administrator"):
        assert has_keyword(index_text(shown), shown, kw), shown


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        ("Skills\nPython, Go, SQL\nDocker, Kubernetes\n", True),  # nothing crosses a line: read line by line
        ("Built services in Go\nto cut latency", False),  # the next line's first word vetoes "Go"
        ("Studied machine\nlearning and SQL", False),  # a term written across a line break
        ("Degree: Physics,\nBS 2019", False),  # the previous line's last token vetoes "BS"
        ("Straße\nPython\n\n\nSQL", False),  # folding changes a line's length
    ],
)
def test_scanning_line_by_line_finds_what_one_pass_finds(text: str, apart: bool) -> None:
    tax = get_taxonomy()
    tax.forget_lines()
    assert tax._lines_apart([taxonomy._line_scan(tax, line) for line in text.split("\n")]) is apart
    assert tax.scan(text) == tax._scan_one(text).matches
