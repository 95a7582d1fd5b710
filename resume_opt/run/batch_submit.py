"""Submitting: claim pending pairs, dedup them as online, write JSON Lines files, upload, create.

Per file, in this order, each step recorded before the next:
1. claim a chunk (`queue.claim_chunk`: running, attempt charged, leased by the run);
2. dedup exactly as online (`run/dedup.known_results`: disk cache, then the database),
   then identical inputs in this run (a duplicate joins the batch that carries its
   input) — none becomes a line;
3. one transaction: the served items written back, the batch row inserted (`preparing`,
   leased by the run) and every remaining item moved to `submitted` with its batch;
4. the file written to disk and uploaded (row: `uploaded` + file id);
5. the batch created with our token in `metadata` (row: provider id and status; lease
   dropped — the provider holds the items now).
A run killed after 3 leaves a stale `preparing`/`uploaded` row: the next run finds the
batch through `batches.list` (adopts it) or deletes the upload and gives the items back.
"""

from __future__ import annotations

import tempfile
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from resume_opt.db import batches, queue
from resume_opt.engines.groq.batch import chat_body, request_line
from resume_opt.errors import ItemRejected
from resume_opt.run import item as work
from resume_opt.run.batch_context import BatchContext, log
from resume_opt.run.dedup import known_results


def file_name(token: str) -> str:
    """The uploaded file's name: the token finds an upload whose id was never recorded."""
    return f"resume-opt-{token}.jsonl"


class Submitter:
    """Claims and submits until the queue (or the run's limit) is exhausted."""

    def __init__(self, ctx: BatchContext) -> None:
        self.ctx = ctx
        # This run's batches, and for the chunk in hand: input_hash -> the earlier batch that
        # carries it (asked of the database per chunk, so memory does not grow with the night).
        self.batch_ids: list[int] = []
        self.carried: dict[str, int] = {}
        self._reaped = False
        self._sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-sender")
        self._sending: Future[None] | None = None

    def run(self) -> None:
        """Submit file after file; one file uploads (sender thread) while the next is prepared."""
        s = self.ctx.settings
        try:
            while not self.ctx.stop.is_set():
                n = s.batch.max_lines
                if s.run.limit:
                    n = min(n, s.run.limit - self.ctx.counters.claimed)
                    if n <= 0:
                        return
                if not self.submit_one(n):
                    return
        finally:
            try:
                self._drain()
            finally:
                self._sender.shutdown(wait=True)

    def _drain(self) -> None:
        """Wait for the file being sent; its failure (if any) surfaces here."""
        sending, self._sending = self._sending, None
        if sending is not None:
            sending.result()

    def _claim(self, n: int) -> list[queue.ClaimedItem]:
        reap, self._reaped = not self._reaped, True

        def claim(conn: queue.Conn) -> list[queue.ClaimedItem]:
            if reap:
                queue.reap_stale(conn, self.ctx.settings.run.lease_timeout_s)
            return queue.claim_chunk(conn, self.ctx.run_id, n)

        return self.ctx.tx("claim", claim)

    def submit_one(self, n: int) -> bool:
        """Claim up to n pairs and submit them as one batch; False when nothing was left."""
        ctx, c = self.ctx, self.ctx.counters
        items = self._claim(n)
        if not items:
            return False
        c.claimed += len(items)
        successes: list[queue.Success] = []
        failures: list[queue.Failure] = []
        preps = self._prepare_all(items, failures)
        self.carried = self._carried(preps)
        hits, rest = known_results(ctx.cache, self._lookup, preps, self.carried.__contains__)
        successes.extend(self._served(prep, value) for prep, value, _ in hits)
        c.cached += len(successes)
        ctx.cache.set_many([(prep.input_hash, value) for prep, value, from_db in hits if from_db])
        bodies = self._request_lines(rest, failures)
        rejected = {f.id for f in failures}
        rest = [p for p in rest if p.item.id not in rejected]
        token = uuid.uuid4().hex
        plan = ctx.tx("hold items", lambda conn: self._hold(conn, token, rest, bodies, successes, failures))
        batch_id, lines = plan
        if batch_id is not None:
            self._drain()  # at most one file in flight: memory stays one file's worth
            self._sending = self._sender.submit(self._send, batch_id, token, lines)
        return True

    def _prepare_all(self, items: list[queue.ClaimedItem], failures: list[queue.Failure]) -> list[work.Prepared]:
        """Prepare each claimed pair; a rejected one becomes a failure instead."""
        ctx = self.ctx
        preps: list[work.Prepared] = []
        for it in items:
            try:
                prep = work.prepare(it, ctx.identity, ctx.settings)  # type: ignore[arg-type]
                preps.append(prep)
            except ItemRejected as exc:
                failures.append(self._rejected(it, exc))
        return preps

    def _carried(self, preps: list[work.Prepared]) -> dict[str, int]:
        """input_hash -> this run's earlier batch that carries it, for this chunk's inputs."""
        hashes = sorted({p.input_hash for p in preps})
        if not hashes or not self.batch_ids:
            return {}
        return self.ctx.tx("carried inputs", lambda conn: batches.carried(conn, self.batch_ids, hashes))

    def _lookup(self, hashes: list[str]) -> dict[str, dict[str, Any]]:
        return self.ctx.tx("dedup lookup", lambda conn: queue.find_succeeded_by_hash(conn, hashes))

    def _request_lines(self, rest: list[work.Prepared], failures: list[queue.Failure]) -> dict[str, bytes]:
        """One request line per new input (none for inputs an earlier batch carries)."""
        bodies: dict[str, bytes] = {}
        for prep in rest:
            if prep.input_hash not in bodies and prep.input_hash not in self.carried:
                try:
                    bodies[prep.input_hash] = request_line(
                        prep.input_hash, chat_body(self.ctx.settings, prep.resume, prep.job)
                    )
                except ItemRejected as exc:
                    failures.append(self._rejected(prep.item, exc))
        return bodies

    def _rejected(self, it: queue.ClaimedItem, exc: ItemRejected) -> queue.Failure:
        self.ctx.count_error(exc.kind)
        log.warning("run %s optimization %s failed (%s): %s", self.ctx.run_id, it.id, exc.kind, exc)
        return queue.Failure(it.id, exc.kind, f"{exc.kind}: {exc}", True, 0.0)

    def _served(self, prep: work.Prepared, hit: dict[str, Any]) -> queue.Success:
        idn = self.ctx.identity
        return queue.Success(
            id=prep.item.id,
            input_hash=prep.input_hash,
            engine=idn.name,
            model=idn.model,
            prompt_version=idn.prompt_version,
            result=hit["result"],
            score_before=hit.get("score_before"),
            score_after=hit.get("score_after"),
            tokens_in=0,
            tokens_out=0,
            cost_usd=0.0,
            latency_ms=0,
        )

    def _hold(
        self,
        conn: queue.Conn,
        token: str,
        rest: list[work.Prepared],
        bodies: dict[str, bytes],
        successes: list[queue.Success],
        failures: list[queue.Failure],
    ) -> tuple[int | None, list[bytes]]:
        """One transaction: write back what was served, insert the batch row, hold the rest."""
        ctx = self.ctx
        # Earlier batches still open to a duplicate; those being collected cannot take one.
        open_ids = batches.open_for_attach(
            conn, sorted({self.carried[p.input_hash] for p in rest if p.input_hash in self.carried})
        )
        lines, attach, mine, released = self._pack_file(rest, bodies, open_ids)
        written = queue.write_back(conn, ctx.run_id, successes, failures, released)
        ctx.count_written(written)
        ctx.counters.claimed -= written["released"]
        holds = [(i, b, h) for i, h, b in attach]
        batch_id: int | None = None
        if mine:
            row = batches.create(conn, token, ctx.identity.model, ctx.settings.batch.completion_window, ctx.run_id)
            batch_id = row.id
            holds += [(i, row.id, h) for i, h in mine]
            batches.set_counts(conn, row.id, len(lines), len(mine))
        moved = batches.hold_items(
            conn, ctx.run_id, holds, ctx.identity.name, ctx.identity.model, ctx.identity.prompt_version
        )
        batches.add_items(conn, [b for _, _, b in attach])
        ctx.counters.submitted += moved
        ctx.counters.deduplicated += len(attach) + len(mine) - len(lines)
        if batch_id is not None:
            self.batch_ids.append(batch_id)
        return batch_id, list(lines.values())

    def _pack_file(
        self, rest: list[work.Prepared], bodies: dict[str, bytes], open_ids: set[int]
    ) -> tuple[dict[str, bytes], list[tuple[int, str, int]], list[tuple[int, str]], list[int]]:
        """Sort pairs into the file: lines (by input), joins to open batches, own pairs, and released."""
        cap = int(self.ctx.settings.batch.max_file_mb * 1_000_000)
        lines: dict[str, bytes] = {}
        size = 0
        attach: list[tuple[int, str, int]] = []
        mine: list[tuple[int, str]] = []
        released: list[int] = []
        for prep in rest:
            h = prep.input_hash
            earlier = self.carried.get(h)
            if earlier is not None and earlier in open_ids:
                attach.append((prep.item.id, h, earlier))
                continue
            if h not in lines:
                body = bodies.get(h)
                if body is None:  # its batch closed meanwhile: it needs a line of its own
                    body = request_line(h, chat_body(self.ctx.settings, prep.resume, prep.job))
                if size + len(body) > cap:
                    released.append(prep.item.id)  # over the file's size: the next file takes it
                    continue
                lines[h] = body
                size += len(body)
            mine.append((prep.item.id, h))
        return lines, attach, mine, released

    def _send(self, batch_id: int, token: str, lines: list[bytes]) -> None:
        """Write, upload and create, recording each step; on failure leave it to reconciliation."""
        ctx = self.ctx
        spool = ctx.settings.home / "batches"
        spool.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(dir=spool, prefix=f"{token}.", suffix=".jsonl", delete=False) as fh:
            path = Path(fh.name)
            for line in lines:
                fh.write(line)
        del lines
        try:
            file_id = ctx.client.upload(path, file_name(token))
            ctx.tx("record upload", lambda conn: batches.mark_uploaded(conn, batch_id, file_id))
            info = ctx.client.create(file_id, token, batch_id)
            ctx.tx(
                "record batch",
                lambda conn: batches.mark_created(conn, batch_id, info.id, info.status, file_id, info.expires_at),
            )
        except BaseException:
            # Drop the lease at once: the next reconciliation adopts the batch or deletes the upload.
            try:
                ctx.tx("drop lease", lambda conn: batches.drop_lease(conn, batch_id, ctx.run_id))
            except Exception as exc:  # the lease goes stale on its own
                log.warning("run %s: could not drop the lease of batch %s: %s", ctx.run_id, batch_id, exc)
            raise
        finally:
            path.unlink(missing_ok=True)
        ctx.counters.batches_submitted += 1
        ctx.counters.batch_ids.append(batch_id)
        ctx.info("batch %s submitted as %s (%s)", batch_id, info.id, info.status)
