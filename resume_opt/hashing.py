"""`input_hash`: what makes two optimizations the same piece of work."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"[ \t]+")
_BLANKS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFKC, unified newlines, trimmed line ends and collapsed runs of spaces and blank lines."""
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(_WS.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()


def input_hash(resume: str, title: str, company: str, description: str,
               engine: str, model: str, prompt_version: str) -> str:
    """sha256 of the normalised resume + job + engine + model + prompt version."""
    h = hashlib.sha256()
    for part in (normalise(resume), normalise(title), normalise(company), normalise(description),
                 engine, model, prompt_version):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1e")
    return h.hexdigest()
