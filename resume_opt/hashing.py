"""`input_hash`: what makes two optimizations the same piece of work."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_WS = re.compile(r"[ \t]+")
_BLANKS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFKC, unified newlines, trimmed line ends and collapsed runs of spaces and blank lines."""
    if not unicodedata.is_normalized("NFKC", text):  # cleaned text already is: skip the copy
        text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(_WS.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()


@functools.lru_cache(maxsize=4096)
def _tail(title: str, company: str, description: str, engine: str, model: str, prompt_version: str) -> bytes:
    """The job-and-engine part of the hashed input; one job is paired with many resumes."""
    return b"".join(part.encode("utf-8", "surrogatepass") + b"\x1e" for part in (
        normalise(title), normalise(company), normalise(description), engine, model, prompt_version))


def input_hash(resume: str, title: str, company: str, description: str,
               engine: str, model: str, prompt_version: str) -> str:
    """sha256 of the normalised resume + job + engine + model + prompt version."""
    h = hashlib.sha256(normalise(resume).encode("utf-8", "surrogatepass") + b"\x1e")
    h.update(_tail(title, company, description, engine, model, prompt_version))
    return h.hexdigest()
