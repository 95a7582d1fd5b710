"""Fault-injection kit shared by the fault tests (tests/test_faults_*.py) and scripts/chaos.py.

- `PgCluster`: a throwaway PostgreSQL cluster made with the system binaries
  (`/usr/lib/postgresql/*/bin`), owned by the `postgres` OS user when we are root,
  on a free port of 127.0.0.1, that a test can stop (fast or immediate) and start
  again on the same port: a real database restart.
- `RunProc`: a `resume-opt run` subprocess whose output goes to files (a run that
  logs a lot while the database is down must never block on a full pipe).
- `engine_calls`: calls counted at the null engine (NULL_ENGINE_CALL_LOG).
- `CountingGroq`: the fake Groq server counting calls per pair, optionally
  answering 500 to every request for one "poison" resume.
- `wait_until`: poll a condition; raises on a hang (a guard, not a time assertion).
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # scripts/chaos.py imports this module directly
    sys.path.insert(0, str(ROOT))

from scripts.fake_groq import FakeGroq  # noqa: E402

HANG_GUARD_S = 180.0


# --- polling ----------------------------------------------------------------------------


def wait_until(cond: Callable[[], Any], what: str, timeout: float = HANG_GUARD_S, interval: float = 0.05) -> Any:
    """Poll `cond` until it is truthy and return its value; AssertionError after `timeout` (a hang)."""
    deadline = time.monotonic() + timeout
    while True:
        value = cond()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(interval)


# --- the engine's call log ------------------------------------------------------------------


def engine_calls(log: Path) -> Counter[str]:
    """Calls made at the null engine, by resume (across every process that shared `log`)."""
    return Counter(log.read_text().split()) if log.exists() else Counter()


def duplicated(counted: Counter[str]) -> int:
    """Pairs whose engine was called more than once."""
    return sum(1 for n in counted.values() if n > 1)


# --- a run in a subprocess -------------------------------------------------------------------


class RunProc:
    """`python -m resume_opt [-q] run --json ARGS` with stdout/stderr in files under `workdir`."""

    def __init__(
        self,
        workdir: Path,
        env: dict[str, str],
        *args: str,
        quiet: bool = True,
        command: tuple[str, ...] = ("run", "--json"),
        name: str | None = None,
    ) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        tag = name or uuid.uuid4().hex[:8]
        self.out_path = workdir / f"run-{tag}.out"
        self.err_path = workdir / f"run-{tag}.err"
        self._out = open(self.out_path, "w")  # noqa: SIM115 - closed in wait()
        self._err = open(self.err_path, "w")  # noqa: SIM115
        cmd = [sys.executable, "-m", "resume_opt", *(["-q"] if quiet else []), *command, *args]
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env={**os.environ, **env}, stdout=self._out, stderr=self._err, text=True
        )
        self.returncode: int | None = None

    @property
    def pid(self) -> int:
        return self.proc.pid

    def signal(self, sig: int) -> None:
        self.proc.send_signal(sig)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def wait(self, timeout: float = HANG_GUARD_S) -> int:
        try:
            self.returncode = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(
                f"run did not exit (hang guard {timeout:g}s); stderr:\n{self.stderr[-3000:]}"
            ) from None
        finally:
            self._out.close()
            self._err.close()
        return self.returncode

    @property
    def stdout(self) -> str:
        return self.out_path.read_text(errors="replace")

    @property
    def stderr(self) -> str:
        return self.err_path.read_text(errors="replace")

    def report(self) -> dict[str, Any]:
        """The `--json` report printed on stdout."""
        text = self.stdout
        try:
            return json.loads(text)  # type: ignore[no-any-return]
        except json.JSONDecodeError:
            raise AssertionError(f"no JSON report on stdout:\n{text[-2000:]}\nstderr:\n{self.stderr[-2000:]}") from None


def report_files(home: Path) -> dict[int, dict[str, Any]]:
    """Reports written to RESUME_OPT_HOME/reports, by run id."""
    out = {}
    for path in sorted((home / "reports").glob("run-*.json")):
        data = json.loads(path.read_text())
        out[int(data["run_id"])] = data
    return out


# --- a throwaway PostgreSQL cluster ------------------------------------------------------------


def pg_bindir() -> Path | None:
    """The newest system PostgreSQL's bin directory, or None."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0,
    )
    return Path(found[-1]).parent if found else None


def cluster_unavailable() -> str | None:
    """Why a PgCluster cannot be made here (for pytest.skip), or None."""
    if pg_bindir() is None:
        return "no system PostgreSQL binaries in /usr/lib/postgresql/*/bin"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root but there is no 'postgres' OS user to own the cluster"
        if shutil.which("runuser") is None:
            return "running as root without runuser"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    """initdb + pg_ctl on a free port; `stop()`/`start()` restart it on the same port.

    With `password`, TCP connections need it (scram-sha-256): a DSN without the
    right password is refused, so a leaked password would be a real one.
    """

    def __init__(self, password: str | None = None) -> None:
        bindir = pg_bindir()
        if bindir is None:
            raise RuntimeError(cluster_unavailable() or "no PostgreSQL")
        self.bindir = bindir
        self.password = password
        self.root = Path(tempfile.mkdtemp(prefix="ro-fault-pg-"))
        self.data = self.root / "data"
        self.logfile = self.root / "server.log"
        self.port = free_port()
        self.running = False
        self._owner: tuple[int, int] | None = None
        if os.geteuid() == 0:
            import pwd

            pw = pwd.getpwnam("postgres")
            self._owner = (pw.pw_uid, pw.pw_gid)
            os.chown(self.root, *self._owner)
        os.chmod(self.root, 0o700)
        self._initdb()

    def _pg(self, tool: str, *args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / tool), *args]
        if self._owner is not None:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=self.root)
        if check and proc.returncode != 0:
            raise RuntimeError(
                f"{tool} failed ({proc.returncode}): {proc.stderr.strip()[-1500:]}\n{self.server_log()[-1500:]}"
            )
        return proc

    def _initdb(self) -> None:
        args = ["-D", str(self.data), "-U", "postgres", "-E", "UTF8", "--no-sync", "--auth-local=trust"]
        if self.password:
            pwfile = self.root / "pwfile"
            pwfile.write_text(self.password + "\n")
            if self._owner:
                os.chown(pwfile, *self._owner)
            args += ["--auth-host=scram-sha-256", f"--pwfile={pwfile}"]
        else:
            args += ["--auth-host=trust"]
        self._pg("initdb", *args)
        if self.password:
            (self.root / "pwfile").unlink()
        with open(self.data / "postgresql.conf", "a") as fh:
            fh.write(
                f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.root}'\nfsync = off\nfull_page_writes = off\n"
                "max_connections = 200\nshared_buffers = 32MB\n"
            )

    def start(self) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-l", str(self.logfile), "-w", "-t", "60", "start")
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: `fast` (clean shutdown) or `immediate` (as if it crashed)."""
        self._pg("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")
        self.running = False

    def destroy(self) -> None:
        if self.running:
            self._pg("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
            self.running = False
        shutil.rmtree(self.root, ignore_errors=True)

    def server_log(self) -> str:
        try:
            return self.logfile.read_text(errors="replace")
        except OSError:
            return ""

    def dsn(self, dbname: str = "postgres", password: str | None = None) -> str:
        pw = password if password is not None else self.password
        auth = f"postgres:{pw}@" if pw else "postgres@"
        return f"postgresql://{auth}127.0.0.1:{self.port}/{dbname}"

    def create_database(self) -> str:
        """A fresh database; its DSN."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(f'create database "{name}"')
        return self.dsn(name)

    def __enter__(self) -> PgCluster:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.destroy()


# --- the fake Groq server, counting by pair ------------------------------------------------------

_PAIR = re.compile(r"Engineer number (\d+) ")


class CountingGroq(FakeGroq):
    """FakeGroq counting requests and usable answers (`ok_by_pair`) per seeded resume ("Engineer number N").

    `poison`: every request whose user message contains it is answered 500, always.
    `hold`: requests for these pairs wait until `release` is set (calls kept in flight
    for as long as a test needs); `held` counts the ones waiting.
    """

    def __init__(self, *args: Any, poison: str | None = None, hold: set[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.poison = poison
        self.hold = hold or set()
        self.release = threading.Event()
        self.held: Counter[str] = Counter()
        self.requests_by_pair: Counter[str] = Counter()
        self.ok_by_pair: Counter[str] = Counter()
        self.request_times: dict[str, list[float]] = {}

    def handle_chat(
        self, headers: dict[str, str], body: dict[str, Any]
    ) -> tuple[int, dict[str, str], Any, dict[str, Any]]:
        user = "".join(
            str(m.get("content") or "")
            for m in body.get("messages") or []
            if isinstance(m, dict) and m.get("role") == "user"
        )
        match = _PAIR.search(user)
        pair = match.group(1) if match else "?"
        with self.lock:  # counted on arrival: a hung answer is a request made all the same
            self.requests_by_pair[pair] += 1
            self.request_times.setdefault(pair, []).append(time.time())
        if pair in self.hold and not self.release.is_set():
            with self.lock:
                self.held[pair] += 1
            self.release.wait(HANG_GUARD_S)
        if self.poison and self.poison in user:
            status, hdrs, answer, meta = (
                500,
                {},
                {
                    "error": {
                        "message": "The server had an error",
                        "type": "internal_server_error",
                        "code": "internal_server_error",
                    }
                },
                {"fault": "poison"},
            )
        else:
            status, hdrs, answer, meta = super().handle_chat(headers, body)
        if status == 200 and not meta.get("fault"):  # a usable answer (not truncated, not bad JSON)
            with self.lock:
                self.ok_by_pair[pair] += 1
        return status, hdrs, answer, meta


def groq_env(base_url: str, key: str = "gsk_faulttestkey000000000000") -> dict[str, str]:
    """Environment for a run against a fake Groq server, with limits it will never hit."""
    return {
        "GROQ_API_KEY": key,
        "GROQ_BASE_URL": base_url,
        "RESUME_OPT_RATE_LIMIT_REQUESTS_PER_MINUTE": "100000",
        "RESUME_OPT_RATE_LIMIT_TOKENS_PER_MINUTE": "100000000",
        "RESUME_OPT_RATE_LIMIT_REQUESTS_PER_DAY": "10000000",
        "RESUME_OPT_RATE_LIMIT_TOKENS_PER_DAY": "1000000000",
        "RESUME_OPT_GROQ_TIMEOUT_S": "10",
    }


def kill_quietly(proc: RunProc) -> None:
    if proc.alive():
        proc.signal(signal.SIGKILL)
        proc.wait()
