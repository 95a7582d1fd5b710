"""clean_text and prepare_resume: bad bytes, control characters, line ends, limits."""

from __future__ import annotations

import pytest

from resume_opt.ats.text import clean_text, prepare_resume
from resume_opt.errors import ItemRejected


def test_invalid_utf8_bytes_are_replaced_not_fatal() -> None:
    assert clean_text(b"Python \xff\xfe developer") == "Python \ufffd\ufffd developer"


def test_lone_surrogate_in_str_is_replaced() -> None:
    assert clean_text("SQL \udc80 expert") == "SQL \ufffd expert"


def test_line_ends_are_unified() -> None:
    assert clean_text("a\r\nb\rc\u2028d") == "a\nb\nc\nd"


def test_control_and_zero_width_characters_are_dropped_but_tab_and_newline_kept() -> None:
    assert clean_text("Kuber\u200bnetes\x00\x07 and\tGo\x1b\nnext\ufeff") == "Kubernetes and\tGo\nnext"


def test_nfkc_folds_full_width_and_ligatures() -> None:
    assert clean_text("Ｐｙｔｈｏｎ ﬁnance\u00a0team") == "Python finance team"


def test_trailing_spaces_and_outer_blank_lines_go() -> None:
    assert clean_text("\n\nSkills   \nPython\t \n\n") == "Skills\nPython"


def test_prepare_resume_rejects_empty_and_whitespace() -> None:
    for raw in ("", "   \n\t ", b"\x00\x01\n", "\u200b"):
        with pytest.raises(ItemRejected) as exc:
            prepare_resume(raw, 100)
        assert exc.value.kind == "empty_resume"
        assert str(exc.value) == "empty resume"


def test_prepare_resume_rejects_too_large_with_both_sizes() -> None:
    with pytest.raises(ItemRejected) as exc:
        prepare_resume("x" * 101, 100)
    assert exc.value.kind == "too_large"
    assert str(exc.value) == "resume is 101 characters, over the limit of 100"


def test_prepare_resume_returns_the_cleaned_text_within_limits() -> None:
    assert prepare_resume(b"Jane Doe\r\nPython  \r\n", 100) == "Jane Doe\nPython"
    assert prepare_resume("x" * 100, 100) == "x" * 100
