"""The run's pure stages, without a database: outcome classification and the stop state."""

from __future__ import annotations

import pytest

from resume_opt.errors import (
    BadOutputError,
    EngineAuthError,
    EngineError,
    ItemRejected,
    QuotaExhaustedError,
    RunAbort,
    TransientEngineError,
)
from resume_opt.run.outcome import Action, backoff_s, classify
from resume_opt.run.stop import EXIT_INTERNAL, StopState


def test_success() -> None:
    assert classify(None).action is Action.SUCCEEDED


def test_an_unusable_item_fails_at_once() -> None:
    out = classify(ItemRejected("resume is empty", kind="empty_resume"))
    assert (out.action, out.kind, out.stop) == (Action.FAILED, "empty_resume", None)
    assert out.error == "empty_resume: resume is empty"


@pytest.mark.parametrize(
    "exc",
    [TransientEngineError("503", kind="server_error"), BadOutputError("not JSON", kind="bad_output")],
)
def test_engine_errors_are_retried_later(exc: EngineError) -> None:
    out = classify(exc)
    assert out.action is Action.RETRY_LATER and out.kind == exc.kind and out.stop is None


def test_a_bug_in_one_item_is_retried_later_without_its_message() -> None:
    out = classify(ValueError("Jane Doe's resume text"))
    assert (out.action, out.kind) == (Action.RETRY_LATER, "internal_error")
    assert "Jane" not in out.error


def test_unreachable_api_releases_uncharged_and_counts_toward_the_streak() -> None:
    out = classify(TransientEngineError("cannot reach", kind="connection"))
    assert (out.action, out.unreachable, out.stop) == (Action.RELEASE, True, None)


def test_run_aborts_release_and_stop_the_run() -> None:
    auth = classify(EngineAuthError("key rejected"))
    assert auth.action is Action.RELEASE and auth.stop == ("auth", 3) and auth.abort is not None
    quota = classify(QuotaExhaustedError("tokens per day spent", reset_in_s=600))
    assert quota.stop == ("quota", 3)


def test_a_deadline_is_an_ordinary_end_not_an_abort() -> None:
    late = RunAbort("next slot after --max-runtime")
    late.kind = "deadline"  # as the limiter marks it
    out = classify(late)
    assert out.action is Action.RELEASE and out.stop == ("max_runtime", None) and out.abort is None


def test_backoff_doubles_up_to_its_cap() -> None:
    assert [backoff_s(n, 30, 100) for n in (1, 2, 3, 4)] == [30, 60, 100, 100]


def test_stop_first_reason_wins_but_a_signal_decides_the_exit_code() -> None:
    stop = StopState()
    assert stop.request("max_runtime") and not stop.request("budget")
    assert stop.final(False, "queue_empty") == ("max_runtime", 0)
    assert stop.signal("SIGTERM") and not stop.hard
    assert stop.final(True, "queue_empty") == ("SIGTERM", 143)
    assert not stop.signal("SIGTERM") and stop.hard


def test_stop_abort_is_kept_once_as_the_message() -> None:
    stop = StopState()
    assert stop.aborted(EngineAuthError("key rejected"))
    assert not stop.aborted(QuotaExhaustedError("spent", reset_in_s=1))
    assert stop.message == "key rejected" and stop.final(False, "x") == ("auth", 3)


def test_crash_is_hard_and_exits_70() -> None:
    stop = StopState()
    stop.request("limit")
    stop.crashed("internal error (ValueError)")
    assert stop.hard and stop.final(False, "x") == ("crashed", EXIT_INTERNAL)


def test_no_stop_exit_code_follows_the_items() -> None:
    assert StopState().final(True, "queue_empty") == ("queue_empty", 1)
    assert StopState().final(False, "limit") == ("limit", 0)
