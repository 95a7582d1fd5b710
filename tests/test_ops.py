"""Operations: metrics textfile, logs, budgets and windows, doctor, purge and prune."""

from __future__ import annotations

import json
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families
from typer.testing import CliRunner

from resume_opt import commands
from resume_opt.cli import app
from resume_opt.config import load_settings
from tests.helpers import one, seed_pairs, status_counts

cli = CliRunner()


def test_metrics_textfile_is_valid_prometheus(db_url: str, tmp_path: Path) -> None:
    seed_pairs(db_url, 30)
    prom = tmp_path / "textfile" / "resume_opt.prom"
    settings = load_settings(overrides={"run": {"engine": "null"}, "reports": {"metrics_textfile": str(prom)}})
    commands.execute_run(settings, quiet=True, install_signals=False)
    families = {f.name: f for f in text_string_to_metric_families(prom.read_text())}
    items = {s.labels["outcome"]: s.value for s in families["resume_opt_run_items"].samples}
    assert items["succeeded"] == 30 and items["claimed"] == 30
    queue = {s.labels["status"]: s.value for s in families["resume_opt_queue_items"].samples}
    assert queue["succeeded"] == 30 and queue["pending"] == 0
    for name in (
        "resume_opt_run_duration_seconds",
        "resume_opt_run_engine_calls",
        "resume_opt_run_rate_limited",
        "resume_opt_run_tokens",
        "resume_opt_run_cost_usd",
        "resume_opt_run_latency_seconds",
        "resume_opt_last_success_timestamp_seconds",
        "resume_opt_run_cache_hits",
    ):
        assert name in families, name
    assert not list(prom.parent.glob(".*")), "no temporary file left behind"


def test_json_logs_carry_run_and_optimization_ids(db_url: str, capfd) -> None:  # type: ignore[no-untyped-def]
    seed_pairs(db_url, 5)
    import psycopg

    with psycopg.connect(db_url) as conn:
        conn.execute("update candidates set resume_text = '' where external_id = 'c2'")
    result = cli.invoke(app, ["--log-format", "json", "run", "--engine", "null", "--json"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert any("chunk 1" in line["msg"] for line in lines)
    failure = [line for line in lines if "failed (empty_resume" in line["msg"]]
    assert failure and "optimization" in failure[0]["msg"] and failure[0]["level"] == "warning"


def test_budget_and_runtime_stop_claiming(db_url: str) -> None:
    seed_pairs(db_url, 300)
    settings = load_settings(
        overrides={"run": {"engine": "null", "chunk_size": 10, "workers": 2, "max_runtime_s": 0.3}}
    )
    import os

    os.environ["NULL_ENGINE_LATENCY_MS"] = "5,10"
    try:
        report = commands.execute_run(settings, quiet=True, install_signals=False)
    finally:
        del os.environ["NULL_ENGINE_LATENCY_MS"]
    assert report["stop_reason"] == "max_runtime"
    counts = status_counts(db_url)
    assert counts.get("running", 0) == 0
    assert counts["succeeded"] == report["succeeded"] < 300
    assert counts["pending"] == 300 - report["succeeded"]


def test_doctor_passes_with_embedded_defaults_and_fails_on_bad_db(db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    result = cli.invoke(app, ["doctor", "--json"])
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert result.exit_code == 0, result.stdout
    assert checks["database"]["ok"] and "schema" in checks["database"]["detail"]
    assert "offline" in checks["API key"]["detail"] or "local" in checks["API key"]["detail"]
    monkeypatch.setenv("DATABASE_URL", "postgresql://x:pw@127.0.0.1:1/none")
    result = cli.invoke(app, ["doctor", "--json"])
    checks = {c["check"]: c for c in json.loads(result.stdout)}
    assert result.exit_code == 1 and not checks["database"]["ok"]
    assert "pw@" not in result.stdout


def test_purge_removes_candidate_results_and_cache(db_url: str) -> None:
    seed_pairs(db_url, 3)
    commands.execute_run(load_settings(overrides={"run": {"engine": "null"}}), quiet=True, install_signals=False)
    result = cli.invoke(app, ["purge", "--candidate", "c2"])
    assert result.exit_code == 0, result.stderr
    assert "purged candidate c2: 1 optimizations, 1 cache entries" in result.stdout
    assert one(db_url, "select count(*) from candidates where external_id = 'c2'") == 0
    assert one(db_url, "select count(*) from optimizations") == 2
    assert commands.collect_stats(load_settings())["cache"]["entries"] == 2
    result = cli.invoke(app, ["purge", "--candidate", "c2"])
    assert result.exit_code == 1 and "no candidate with id c2" in result.stderr


def test_prune_deletes_only_old_finished(db_url: str) -> None:
    seed_pairs(db_url, 4)
    commands.execute_run(
        load_settings(overrides={"run": {"engine": "null", "limit": 3}}), quiet=True, install_signals=False
    )
    import psycopg

    with psycopg.connect(db_url) as conn:
        conn.execute("update optimizations set finished_at = now() - interval '40 days' where id in (1, 2)")
    result = cli.invoke(app, ["prune", "--older-than", "30d"])
    assert result.exit_code == 0 and "deleted 2 optimizations" in result.stdout
    assert status_counts(db_url) == {"succeeded": 1, "pending": 1}
    result = cli.invoke(app, ["prune", "--older-than", "soon"])
    assert result.exit_code == 2 and "--older-than" in result.stderr


def test_queue_table_has_autovacuum_settings(db_url: str) -> None:
    seed_pairs(db_url, 1)
    opts = one(
        db_url,
        "select reloptions from pg_class where relname = 'optimizations' "
        "and relnamespace = current_schema()::regnamespace",
    )
    assert "autovacuum_vacuum_scale_factor=0.02" in opts


def test_token_budget_stops_claiming_with_reason_budget(db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from scripts.fake_groq import FakeGroq

    seed_pairs(db_url, 60)
    with FakeGroq(api_keys=["gsk_budgettest000000"], latency_ms=(1, 3)) as fake:
        for name, value in {
            "GROQ_API_KEY": "gsk_budgettest000000",
            "GROQ_BASE_URL": fake.base_url,
            "RESUME_OPT_RATE_LIMIT_REQUESTS_PER_MINUTE": "0",
            "RESUME_OPT_RATE_LIMIT_TOKENS_PER_MINUTE": "0",
            "RESUME_OPT_RATE_LIMIT_REQUESTS_PER_DAY": "0",
            "RESUME_OPT_RATE_LIMIT_TOKENS_PER_DAY": "0",
        }.items():
            monkeypatch.setenv(name, value)
        settings = load_settings(
            overrides={"run": {"engine": "groq", "chunk_size": 5, "workers": 2, "budget_tokens": 3000}}
        )
        report = commands.execute_run(settings, quiet=True, install_signals=False)
    assert report["stop_reason"] == "budget"
    assert 0 < report["succeeded"] < 60
    assert report["tokens_in"] + report["tokens_out"] >= 3000
    counts = status_counts(db_url)
    assert counts.get("running", 0) == 0 and counts["pending"] == 60 - report["succeeded"]


def test_doctor_makes_an_authenticated_call(db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from scripts.fake_groq import FakeGroq

    with FakeGroq(api_keys=["gsk_doctorgood0000000"]) as fake:
        monkeypatch.setenv("GROQ_BASE_URL", fake.base_url)
        monkeypatch.setenv("GROQ_API_KEY", "gsk_doctorgood0000000")
        good = cli.invoke(app, ["doctor", "--json"])
        monkeypatch.setenv("GROQ_API_KEY", "gsk_doctorbad00000000")
        bad = cli.invoke(app, ["doctor", "--json"])
    assert good.exit_code == 0, good.stdout
    api = {c["check"]: c for c in json.loads(good.stdout)}["API key"]
    assert api["ok"] and "key accepted" in api["detail"]
    assert bad.exit_code == 1
    api = {c["check"]: c for c in json.loads(bad.stdout)}["API key"]
    assert not api["ok"] and "rejected" in api["detail"]
    assert "gsk_doctorbad" not in bad.stdout + bad.stderr


def test_stats_shows_what_the_provider_said_of_the_shared_budget(db_url: str) -> None:
    from psycopg_pool import ConnectionPool

    from resume_opt.db.ratelimit import SharedLanes
    from resume_opt.engines.groq.headers import RateLimitHeaders

    seed_pairs(db_url, 1)  # migrates the schema, rate-limit table included
    with ConnectionPool(db_url, min_size=1, max_size=2) as pool:
        SharedLanes(pool, "hashed-key", "llama-3.3-70b-versatile").record(
            vars(RateLimitHeaders(limit_tokens=12000, remaining_tokens=3456))
        )
    data = commands.collect_stats(load_settings())
    provider = data["budget"]["provider"]
    assert provider[0]["model"] == "llama-3.3-70b-versatile"
    assert provider[0]["observed"] == {"limit_tokens": 12000, "remaining_tokens": 3456}
    result = cli.invoke(app, ["stats"])
    assert result.exit_code == 0 and "remaining tokens 3,456" in result.stdout
