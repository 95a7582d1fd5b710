"""The offline engine and finalize: tailoring that is truthful, deterministic and checked."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from resume_opt.ats.keywords import has_skill, index_text, job_keywords
from resume_opt.ats.proposal import Edit, Job, Proposal
from resume_opt.ats.tailor import finalize
from resume_opt.config import Settings
from resume_opt.engines.local import LocalEngine

RESULT_KEYS = {
    "optimized_resume",
    "summary",
    "edits_applied",
    "edits_rejected",
    "matched_keywords",
    "missing_keywords",
    "suggestions",
    "flags",
    "score_before",
    "score_after",
    "score_reason",
    "keywords",
    "quarantined",
}

RESUME = """Jane Rivera
Austin, TX | jane@example.com

SUMMARY
Backend engineer with 6 years of experience building APIs in Python.

SKILLS
Languages: Bash, SQL, Python
Infrastructure: Docker, k8s, Postgres

EXPERIENCE
Software Engineer, Bluefin Commerce | Mar 2021 - Present
- Mentor 3 engineers; run the weekly design review.
- Led the migration of 12 services to k8s, cutting deploy time by 40%.

Junior Developer, Ridgeline | 2018 - 2021
- Wrote Bash tooling for 25 teams.
- Tuned slow Postgres queries.

EDUCATION
B.S. Computer Science, North Plains State University, 2016
"""
JOB = Job(
    "Platform Engineer",
    "Tidewater",
    "Requirements\n- Kubernetes\n- PostgreSQL\n- Python\n- Terraform\n\nNice to have\n- Bash\n- Helm\n",
)


@pytest.fixture(scope="module")
def engine() -> LocalEngine:
    return LocalEngine(Settings())


def run(engine: LocalEngine, resume: str = RESUME, job: Job = JOB) -> dict[str, Any]:
    return finalize(resume, job, engine.propose(resume, job))


def test_engine_identity(engine: LocalEngine) -> None:
    assert (engine.name, engine.model, engine.prompt_version) == ("local", "offline-v1", "2")
    engine.close()


def test_uses_the_job_wording_and_keeps_the_candidates(engine: LocalEngine) -> None:
    result = run(engine)
    skills = next(e for e in result["edits_applied"] if e["original"].startswith("Languages"))
    assert "Kubernetes (k8s)" in skills["revised"] and "PostgreSQL (Postgres)" in skills["revised"]
    assert "k8s -> Kubernetes (k8s)" in skills["reason"]
    assert "Infrastructure: Kubernetes (k8s), PostgreSQL (Postgres), Docker" in result["optimized_resume"]
    assert result["edits_rejected"] == []
    assert result["score_after"] > result["score_before"]
    assert {"Kubernetes", "PostgreSQL"} <= set(result["matched_keywords"])


def test_relevant_skills_and_lines_go_first(engine: LocalEngine) -> None:
    text = run(engine)["optimized_resume"]
    assert "Infrastructure: Kubernetes (k8s), PostgreSQL (Postgres), Docker\nLanguages: Python, Bash, SQL" in text


def test_bullets_are_ordered_within_each_role_only(engine: LocalEngine) -> None:
    text = run(engine)["optimized_resume"]
    first_role = text.index("Software Engineer, Bluefin")
    second_role = text.index("Junior Developer")
    assert text.index("- Led the migration of 12 services") < text.index("- Mentor 3 engineers") < second_role
    assert first_role < text.index("- Led the migration")
    assert second_role < text.index("- Tuned slow Postgres queries.") < text.index("- Wrote Bash tooling")


def test_missing_keywords_only_become_suggestions(engine: LocalEngine) -> None:
    result = run(engine)
    assert "Terraform" in result["missing_keywords"] and "Helm" in result["missing_keywords"]
    assert "terraform" not in result["optimized_resume"].casefold()
    assert "helm" not in result["optimized_resume"].casefold()
    assert any(s.startswith("Terraform: required by the job and not in the resume") for s in result["suggestions"])
    assert any(s.startswith("Helm: preferred") for s in result["suggestions"])


def test_summary_keeps_the_candidates_words_and_names_what_it_lacked(engine: LocalEngine) -> None:
    result = run(engine)
    # Python is in the summary already and Bash is in the job's wording: neither is repeated.
    assert result["summary"] == (
        "Backend engineer with 6 years of experience building APIs in Python. "
        "Skills include Kubernetes (k8s) and PostgreSQL (Postgres)."
    )
    assert result["edits_applied"][0] == {
        "original": "Backend engineer with 6 years of experience building APIs in Python.",
        "revised": result["summary"],
        "reason": "professional summary written for this job",
    }


def test_a_summary_is_inserted_in_the_resumes_heading_style_when_missing(engine: LocalEngine) -> None:
    resume = RESUME.replace("SUMMARY\nBackend engineer with 6 years of experience building APIs in Python.\n\n", "")
    text = run(engine, resume)["optimized_resume"]
    assert text.startswith(
        "Jane Rivera\nAustin, TX | jane@example.com\n\nSUMMARY\nSkills include "
        "Kubernetes (k8s), PostgreSQL (Postgres) and Python.\n\nSKILLS\n"
    )


def test_no_matching_skills_means_no_summary_and_no_edits(engine: LocalEngine) -> None:
    nurse = "Rosa Delgado, RN\n\nSKILLS\n- Wound care\n- Telemetry\n"
    result = run(engine, nurse)
    assert (result["summary"], result["edits_applied"], result["optimized_resume"]) == ("", [], nurse)
    assert result["score_before"] == result["score_after"] == 0.0


def test_finalize_returns_exactly_the_contract_keys_as_json(engine: LocalEngine) -> None:
    result = run(engine)
    assert set(result) == RESULT_KEYS
    assert json.loads(json.dumps(result)) == result
    assert result["keywords"] == {
        "required": ["Kubernetes", "PostgreSQL", "Python", "Terraform"],
        "preferred": ["Bash", "Helm"],
    }


def test_finalize_guards_any_engines_edits_in_order() -> None:
    proposal = Proposal(
        summary="Key skills: Rust and Python.",
        edits=[
            Edit("- Tuned slow Postgres queries.", "- Tuned slow PostgreSQL (Postgres) queries.", "wording"),
            Edit("- Tuned slow Postgres queries.", "- Tuned the slow Postgres queries.", "again"),
            Edit("- Wrote Bash tooling for 25 teams.", "- Wrote Bash tooling for 25 teams at Google.", "name"),
            Edit("- Wrote Bash tooling for 25 teams.", "- Wrote Bash tools for 25 teams.", "ok"),
        ],
        extra={"suggestions": ["Mention your on-call work", 42]},
    )
    result = finalize(RESUME, JOB, proposal)
    assert [e["reason"] for e in result["edits_applied"]] == ["wording", "ok"]
    assert [(e["reason"], e["rejected_because"]) for e in result["edits_rejected"]] == [
        ("professional summary written for this job", "introduces skill 'Rust' not in the resume"),
        ("again", "original text no longer present after earlier edits"),
        ("name", "introduces employer or other proper noun 'Google' not in the resume"),
    ]
    assert result["summary"] == ""
    assert "- Wrote Bash tools for 25 teams." in result["optimized_resume"]
    assert result["suggestions"][-1] == "Mention your on-call work"


def test_no_job_keywords_gives_no_score_and_a_reason(engine: LocalEngine) -> None:
    result = run(engine, job=Job("Friend", "Acme", "We are a friendly team. Apply today!"))
    assert (result["score_before"], result["score_after"]) == (None, None)
    assert result["score_reason"] == "no keywords found in the job description"


def test_deterministic_and_thread_safe(engine: LocalEngine) -> None:
    first = run(engine)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: run(engine), range(16)))
    assert all(r == first for r in results)


def _sample(name: str) -> list[dict[str, Any]]:
    path = resources.files("resume_opt").joinpath(f"data/sample/{name}")
    if not path.is_file():
        pytest.skip(f"sample data {name} not present")
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_whole_sample_set_passes_the_guard_and_adds_nothing(engine: LocalEngine) -> None:
    candidates, jobs = _sample("candidates.jsonl"), _sample("jobs.jsonl")
    assert len(candidates) >= 24 and len(jobs) >= 9
    improved = 0
    for c in candidates:
        for j in jobs:
            job = Job(j["title"], j["company"], j["description"])
            result = run(engine, c["resume"], job)
            where = f"{c['id']} x {j['id']}"
            assert result["edits_rejected"] == [], where
            assert result["score_after"] >= result["score_before"], where
            improved += result["score_after"] > result["score_before"]
            # what the candidate does not have, under any name, stays out of the resume
            before, after = index_text(c["resume"]), index_text(result["optimized_resume"])
            for kw in job_keywords(job.description, job.title, job.company).all:
                if not has_skill(before, c["resume"], kw):
                    assert not has_skill(after, result["optimized_resume"], kw), (where, kw.text)
    assert improved >= len(candidates)  # every strong or partial match gains something


def test_same_output_under_different_hash_seeds() -> None:
    script = (
        "import json\n"
        "from resume_opt.ats.tailor import finalize\n"
        "from resume_opt.config import Settings\n"
        "from resume_opt.ats.proposal import Job\n"
        "from resume_opt.engines.local import LocalEngine\n"
        "from resume_opt.ats.keywords import extract_skills\n"
        f"resume, job = {RESUME!r}, Job(*{(JOB.title, JOB.company, JOB.description)!r})\n"
        "result = finalize(resume, job, LocalEngine(Settings()).propose(resume, job))\n"
        "print(json.dumps([result, extract_skills(resume)], sort_keys=True))\n"
    )
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        outputs.add(proc.stdout)
    assert len(outputs) == 1


def test_suggestions_tell_apart_missing_skills_and_different_wording() -> None:
    result = finalize(RESUME, JOB, Proposal())  # an engine that proposed nothing
    assert result["optimized_resume"] == RESUME and result["score_after"] == result["score_before"]
    notes = {s.split(":")[0]: s for s in result["suggestions"]}
    assert "your resume words this differently" in notes["Kubernetes"]
    assert "not in the resume" in notes["Terraform"]


# --- writing like a careful recruiter ------------------------------------------------

QUALIFIED = """Priya Shah
SUMMARY
Operations analyst with 4 years in distribution. I turn warehouse data into weekly plans.

SKILLS
- SQL, Python, dbt (basic), Tableau
- exposure to Rust
- Budgets up to $18M
- Lean, 5S, kaizen events

EXPERIENCE
Analyst, Northwind | 2021 - Present
- Led 12 kaizen events across 3 sites.
- Streamed scan events through Kafka.

CERTIFICATIONS
- APICS CSCP (in progress)
"""
QUALIFIED_JOB = Job(
    "Operations Analyst",
    "Harbor",
    "Requirements\n- dbt\n- Rust\n- Operating budget\n- Continuous improvement\n- APICS certification\n"
    "- Apache Kafka\n\nNice to have\n- Tableau\n",
)


def test_summary_keeps_every_qualifier_and_reads_naturally(engine: LocalEngine) -> None:
    result = run(engine, QUALIFIED, QUALIFIED_JOB)
    summary = result["summary"]
    assert summary.startswith("Operations analyst with 4 years in distribution. Skills include ")
    assert "dbt (basic)" in summary and "APICS CSCP (in progress)" in summary
    assert "Rust" not in summary  # "exposure to Rust" cannot become a listed skill
    assert "Key skills" not in summary and summary.endswith("I turn warehouse data into weekly plans.")
    assert result["edits_rejected"] == []


def test_renames_stay_grammatical_and_claim_nothing_more(engine: LocalEngine) -> None:
    result = run(engine, QUALIFIED, QUALIFIED_JOB)
    text = result["optimized_resume"]
    assert "- Budgets up to $18M" in text  # never "Operating budget (Budgets) up to $18M"
    assert "- Led 12 kaizen events across 3 sites." in text  # a count keeps its noun
    assert "continuous improvement (kaizen events)" in text  # a whole list item may take the job's term
    assert "- Streamed scan events through Apache Kafka." in text  # a vendor's name before the product


def _bullets_keep_required_ones_up(engine: LocalEngine, resume: str, job: Job) -> None:
    required = job_keywords(job.description, job.title, job.company).required

    def relevant(line: str) -> bool:
        return any(has_skill(index_text(line), line, kw) for kw in required)

    for edit in run(engine, resume, job)["edits_applied"]:
        old, new = edit["original"].split("\n"), edit["revised"].split("\n")
        if sorted(old) != sorted(new) or not all(ln.lstrip()[:1] in "-•*▪" for ln in old):
            continue  # not a reordering of bullets
        for a in old:
            for b in old:
                if relevant(a) and not relevant(b):
                    assert new.index(a) < new.index(b), (edit["original"][:60], a[:60], b[:60])


def test_reordering_never_moves_a_required_bullet_below_an_irrelevant_one(engine: LocalEngine) -> None:
    candidates, jobs = _sample("candidates.jsonl"), _sample("jobs.jsonl")
    for c in candidates:
        for j in jobs:
            _bullets_keep_required_ones_up(engine, c["resume"], Job(j["title"], j["company"], j["description"]))


def test_every_proposed_summary_keeps_the_candidates_own_sentences_in_order(engine: LocalEngine) -> None:
    from resume_opt.ats.sections import summary_span

    candidates, jobs = _sample("candidates.jsonl"), _sample("jobs.jsonl")
    for c in candidates:
        span = summary_span(c["resume"])
        own = c["resume"][span[0] : span[1]] if span else ""
        for j in jobs:
            summary = engine.propose(c["resume"], Job(j["title"], j["company"], j["description"])).summary
            if not summary:
                continue
            assert summary[:1].isupper() and "Key skills" not in summary, (c["id"], j["id"])
            assert summary.count("Skills include") <= 1, (c["id"], j["id"])
            # every word of theirs is still there, in order (a rename in place may add brackets)
            said = iter(w.strip("()") for w in summary.split())
            assert all(word.strip("()") in said for word in own.split()), (c["id"], j["id"])


def _corpus(name: str) -> list[dict[str, Any]]:
    path = Path(__file__).parent / "data" / "truthfulness" / name
    if not path.is_file():
        pytest.skip(f"truthfulness corpus {name} not present")
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_every_output_on_the_truthfulness_corpus_passes_the_guard(engine: LocalEngine) -> None:
    resumes, jobs = _corpus("resumes.jsonl"), _corpus("jobs.jsonl")
    for r in resumes:
        for j in jobs:
            job = Job(j["title"], j["company"], j["description"])
            result = run(engine, r["text"], job)
            where = f"{r['id']} x {j['id']}"
            assert result["edits_rejected"] == [], where
            assert result["score_before"] is None or result["score_after"] >= result["score_before"], where
            _bullets_keep_required_ones_up(engine, r["text"], job)


_LINE_START = re.compile(r"^[\s\-•*▪·]*")


def _opens_lower(line: str) -> bool:
    rest = _LINE_START.sub("", line)
    return rest[:1].isalpha() and rest[:1].islower()


def test_a_rename_opening_a_line_keeps_its_capital(engine: LocalEngine) -> None:
    candidates = {c["id"]: c for c in _sample("candidates.jsonl")}
    jobs = {j["id"]: j for j in _sample("jobs.jsonl")}
    nurse, med_surg = candidates["cand-010"], jobs["job-006"]
    job = Job(med_surg["title"], med_surg["company"], med_surg["description"])
    text = run(engine, nurse["resume"], job)["optimized_resume"]
    assert "• Electronic health record (EHR) super-user" in text  # not "• electronic health record (EHR)"
    # and over the whole sample set: a line opens in lower case only where the candidate's did
    for c in candidates.values():
        for j in jobs.values():
            for edit in run(engine, c["resume"], Job(j["title"], j["company"], j["description"]))["edits_applied"]:
                was_lower = any(_opens_lower(ln) for ln in edit["original"].split("\n"))
                for ln in edit["revised"].split("\n"):
                    assert was_lower or not _opens_lower(ln), (c["id"], j["id"], ln[:80])


def test_starting_an_iv_is_never_renamed_giving_iv_medications(engine: LocalEngine) -> None:
    resume = "Sam Lee, RN\n\nSkills\nIV insertion, wound care, patient education\n"
    job = Job("Registered Nurse", "Acme Health", "Required: IV medications, wound care, patient education.")
    result = run(engine, resume, job)
    assert "IV insertion" in result["optimized_resume"]
    assert "IV medications" not in result["optimized_resume"]
    assert "IV medications" in result["missing_keywords"]
