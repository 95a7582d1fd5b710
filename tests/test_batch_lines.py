"""Result lines and batch objects of Groq's Batch API, parsed without a server."""

from __future__ import annotations

import json

from resume_opt.engines.groq.batch import Prices, batch_info, parse_result_line, request_line

PRICES = Prices(0.59, 0.79, 0.5)


def _ok(content: str, finish: str = "stop") -> bytes:
    body = {
        "choices": [{"message": {"content": content}, "finish_reason": finish}],
        "usage": {"prompt_tokens": 1000, "completion_tokens": 200},
    }
    line = {"id": "batch_req_1", "custom_id": "h1", "response": {"status_code": 200, "body": body}, "error": None}
    return json.dumps(line).encode()


def test_a_good_line_is_a_proposal_priced_at_the_batch_rate() -> None:
    answer = json.dumps({"summary": "", "edits": [{"original": "a b c", "revised": "A b c", "reason": "r"}]})
    res = parse_result_line(_ok(answer), PRICES)
    assert res is not None and res.error is None and res.proposal is not None
    assert [e.revised for e in res.proposal.edits] == ["A b c"]
    online = (1000 * 0.59 + 200 * 0.79) / 1e6
    assert res.proposal.cost_usd == round(online / 2, 8)
    assert PRICES.cost(1000, 200) == (online / 2, online)


def test_bad_lines_are_bad_outputs_of_their_item() -> None:
    unparseable = parse_result_line(_ok("{'summary': 'Sure!', edits: ["), PRICES)
    assert unparseable is not None and unparseable.error is not None and unparseable.error.kind == "json_invalid"
    cut = parse_result_line(_ok('{"summary": "x"', finish="length"), PRICES)
    assert cut is not None and cut.error is not None and cut.error.kind == "truncated"
    no_body = parse_result_line(json.dumps({"custom_id": "h1", "response": {"status_code": 200}}), PRICES)
    assert no_body is not None and no_body.error is not None and no_body.error.kind == "json_invalid"
    failed = {"custom_id": "h1", "response": {"status_code": 500, "body": {"error": {"code": "internal"}}}}
    res = parse_result_line(json.dumps(failed), PRICES)
    assert res is not None and res.error is not None and res.error.kind == "server_error"


def test_unrun_lines_and_lines_without_custom_id() -> None:
    expired = {"custom_id": "h2", "response": None, "error": {"code": "batch_expired", "message": "not run"}}
    res = parse_result_line(json.dumps(expired), PRICES)
    assert res is not None and res.not_run and res.error is None
    assert parse_result_line(b"not json", PRICES) is None
    assert parse_result_line(json.dumps({"response": {}}), PRICES) is None


def test_batch_info_reads_an_empty_error_file_as_none_and_names_the_first_error() -> None:
    info = batch_info(
        {
            "id": "batch_1",
            "status": "failed",
            "error_file_id": {},
            "output_file_id": None,
            "errors": {"data": [{"code": "invalid", "line": 4, "message": "bad line"}, {"line": 9}]},
            "request_counts": {"total": 10, "completed": 0, "failed": 0},
            "metadata": {"resume_opt_token": "t"},
        }
    )
    assert info.error_file_id is None and info.first_error == "line 4: bad line"
    assert info.metadata == {"resume_opt_token": "t"} and info.total == 10


def test_a_request_line_is_one_json_object_with_the_chat_endpoint() -> None:
    line = request_line("h1", {"model": "m", "messages": []})
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert json.loads(line) == {
        "custom_id": "h1",
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": {"model": "m", "messages": []},
    }


def test_a_batch_line_asks_what_the_online_request_asks_strict_schema_on_gpt_oss() -> None:
    from resume_opt.ats.proposal import Job
    from resume_opt.config import load_settings
    from resume_opt.engines.groq.batch import chat_body
    from resume_opt.engines.groq.prompt import ANSWER_SCHEMA

    job = Job("Data Analyst", "Acme", "Requirements:\n- SQL")
    oss = chat_body(load_settings(overrides={"groq": {"model": "openai/gpt-oss-120b"}}), "SQL reports.", job)
    fmt = oss["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
    assert fmt["json_schema"]["schema"] == ANSWER_SCHEMA
    llama = chat_body(load_settings(overrides={"groq": {"model": "llama-3.3-70b-versatile"}}), "SQL reports.", job)
    assert llama["response_format"] == {"type": "json_object"} and llama["model"] == "llama-3.3-70b-versatile"
