"""The CLI's contract: help everywhere, one-line errors, documented exit codes, data in and out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from resume_opt.cli import app
from tests.conftest import DATA

runner = CliRunner()
SAMPLE = Path(__file__).resolve().parent.parent / "resume_opt" / "data" / "sample"


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _commands() -> list[list[str]]:
    root = get_command(app)
    out: list[list[str]] = [[]]
    for name, cmd in root.commands.items():  # type: ignore[attr-defined]
        out.append([name])
        for sub in getattr(cmd, "commands", {}):
            out.append([name, sub])
    return out


@pytest.mark.parametrize("path", _commands(), ids=lambda p: " ".join(p) or "root")
def test_every_command_has_help(path: list[str]) -> None:
    code, out, _ = invoke(*path, "--help")
    assert code == 0, out
    assert "Usage" in out
    root = get_command(app)
    cmd = root
    for part in path:
        cmd = cmd.commands[part]  # type: ignore[attr-defined]
    assert (cmd.help or "").strip(), f"{path} has no help text"


def test_required_commands_exist() -> None:
    names = {" ".join(p) for p in _commands()}
    for want in (
        "run",
        "stats",
        "db migrate",
        "db status",
        "import candidates",
        "import jobs",
        "enqueue",
        "export",
        "show",
        "demo",
    ):
        assert want in names


def test_unreachable_database_exits_3_without_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://alice:hunter2secret@127.0.0.1:1/prod")
    code, out, err = invoke("stats")
    assert code == 3
    assert err.strip() == "resume-opt: cannot reach the database at 127.0.0.1:1/prod: connection refused"
    assert "hunter2secret" not in out + err and "Traceback" not in out + err


def test_bad_setting_exits_2_naming_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESUME_OPT_RUN_WORKERS", "-3")
    code, _, err = invoke("run")
    assert code == 2
    assert err.strip() == "resume-opt: run.workers: must be > 0, got -3"


def test_bad_flag_value_exits_2(db_url: str) -> None:
    code, _, err = invoke("run", "--workers", "0")
    assert code == 2 and "run.workers" in err
    code, _, err = invoke("export", "--format", "xml")
    assert code == 2 and "--format" in err


def test_import_reports_bad_lines_and_keeps_good(db_url: str, sql) -> None:  # type: ignore[no-untyped-def]
    code, out, err = invoke("import", "candidates", str(DATA / "candidates_bad.jsonl"))
    assert code == 1
    assert "4 new, 0 updated, 5 bad lines" in out
    for line in (2, 4, 6, 8, 9):
        assert f"candidates_bad.jsonl:{line}:" in err
    ids = {r[0] for r in sql("select external_id from candidates")}
    assert ids == {"cand-901", "cand-902", "cand-903", "cand-904"}
    code, out, _ = invoke("import", "jobs", str(DATA / "jobs_bad.jsonl"))
    assert code == 1 and "3 new, 0 updated, 2 bad lines" in out


def test_reimport_upserts_and_json_resume(db_url: str, sql) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = invoke("import", "candidates", str(SAMPLE / "candidates.jsonl"))
    assert code == 0, out
    n = sql("select count(*) from candidates")[0][0]
    code, out, _ = invoke("import", "candidates", str(SAMPLE / "candidates.jsonl"))
    assert code == 0 and f"0 new, {n} updated" in out
    assert sql("select count(*) from candidates")[0][0] == n
    code, out, err = invoke("import", "candidates", str(DATA / "json_resume.json"))
    assert code == 0, err
    text = sql("select resume_text from candidates order by id desc limit 1")[0][0]
    assert "EXPERIENCE" in text and len(text) > 200
    skills = sql("select skills from candidates where external_id = 'cand-001'")[0][0]
    assert skills, "skills are extracted at import"


def test_missing_and_binary_files(db_url: str, tmp_path: Path) -> None:
    code, _, err = invoke("import", "jobs", str(tmp_path / "nope.jsonl"))
    assert code == 2 and "cannot read" in err
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b"\x00\x01\x02garbage")
    code, _, err = invoke("import", "jobs", str(binary))
    assert code == 2 and "binary" in err


def test_enqueue_skips_pending_and_reports_unknown(db_url: str) -> None:
    invoke("import", "candidates", str(SAMPLE / "candidates.jsonl"))
    invoke("import", "jobs", str(SAMPLE / "jobs.jsonl"))
    code, out, _ = invoke("enqueue", "--pairs", str(DATA / "pairs.csv"))
    assert code == 0 and "queued 6, skipped 0" in out
    code, out, _ = invoke("enqueue", "--pairs", str(DATA / "pairs.csv"))
    assert code == 0 and "queued 0, skipped 6" in out
    code, _, err = invoke("enqueue", "--pairs", str(DATA / "pairs_bad.csv"))
    assert code == 2 and "header candidate_id,job_id" in err
    code, out, err = invoke("enqueue", "--job", "job-001", "--all-candidates")
    assert code == 0 and "skipped 2" in out, out + err
    code, _, err = invoke("enqueue", "--job", "job-404", "--all-candidates")
    assert code == 1 and "job-404" in err
    code, _, err = invoke("enqueue")
    assert code == 2


def test_run_export_show_roundtrip(db_url: str, tmp_path: Path) -> None:
    invoke("import", "candidates", str(SAMPLE / "candidates.jsonl"))
    invoke("import", "jobs", str(SAMPLE / "jobs.jsonl"))
    invoke("enqueue", "--pairs", str(DATA / "pairs.csv"))
    code, out, err = invoke("run", "--json", "--engine", "local")
    assert code == 0, err
    report = json.loads(out)
    assert report["succeeded"] == 6 and report["exit_code"] == 0
    target = tmp_path / "out.jsonl"
    code, _, _ = invoke("export", "--format", "jsonl", "-o", str(target))
    assert code == 0
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert len(records) == 6
    fields = {
        "candidate_id",
        "job_id",
        "status",
        "score_before",
        "score_after",
        "optimized_resume",
        "edits_applied",
        "edits_rejected",
        "matched_keywords",
        "missing_keywords",
        "flags",
        "engine",
        "model",
        "tokens_in",
        "tokens_out",
        "cost_usd",
        "error",
    }
    assert set(records[0]) == fields
    assert {r["candidate_id"] for r in records} >= {"cand-001", "cand-010"}
    code, out, _ = invoke("export", "--format", "csv", "--status", "succeeded")
    assert code == 0 and out.splitlines()[0].startswith("candidate_id,job_id,status")
    assert len(out.strip().splitlines()) >= 7
    code, out, _ = invoke("show", "1")
    assert code == 0 and "optimized resume" in out and "cand-001" in out
    code, _, err = invoke("show", "999999")
    assert code == 1 and err.strip() == "resume-opt: no optimization with id 999999"


def test_dry_run_changes_nothing(db_url: str, sql) -> None:  # type: ignore[no-untyped-def]
    invoke("import", "candidates", str(SAMPLE / "candidates.jsonl"))
    invoke("import", "jobs", str(SAMPLE / "jobs.jsonl"))
    invoke("enqueue", "--pairs", str(DATA / "pairs.csv"))
    code, out, _ = invoke("run", "--dry-run", "--json", "--engine", "local")
    assert code == 0
    plan = json.loads(out)
    assert plan["claimable"] == 6 and plan["estimated_engine_calls"] == 6
    assert sql("select count(*) from optimizations where status = 'pending'")[0][0] == 6


def test_db_status_lists_migrations(db_url: str) -> None:
    code, out, _ = invoke("db", "migrate")
    assert code == 0 and "applied" in out
    code, out, _ = invoke("db", "status")
    assert code == 0 and "m001_initial" in out and "pending" not in out


def test_demo_runs_the_sample_set(db_url: str) -> None:
    code, out, err = invoke("demo", "--json")
    assert code == 0, err
    res = json.loads(out)
    assert res["loaded"] == {"candidates": 29, "jobs": 11}
    assert res["queued"] == 29 * 11
    report = res["report"]
    assert report["succeeded"] == 29 * 11 and report["failed"] == 0 and report["engine"] == "local"
    assert res["stats"]["queue"]["succeeded"] == 29 * 11
