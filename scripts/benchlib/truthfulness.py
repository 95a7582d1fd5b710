"""`truthfulness`: the guard against the adversarial corpus in tests/data/truthfulness/ (issue 11).

Every case (a resume, a job and one proposed edit or summary) goes through
`resume_opt.ats.tailor.finalize`, the path every engine's proposal takes. Per category it
reports fabrications accepted / total and honest rewordings rejected / total, the same by
profession, each wrong verdict with the guard's reason, and the time of one `finalize` call
per case (time.perf_counter around it). One untimed call first loads what a process loads
once (taxonomy, lexicon). `guard_ms_p50`/`guard_ms_p95` are the first pass over the cases whose
resume and job were already seen (a new proposal against warm per-resume and per-job caches, as
in a night where one job meets many candidates); `guard_ms_first_sight_*` are the cases that
were the first for their resume or job; `guard_ms_repeat_p95` the later passes (identical
inputs, every cache hot). `guard_cold_*` time each case again with every per-resume cache
cleared first (as a night, where each pair brings a new resume), wall (time.perf_counter)
and CPU (time.thread_time) apart: on a loaded machine wall time includes waiting for a core.
No database is needed.

`scripts/bench.py truthfulness` runs this and then `scripts/bench_quality.py` on the sample
set, for the offline engine's figures beside the guard's (`run_with_engine`): its mean score
uplift on matched (same-profession) pairs, its own edits the guard rejects, and its time per
pair end to end, cold (the median of `bench_quality.DEFAULT_REPEATS` cold timings per pair; one with --smoke).

    python scripts/benchlib/truthfulness.py [--repeat R] [--misses] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, TextIO

if __package__ in (None, ""):  # run as a script: make `benchlib` and the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import bench_quality  # noqa: E402  (scripts/ is on sys.path)

from benchlib.common import goal, log  # noqa: E402  (common puts the repository on sys.path)
from resume_opt.ats.proposal import Job, Proposal  # noqa: E402
from resume_opt.ats.tailor import finalize  # noqa: E402
from tests.truthcorpus import DATA, evaluate, load_cases  # noqa: E402

FABRICATION_GOAL = 0.02  # at most 2% of fabrications accepted, in every category
HONEST_GOAL = 0.10  # at most 10% of honest rewordings rejected, overall
GUARD_P95_GOAL_MS = 5.0
CORPUS_RESUMES = DATA / "resumes.jsonl"
CORPUS_JOBS = DATA / "jobs.jsonl"
ENGINE_P95_GOAL_MS = 10.0  # the offline engine per pair, end to end (100,000 a night on 2 cores)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def run(args: Any) -> dict[str, Any]:
    """Evaluate the corpus, print its tables and return the named figures."""
    repeat = max(2, int(getattr(args, "repeat", 2) or 2))  # one first-sight pass, at least one steady pass
    out: TextIO = sys.stderr if getattr(args, "json", False) else sys.stdout
    cases = load_cases()
    log(f"truthfulness: {len(cases)} cases, {repeat} passes through finalize")
    finalize("Jo Doe\n\nSkills\nExcel\n", Job("Clerk", "Acme", "Excel required"), Proposal())  # process warm-up
    report = evaluate(cases)
    steady: list[float] = []
    first_sight: list[float] = []
    seen: set[str] = set()
    steady_cpu: list[float] = []
    for case, ms, cpu in zip(cases, report["finalize_ms"], report["finalize_cpu_ms"], strict=True):
        new = case.resume_id not in seen or case.job_id not in seen
        (first_sight if new else steady).append(ms)
        if not new:
            steady_cpu.append(cpu)
        seen |= {case.resume_id, case.job_id}
    repeated: list[float] = []
    for _ in range(repeat - 1):  # later passes: identical inputs, same verdicts
        repeated += evaluate(cases)["finalize_ms"]
    cold_ms: list[float] = []
    cold_cpu: list[float] = []
    for case in cases:  # every case a new resume: per-resume caches cleared, the job's kept warm
        bench_quality.forget_resumes(case.job)
        c0, t0 = time.thread_time(), time.perf_counter()
        finalize(case.resume, case.job, case.proposal)
        cold_ms.append((time.perf_counter() - t0) * 1000)
        cold_cpu.append((time.thread_time() - c0) * 1000)
    print_tables(report, out, show_misses=bool(getattr(args, "misses", False)))
    fab, hon = report["fabrications"], report["honest"]
    worst = max(
        (c["wrong"] / c["total"] for c in report["categories"].values() if c["kind"] == "fabrication"), default=0.0
    )
    return {
        "truthfulness_cases": len(cases),
        "truthfulness_fabrications_accepted": fab["accepted"],
        "truthfulness_fabrications_total": fab["total"],
        "truthfulness_fabrication_accept_rate": round(fab["accepted"] / fab["total"], 4) if fab["total"] else 0.0,
        "truthfulness_worst_category_accept_rate": round(worst, 4),
        "truthfulness_honest_rejected": hon["rejected"],
        "truthfulness_honest_total": hon["total"],
        "truthfulness_honest_reject_rate": round(hon["rejected"] / hon["total"], 4) if hon["total"] else 0.0,
        "guard_ms_p50": round(_percentile(steady, 50), 3),
        "guard_ms_p95": round(_percentile(steady, 95), 3),
        "guard_ms_max": round(max(steady, default=0.0), 3),
        "guard_cpu_ms_p50": round(_percentile(steady_cpu, 50), 3),
        "guard_cpu_ms_p95": round(_percentile(steady_cpu, 95), 3),
        "guard_ms_first_sight_p50": round(_percentile(first_sight, 50), 3),
        "guard_ms_first_sight_max": round(max(first_sight, default=0.0), 3),
        "guard_ms_first_sight_cases": len(first_sight),
        "guard_ms_repeat_p95": round(_percentile(repeated, 95), 3),
        "guard_cold_ms_p50": round(_percentile(cold_ms, 50), 3),
        "guard_cold_ms_p95": round(_percentile(cold_ms, 95), 3),
        "guard_cold_cpu_ms_p50": round(_percentile(cold_cpu, 50), 3),
        "guard_cold_cpu_ms_p95": round(_percentile(cold_cpu, 95), 3),
        "truthfulness_passes": repeat,
        "truthfulness_categories": {
            name: {"kind": c["kind"], "wrong": c["wrong"], "total": c["total"]}
            for name, c in report["categories"].items()
        },
        "truthfulness_professions": report["professions"],
        "truthfulness_misses": report["misses"],
    }


def run_with_engine(args: Any) -> dict[str, Any]:
    """`run`, then the offline engine over the sample set (scripts/bench_quality.py)."""
    figures = run(args)
    q = bench_quality.run(
        ["--json", "--repeats", str(1 if getattr(args, "smoke", False) else bench_quality.DEFAULT_REPEATS)]
    )
    figures.update(
        {
            "offline_matched_pairs": q["matched_pairs"],
            "offline_matched_mean_uplift": q["matched_mean_uplift"],
            "offline_guard_rejections": q["guard_rejections"],
            "offline_pairs": q["pairs_total"],
            "offline_cpu_ms_per_pair_p50": q["cpu_ms_per_pair_p50"],
            "offline_cpu_ms_per_pair_p95": q["cpu_ms_per_pair_p95"],
            "offline_cpu_ms_per_pair_p95_passes": q["cpu_ms_per_pair_p95_passes"],
            "offline_ms_per_pair_p95": q["ms_per_pair_p95"],
        }
    )
    # every resume of the corpus against every job of it: the engine's own edits, guarded
    c = bench_quality.run(["--json", "--repeats", "1", "--candidates", str(CORPUS_RESUMES), "--jobs", str(CORPUS_JOBS)])
    figures["offline_corpus_pairs"] = c["pairs_total"]
    figures["offline_corpus_guard_rejections"] = c["guard_rejections"]
    return figures


def rows(f: dict[str, Any]) -> list[tuple[str, Any, str]]:
    """scripts/bench.py's summary rows (the per-category table is printed by `run`)."""
    return _guard_rows(f) + (_engine_rows(f) if "offline_pairs" in f else [])


def _engine_rows(f: dict[str, Any]) -> list[tuple[str, Any, str]]:
    p95 = f["offline_cpu_ms_per_pair_p95"]
    return [
        (
            "offline_matched_mean_uplift",
            f["offline_matched_mean_uplift"],
            f"score after - before, {f['offline_matched_pairs']} same-profession pairs of the sample set",
        ),
        (
            "offline_guard_rejections",
            f["offline_guard_rejections"],
            f"of the engine's own edits, {f['offline_pairs']} pairs",
        ),
        (
            "offline_cpu_ms_per_pair_p50",
            f["offline_cpu_ms_per_pair_p50"],
            "propose + finalize, a new resume each pair, CPU",
        ),
        (
            "offline_cpu_ms_per_pair_p95",
            p95,
            f"{goal(p95 is not None and p95 <= ENGINE_P95_GOAL_MS, '<= 10 ms')}; single passes "
            f"{f['offline_cpu_ms_per_pair_p95_passes']}, wall {f['offline_ms_per_pair_p95']}",
        ),
    ]


def _guard_rows(f: dict[str, Any]) -> list[tuple[str, Any, str]]:
    return [
        (
            "truthfulness_fabrications_accepted",
            f"{f['truthfulness_fabrications_accepted']}/{f['truthfulness_fabrications_total']}",
            f"{f['truthfulness_fabrication_accept_rate']:.1%}",
        ),
        (
            "truthfulness_worst_category_accept_rate",
            f["truthfulness_worst_category_accept_rate"],
            goal(f["truthfulness_worst_category_accept_rate"] <= FABRICATION_GOAL, "<= 0.02 in every category"),
        ),
        (
            "truthfulness_honest_rejected",
            f"{f['truthfulness_honest_rejected']}/{f['truthfulness_honest_total']}",
            goal(f["truthfulness_honest_reject_rate"] <= HONEST_GOAL, "<= 10%"),
        ),
        ("guard_ms_p50", f["guard_ms_p50"], "finalize, one edit or summary; resume and job seen before"),
        ("guard_ms_p95", f["guard_ms_p95"], goal(f["guard_ms_p95"] <= GUARD_P95_GOAL_MS, "<= 5 ms")),
        ("guard_cpu_ms_p95", f["guard_cpu_ms_p95"], f"CPU time of the same calls (p50 {f['guard_cpu_ms_p50']})"),
        (
            "guard_ms_first_sight_p50",
            f["guard_ms_first_sight_p50"],
            f"{f['guard_ms_first_sight_cases']} cases first for a resume or job; max {f['guard_ms_first_sight_max']}",
        ),
        ("guard_ms_repeat_p95", f["guard_ms_repeat_p95"], "identical inputs again, caches hot"),
        ("guard_cold_ms_p95", f["guard_cold_ms_p95"], f"wall, a new resume each case (p50 {f['guard_cold_ms_p50']})"),
        (
            "guard_cold_cpu_ms_p95",
            f["guard_cold_cpu_ms_p95"],
            f"CPU of the same calls (p50 {f['guard_cold_cpu_ms_p50']})",
        ),
    ]


def print_tables(report: dict[str, Any], out: TextIO, show_misses: bool = False) -> None:
    """The per-category and per-profession tables, then the wrong verdicts."""
    print("\n== truthfulness: per category ==", file=out)
    print(f"{'category':<26} {'kind':<11} {'wrong/total':>11} {'rate':>6}  note", file=out)
    print(f"{'-' * 26} {'-' * 11} {'-' * 11} {'-' * 6}  {'-' * 4}", file=out)
    for name, c in report["categories"].items():
        rate = c["wrong"] / c["total"] if c["total"] else 0.0
        if c["kind"] == "fabrication":
            note = f"accepted; {goal(rate <= FABRICATION_GOAL, '<= 2%')}"
        else:
            note = "rejected"
        print(
            f"{name:<26} {c['kind']:<11} {str(c['wrong']) + '/' + str(c['total']):>11} {rate:>6.0%}  {note}", file=out
        )
    fab, hon = report["fabrications"], report["honest"]
    hon_rate = hon["rejected"] / hon["total"] if hon["total"] else 0.0
    print(
        f"{'all fabrications':<26} {'':<11} {str(fab['accepted']) + '/' + str(fab['total']):>11} "
        f"{fab['accepted'] / max(fab['total'], 1):>6.0%}  accepted",
        file=out,
    )
    print(
        f"{'all honest rewordings':<26} {'':<11} {str(hon['rejected']) + '/' + str(hon['total']):>11} "
        f"{hon_rate:>6.0%}  rejected; {goal(hon_rate <= HONEST_GOAL, '<= 10%')}",
        file=out,
    )
    print("\n== truthfulness: per profession ==", file=out)
    print(f"{'profession':<12} {'fabrications accepted':>22} {'honest rejected':>16}", file=out)
    for name, p in report["professions"].items():
        fa = f"{p['fabrications_accepted']}/{p['fabrications']}"
        hr = f"{p['honest_rejected']}/{p['honest']}"
        print(f"{name:<12} {fa:>22} {hr:>16}", file=out)
    misses = report["misses"]
    if show_misses and misses:
        print(f"\n== truthfulness: {len(misses)} wrong verdicts ==", file=out)
        for m in misses:
            print(f"{m['id']:<16} {m['category']:<25} expected {m['expected']}: {m['reason']}", file=out)
            print(f"{'':<16} case: {m['note']}", file=out)
    elif misses:
        print(f"\n({len(misses)} wrong verdicts; --misses lists them with the guard's reasons)", file=out)
    out.flush()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--repeat", type=int, default=3, help="passes through finalize, the first cold (default 3, at least 2)"
    )
    p.add_argument("--misses", action="store_true", help="list every wrong verdict with the guard's reason")
    p.add_argument("--json", action="store_true", help="print one JSON object of named figures")
    args = p.parse_args(argv)
    figures = run(args)
    out = sys.stderr if args.json else sys.stdout
    print("", file=out)
    for name, value, note in rows(figures):
        print(f"{name:<40} {value!s:>10}  {note}", file=out)
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
