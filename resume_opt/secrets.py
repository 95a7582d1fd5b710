"""The secrets, read from the environment once and passed down inside `Settings`.

`DATABASE_URL`, `GROQ_API_KEY`, `GROQ_BASE_URL` and `SENTRY_DSN` come only from the
environment (never from a config file or a flag). `load_settings` reads them into one
`Secrets` value; everything below takes it from `settings.secrets`, so tests inject
their own and no module reads `os.environ` for a secret. Its `repr` hides the values,
so a settings object printed in a traceback or a log line shows none of them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

NAMES = ("DATABASE_URL", "GROQ_API_KEY", "GROQ_BASE_URL", "SENTRY_DSN")


@dataclass(frozen=True)
class Secrets:
    """The environment's secrets; an empty string means unset."""

    database_url: str = ""
    groq_api_key: str = ""
    groq_base_url: str = ""
    sentry_dsn: str = ""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Secrets:
        """Read the four variables (stripped) from `environ`, default the process environment."""
        env = os.environ if environ is None else environ
        return cls(
            database_url=env.get("DATABASE_URL", "").strip(),
            groq_api_key=env.get("GROQ_API_KEY", "").strip(),
            groq_base_url=env.get("GROQ_BASE_URL", "").strip(),
            sentry_dsn=env.get("SENTRY_DSN", "").strip(),
        )

    def values(self) -> list[str]:
        """The literal secret values worth scrubbing from text: the key, the DSNs' passwords."""
        out = [self.groq_api_key, self.sentry_dsn]
        for dsn in (self.database_url,):
            if dsn:
                try:
                    from psycopg.conninfo import conninfo_to_dict

                    out.append(str(conninfo_to_dict(dsn).get("password") or ""))
                except Exception:  # noqa: BLE001 - an unparseable DSN has no password we could find
                    pass
        return [v for v in out if v and len(v) >= 4]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={'set' if getattr(self, name) else 'unset'}" for name in self.__dataclass_fields__)
        return f"Secrets({shown})"


_current = Secrets()


def remember(secrets: Secrets) -> None:
    """Record the secrets in force, for the log scrubber (which has no settings to hand)."""
    global _current
    _current = secrets


def current() -> Secrets:
    """The secrets last loaded by `load_settings` (for scrubbing log and error text)."""
    return _current
