"""The deterministic 0-100 match score."""

from __future__ import annotations

from resume_opt.ats.keywords import job_keywords
from resume_opt.ats.score import NO_KEYWORDS, score_resume

JOB = "Requirements\n- Python\n- PostgreSQL\n- Kubernetes\n\nNice to have\n- Terraform\n- Kafka\n"


def test_formula_weights_required_and_preferred_coverage() -> None:
    result = score_resume("Python, PostgreSQL and Kafka", job_keywords(JOB))
    assert result.score == round(100 * (0.8 * 2 / 3 + 0.2 * 1 / 2), 1) == 63.3
    assert result.matched == ["Python", "PostgreSQL", "Kafka"]
    assert result.missing == ["Kubernetes", "Terraform"]
    assert result.reason is None


def test_full_and_empty_coverage() -> None:
    kw = job_keywords(JOB)
    assert score_resume("Python PostgreSQL Kubernetes Terraform Kafka", kw).score == 100.0
    assert score_resume("Nursing and patient care", kw).score == 0.0


def test_only_required_or_only_preferred_counts_fully() -> None:
    assert score_resume("Python", job_keywords("Requirements\n- Python\n- SQL")).score == 50.0
    assert score_resume("Tableau", job_keywords("Nice to have\n- Tableau\n- Looker")).score == 50.0


def test_no_keywords_means_no_score_and_a_reason() -> None:
    result = score_resume("Python", job_keywords("We are a friendly team. Apply today!"))
    assert (result.score, result.matched, result.missing, result.reason) == (None, [], [], NO_KEYWORDS)


def test_score_sees_the_job_wording_not_synonyms() -> None:
    kw = job_keywords(JOB)
    with_synonyms = score_resume("Python, Postgres, k8s", kw)
    with_wording = score_resume("Python, PostgreSQL (Postgres), Kubernetes (k8s)", kw)
    assert with_synonyms.missing[:2] == ["PostgreSQL", "Kubernetes"]
    assert with_wording.score == 80.0 and with_synonyms.score == 26.7


def test_spelling_variants_and_plurals_of_the_same_wording_count() -> None:
    kw = job_keywords("Requirements\n- Node.js\n- REST APIs\n- dashboards")
    assert score_resume("NodeJS services, REST API design, one dashboard", kw).score == 100.0


def test_score_is_deterministic() -> None:
    kw = job_keywords(JOB)
    assert len({score_resume("Python and Kafka, k8s", kw).score for _ in range(5)}) == 1
