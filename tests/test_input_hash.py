"""`input_hash`: what makes two optimizations the same piece of work, and what does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_opt.run import item
from resume_opt.run.item import input_hash, normalise

RESUME = "Jane Doe\nSUMMARY\nData engineer with Python and SQL.\n\nEXPERIENCE\n- Built pipelines"
JOB = ("Data Engineer", "Acme", "Requirements:\n- Python\n- SQL")
ENGINE = ("groq", "llama-3.3-70b-versatile", "groq-2+ats.1.abc")


def h(resume: str = RESUME, job: tuple[str, str, str] = JOB, engine: tuple[str, str, str] = ENGINE) -> str:
    return input_hash(resume, *job, *engine)


@pytest.mark.parametrize(
    "variant",
    [
        RESUME.replace("\n", "\r\n"),  # Windows line ends
        RESUME.replace("\n", "\r"),  # old Mac line ends
        RESUME.replace(" ", "  "),  # doubled spaces
        RESUME.replace(" ", "\t"),  # tabs
        "  " + RESUME + "\n\n\n",  # surrounding blanks
        RESUME.replace("\n\n", "\n\n\n\n"),  # runs of blank lines
        RESUME.replace("\n", "   \n"),  # trailing spaces
        RESUME.replace("Data", "\uff24ata"),  # full-width D (NFKC)
        RESUME.replace("fi", "\ufb01"),  # the fi ligature (NFKC); harmless where absent
        RESUME.replace(" ", "\u00a0"),  # no-break spaces (NFKC to spaces)
    ],
)
def test_whitespace_and_unicode_variants_collide(variant: str) -> None:
    assert h(variant) == h()


def test_job_variants_collide_too() -> None:
    assert h(job=("Data  Engineer ", "Acme\r\n", JOB[2].replace("\n", "\r\n"))) == h()


@pytest.mark.parametrize(
    "change",
    [
        {"resume": RESUME + " Airflow"},
        {"job": ("Senior Data Engineer", *JOB[1:])},
        {"job": (JOB[0], "Globex", JOB[2])},
        {"job": (*JOB[:2], JOB[2] + "\n- Go")},
        {"engine": ("local", *ENGINE[1:])},
        {"engine": (ENGINE[0], "llama-3.1-8b-instant", ENGINE[2])},
        {"engine": (*ENGINE[:2], "groq-3+ats.1.abc")},
    ],
)
def test_a_change_of_content_engine_model_or_prompt_does_not_collide(change: dict[str, object]) -> None:
    assert h(**change) != h()  # type: ignore[arg-type]


def test_normalise_is_idempotent() -> None:
    once = normalise("  a\r\n\n\n\nb\t c  ")
    assert once == "a\n\nb c" and normalise(once) == once


def test_editing_the_skills_taxonomy_changes_the_analysis_version(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from importlib import resources

    before = item.analysis_version()
    real = resources.files("resume_opt").joinpath("data/skills.yaml").read_bytes()
    edited = tmp_path / "resume_opt"
    (edited / "data").mkdir(parents=True)
    (edited / "data" / "skills.yaml").write_bytes(real + b"\n# one more synonym\n")

    class Files:
        def joinpath(self, name: str) -> Path:
            return edited / name

    monkeypatch.setattr(item.resources, "files", lambda _pkg: Files())
    item.analysis_version.cache_clear()
    try:
        after = item.analysis_version()
    finally:
        monkeypatch.undo()
        item.analysis_version.cache_clear()
    assert after != before and item.analysis_version() == before
    # And it reaches the hash through the prompt-version part prepare() passes in.
    assert h(engine=(*ENGINE[:2], f"groq-2+ats.{after}")) != h(engine=(*ENGINE[:2], f"groq-2+ats.{before}"))
