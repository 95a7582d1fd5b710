"""A real PgBouncer in front of the test server, for tests/test_pooler*.py and `bench.py scaling`.

- `PgBouncer`: the Debian package's `pgbouncer` binary started in the foreground on a
  free port of 127.0.0.1, `pool_mode` transaction or session, `auth_type = any` (it
  logs in to the server as the role its one database entry names; the server's own
  authentication still applies), stopped by its pid. As root it runs as the
  `postgres` OS user (PgBouncer refuses to run as root).
- `pooled_schema`: a private schema *and role* behind a fresh PgBouncer. PgBouncer
  1.18 rejects the `options` startup parameter (`unsupported startup parameter:
  options`) that the direct tests use for `-c search_path=...`, and
  `ignore_startup_parameters = options` would silently drop it, so here the schema
  comes from the role (`ALTER ROLE ... SET search_path`), which every server
  connection of the pool starts with and `DISCARD ALL` (session mode's reset) keeps.
- `unavailable()`: why PgBouncer cannot run here (for pytest.skip), or None. CI
  (`.ci/run`) installs the package and sets TEST_REQUIRE_PGBOUNCER=1, which turns that
  skip into a failure.
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

DB_ALIAS = "resume_opt"


def binary() -> str | None:
    """The pgbouncer executable (Debian installs it in /usr/sbin, often not on PATH)."""
    return shutil.which("pgbouncer") or next(
        (p for p in ("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer") if os.access(p, os.X_OK)), None
    )


def unavailable() -> str | None:
    """Why PgBouncer cannot be started here, or None."""
    if binary() is None:
        return "pgbouncer is not installed (apt-get install -y pgbouncer; .ci/run installs it)"
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root but there is no 'postgres' OS user for pgbouncer to run as"
    return None


def require() -> None:
    """pytest.skip (or fail, under TEST_REQUIRE_PGBOUNCER=1) when PgBouncer cannot run."""
    import pytest

    reason = unavailable()
    if reason is None:
        return
    if os.environ.get("TEST_REQUIRE_PGBOUNCER") == "1":
        pytest.fail(f"TEST_REQUIRE_PGBOUNCER=1 but {reason}")
    pytest.skip(reason)


def _os_user_for(host: str) -> str:
    """As root, whom PgBouncer runs as: the owner of the server's socket directory when it
    is reached through one (the embedded server's is private to its own OS user), else postgres."""
    import pwd

    if host.startswith("/"):
        try:
            owner = pwd.getpwuid(os.stat(host).st_uid).pw_name
        except (OSError, KeyError):
            owner = "root"
        if owner != "root":
            return owner
    return "postgres"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _quote(value: str) -> str:
    """A libpq-style value for a [databases] entry."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


class PgBouncer:
    """One PgBouncer process with one database entry, `DB_ALIAS`, pointing at `server_dsn` as `user`."""

    def __init__(
        self,
        server_dsn: str,
        user: str,
        password: str = "",
        mode: str = "transaction",
        pool_size: int = 4,
        max_client_conn: int = 200,
        unix_socket: bool = False,
    ) -> None:
        info = conninfo_to_dict(server_dsn)
        self.mode = mode
        self.port = _free_port()
        self.user = user
        self.root = Path(tempfile.mkdtemp(prefix="ro-pgbouncer-"))
        self.log_path = self.root / "pgbouncer.log"
        entry = {
            "host": str(info.get("host") or "127.0.0.1"),
            "port": str(info.get("port") or 5432),
            "dbname": str(info.get("dbname") or "postgres"),
            "user": user,
        }
        if password:
            entry["password"] = password
        target = " ".join(f"{k}={_quote(v)}" for k, v in entry.items())
        ini = self.root / "pgbouncer.ini"
        ini.write_text(
            f"[databases]\n{DB_ALIAS} = {target}\n\n[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {self.port}\n"
            f"unix_socket_dir = {self.root if unix_socket else ''}\n"
            "auth_type = any\n"
            f"pool_mode = {mode}\ndefault_pool_size = {pool_size}\nmin_pool_size = 0\nreserve_pool_size = 0\n"
            f"max_client_conn = {max_client_conn}\n"
            f"logfile = {self.log_path}\n"
            # Drivers that send extra_float_digits at startup (JDBC) would be refused without it;
            # `options` is deliberately not ignored: see the module docstring.
            "ignore_startup_parameters = extra_float_digits\n"
            "server_check_delay = 1\nquery_wait_timeout = 120\n"
        )
        cmd = [str(binary()), str(ini)]
        if os.geteuid() == 0:
            import pwd

            pw = pwd.getpwnam(_os_user_for(entry["host"]))
            for path in (self.root, ini):
                os.chown(path, pw.pw_uid, pw.pw_gid)
            cmd = [str(binary()), "-u", pw.pw_name, str(ini)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        atexit.register(self.stop)  # never outlive the test session, even one that was interrupted
        self._wait_ready()

    @property
    def socket_dsn(self) -> str:
        """The same database through PgBouncer's Unix socket (with `unix_socket=True`)."""
        return f"host={self.root} port={self.port} dbname={DB_ALIAS} user={self.user}"

    @property
    def url(self) -> str:
        """DATABASE_URL through this PgBouncer (no password: it logs in as `user` itself)."""
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{DB_ALIAS}"

    def _wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read() if self.proc.stderr else ""
                raise RuntimeError(f"pgbouncer exited {self.proc.returncode}: {err.strip()}\n{self.log()[-1500:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"pgbouncer did not listen on {self.port}:\n{self.log()[-1500:]}") from None
                time.sleep(0.05)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        """SIGTERM (PgBouncer's immediate shutdown) to our process, then wait for it."""
        atexit.unregister(self.stop)
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stderr:
            self.proc.stderr.close()
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class PooledSchema:
    """A private schema reached two ways: `url` through PgBouncer, `direct` to the server."""

    url: str
    direct: str
    schema: str
    bouncer: PgBouncer


@contextmanager
def pooled_schema(
    server_dsn: str, mode: str = "transaction", pool_size: int | None = None, unix_socket: bool = False
) -> Iterator[PooledSchema]:
    """A fresh schema, owned by a fresh role whose search_path is it, behind a fresh PgBouncer."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    password = secrets.token_hex(12)
    with psycopg.connect(server_dsn, autocommit=True) as conn:
        conn.execute(f"create role \"{name}\" login password '{password}'")
        conn.execute(f'create schema "{name}" authorization "{name}"')
        conn.execute(f'alter role "{name}" set search_path = "{name}"')
    # Session mode gives each client connection its own server connection for its life:
    # size the pool for every connection the test's processes open at once.
    size = pool_size if pool_size is not None else (4 if mode == "transaction" else 40)
    bouncer = PgBouncer(server_dsn, user=name, password=password, mode=mode, pool_size=size, unix_socket=unix_socket)
    try:
        yield PooledSchema(
            url=bouncer.url,
            direct=make_conninfo(server_dsn, options=f"-c search_path={name}"),
            schema=name,
            bouncer=bouncer,
        )
    finally:
        bouncer.stop()
        with psycopg.connect(server_dsn, autocommit=True) as conn:
            conn.execute(f'drop schema if exists "{name}" cascade')
            conn.execute(f'drop owned by "{name}"')
            conn.execute(f'drop role if exists "{name}"')
