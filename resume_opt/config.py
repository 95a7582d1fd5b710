"""One validated Settings object.

Sources, lowest first: the packaged `default.yaml` < `--config FILE` <
`RESUME_OPT_<SECTION>_<KEY>` environment variables < command-line flags. Every key
is checked against the dataclasses below: an unknown key, a wrong type or a value
out of range raises ConfigError naming the key. Secrets (DATABASE_URL,
GROQ_API_KEY) are read only from the environment and never stored here.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any, get_type_hints

import yaml

from resume_opt.errors import ConfigError
from resume_opt.secrets import Secrets, remember

ENV_PREFIX = "RESUME_OPT_"


@dataclass
class DatabaseSettings:
    pool_min: int = 1
    pool_max: int = 4
    connect_timeout_s: float = 10
    reconnect_window_s: float = 60
    pooler: str = "auto"
    auto_migrate: bool = True


@dataclass
class RunSettings:
    engine: str = "auto"
    chunk_size: int = 100
    workers: int = 8
    limit: int = 0
    max_runtime_s: float = 0
    max_attempts: int = 3
    backoff_base_s: float = 60
    backoff_max_s: float = 3600
    heartbeat_interval_s: float = 10
    lease_timeout_s: float = 120
    grace_s: float = 30
    progress_interval_s: float = 30
    budget_usd: float = 0.0
    budget_tokens: int = 0
    follow_listen: str = "auto"
    follow_poll_s: float = 1.0
    follow_recheck_s: float = 30.0
    mode: str = "online"


@dataclass
class BatchSettings:
    max_lines: int = 2000
    max_file_mb: float = 200
    completion_window: str = "24h"
    discount: float = 0.5
    poll_interval_s: float = 30
    poll_max_interval_s: float = 600
    collect_chunk: int = 500
    collect_processes: int = 0


@dataclass
class RetrySettings:
    max_attempts: int = 5
    backoff_base_s: float = 1.0
    backoff_max_s: float = 60.0
    bad_output_attempts: int = 3


@dataclass
class EngineSettings:
    max_resume_chars: int = 60000


@dataclass
class CacheSettings:
    enabled: bool = True
    dir: str = ""
    ttl_days: float = 30
    size_limit_mb: int = 1024


@dataclass
class GroqSettings:
    model: str = "llama-3.3-70b-versatile"
    temperature: float = 0.2
    max_tokens: int = 1024
    max_tokens_floor: int = 256
    max_tokens_percentile: float = 0.98
    max_tokens_margin: float = 1.1
    max_tokens_samples: int = 10
    response_format: str = "auto"
    service_tier: str = "on_demand"
    timeout_s: float = 60
    prices: dict[str, list[float]] = field(default_factory=dict)


@dataclass
class RateLimitSettings:
    requests_per_minute: int = 0
    tokens_per_minute: int = 0
    requests_per_day: int = 0
    tokens_per_day: int = 0
    share: float = 1.0
    quota_wait_s: float = 120
    scope: str = "process"


@dataclass
class ReportSettings:
    dir: str = ""
    metrics_textfile: str = ""


@dataclass
class LoggingSettings:
    level: str = "info"
    format: str = "text"


@dataclass
class Settings:
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    run: RunSettings = field(default_factory=RunSettings)
    retry: RetrySettings = field(default_factory=RetrySettings)
    batch: BatchSettings = field(default_factory=BatchSettings)
    engine: EngineSettings = field(default_factory=EngineSettings)
    cache: CacheSettings = field(default_factory=CacheSettings)
    groq: GroqSettings = field(default_factory=GroqSettings)
    rate_limit: RateLimitSettings = field(default_factory=RateLimitSettings)
    reports: ReportSettings = field(default_factory=ReportSettings)
    logging: LoggingSettings = field(default_factory=LoggingSettings)
    # Not a section: read from the environment only, never from a file or flag.
    secrets: Secrets = field(default_factory=Secrets, repr=False, compare=False)

    # --- derived paths ---------------------------------------------------------
    @property
    def home(self) -> Path:
        return data_home()

    @property
    def cache_dir(self) -> Path:
        return Path(self.cache.dir).expanduser() if self.cache.dir else self.home / "cache"

    @property
    def reports_dir(self) -> Path:
        return Path(self.reports.dir).expanduser() if self.reports.dir else self.home / "reports"

    def as_dict(self) -> dict[str, Any]:
        """Every section's values (never the secrets)."""
        return {name: dataclasses.asdict(getattr(self, name)) for name in _section_types()}


CHOICES: dict[str, tuple[str, ...]] = {
    "run.engine": ("auto", "local", "groq", "null"),
    "database.pooler": ("auto", "none", "transaction", "session"),
    "run.mode": ("online", "batch"),
    "rate_limit.scope": ("process", "database"),
    "run.follow_listen": ("auto", "on", "off"),
    "groq.response_format": ("auto", "json_schema", "json_object"),
    "groq.service_tier": ("on_demand", "flex", "auto"),
    "logging.level": ("debug", "info", "warning", "error"),
    "logging.format": ("text", "json"),
}
# Keys that may be zero (meaning "none"); every other number must be positive.
MAY_BE_ZERO = {
    "run.limit",
    "run.max_runtime_s",
    "run.budget_usd",
    "run.budget_tokens",
    "run.grace_s",
    "retry.backoff_base_s",
    "retry.backoff_max_s",
    "run.backoff_base_s",
    "run.backoff_max_s",
    "groq.temperature",
    "rate_limit.requests_per_minute",
    "rate_limit.tokens_per_minute",
    "rate_limit.requests_per_day",
    "rate_limit.tokens_per_day",
    "rate_limit.quota_wait_s",
    "database.reconnect_window_s",
    "cache.ttl_days",
    "database.pool_min",
    "batch.discount",
    "batch.collect_processes",
}


# RESUME_OPT_* variables that are not settings: the data directory and --config's envvar.
NOT_SETTINGS = frozenset({"RESUME_OPT_HOME", "RESUME_OPT_CONFIG"})


def data_home() -> Path:
    """The tool's data directory: RESUME_OPT_HOME, else the platform's user data dir."""
    env = os.environ.get("RESUME_OPT_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("resume-opt", appauthor=False))


def _section_types() -> dict[str, type]:
    hints = get_type_hints(Settings)
    return {f.name: hints[f.name] for f in fields(Settings) if f.name != "secrets"}


def _coerce(key: str, value: Any, typ: Any) -> Any:
    """Convert `value` (from YAML or an env string) to `typ`, or raise ConfigError."""
    # Long on purpose: one branch per setting type, each with its own one-line error.
    origin = getattr(typ, "__origin__", None)
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{key}: expected a mapping, got {type(value).__name__}")
        return value
    if typ is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on"):
            return True
        if isinstance(value, str) and value.strip().lower() in ("0", "false", "no", "off"):
            return False
        raise ConfigError(f"{key}: expected true or false, got {value!r}")
    if typ is int:
        if isinstance(value, bool):
            raise ConfigError(f"{key}: expected an integer, got {value!r}")
        if isinstance(value, int):
            return value
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                pass
        raise ConfigError(f"{key}: expected an integer, got {value!r}")
    if typ is float:
        if isinstance(value, bool):
            raise ConfigError(f"{key}: expected a number, got {value!r}")
        if isinstance(value, (int, float)):
            return float(value)
        if isinstance(value, str):
            try:
                return float(value.strip())
            except ValueError:
                pass
        raise ConfigError(f"{key}: expected a number, got {value!r}")
    if typ is str:
        if isinstance(value, (dict, list)):
            raise ConfigError(f"{key}: expected a string, got {type(value).__name__}")
        return "" if value is None else str(value)
    return value


def _apply(settings: Settings, data: dict[str, Any], source: str) -> None:
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping of sections")
    sections = _section_types()
    for section, values in data.items():
        if section not in sections:
            raise ConfigError(f"{source}: unknown section '{section}'")
        if values is None:
            continue
        if not isinstance(values, dict):
            raise ConfigError(f"{source}: section '{section}' must be a mapping")
        obj = getattr(settings, section)
        hints = get_type_hints(type(obj))
        for key, value in values.items():
            if key not in hints:
                raise ConfigError(f"{source}: unknown key '{section}.{key}'")
            setattr(obj, key, _coerce(f"{section}.{key}", value, hints[key]))


def _env_overrides(environ: dict[str, str]) -> dict[str, dict[str, str]]:
    """RESUME_OPT_<SECTION>_<KEY> -> {section: {key: value}}; unknown names are errors."""
    sections = sorted(_section_types(), key=len, reverse=True)  # rate_limit before run
    out: dict[str, dict[str, str]] = {}
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or name in NOT_SETTINGS:
            continue
        rest = name[len(ENV_PREFIX) :].lower()
        for section in sections:
            if rest.startswith(section + "_"):
                out.setdefault(section, {})[rest[len(section) + 1 :]] = value
                break
        else:
            raise ConfigError(f"{name}: unknown setting (expected RESUME_OPT_<SECTION>_<KEY>)")
    return out


def validate(settings: Settings) -> None:
    """Range and choice checks; raise ConfigError naming the first bad key."""
    for section in _section_types():
        obj = getattr(settings, section)
        for f in fields(obj):
            key = f"{section}.{f.name}"
            value = getattr(obj, f.name)
            if key in CHOICES and value not in CHOICES[key]:
                raise ConfigError(f"{key}: must be one of {', '.join(CHOICES[key])}, got {value!r}")
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                if value < 0 or (value == 0 and key not in MAY_BE_ZERO):
                    raise ConfigError(f"{key}: must be {'>= 0' if key in MAY_BE_ZERO else '> 0'}, got {value}")
    if settings.database.pool_max < max(settings.database.pool_min, 2):
        raise ConfigError("database.pool_max: must be >= 2 and >= database.pool_min")
    g = settings.groq
    if g.max_tokens_floor > g.max_tokens:
        raise ConfigError("groq.max_tokens_floor: must be <= groq.max_tokens (the ceiling)")
    if not 0 < g.max_tokens_percentile <= 1:
        raise ConfigError(f"groq.max_tokens_percentile: must be in (0, 1], got {g.max_tokens_percentile}")
    if not 0 < settings.rate_limit.share <= 1:
        raise ConfigError(f"rate_limit.share: must be in (0, 1], got {settings.rate_limit.share}")
    window = re.fullmatch(r"(\d+)([hd])", settings.batch.completion_window)
    hours = (int(window.group(1)) * (24 if window.group(2) == "d" else 1)) if window else 0
    if not 24 <= hours <= 168:
        raise ConfigError(f"batch.completion_window: must be 24h to 7d, got {settings.batch.completion_window!r}")
    if settings.batch.max_lines > 50000 or settings.batch.max_file_mb > 200 or settings.batch.discount >= 1:
        raise ConfigError("batch: max_lines <= 50000, max_file_mb <= 200 and discount < 1 (Groq's limits)")
    for model, price in settings.groq.prices.items():
        if (
            not isinstance(price, list)
            or len(price) not in (2, 3)
            or not all(isinstance(p, (int, float)) and p >= 0 for p in price)
        ):
            raise ConfigError(
                f"groq.prices.{model}: expected [input, output] or [input, output, cached input] USD per million tokens"
            )


def load_settings(
    config_file: str | Path | None = None,
    overrides: dict[str, dict[str, Any]] | None = None,
    environ: dict[str, str] | None = None,
    secrets: Secrets | None = None,
) -> Settings:
    """Build Settings from defaults, an optional file, the environment and flag overrides.

    The secrets are read from `environ` (default: the process environment) unless given."""
    env = dict(os.environ if environ is None else environ)
    settings = Settings(secrets=secrets if secrets is not None else Secrets.from_env(env))
    remember(settings.secrets)
    default_text = resources.files("resume_opt").joinpath("default.yaml").read_text("utf-8")
    _apply(settings, yaml.safe_load(default_text) or {}, "default.yaml")
    if config_file:
        path = Path(config_file)
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" line {mark.line + 1}" if mark else ""
            raise ConfigError(f"config file {path}{where}: not valid YAML") from None
        _apply(settings, data, str(path))
    _apply(settings, _env_overrides(env), "environment")
    if overrides:
        clean = {s: {k: v for k, v in kv.items() if v is not None} for s, kv in overrides.items()}
        _apply(settings, clean, "command line")
    validate(settings)
    return settings
