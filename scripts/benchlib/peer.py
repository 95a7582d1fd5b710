"""`peer`: the same number of no-op jobs through pgqueuer on the same server, in its own schema.

The jobs are enqueued first (batched, untimed); then one QueueManager drains them
(mode=drain) with a no-op async entrypoint, at pgqueuer's default batch size and
at batch 100. jobs/s = N / drain time. Driver: psycopg (the driver this project
uses) and asyncpg (the driver pgqueuer recommends, several times faster here);
the headline `pgqueuer_jobs_per_s` is the faster of the two (`--pgq-driver` picks one).
"""

from __future__ import annotations

import asyncio
import inspect
import time
from typing import Any

from benchlib.common import goal, log, space


def available() -> bool:
    try:
        import pgqueuer  # noqa: F401
    except ImportError:
        return False
    return True


def has_asyncpg() -> bool:
    try:
        import asyncpg  # noqa: F401
    except ImportError:
        return False
    return True


def default_batch_size() -> int:
    from pgqueuer import QueueManager

    return int(inspect.signature(QueueManager.run).parameters["batch_size"].default)


async def _drain(url: str, n: int, batch_size: int | None, driver: str) -> float:
    from pgqueuer import QueueManager
    from pgqueuer.models import Job
    from pgqueuer.queries import Queries
    from pgqueuer.types import QueueExecutionMode

    if driver == "asyncpg":
        import asyncpg
        from psycopg.conninfo import conninfo_to_dict

        info = conninfo_to_dict(url)
        schema = str(info.pop("options")).split("search_path=")[1]
        conn: Any = await asyncpg.connect(
            host=info.get("host"),
            port=int(info.get("port") or 5432),
            user=info.get("user"),
            database=info.get("dbname"),
            server_settings={"search_path": schema},
        )
        queries = Queries.from_asyncpg_connection(conn)
    else:
        import psycopg

        conn = await psycopg.AsyncConnection.connect(url, autocommit=True)
        queries = Queries.from_psycopg_connection(conn)
    try:
        if not await queries.schema_is_installed():
            await queries.install()
        for start in range(0, n, 5000):
            k = min(5000, n - start)
            await queries.enqueue(["noop"] * k, [None] * k, [0] * k)
        qm = QueueManager(queries)

        @qm.entrypoint("noop")
        async def noop(job: Job) -> None:
            return None

        kwargs: dict[str, Any] = {"mode": QueueExecutionMode.drain}
        if batch_size is not None:
            kwargs["batch_size"] = batch_size
        t0 = time.perf_counter()
        await qm.run(**kwargs)
        secs = time.perf_counter() - t0
        left = await queries.queued_work(["noop"])  # type: ignore[list-item]
        assert left == 0, f"pgqueuer left {left} jobs"
        return secs
    finally:
        await conn.close()


def drain(dsn: str, n: int, batch_size: int | None, driver: str) -> float:
    """Seconds for one QueueManager to drain n pre-enqueued no-op jobs (fresh schema)."""
    with space(dsn, "pgq") as sp:
        return asyncio.run(_drain(sp.url, n, batch_size, driver))


def run(args: Any, overhead_pairs_per_s: float | None = None) -> dict[str, Any]:
    if not available():
        log("peer: pgqueuer is not installed (pip install pgqueuer); skipped")
        return {"pgqueuer": "not installed"}
    n, d = args.n, default_batch_size()
    drivers = [args.pgq_driver] if args.pgq_driver != "both" else ["psycopg"]
    if args.pgq_driver == "both":
        if has_asyncpg():
            drivers.append("asyncpg")
        else:
            log("peer: asyncpg is not installed; pgqueuer measured with psycopg only")
    default: dict[str, float] = {}
    for drv in drivers:
        log(f"peer: pgqueuer ({drv}) draining {n} jobs at its default batch ({d})")
        default[drv] = n / drain(args.dsn, n, None, drv)
    best = max(default, key=lambda k: default[k])
    log(f"peer: {best} at batch 100")
    b100 = n / drain(args.dsn, n, 100, best)
    f: dict[str, Any] = {
        "pgqueuer_driver": best,
        "pgqueuer_default_batch": d,
        "pgqueuer_jobs_per_s": round(default[best], 1),
        "pgqueuer_b100_jobs_per_s": round(b100, 1),
    }
    f.update({f"pgqueuer_{drv}_jobs_per_s": round(v, 1) for drv, v in default.items() if drv != best})
    if overhead_pairs_per_s:
        f["overhead_vs_pgqueuer"] = round(overhead_pairs_per_s / f["pgqueuer_jobs_per_s"], 3)
    return f


def rows(f: dict[str, Any]) -> list[tuple[str, Any, str]]:
    if "pgqueuer_jobs_per_s" not in f:
        return [("pgqueuer", f.get("pgqueuer", "skipped"), "")]
    r: list[tuple[str, Any, str]] = [
        (
            "pgqueuer_jobs_per_s",
            f["pgqueuer_jobs_per_s"],
            f"one QueueManager, batch {f['pgqueuer_default_batch']} (its default), {f['pgqueuer_driver']}",
        ),
        ("pgqueuer_b100_jobs_per_s", f["pgqueuer_b100_jobs_per_s"], f"batch 100, {f['pgqueuer_driver']}"),
    ]
    r += [
        (k, v, "batch default, the slower driver")
        for k, v in f.items()
        if k in ("pgqueuer_psycopg_jobs_per_s", "pgqueuer_asyncpg_jobs_per_s")
    ]
    if "overhead_vs_pgqueuer" in f:
        r.append(("overhead_vs_pgqueuer", f["overhead_vs_pgqueuer"], goal(f["overhead_vs_pgqueuer"] >= 1, ">= 1")))
    return r
