"""Bad files given to `resume-opt import`, in subprocesses: every bad line is reported with
its number and a reason, every good line is kept, the command never crashes; a file
that is not JSON Lines at all is refused with one line (exit 2). A 200 MB file is
imported with flat memory: the peak RSS of the import process, measured with
`resource.getrusage(RUSAGE_CHILDREN)` in a wrapper whose only child is the import,
stays under 300 MB.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from tests.conftest import ROOT
from tests.helpers import migrate

MB = 1024 * 1024
RSS_LIMIT_MB = 300


def _import(kind: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resume_opt", "import", kind, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _ids(db_url: str, table: str) -> set[str]:
    with psycopg.connect(db_url) as conn:
        return {r[0] for r in conn.execute(f"select external_id from {table}").fetchall()}


def _bad_lines(stderr: str, path: Path) -> dict[int, str]:
    """{line number: reason} from `resume-opt: FILE:LINE: reason` lines."""
    out = {}
    for line in stderr.splitlines():
        m = re.fullmatch(rf"resume-opt: {re.escape(str(path))}:(\d+): (.+)", line)
        if m:
            out[int(m.group(1))] = m.group(2)
    return out


def _cand(ident: str, resume: str = "SUMMARY\nPython developer.", **extra: object) -> str:
    return json.dumps({"id": ident, "name": "N", "email": f"{ident}@example.com", "resume": resume, **extra})


def _assert_clean_exit(proc: subprocess.CompletedProcess[str], code: int) -> None:
    assert proc.returncode == code, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr


def test_bad_lines_are_reported_one_by_one_and_good_lines_kept(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "candidates.jsonl"
    lines: list[bytes] = [
        _cand("c-1").encode(),  # 1 good
        b'{"id": "c-x", "name": "A',  # 2 truncated JSON
        json.dumps({"id": "c-y", "resume": 42}).encode(),  # 3 wrong type
        json.dumps({"id": ["c-z"], "resume": "text"}).encode(),  # 4 wrong type (id)
        json.dumps({"name": "No Id", "resume": "text"}).encode(),  # 5 missing id
        json.dumps({"id": "c-nores", "name": "No resume"}).encode(),  # 6 missing resume
        b'["an", "array"]',  # 7 not an object
        b'"just a string"',  # 8 not an object
        b"null",  # 9 not an object
        _cand("c-2").encode()[:-2] + b' \xff\xfe broken UTF-8"}',  # 10 good: bad bytes replaced
        bytes(range(0x80, 0x100)) * 4,  # 11 binary junk (no NUL)
        _cand("c-big", "x" * (6 * MB)).encode(),  # 12 over the line limit
        _cand("c-4").encode(),  # 13 good
        b"",  # 14 blank: skipped
        b'{"id": "c-5", "resume": "Pyth',  # 15 cut off mid-write
    ]
    path.write_bytes(b"\n".join(lines))  # no newline at the end: the file was cut off
    migrate(db_url)
    proc = _import("candidates", path)
    _assert_clean_exit(proc, 1)
    bad = _bad_lines(proc.stderr, path)
    assert sorted(bad) == [2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 15], proc.stderr
    assert "invalid JSON" in bad[2] and "invalid JSON" in bad[15] and "invalid JSON" in bad[11]
    assert "'resume' must be a string" in bad[3] and "'id' must be a string" in bad[4]
    assert "missing field 'id'" in bad[5] and "missing field 'resume'" in bad[6]
    assert "expected a JSON object" in bad[7] and "limit" in bad[12]
    assert proc.stdout.strip() == "imported candidates: 3 new, 0 updated, 11 bad lines"
    assert _ids(db_url, "candidates") == {"c-1", "c-2", "c-4"}


@pytest.mark.parametrize("kind", ["candidates", "jobs"])
def test_unstorable_characters_are_a_bad_line_not_a_crash(db_url: str, tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.jsonl"
    if kind == "candidates":
        rows = [
            _cand("ok-1"),
            '{"id": "nul\\u0000id", "resume": "Python"}',
            _cand("ok-2"),
            '{"id": "lone\\ud800", "resume": "Python"}',
            '{"id": "e-1", "email": "e\\u0000@example.com", "resume": "Python"}',
            _cand("ok-3"),
        ]
    else:
        job = '{{"id": "{}", "title": "Engineer", "description": "Python"}}'
        rows = [
            job.format("ok-1"),
            job.format("nul\\u0000id"),
            job.format("ok-2"),
            job.format("lone\\ud800"),
            job.format("ok-3"),
        ]
    path.write_text("\n".join(rows) + "\n")
    migrate(db_url)
    proc = _import(kind, path)
    _assert_clean_exit(proc, 1)
    assert _ids(db_url, kind) >= {"ok-1", "ok-2", "ok-3"}
    assert 2 in _bad_lines(proc.stderr, path) and 4 in _bad_lines(proc.stderr, path)


@pytest.mark.parametrize("content", ["gzip", "nul_bytes"])
def test_a_binary_file_is_refused_with_one_line(db_url: str, tmp_path: Path, content: str) -> None:
    path = tmp_path / "candidates.jsonl"
    if content == "gzip":  # the compressed export handed over by mistake
        path.write_bytes(gzip.compress(("\n".join(_cand(f"c{i}") for i in range(100)) + "\n").encode()))
    else:
        path.write_bytes(os.urandom(64 * 1024) + b"\0")
    migrate(db_url)
    proc = _import("candidates", path)
    _assert_clean_exit(proc, 2)
    assert proc.stderr.strip() == f"resume-opt: {path} is a binary file, not JSON Lines"
    assert proc.stdout == ""
    assert _ids(db_url, "candidates") == set()


def test_a_truncated_json_resume_document_is_one_bad_line(db_url: str, tmp_path: Path) -> None:
    doc = json.loads((Path(__file__).parent / "data" / "json_resume.json").read_text())
    text = json.dumps(doc, indent=2)
    path = tmp_path / "resume.json"
    path.write_text(text[: len(text) // 2])
    migrate(db_url)
    proc = _import("candidates", path)
    _assert_clean_exit(proc, 1)
    bad = _bad_lines(proc.stderr, path)
    assert len(bad) == 1 and "invalid JSON" in next(iter(bad.values())), proc.stderr
    assert _ids(db_url, "candidates") == set()


# --- 200 MB -------------------------------------------------------------------------------------

_MEASURE = """
import resource, subprocess, sys
proc = subprocess.run(sys.argv[2:])
with open(sys.argv[1], "w") as fh:
    fh.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(proc.returncode)
"""


def _import_measured(kind: str, path: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run the import under a wrapper whose only child it is; return (result, peak RSS in MB)."""
    rss_file = tmp_path / "maxrss"
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(rss_file), sys.executable, "-m", "resume_opt", "import", kind, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    return proc, int(rss_file.read_text()) / 1024  # ru_maxrss is in KiB on Linux


def _write_200mb(path: Path, shape: str) -> tuple[set[str], int]:
    """A 200 MB candidates file; returns (ids of good lines, number of lines)."""
    good: set[str] = set()
    n = 0
    with open(path, "w") as fh:

        def line(text: str) -> None:
            nonlocal n
            fh.write(text + "\n")
            n += 1

        for i in range(20):
            line(_cand(f"head-{i}"))
            good.add(f"head-{i}")
        if shape == "one_huge_line":
            # A dump whose resumes were joined into one 199 MB line by a broken exporter.
            line('{"id": "huge", "resume": "' + "x" * (199 * MB))
        else:
            # Legal but large lines (4.5 MB each, under the 5 MB line limit): a batch of
            # 500 records must not mean 500 of these in memory at once.
            body = ("Built data pipelines in Python and SQL for analytics teams. " * 80000)[: int(4.5 * MB)]
            i = 0
            while fh.tell() < 199 * MB:
                line(_cand(f"big-{i}", "SUMMARY\n" + body))
                good.add(f"big-{i}")
                i += 1
        for i in range(20):
            line(_cand(f"tail-{i}"))
            good.add(f"tail-{i}")
    assert path.stat().st_size >= 199 * MB
    return good, n


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["one_huge_line", "big_lines"])
def test_a_200mb_file_is_imported_with_flat_memory(db_url: str, tmp_path: Path, shape: str) -> None:
    path = tmp_path / "big.jsonl"
    good, lines = _write_200mb(path, shape)
    migrate(db_url)
    proc, peak_mb = _import_measured("candidates", path, tmp_path)
    path.unlink()
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    imported = _ids(db_url, "candidates")
    bad = _bad_lines(proc.stderr, path)
    # The small good lines around the big ones are all kept; every line is accounted for.
    assert {i for i in good if not i.startswith("big-")} <= imported
    m = re.search(r"imported candidates: (\d+) new, 0 updated, (\d+) bad lines", proc.stdout)
    assert m and int(m.group(1)) + int(m.group(2)) == lines, proc.stdout
    assert imported <= good and len(imported) == int(m.group(1))
    assert all(re.search(r"limit|invalid JSON", reason) for reason in bad.values())
    if shape == "one_huge_line":
        assert list(bad) == [21] and "limit" in bad[21]
    assert peak_mb < RSS_LIMIT_MB, f"peak RSS of the import: {peak_mb:.0f} MB"
