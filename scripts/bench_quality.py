"""Quality and speed of the offline engine over the sample set, with no database.

Every candidate x every job goes through `LocalEngine.propose` and `finalize`, as the
pipeline would run them. Prints a table per job and returns the figures:

    python scripts/bench_quality.py [--candidates FILE] [--jobs FILE] [--repeats N] [--json]

Times are per pair, each pair cold (its resume's caches dropped first). This host's CPU
speed drifts by half from one minute to the next (a single pass's CPU p95 has read from
10 to 21 ms for the same code), so every pair is timed `--repeats` times, each time cold,
and a pair's time is the median of its repeats; `cpu_ms_per_pair_p95_passes` gives each
single pass's p95, to show the spread.

`scripts/bench.py quality` calls `run(argv)` (a list of arguments or a Namespace).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from resume_opt.ats import facts, guard, injection, keywords, qualifiers, sections, taxonomy
from resume_opt.ats.keywords import index_text, job_keywords
from resume_opt.ats.proposal import Job
from resume_opt.ats.score import score_resume
from resume_opt.ats.tailor import finalize
from resume_opt.ats.text import clean_text, prepare_resume
from resume_opt.config import Settings
from resume_opt.engines.local import LocalEngine

RELEVANT_SCORE = 25.0
DEFAULT_REPEATS = 5  # cold timings per pair; the median is kept
# The sample set's professions (resume_opt/data/sample/README.md): a matched pair is a
# candidate and a job of the same one. Files whose rows carry a "profession" (the
# truthfulness corpus) say it themselves.
PROFESSIONS = {
    "software": ([f"cand-{n:03d}" for n in range(1, 6)], ["job-001", "job-002", "job-003"]),
    "data": ([f"cand-{n:03d}" for n in range(6, 10)], ["job-004", "job-005", "job-011"]),
    "healthcare": ([f"cand-{n:03d}" for n in range(10, 14)], ["job-006"]),
    "sales": ([f"cand-{n:03d}" for n in range(14, 18)], ["job-007"]),
    "finance": ([f"cand-{n:03d}" for n in range(18, 22)], ["job-008"]),
    "operations": ([f"cand-{n:03d}" for n in range(22, 26)], ["job-009"]),
    "education": ([f"cand-{n:03d}" for n in range(26, 30)], ["job-010"]),
}
MATCHED = {(c, j) for cands, jobs in PROFESSIONS.values() for c in cands for j in jobs}


def _sample(name: str) -> Path:
    return Path(str(resources.files("resume_opt").joinpath(f"data/sample/{name}")))


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def forget_resumes(job: Job) -> None:
    """Drop every per-text cache (each module's PER_TEXT_CACHES) so each pair pays for its
    resume, as a new one would; the job's analysis stays warm, as it does in a run (one job
    meets many resumes), and so do the process's (taxonomy, lexicon, word keys)."""
    for module in (facts, guard, qualifiers, injection, keywords, sections, taxonomy):
        for cache in module.PER_TEXT_CACHES:
            cache.cache_clear()
    injection.detect_injection(job.title)
    injection.detect_injection(job.description)
    injection.quarantine(job.description, stuffing=False)  # the job's quarantine stays warm, as in a run


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--candidates", type=Path, default=None, help="candidates JSONL (default: the sample set)")
    p.add_argument("--jobs", type=Path, default=None, help="jobs JSONL (default: the sample set)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON only")
    p.add_argument(
        "--repeats",
        type=int,
        default=DEFAULT_REPEATS,
        help=f"time every pair this many times, each cold (median kept; default {DEFAULT_REPEATS})",
    )
    return p.parse_args(argv)


def run(args: argparse.Namespace | Sequence[str] | None = None, out: TextIO | None = None) -> dict[str, Any]:
    """Run the benchmark; print the table (to stderr unless `out` is given, so a caller's
    JSON on stdout stays clean; not at all with --json) and return the figures."""
    if args is None or not isinstance(args, argparse.Namespace):
        args = parse_args(list(args or []))
    settings = Settings()
    cand_path = getattr(args, "candidates", None) or _sample("candidates.jsonl")
    jobs_path = getattr(args, "jobs", None) or _sample("jobs.jsonl")
    # the sample set's {"resume": ...} or the truthfulness corpus's {"text": ..., "profession": ...}
    candidates = [
        {**c, "resume": c.get("resume", c.get("text"))}
        for c in _read_jsonl(cand_path)
        if isinstance(c.get("resume", c.get("text")), str)
    ]
    job_rows = _read_jsonl(jobs_path)
    jobs = [
        Job(str(j.get("title", "")), str(j.get("company", "")), clean_text(str(j["description"]))) for j in job_rows
    ]
    job_ids = [str(j.get("id", "")) for j in job_rows]
    cand_ids = [str(c.get("id", "")) for c in candidates]
    matched = MATCHED | {
        (str(c.get("id", "")), str(j.get("id", "")))
        for c in candidates
        for j in job_rows
        if c.get("profession") and c.get("profession") == j.get("profession")
    }
    resumes = [prepare_resume(c["resume"], settings.engine.max_resume_chars) for c in candidates]
    engine = LocalEngine(settings)
    for job in jobs:  # warm the per-job cache and the taxonomy once, outside the timings
        job_keywords(job.description, job.title, job.company)

    per_job: list[dict[str, Any]] = []
    before_all: list[float] = []
    after_all: list[float] = []
    improved = rejections = total = 0
    analysis_s = 0.0
    first_pass: list[_PairTime] = []
    matched_uplift: list[float] = []
    for job, job_id in zip(jobs, job_ids, strict=True):
        before: list[float] = []
        after: list[float] = []
        job_improved = 0
        for resume, cand_id in zip(resumes, cand_ids, strict=True):
            result, timed = _timed_pair(engine, resume, job)
            first_pass.append(timed)
            forget_resumes(job)
            t0 = time.perf_counter()
            score_resume(resume, job_keywords(job.description, job.title, job.company))
            index_text(resume)
            analysis_s += time.perf_counter() - t0
            total += 1
            rejections += len(result["edits_rejected"])
            if result["score_before"] is None:
                continue
            if (cand_id, job_id) in matched:
                matched_uplift.append(result["score_after"] - result["score_before"])
            before.append(result["score_before"])
            after.append(result["score_after"])
            if result["score_after"] > result["score_before"]:
                job_improved += 1
        improved += job_improved
        before_all += before
        after_all += after
        per_job.append(
            {
                "job": job.title,
                "before": statistics.fmean(before) if before else None,
                "after": statistics.fmean(after) if after else None,
                "improved": job_improved,
                "pairs": len(resumes),
            }
        )
    passes = [first_pass] + [
        _time_pairs(engine, jobs, resumes) for _ in range(max(1, getattr(args, "repeats", DEFAULT_REPEATS)) - 1)
    ]
    pass_p95 = [round(statistics.quantiles([t.cpu_ms for t in p], n=20)[-1], 2) for p in passes if len(p) > 1]
    # each pair's time, field by field, the median of its repeats (the CPU time is thread_time's:
    # this thread's CPU, which waiting for a core on a loaded machine does not inflate)
    medians = [_PairTime(*map(statistics.median, zip(*runs, strict=True))) for runs in zip(*passes, strict=True)]
    pair_cpu_ms = [t.cpu_ms for t in medians]
    pair_ms = [t.wall_ms for t in medians]
    propose_cpu_ms = [t.propose_cpu_ms for t in medians]
    propose_ms = [t.propose_wall_ms for t in medians]
    relevant = [(b, a) for b, a in zip(before_all, after_all, strict=True) if b >= RELEVANT_SCORE]
    figures = {
        "mean_score_before": round(statistics.fmean(before_all), 1) if before_all else None,
        "mean_score_after": round(statistics.fmean(after_all), 1) if after_all else None,
        "pairs_improved": improved,
        # pairs where the candidate already fits the job somewhat (score before >= 25)
        "relevant_pairs": len(relevant),
        "relevant_mean_before": round(statistics.fmean(b for b, _ in relevant), 1) if relevant else None,
        "relevant_mean_after": round(statistics.fmean(a for _, a in relevant), 1) if relevant else None,
        "pairs_total": total,
        "guard_rejections": rejections,
        "matched_pairs": len(matched_uplift),
        "matched_mean_uplift": round(statistics.fmean(matched_uplift), 1) if matched_uplift else None,
        "ms_per_pair": round(statistics.fmean(pair_ms), 2) if pair_ms else None,
        "ms_per_pair_p50": round(statistics.median(pair_ms), 2) if pair_ms else None,
        "ms_per_pair_p95": round(statistics.quantiles(pair_ms, n=20)[-1], 2) if len(pair_ms) > 1 else None,
        # the engine's own share (quarantine, reading the resume, planning), before finalize guards it
        "propose_ms_p50": round(statistics.median(propose_ms), 2) if propose_ms else None,
        "propose_ms_p95": round(statistics.quantiles(propose_ms, n=20)[-1], 2) if len(propose_ms) > 1 else None,
        "cpu_ms_per_pair_p50": round(statistics.median(pair_cpu_ms), 2) if pair_cpu_ms else None,
        "cpu_ms_per_pair_p95": round(statistics.quantiles(pair_cpu_ms, n=20)[-1], 2) if len(pair_cpu_ms) > 1 else None,
        "cpu_ms_per_pair_p95_passes": pass_p95,
        "repeats": len(passes),
        "propose_cpu_ms_p50": round(statistics.median(propose_cpu_ms), 2) if propose_cpu_ms else None,
        "propose_cpu_ms_p95": round(statistics.quantiles(propose_cpu_ms, n=20)[-1], 2)
        if len(propose_cpu_ms) > 1
        else None,
        "analysis_ms_per_pair": round(1000 * analysis_s / max(total, 1), 3),
        "mean_resume_chars": round(statistics.fmean(len(r) for r in resumes)) if resumes else 0,
        "mean_job_chars": round(statistics.fmean(len(j.description) for j in jobs)) if jobs else 0,
    }
    if not getattr(args, "json", False):
        _print_table(per_job, figures, out or sys.stderr)
    return figures


class _PairTime(NamedTuple):
    cpu_ms: float  # propose + finalize, this thread's CPU (time.thread_time)
    wall_ms: float  # the same, wall (time.perf_counter)
    propose_cpu_ms: float
    propose_wall_ms: float


def _timed_pair(engine: LocalEngine, resume: str, job: Job) -> tuple[dict[str, Any], _PairTime]:
    """One pair through `propose` and `finalize`, its resume cold (as a new resume would
    be), with its times."""
    forget_resumes(job)
    c0, t0 = time.thread_time(), time.perf_counter()
    proposal = engine.propose(resume, job)
    c1, t1 = time.thread_time(), time.perf_counter()
    result = finalize(resume, job, proposal)
    c2, t2 = time.thread_time(), time.perf_counter()
    return result, _PairTime(1000 * (c2 - c0), 1000 * (t2 - t0), 1000 * (c1 - c0), 1000 * (t1 - t0))


def _time_pairs(engine: LocalEngine, jobs: list[Job], resumes: list[str]) -> list[_PairTime]:
    """One more timing pass over every pair, each cold, in the first pass's order."""
    return [_timed_pair(engine, resume, job)[1] for job in jobs for resume in resumes]


def _print_table(per_job: list[dict[str, Any]], figures: dict[str, Any], out: TextIO) -> None:
    def fmt(v: float | None) -> str:
        return "   -" if v is None else f"{v:5.1f}"

    lines = [f"{'job':<40} {'before':>6} {'after':>6} {'improved':>9}"]
    for row in per_job:
        lines.append(
            f"{row['job'][:40]:<40} {fmt(row['before']):>6} {fmt(row['after']):>6} "
            f"{row['improved']:>4}/{row['pairs']:<4}"
        )
    lines += [
        f"{'all pairs':<40} {fmt(figures['mean_score_before']):>6} {fmt(figures['mean_score_after']):>6} "
        f"{figures['pairs_improved']:>4}/{figures['pairs_total']:<4}",
        f"{'pairs scoring >= 25 before':<40} {fmt(figures['relevant_mean_before']):>6} "
        f"{fmt(figures['relevant_mean_after']):>6} {figures['relevant_pairs']:>9}",
        f"matched (same-profession) pairs: {figures['matched_pairs']}, mean uplift {figures['matched_mean_uplift']}",
        f"guard rejections of the engine's own edits: {figures['guard_rejections']}",
        f"propose + finalize, cold resume, wall (perf_counter): {figures['ms_per_pair']} ms/pair "
        f"(p50 {figures['ms_per_pair_p50']}, p95 {figures['ms_per_pair_p95']}; propose alone p50 "
        f"{figures['propose_ms_p50']}, p95 {figures['propose_ms_p95']})",
        f"propose + finalize, cold resume, CPU (thread_time): p50 {figures['cpu_ms_per_pair_p50']}, "
        f"p95 {figures['cpu_ms_per_pair_p95']} ms/pair (goal p95 <= 10); propose alone p50 "
        f"{figures['propose_cpu_ms_p50']}, p95 {figures['propose_cpu_ms_p95']}; each pair the median of "
        f"{figures['repeats']} cold timings (single passes' p95: {figures['cpu_ms_per_pair_p95_passes']})",
        "analysis (scan + score): "
        f"{figures['analysis_ms_per_pair']} ms/pair; mean resume {figures['mean_resume_chars']} chars, "
        f"mean job {figures['mean_job_chars']} chars",
    ]
    print("\n".join(lines), file=out)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    figures = run(args, out=sys.stdout)
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0 if figures["guard_rejections"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
