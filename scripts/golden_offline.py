"""Golden outputs of the offline engine and the guard, to check a refactor changes nothing.

Prints one line per pair, `<set> <resume id> <job id> <sha256>`, the sha256 being that of the
canonical JSON (sorted keys, no spaces) of the engine's proposal (its `latency_ms` zeroed) and
`finalize`'s result:

- `sample`: every candidate x every job of the sample set (resume_opt/data/sample/), through
  `LocalEngine.propose` and `finalize`, as `scripts/bench_quality.py` runs them;
- `corpus` / `holdout`: every resume x every job of the truthfulness corpora, the same way;
- `case` / `hcase`: every case of the corpora, its own proposal through `finalize`.

Each pair is computed twice, cold (every per-resume cache cleared first, as a new resume) and
warm (caches kept, as a repeat); the script fails if the two differ, since a cache must never
change a result. The last line is the sha256 of all the lines above it. Save the output before
a change and `diff` it with the output after:

    python scripts/golden_offline.py > /tmp/golden-before.txt
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_quality (scripts/)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.truthcorpus

from bench_quality import _read_jsonl, _sample, forget_resumes  # noqa: E402

from resume_opt.ats.proposal import Job, Proposal  # noqa: E402
from resume_opt.ats.tailor import finalize  # noqa: E402
from resume_opt.ats.text import clean_text, prepare_resume  # noqa: E402
from resume_opt.config import Settings  # noqa: E402
from resume_opt.engines.local import LocalEngine  # noqa: E402
from tests.truthcorpus import DATA, HOLDOUT, load_cases, read_jsonl  # noqa: E402


def _digest(value: Any) -> str:
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _pairs(
    name: str, resumes: list[tuple[str, str]], jobs: list[tuple[str, Job]]
) -> Iterator[tuple[str, str, str, str, Job, Proposal | None]]:
    for job_id, job in jobs:
        for resume_id, resume in resumes:
            yield name, resume_id, job_id, resume, job, None


def _corpus(name: str, root: Path, max_chars: int) -> Iterator[tuple[str, str, str, str, Job, Proposal | None]]:
    resumes = [(str(r["id"]), prepare_resume(r["text"], max_chars)) for r in read_jsonl("resumes.jsonl", root)]
    jobs = [
        (str(j["id"]), Job(j["title"], j["company"], clean_text(j["description"])))
        for j in read_jsonl("jobs.jsonl", root)
    ]
    return _pairs(name, resumes, jobs)


def _cases(name: str, root: Path) -> Iterator[tuple[str, str, str, str, Job, Proposal | None]]:
    for case in load_cases(root):
        yield name, case.id, case.job_id, case.resume, case.job, case.proposal


def main() -> int:
    settings = Settings()
    max_chars = settings.engine.max_resume_chars
    engine = LocalEngine(settings)
    sample_resumes = [
        (str(c["id"]), prepare_resume(c["resume"], max_chars)) for c in _read_jsonl(_sample("candidates.jsonl"))
    ]
    sample_jobs = [
        (str(j["id"]), Job(str(j.get("title", "")), str(j.get("company", "")), clean_text(str(j["description"]))))
        for j in _read_jsonl(_sample("jobs.jsonl"))
    ]
    sources = [
        _pairs("sample", sample_resumes, sample_jobs),
        _corpus("corpus", DATA, max_chars),
        _corpus("holdout", HOLDOUT, max_chars),
        _cases("case", DATA),
        _cases("hcase", HOLDOUT),
    ]

    def one(resume: str, job: Job, given: Proposal | None) -> str:
        proposal = engine.propose(resume, job) if given is None else given
        timeless = {**asdict(proposal), "latency_ms": 0}  # the engine's own timing, the one thing that varies
        return _digest({"proposal": timeless, "result": finalize(resume, job, proposal)})

    lines: list[str] = []
    status = 0
    for source in sources:
        for name, resume_id, job_id, resume, job, given in source:
            forget_resumes(job)
            cold = one(resume, job, given)
            warm = one(resume, job, given)
            if cold != warm:
                print(f"cache changes the result: {name} {resume_id} {job_id}", file=sys.stderr)
                status = 1
            lines.append(f"{name} {resume_id} {job_id} {cold}")
    emit: Callable[[str], None] = print
    for line in lines:
        emit(line)
    emit(f"all {len(lines)} {hashlib.sha256(chr(10).join(lines).encode()).hexdigest()}")
    return status


if __name__ == "__main__":
    sys.exit(main())
