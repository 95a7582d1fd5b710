"""Scenario `import`: resume files into candidates, in a fresh `resume_opt import` process.

For PDF and DOCX each, a folder of generated resumes (tests/docgen.py, four layouts) is
imported at two sizes; files/s is the process's wall time from start to exit (startup
included), peak RSS the child's own ru_maxrss (os.wait4). A second import of the larger
folder measures the content-hash no-op.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchlib.common import ROOT, goal, log, space

CMD = [sys.executable, "-m", "resume_opt", "-q", "import", "candidates"]


def _import(folder: Path) -> tuple[float, int, str]:
    """(seconds, peak RSS KiB, stdout) of one import process."""
    out = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen([*CMD, str(folder)], stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env=os.environ)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    text = out.read().decode()
    out.close()
    if proc.returncode != 0:
        raise RuntimeError(f"resume_opt import exited {proc.returncode}: {text[-500:]}")
    return seconds, usage.ru_maxrss, text.strip()


def run(args: Any) -> dict[str, Any]:
    from tests.docgen import write_folder

    small, large = (20, 200) if args.smoke else (200, 2000)
    f: dict[str, Any] = {"import_sizes": [small, large]}
    work = Path(tempfile.mkdtemp(prefix="ro-bench-import-"))
    try:
        for kind in ("pdf", "docx"):
            for n in (small, large):
                folder = work / f"{kind}-{n}"
                t0 = time.perf_counter()
                write_folder(folder, n, kind)
                log(f"import: {n} {kind.upper()} files generated in {time.perf_counter() - t0:.1f}s")
                with space(args.dsn, "import") as sp:
                    seconds, rss_kib, out = _import(folder)
                    imported = sp.one("select count(*) from candidate_documents")
                    assert imported == n, (imported, out)
                    log(f"import: {out} in {seconds:.1f}s, peak RSS {rss_kib / 1024:.1f} MB")
                    f[f"{kind}_files_per_s_{n}"] = round(n / seconds, 1)
                    f[f"{kind}_rss_mb_{n}"] = round(rss_kib / 1024, 1)
                    if n == large:
                        again, _, out = _import(folder)
                        log(f"import again: {out} in {again:.1f}s")
                        f[f"{kind}_unchanged_files_per_s_{n}"] = round(n / again, 1)
                shutil.rmtree(folder, ignore_errors=True)
            f[f"{kind}_rss_growth"] = round(f[f"{kind}_rss_mb_{large}"] / f[f"{kind}_rss_mb_{small}"] - 1, 3)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return f


def rows(f: dict[str, Any]) -> list[tuple[str, Any, str]]:
    small, large = f["import_sizes"]
    out: list[tuple[str, Any, str]] = []
    for kind in ("pdf", "docx"):
        out += [
            (f"{kind}_files_per_s_{small}", f[f"{kind}_files_per_s_{small}"], "fresh process, startup included"),
            (
                f"{kind}_files_per_s_{large}",
                f[f"{kind}_files_per_s_{large}"],
                goal(f[f"{kind}_files_per_s_{large}"] >= 50, ">= 50"),
            ),
            (
                f"{kind}_unchanged_files_per_s_{large}",
                f[f"{kind}_unchanged_files_per_s_{large}"],
                "re-import: content-hash no-op",
            ),
            (f"{kind}_rss_mb_{small}", f[f"{kind}_rss_mb_{small}"], "peak RSS (ru_maxrss)"),
            (f"{kind}_rss_mb_{large}", f[f"{kind}_rss_mb_{large}"], "peak RSS"),
            (f"{kind}_rss_growth", f[f"{kind}_rss_growth"], goal(f[f"{kind}_rss_growth"] <= 0.2, "<= 0.20")),
        ]
    return out
