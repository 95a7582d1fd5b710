"""The fake Groq server speaks Groq's protocol to the real SDK: answers, limits, faults, log."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import groq
import pytest

from scripts.fake_groq import FakeGroq, Window, go_duration, make_answer

ROOT = Path(__file__).resolve().parent.parent

RESUME = "Sam Lee\nSUMMARY\nbackend engineer with Python, SQL, Docker\n- built billing pipelines in Go"
PROMPT = f"<job>\nTitle: Data Engineer\n</job>\n<resume>\n{RESUME}\n</resume>"
MODEL = "llama-3.3-70b-versatile"


def client(fake: FakeGroq, key: str = "gsk_test") -> groq.Groq:
    return groq.Groq(api_key=key, base_url=fake.base_url, max_retries=0, timeout=5)


def chat(c: groq.Groq, prompt: str = PROMPT, max_tokens: int = 512, **kw: Any) -> Any:
    return c.chat.completions.with_raw_response.create(
        model=MODEL,
        messages=[{"role": "system", "content": "Answer in JSON."}, {"role": "user", "content": prompt}],
        max_completion_tokens=max_tokens,
        response_format={"type": "json_object"},
        **kw,
    )


def test_go_duration_formats_like_groq() -> None:
    assert [go_duration(s) for s in (0.94, 7.66, 179.56, 3723)] == ["940ms", "7.66s", "2m59.56s", "1h2m3s"]


def test_answer_quotes_resume_lines_verbatim_and_adds_nothing() -> None:
    import random

    answer = make_answer(PROMPT, "Data Engineer", random.Random(1))
    assert answer["edits"]
    for edit in answer["edits"]:
        assert edit["original"] in RESUME
        assert sorted(edit["revised"].lower().replace(",", "").split()) == sorted(
            edit["original"].lower().replace(",", "").split()
        )
    assert make_answer("no delimiters here", "", random.Random(1)) == {"summary": "", "edits": []}


def test_chat_completion_through_the_sdk(tmp_path: Path) -> None:
    log = tmp_path / "fake.jsonl"
    with FakeGroq(tpm=60000, rpd=1000, log=str(log), latency_ms=(1, 3)) as fake:
        raw = chat(client(fake))
        completion = raw.parse()
        models = client(fake).models.list()
    assert [m.id for m in models.data][:1] == [MODEL]
    answer = json.loads(completion.choices[0].message.content)
    assert answer["edits"] and all(e["original"] in RESUME for e in answer["edits"])
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage.prompt_tokens > 0 and completion.usage.completion_tokens > 0
    assert completion.id.startswith("chatcmpl-") and completion.x_groq.id.startswith("req_")
    assert raw.headers["x-ratelimit-limit-tokens"] == "60000"
    assert int(raw.headers["x-ratelimit-remaining-tokens"]) == 60000 - completion.usage.prompt_tokens - 512
    assert raw.headers["x-ratelimit-remaining-requests"] == "999"
    assert raw.headers["x-ratelimit-reset-tokens"].endswith("s")
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    assert [entry["status"] for entry in lines] == [200, 200]
    assert lines[0]["request_id"] == completion.x_groq.id and "latency_ms" in lines[0]
    assert "Python" not in log.read_text()  # never the prompt


def test_unknown_key_is_401() -> None:
    with FakeGroq(api_keys=["gsk_good"]) as fake, pytest.raises(groq.AuthenticationError) as info:
        chat(client(fake, key="gsk_bad"))
    assert info.value.body["error"]["code"] == "invalid_api_key"


def test_request_over_the_token_limit_is_413() -> None:
    with FakeGroq(tpm=1000) as fake, pytest.raises(groq.APIStatusError) as info:
        chat(client(fake), max_tokens=1024)
    assert info.value.status_code == 413
    assert info.value.body["error"]["code"] == "request_too_large"


def test_requests_per_minute_answer_groqs_429() -> None:
    with FakeGroq(rpm=2, tpm=60000, rpd=100) as fake:
        c = client(fake)
        chat(c)
        chat(c)
        with pytest.raises(groq.RateLimitError) as info:
            chat(c)
        assert fake.rate_limited == 1 and fake.stats()["statuses"] == {200: 2, 429: 1}
    error = info.value.body["error"]
    assert error["type"] == "requests" and error["code"] == "rate_limit_exceeded"
    assert "on requests per minute (RPM): Limit 2, Used 2, Requested 1. Please try again in" in error["message"]
    headers = info.value.response.headers
    assert 59 <= int(headers["retry-after"]) <= 60
    assert headers["x-ratelimit-remaining-requests"] == "98"  # the day's requests


@pytest.mark.parametrize("mode", ["sliding", "bucket"])
def test_windows_refill_as_their_mode_says(mode: str) -> None:
    win = Window(10, 60.0, mode, now=0.0)
    for t in range(10):
        win.take(1, t / 10)  # a burst: the whole minute in one second
    assert win.remaining(1.0) == 0
    if mode == "sliding":  # nothing back until the first entry is 60 s old
        assert win.wait_for(1, 1.0) == pytest.approx(59.0)
        assert win.wait_for(1, 60.0) == 0.0 and win.wait_for(2, 60.0) > 0
        assert win.reset_s(1.0) == pytest.approx(59.9)
    else:  # one unit back every 6 s, continuously
        assert win.wait_for(1, 1.0) == pytest.approx(5.0)  # 1/6 unit came back during that second
        assert win.wait_for(1, 6.0) == 0.0 and win.wait_for(2, 6.0) > 0
        assert win.reset_s(1.0) == pytest.approx(59.0)


@pytest.mark.parametrize(
    ("fault", "check"),
    [
        ("fenced", lambda c: c.choices[0].message.content.startswith("```json")),
        ("prose", lambda c: c.choices[0].message.content.startswith("Here are")),
        ("truncated", lambda c: c.choices[0].finish_reason == "length"),
        ("invalid_json", lambda c: c.choices[0].message.content.startswith("{'summary'")),
    ],
)
def test_output_faults(fault: str, check: Any) -> None:
    with FakeGroq() as fake:
        fake.inject(fault)
        assert check(chat(client(fake)).parse())


@pytest.mark.parametrize(
    ("fault", "status", "code"),
    [
        ("503", 503, "service_unavailable"),
        ("500", 500, "internal_server_error"),
        ("498", 498, "capacity_exceeded"),
        ("json_validate_failed", 400, "json_validate_failed"),
    ],
)
def test_error_faults(fault: str, status: int, code: str) -> None:
    with FakeGroq() as fake:
        fake.inject(fault)
        with pytest.raises(groq.APIStatusError) as info:
            chat(client(fake))
        assert chat(client(fake)).parse().choices  # only the injected request fails
    assert info.value.status_code == status and info.value.body["error"]["code"] == code


def test_timeout_fault_hangs_past_the_client_timeout() -> None:
    with FakeGroq(hang_s=5) as fake:
        fake.inject("timeout")
        c = groq.Groq(api_key="k", base_url=fake.base_url, max_retries=0, timeout=0.3)
        with pytest.raises(groq.APITimeoutError):
            chat(c)


def test_fault_rates_are_seeded() -> None:
    def statuses(seed: int) -> list[int]:
        with FakeGroq(seed=seed, rates={"503": 0.5}) as fake:
            c = client(fake)
            out = []
            for _ in range(12):
                try:
                    out.append(chat(c).status_code)
                except groq.APIStatusError as exc:
                    out.append(exc.status_code)
            return out

    first = statuses(3)
    assert first == statuses(3) and {200, 503} == set(first)


def test_cli_prints_its_address_first() -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "scripts" / "fake_groq.py"),
            "--port",
            "0",
            "--rpm",
            "120",
            "--tpm",
            "60000",
            "--latency-ms",
            "1,2",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("listening on http://127.0.0.1:")
        base_url = line.removeprefix("listening on ")
        c = groq.Groq(api_key="k", base_url=base_url, max_retries=0, timeout=5)
        assert chat(c).headers["x-ratelimit-limit-tokens"] == "60000"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# --- economy (issue 12) ----------------------------------------------------------------------

LONG_JOB = "<job>\nTitle: Data Engineer\n" + "- Build pipelines in Python and SQL for billing.\n" * 40 + "</job>\n"


def test_max_tokens_is_reserved_against_tokens_per_minute() -> None:
    with FakeGroq(tpm=10000) as fake:
        chat(client(fake), max_tokens=4000)
        chat(client(fake), max_tokens=4000)
        with pytest.raises(groq.RateLimitError):
            chat(client(fake), max_tokens=4000)  # prompts are small: the max_tokens filled the minute
    assert fake.stats()["admitted"] == 2 and fake.stats()["tokens_admitted"] > 8000


def test_answer_lengths_follow_the_configured_distribution_and_long_ones_are_cut_off() -> None:
    with FakeGroq(completion_tokens=(300, 0.3), seed=5) as fake:
        lengths = []
        for _ in range(40):
            completion = chat(client(fake), max_tokens=2000).parse()
            assert completion.choices[0].finish_reason == "stop"
            json.loads(completion.choices[0].message.content)  # padded, still the contract's JSON
            lengths.append(completion.usage.completion_tokens)
        cut = chat(client(fake), max_tokens=50).parse()
    lengths.sort()
    assert 200 < lengths[20] < 450 and lengths[0] < lengths[-1]
    assert cut.choices[0].finish_reason == "length" and cut.usage.completion_tokens == 50
    assert fake.stats()["truncated"] == 1


def test_gpt_oss_caches_an_exact_prefix_and_gives_its_tokens_back_to_the_limits() -> None:
    with FakeGroq(tpm=100000) as fake:
        c = client(fake)

        def ask(model: str, resume: str) -> Any:
            return c.chat.completions.with_raw_response.create(
                model=model,
                messages=[
                    {"role": "system", "content": "Answer in JSON."},
                    {"role": "user", "content": LONG_JOB + resume},
                ],
                max_completion_tokens=100,
            )

        first = ask("openai/gpt-oss-120b", "<resume>\nA\n</resume>").parse()
        raw = ask("openai/gpt-oss-120b", "<resume>\nB, different\n</resume>")
        second = raw.parse()
        llama = ask(MODEL, "<resume>\nA\n</resume>").parse()
    assert first.usage.prompt_tokens_details.cached_tokens == 0
    cached = second.usage.prompt_tokens_details.cached_tokens
    assert cached >= 128 and cached % 128 == 0 and cached < second.usage.prompt_tokens
    assert llama.usage.prompt_tokens_details.cached_tokens == 0  # no caching on Llama
    served = fake.stats()
    assert served["cached_tokens"] == cached and served["tokens_counted"] == served["tokens_admitted"] - cached
    remaining = int(raw.headers["x-ratelimit-remaining-tokens"])
    assert remaining == 100000 - (served["tokens_admitted"] - cached - (llama.usage.prompt_tokens + 100))


def test_flex_answers_498_when_busy_and_auto_falls_back_to_flex() -> None:
    with FakeGroq(tpm=3000, flex_busy=1.0) as fake:
        with pytest.raises(groq.APIStatusError) as info:
            chat(client(fake), max_tokens=100, service_tier="flex")
        assert info.value.status_code == 498 and info.value.body["error"]["code"] == "capacity_exceeded"
        fake.flex_busy = 0.0
        for _ in range(3):  # 3 x ~130 tokens: over on_demand's 3000? no; fill it first
            chat(client(fake), max_tokens=900)
        with pytest.raises(groq.RateLimitError):
            chat(client(fake), max_tokens=900)
        auto = chat(client(fake), max_tokens=900, service_tier="auto").parse()
        flex = chat(client(fake), max_tokens=900, service_tier="flex").parse()
    assert auto.choices and flex.choices and fake.stats()["capacity_exceeded"] == 1
    assert [e["service_tier"] for e in fake.request_log][-2:] == ["auto", "flex"]


def test_tokens_per_day_answer_groqs_429_body() -> None:
    with FakeGroq(tpd=2000) as fake:
        chat(client(fake), max_tokens=1500)
        with pytest.raises(groq.RateLimitError) as info:
            chat(client(fake), max_tokens=1500)
    error = info.value.body["error"]
    assert "on tokens per day (TPD): Limit 2000, Used" in error["message"]
    assert "Please try again in 23h59m" in error["message"] and error["type"] == "tokens"
    assert int(info.value.response.headers["retry-after"]) > 86000
