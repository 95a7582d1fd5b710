"""The truthfulness guard: fabricated edits of every kind are rejected, honest ones pass."""

from __future__ import annotations

import pytest

from resume_opt.ats.guard import Guard

RESUME = """Jane Rivera
Backend Engineer | Austin, TX

SUMMARY
Backend engineer with 6 years of experience building APIs in Python.

SKILLS
Languages: Python, SQL, Bash
Infrastructure: Docker, k8s, Postgres

EXPERIENCE
Software Engineer, Bluefin Commerce, Austin, TX | Mar 2021 - Present
- Led the migration of 12 services to k8s, cutting deploy time by 40%.
- Mentor 3 engineers; run the weekly design review.

EDUCATION
B.S. Computer Science, North Plains State University, 2016

CERTIFICATIONS
AWS Certified Developer - Associate (2020)
"""
SKILLS = "Languages: Python, SQL, Bash"
BULLET = "- Mentor 3 engineers; run the weekly design review."


@pytest.fixture
def guard() -> Guard:
    return Guard(RESUME, "We need an engineer who writes clear code and mentors others.")


@pytest.mark.parametrize(
    ("original", "revised", "because"),
    [
        # a skill or tool the resume lacks (taxonomy, any spelling)
        (SKILLS, "Languages: Python, SQL, Bash, Rust", "introduces skill 'Rust'"),
        (SKILLS, "Languages: Python, SQL, Bash, Golang", "introduces skill 'Golang'"),
        (
            "Infrastructure: Docker, k8s, Postgres",
            "Infrastructure: Docker, k8s, Postgres, Terraform",
            "introduces skill 'Terraform'",
        ),
        # an employer or other proper noun
        (
            BULLET,
            "- Mentor 3 engineers at Google; run the weekly design review.",
            "introduces employer or other proper noun 'Google'",
        ),
        (
            BULLET,
            "- Mentor 3 engineers; run the weekly design review with Acme Labs.",
            "introduces employer or other proper noun 'Acme'",
        ),
        (
            BULLET,
            "- Mentor 3 engineers as Principal Engineer; run the weekly design review.",
            "introduces employer or other proper noun 'Principal'",
        ),
        # a degree
        (
            "B.S. Computer Science, North Plains State University, 2016",
            "M.S. Computer Science, North Plains State University, 2016",
            "introduces degree 'M.S.'",
        ),
        (BULLET, "- Mentor 3 engineers; run the weekly design review. PhD in Physics.", "introduces degree 'PhD'"),
        (BULLET, "- Mentor 3 engineers; MBA; run the weekly design review.", "introduces degree 'MBA'"),
        # a certification or licence
        (SKILLS, "Languages: Python, SQL, Bash; PMP", "introduces certification 'PMP'"),
        (
            SKILLS,
            "Languages: Python, SQL, Bash (Certified Python Professional)",
            "introduces certification or licence 'Certified Python Professional'",
        ),
        (SKILLS, "Languages: Python, SQL, Bash; licensed Professional Engineer", "introduces certification or licence"),
        # a date
        (
            "Software Engineer, Bluefin Commerce, Austin, TX | Mar 2021 - Present",
            "Software Engineer, Bluefin Commerce, Austin, TX | Jan 2019 - Present",
            "introduces date '01/2019'",
        ),
        (BULLET, "- Mentor 3 engineers since 2014; run the weekly design review.", "introduces date '2014'"),
        # a number, in digits or words, or a code
        (BULLET, "- Mentor 5 engineers; run the weekly design review.", "introduces number '5'"),
        (BULLET, "- Mentor 3 engineers; run the weekly design review for 200 people.", "introduces number '200'"),
        (BULLET, "- Mentor four engineers; run the weekly design review.", "introduces number 'four'"),
        (BULLET, "- Mentor 3 engineers; run the weekly design review; passed PL300.", "introduces number 'PL300'"),
        # the original is not quoted verbatim
        ("- Mentor 3 engineers, run the weekly design review.", "- Mentor 3 engineers.", "not verbatim"),
        ("Languages:  Python, SQL, Bash", "Languages: Python", "not verbatim"),
        ("", "Languages: Python", "not verbatim"),
    ],
)
def test_fabricated_edits_are_rejected_with_a_reason(guard: Guard, original: str, revised: str, because: str) -> None:
    reason = guard.check(original, revised)
    assert reason is not None and because in reason, reason


@pytest.mark.parametrize(
    ("original", "revised"),
    [
        # reordering, and the job's wording for a skill the resume has under another name
        (SKILLS, "Languages: SQL, Python, Bash"),
        ("Infrastructure: Docker, k8s, Postgres", "Infrastructure: Kubernetes (k8s), PostgreSQL (Postgres), Docker"),
        (
            "- Led the migration of 12 services to k8s, cutting deploy time by 40%.",
            "- Led the migration of 12 services to Kubernetes (k8s), cutting deploy time by 40%.",
        ),
        # facts moved from elsewhere in the resume: numbers, dates, employers, words in any case
        (BULLET, "- Mentor 3 engineers at Bluefin Commerce since Mar 2021; run the weekly design review."),
        (BULLET, "- Mentor three engineers; run the weekly design review of 12 services."),
        # new wording: sentence-initial verbs and common words, words the job uses
        (BULLET, "- Spearheaded the weekly design review; mentor 3 engineers."),
        (BULLET, "- Mentor 3 engineers. Clear code is the focus of the weekly design review."),
        (
            "Backend engineer with 6 years of experience building APIs in Python.",
            "Key skills for this role: Python, SQL and Kubernetes (k8s). Backend engineer with 6 years of "
            "experience building APIs in Python.",
        ),
        # certification and degree wording that is the resume's own
        ("AWS Certified Developer - Associate (2020)", "AWS Certified Developer - Associate, 2020"),
        (BULLET, "- Mentor 3 engineers; run the weekly design review. Bachelor's degree in Computer Science."),
    ],
)
def test_honest_edits_pass(guard: Guard, original: str, revised: str) -> None:
    assert guard.check(original, revised) is None


def test_lines_the_resume_already_has_pass_and_new_lines_are_checked(guard: Guard) -> None:
    block = "Languages: Python, SQL, Bash\nInfrastructure: Docker, k8s, Postgres"
    swapped = "Infrastructure: Docker, k8s, Postgres\nLanguages: Python, SQL, Bash"
    assert guard.check(block, swapped) is None
    assert guard.check(block, swapped + "\nCloud: GCP") == "introduces skill 'GCP' not in the resume"
    # a line copied from elsewhere in the resume is the resume's own
    assert guard.check(block, swapped + "\n- Mentor 3 engineers; run the weekly design review.") is None


def test_an_inserted_summary_needs_no_original(guard: Guard) -> None:
    assert guard.check("", "Key skills for this role: Python and Docker.", insertion=True) is None
    reason = guard.check("", "Key skills for this role: Python and Java.", insertion=True)
    assert reason == "introduces skill 'Java' not in the resume"


def test_empty_and_unchanged_revisions_are_not_edits(guard: Guard) -> None:
    assert guard.check(SKILLS, " ") == "revised text is empty"
    assert guard.check(SKILLS, SKILLS) == "revised text is the same as the original"


def test_capitalised_words_must_come_from_the_resume_unless_they_open_a_sentence(guard: Guard) -> None:
    assert guard.check(BULLET, "- Mentor 3 Senior engineers; run the weekly design review.") is not None
    assert guard.check(BULLET, "- Senior mentor of 3 engineers; run the weekly design review.") is not None
    assert guard.check(BULLET, "- Zorblax mentor of 3 engineers; run the weekly design review.") is not None
    # a common word (ours, or one the job uses in lower case) may open a sentence
    assert guard.check(BULLET, "- Mentor 3 engineers. Others attend the weekly design review.") is None
