"""Scenario `batch`: pairs submitted through the Batch API, then collected, against the fake.

Each phase is a fresh `python -m resume_opt run --mode batch` process; its peak RSS is
the child's own ru_maxrss (os.wait4). The fake (scripts/fake_groq.py) runs in its own
process with a short processing delay; the collection phase starts once every batch
has completed there, so it measures download, guard and write-back, not the wait.
Goals (issue 13): submission >= 2,000 pairs/s, collection >= 500 pairs/s, peak RSS at
the largest size within 20% of the smallest.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from typing import Any

from benchlib.common import ROOT, goal, log, seed, space

KEY = "gsk_benchbatchkey0000000000000"
CMD = [sys.executable, "-m", "resume_opt", "-q", "run", "--mode", "batch", "--json"]


def _fake(delay_s: float) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "fake_groq.py"), "--port", "0", "--batch-delay-s", str(delay_s)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    return proc, line.removeprefix("listening on ")


def _phase(env: dict[str, str]) -> tuple[dict[str, Any], float, int]:
    """One run: (report, wall seconds, peak RSS KiB)."""
    out = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(CMD, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT, env={**os.environ, **env})
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    text = out.read().decode()
    out.close()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"batch run exited {proc.returncode}: {text[-500:]}")
    return json.loads(text), wall, usage.ru_maxrss


def _wait_done(base: str, timeout: float = 1800) -> float:
    """Seconds until every batch at the fake has left validating/in_progress."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        req = urllib.request.Request(f"{base}/openai/v1/batches", headers={"authorization": f"Bearer {KEY}"})
        with urllib.request.urlopen(req) as resp:
            data = json.load(resp)["data"]
        if all(b["status"] in ("completed", "failed", "expired", "cancelled") for b in data):
            return time.perf_counter() - t0
        time.sleep(0.5)
    raise RuntimeError("the fake did not finish its batches")


def run(args: Any) -> dict[str, Any]:
    sizes = [args.n] if getattr(args, "n_given", True) else ([200, 2000] if args.smoke else [10_000, 100_000])
    # Processing starts after submission ends (~1 s per 2,000 pairs here): the fake's own CPU
    # must not be counted against the submission on a 2-core machine.
    fake, base = _fake(max(2.0, sizes[-1] / 1500))
    env = {"GROQ_API_KEY": KEY, "GROQ_BASE_URL": base}
    figures: dict[str, Any] = {"batch_sizes": sizes}
    try:
        for n in sizes:
            with space(args.dsn, f"batch{n}") as sp:
                seed(sp, n)
                log(f"batch: {n} pairs: submitting")
                sub, sub_s, sub_rss = _phase(env)
                done_s = _wait_done(base)
                log(f"batch: {n} pairs: fake done {done_s:.0f}s after submission; collecting")
                col, col_s, col_rss = _phase(env)
                left = sp.one("select count(*) from optimizations where status <> 'succeeded'")
            figures[f"batch_{n}"] = {
                "submitted": sub["submitted"],
                "batches": sub["batches_submitted"],
                "submit_s": round(sub_s, 2),
                "submit_pairs_per_s": round(sub["submitted"] / sub_s, 1),
                "submit_peak_rss_mib": round(sub_rss / 1024, 1),
                "collected": col["collected"],
                "succeeded": col["succeeded"],
                "not_succeeded": left,
                "collect_s": round(col_s, 2),
                "collect_pairs_per_s": round(col["collected"] / col_s, 1),
                "collect_peak_rss_mib": round(col_rss / 1024, 1),
                "cost_usd": col["cost_usd"],
                "online_cost_usd": col["online_cost_usd"],
                "saved_usd": col["saved_usd"],
            }
    finally:
        fake.terminate()
        fake.wait(timeout=30)
    small, big = figures[f"batch_{sizes[0]}"], figures[f"batch_{sizes[-1]}"]
    figures["batch_submit_pairs_per_s"] = big["submit_pairs_per_s"]
    figures["batch_collect_pairs_per_s"] = big["collect_pairs_per_s"]
    peak_small = max(small["submit_peak_rss_mib"], small["collect_peak_rss_mib"])
    peak_big = max(big["submit_peak_rss_mib"], big["collect_peak_rss_mib"])
    figures["batch_rss_growth"] = round(peak_big / peak_small - 1, 3)
    return figures


def rows(f: dict[str, Any]) -> list[tuple[str, Any, str]]:
    out: list[tuple[str, Any, str]] = []
    for n in f["batch_sizes"]:
        b = f[f"batch_{n}"]
        out += [
            (
                f"{n}: submit pairs/s",
                b["submit_pairs_per_s"],
                f"{b['submitted']} pairs in {b['batches']} batches, {b['submit_s']} s",
            ),
            (f"{n}: submit peak RSS MiB", b["submit_peak_rss_mib"], ""),
            (
                f"{n}: collect pairs/s",
                b["collect_pairs_per_s"],
                f"{b['succeeded']} succeeded, {b['not_succeeded']} not, {b['collect_s']} s",
            ),
            (f"{n}: collect peak RSS MiB", b["collect_peak_rss_mib"], "guard + write-back included"),
            (f"{n}: cost USD batch / online", b["cost_usd"], f"online {b['online_cost_usd']}, saved {b['saved_usd']}"),
        ]
    out += [
        ("submission pairs/s", f["batch_submit_pairs_per_s"], goal(f["batch_submit_pairs_per_s"] >= 2000, ">= 2,000")),
        ("collection pairs/s", f["batch_collect_pairs_per_s"], goal(f["batch_collect_pairs_per_s"] >= 500, ">= 500")),
        (
            "peak RSS growth",
            f["batch_rss_growth"],
            goal(f["batch_rss_growth"] <= 0.2, "<= 20% from smallest to largest"),
        ),
    ]
    return out
