"""Bad input made usable: bytes with broken UTF-8, control characters, odd line ends.

`clean_text` is what every resume and job passes through before it is hashed,
analysed or sent to an engine, so that one document always has one text.
"""

from __future__ import annotations

import re
import unicodedata

from resume_opt.errors import ItemRejected

# Invisible characters that split words ("Kuber\u200bnetes") and mean nothing in plain text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_TRAILING = re.compile(r"[ \t]+$", re.M)
# Category Cc is exactly U+0000-U+001F and U+007F-U+009F; \t and \n are kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(raw: str | bytes) -> str:
    """Decode (invalid UTF-8 becomes U+FFFD), NFKC-normalise, unify line ends to \\n, drop
    control and zero-width characters (keeping \\n and \\t) and trailing spaces."""
    if isinstance(raw, bytes):
        text = raw.decode("utf-8", errors="replace")
    else:
        # Lone surrogates (from a bad JSON escape) cannot be encoded later: replace them too.
        text = _SURROGATE.sub("\ufffd", raw)
    text = _LINE_BREAKS.sub("\n", text)
    # Regexes, not per-character Python: this runs on every resume and job of every run.
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text))
    text = _CONTROL.sub("", text)
    return _TRAILING.sub("", text).strip("\n")


def prepare_resume(raw: str | bytes, max_chars: int) -> str:
    """`clean_text`, then refuse what no engine should see: empty or over `max_chars`."""
    text = clean_text(raw)
    if not text.strip():
        raise ItemRejected("empty resume", kind="empty_resume")
    if len(text) > max_chars:
        raise ItemRejected(f"resume is {len(text)} characters, over the limit of {max_chars}", kind="too_large")
    return text
