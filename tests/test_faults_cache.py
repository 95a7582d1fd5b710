"""Broken files under a real `resume-opt run`: the result cache and the reports directory.

A cache that cannot be opened, read or written — its path taken by a file, a
read-only mount, an immutable directory (`chattr +i`), a full disk (a 2 MB tmpfs
filled up), or corrupt files — never stops a run: it continues without the cache
after exactly one warning, database dedup still applies (a re-queued pair costs
no call), and the report says so in `cache_status`. We run as root, so `chmod 000`
would prove nothing; the faults below hold for root too. Cases that need `mount`
or `chattr` skip where those are not permitted.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.faultkit import RunProc, report_files
from tests.helpers import seed_pairs, status_counts

pytestmark = pytest.mark.slow
N = 30


def _home() -> Path:
    return Path(os.environ["RESUME_OPT_HOME"])


def _cache_dir() -> Path:
    return _home() / "cache"


def _run(tmp_path: Path, name: str) -> tuple[int, dict[str, object], str]:
    proc = RunProc(tmp_path, {}, "--engine", "null", "--workers", "4", "--chunk-size", "10", name=name)
    code = proc.wait()
    return code, proc.report(), proc.stderr


def _requeue(db_url: str) -> None:
    """Queue every pair again: identical inputs, already succeeded once."""
    import psycopg

    with psycopg.connect(db_url) as conn:
        conn.execute(
            "insert into optimizations (candidate_id, job_id) select distinct candidate_id, job_id from optimizations"
        )


def _sh(*cmd: str) -> bool:
    return subprocess.run(cmd, capture_output=True).returncode == 0


@contextmanager
def _read_only_bind(path: Path) -> Iterator[None]:
    if not (_sh("mount", "--bind", str(path), str(path))):
        pytest.skip("mount --bind is not permitted here")
    try:
        if not _sh("mount", "-o", "remount,bind,ro", str(path)):
            pytest.skip("a read-only bind remount is not permitted here")
        yield
    finally:
        _sh("umount", str(path))


@contextmanager
def _immutable(path: Path) -> Iterator[None]:
    if not _sh("chattr", "+i", str(path)):
        pytest.skip("chattr +i is not supported here")
    try:
        yield
    finally:
        _sh("chattr", "-i", str(path))


@contextmanager
def _full_tmpfs(path: Path) -> Iterator[None]:
    path.mkdir(parents=True, exist_ok=True)
    if not _sh("mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(path)):
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        yield
    finally:
        _sh("umount", str(path))


def _fill(directory: Path, leave: int) -> None:
    """Take every free byte of the file system holding `directory` but `leave`."""
    filler = directory / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    os.truncate(filler, max(0, filler.stat().st_size - leave))


def _assert_ran_without_cache(code: int, report: dict[str, object], stderr: str, reason: str) -> None:
    assert code == 0, stderr
    assert "Traceback" not in stderr
    warnings = [line for line in stderr.splitlines() if "cache disabled" in line]
    assert len(warnings) == 1, stderr
    assert reason in warnings[0], warnings[0]
    status = str(report["cache_status"])
    assert status.startswith("disabled") and reason in status, status
    assert report_files(_home())[report["run_id"]]["cache_status"] == status  # type: ignore[index]


# --- faults found when the cache is opened, on a cache full of good results ----------------


def _populate(db_url: str, tmp_path: Path) -> None:
    seed_pairs(db_url, N)
    code, report, err = _run(tmp_path, "populate")
    assert code == 0 and report["engine_calls"] == N and report["cache_status"] == "ok", err
    _requeue(db_url)


@pytest.mark.parametrize(
    "fault", ["file_in_place", "read_only_mount", "immutable_dir", "garbage_db", "truncated_db", "corrupt_values"]
)
def test_broken_cache_is_bypassed_and_database_dedup_still_applies(db_url: str, tmp_path: Path, fault: str) -> None:
    _populate(db_url, tmp_path)
    cache = _cache_dir()
    db_file = cache / "cache.db"
    reason = {
        "file_in_place": "cannot open cache",
        "read_only_mount": "cannot open cache",
        "immutable_dir": "cannot open cache",
        "garbage_db": "cannot open cache",
        "truncated_db": "disabled",
        "corrupt_values": "corrupt entry",
    }[fault]

    def run_with_fault() -> tuple[int, dict[str, object], str]:
        if fault == "read_only_mount":
            with _read_only_bind(cache):
                return _run(tmp_path, fault)
        if fault == "immutable_dir":
            with _immutable(cache):
                return _run(tmp_path, fault)
        return _run(tmp_path, fault)

    if fault == "file_in_place":
        shutil.rmtree(cache)
        cache.write_text("a file where the cache directory should be\n")
    elif fault == "garbage_db":
        for extra in cache.glob("cache.db-*"):
            extra.unlink()
        db_file.write_bytes(os.urandom(64 * 1024))
    elif fault == "truncated_db":
        for extra in cache.glob("cache.db-*"):
            extra.unlink()
        size = db_file.stat().st_size
        with open(db_file, "r+b") as fh:
            fh.truncate(size // 2)
    elif fault == "corrupt_values":
        with sqlite3.connect(db_file) as conn:
            changed = conn.execute("update Cache set value = x'8005deadbeef' where key <> '__probe__'").rowcount
        assert changed > 0

    code, report, err = run_with_fault()
    _assert_ran_without_cache(code, report, err, reason)
    # The database still knows every result: no pair is computed again.
    assert report["succeeded"] == report["cached"] == N and report["engine_calls"] == 0
    assert status_counts(db_url) == {"succeeded": 2 * N}


# --- faults met while writing -------------------------------------------------------------


def test_full_disk_under_the_cache_is_bypassed(db_url: str, tmp_path: Path) -> None:
    cache = _cache_dir()
    with _full_tmpfs(cache):
        seed_pairs(db_url, 3)
        code, report, err = _run(tmp_path, "warm")  # the cache's files exist and work
        assert code == 0 and report["cache_status"] == "ok", err
        seed_more = 4 * N
        import psycopg

        with psycopg.connect(db_url) as conn:  # new pairs: their results must be written somewhere
            conn.execute(
                "insert into candidates (external_id, name, email, resume_text) "
                "select 'x' || g, 'X', 'x@example.com', "
                "'SUMMARY' || chr(10) || 'Engineer number ' || (1000 + g) || ' with Python. ' || "
                "repeat('Led teams. ', 300) "
                "from generate_series(1, %s) g",
                (seed_more,),
            )
            conn.execute(
                "insert into optimizations (candidate_id, job_id) "
                "select c.id, j.id from candidates c, jobs j where c.external_id like 'x%%'"
            )
        _fill(cache, leave=256 * 1024)  # enough to open the cache, not to store the results
        code, report, err = _run(tmp_path, "full")
    _assert_ran_without_cache(code, report, err, "disk is full")
    assert "write failed" in str(report["cache_status"])  # met mid-run, not when opening
    assert report["succeeded"] == report["engine_calls"] == seed_more
    assert status_counts(db_url) == {"succeeded": 3 + seed_more}


def test_cache_files_are_private_after_a_run(db_url: str, tmp_path: Path) -> None:
    seed_pairs(db_url, 5)
    code, _, err = _run(tmp_path, "private")
    assert code == 0, err
    cache = _cache_dir()
    assert cache.stat().st_mode & 0o777 == 0o700
    files = [p for p in cache.rglob("*") if p.is_file()]
    assert files
    for f in files:
        assert f.stat().st_mode & 0o777 == 0o600, f


# --- the reports directory -------------------------------------------------------------------


def test_unwritable_reports_directory_does_not_undo_a_finished_run(db_url: str, tmp_path: Path) -> None:
    """The work is done and recorded in the runs table: the run keeps its exit code, warns once."""
    seed_pairs(db_url, 10)
    home = _home()
    home.mkdir(parents=True, exist_ok=True)
    (home / "reports").write_text("a file where the reports directory should be\n")
    proc = RunProc(tmp_path, {}, "--engine", "null", name="reports")
    code = proc.wait()
    assert status_counts(db_url) == {"succeeded": 10}
    assert "Traceback" not in proc.stderr
    assert code == 0, proc.stderr
    assert proc.report()["succeeded"] == 10
    assert len([line for line in proc.stderr.splitlines() if "report" in line.lower()]) == 1, proc.stderr
