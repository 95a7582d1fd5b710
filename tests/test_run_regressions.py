"""Regression tests for bugs a review found (issue 10), each written before its fix.

- RESUME_OPT_CONFIG (advertised by --config) was refused as an unknown setting;
- --dry-run counted a pair found in both the disk cache and the database twice;
- an unexpected error inside the run skipped its finish: no report, the run row left
  `running`, claimed rows held; now: recorded as crashed, released, exit 70, one line
  naming a traceback file that holds no secret and no resume text;
- the dry run guessed the groq prompt version when its import failed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from resume_opt.cli import app
from resume_opt.config import load_settings
from resume_opt.run import item
from tests.helpers import one, seed_pairs, status_counts

runner = CliRunner()


def test_resume_opt_config_env_is_the_config_file_not_a_setting(tmp_path: Path) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text("run:\n  workers: 3\n")
    result = runner.invoke(app, ["run", "--help"], env={"RESUME_OPT_CONFIG": str(cfg)})
    assert result.exit_code == 0, result.output
    settings = load_settings(environ={"RESUME_OPT_CONFIG": str(cfg)})  # not "unknown setting"
    assert settings.run.workers == 8  # the variable names the file; the CLI reads it


def test_resume_opt_config_env_is_read_by_the_cli(db_url: str, tmp_path: Path) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text('run:\n  engine: "null"\n')
    seed_pairs(db_url, 3)
    result = runner.invoke(app, ["run", "--dry-run", "--json"], env={"RESUME_OPT_CONFIG": str(cfg)})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["engine"] == "null"


def test_dry_run_counts_a_pair_in_cache_and_database_once(db_url: str) -> None:
    seed_pairs(db_url, 8, pairs=4)
    done = runner.invoke(app, ["run", "--engine", "local", "--json"])
    assert done.exit_code == 0, done.output
    # The 4 done pairs are in the disk cache *and* in the database; 4 new ones are not.
    import psycopg

    from tests.helpers import migrate  # noqa: F401 - schema exists already

    with psycopg.connect(db_url) as conn:
        conn.execute(
            "insert into optimizations (candidate_id, job_id) select c.id, j.id from candidates c, jobs j"
            " where not exists (select 1 from optimizations o where o.candidate_id = c.id)"
        )
        conn.execute(  # the done pairs again, as new requests: served by dedup
            "insert into optimizations (candidate_id, job_id) select candidate_id, job_id from optimizations"
            " where status = 'succeeded'"
        )
    plan = runner.invoke(app, ["run", "--dry-run", "--json", "--engine", "local"])
    assert plan.exit_code == 0, plan.output
    got = json.loads(plan.stdout)
    assert got["claimable"] == 8 and got["cached"] == 4
    assert got["estimated_engine_calls"] == 4, got
    real = runner.invoke(app, ["run", "--json", "--engine", "local"])
    assert json.loads(real.stdout)["engine_calls"] == 4


@pytest.fixture
def crash_on_15th_prepare(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in the run's own path (not in one item's engine call), mid-way through chunk 2."""
    real = item.prepare
    seen = {"n": 0}

    def prepare(claimed: Any, engine: Any, settings: Any) -> Any:
        seen["n"] += 1
        if seen["n"] == 15:
            raise RuntimeError(f"boom while reading {claimed.resume_text[:40]} postgresql://u:hunter22@db/x")
        return real(claimed, engine, settings)

    monkeypatch.setattr(item, "prepare", prepare)


def test_internal_error_in_the_run_is_recorded_released_and_exits_70(
    db_url: str, crash_on_15th_prepare: None, tmp_path: Path
) -> None:
    seed_pairs(db_url, 30)
    result = runner.invoke(app, ["run", "--engine", "local", "--chunk-size", "10"])
    assert result.exit_code == 70, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("resume-opt:")]
    assert len(lines) == 1 and "internal error (RuntimeError)" in lines[0], result.stderr
    assert "Traceback" not in result.output
    # The run's end is recorded, with the error kind; nothing it claimed is held any more.
    status = one(db_url, "select status from runs order by id desc limit 1")
    counts = one(db_url, "select counts from runs order by id desc limit 1")
    assert status == "crashed" and counts["exit_code"] == 70 and counts["crash"]["kind"] == "RuntimeError"
    assert "running" not in status_counts(db_url)
    assert sum(status_counts(db_url).values()) == 30
    # The report file was written too, and the traceback file holds no message, secret or resume text.
    home = Path(load_settings().home)
    reports = list((home / "reports").glob("run-*.json"))
    assert reports and json.loads(reports[0].read_text())["stop_reason"] == "crashed"
    crash_file = Path(counts["crash"]["traceback_file"])
    assert crash_file.parent == home / "crashes" and crash_file.name in lines[0]
    text = crash_file.read_text()
    assert "RuntimeError" in text and "prepare" in text
    assert "hunter22" not in text and "SUMMARY" not in text and "Engineer number" not in text
    # The next run finishes the work.
    again = runner.invoke(app, ["run", "--engine", "local"])
    assert again.exit_code == 0, again.output
    assert status_counts(db_url) == {"succeeded": 30}


def test_internal_error_outside_a_run_is_one_line_and_exit_70(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from resume_opt import commands

    personal = "candidate " + "Jane Doe jane@example.com"  # not on the raising line (source lines are kept)

    def broken(*_a: Any, **_k: Any) -> Any:
        raise KeyError(personal)

    monkeypatch.setattr(commands, "collect_stats", broken)
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 70
    assert "internal error (KeyError); traceback in" in result.stderr
    crash_file = Path(result.stderr.split("traceback in ")[1].strip())
    assert "Jane" not in result.stderr and "Jane" not in crash_file.read_text()
