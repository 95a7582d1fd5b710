"""Settings: precedence and validation (defaults < file < env < flags)."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_opt.config import load_settings
from resume_opt.errors import ConfigError


def test_defaults_document_every_setting() -> None:
    s = load_settings(environ={})
    assert s.run.workers == 8 and s.run.chunk_size == 100
    assert s.rate_limit.scope == "process"
    assert s.groq.prices["llama-3.3-70b-versatile"] == [0.59, 0.79]


def test_precedence_file_env_flags(tmp_path: Path) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text("run:\n  workers: 3\n  chunk_size: 7\ncache:\n  enabled: false\n")
    s = load_settings(cfg, environ={})
    assert (s.run.workers, s.run.chunk_size, s.cache.enabled) == (3, 7, False)
    s = load_settings(cfg, environ={"RESUME_OPT_RUN_WORKERS": "5", "RESUME_OPT_RATE_LIMIT_SCOPE": "database"})
    assert (s.run.workers, s.run.chunk_size, s.rate_limit.scope) == (5, 7, "database")
    s = load_settings(cfg, overrides={"run": {"workers": 9, "limit": None}}, environ={"RESUME_OPT_RUN_WORKERS": "5"})
    assert s.run.workers == 9 and s.run.limit == 0


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("run:\n  wokers: 3\n", "run.wokers"),
        ("runn:\n  workers: 3\n", "runn"),
        ("run:\n  workers: many\n", "run.workers"),
        ("run:\n  workers: -2\n", "run.workers"),
        ("run:\n  engine: gpt\n", "run.engine"),
        ("cache:\n  enabled: maybe\n", "cache.enabled"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, text: str, key: str) -> None:
    cfg = tmp_path / "bad.yaml"
    cfg.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_settings(cfg, environ={})
    assert key in str(err.value)
    assert "\n" not in str(err.value)


def test_bad_env_and_bad_yaml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="RESUME_OPT_NOPE_X"):
        load_settings(environ={"RESUME_OPT_NOPE_X": "1"})
    with pytest.raises(ConfigError, match="run.chunk_size"):
        load_settings(environ={"RESUME_OPT_RUN_CHUNK_SIZE": "0"})
    cfg = tmp_path / "broken.yaml"
    cfg.write_text("run: [\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_settings(cfg, environ={})
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_settings(tmp_path / "missing.yaml", environ={})
