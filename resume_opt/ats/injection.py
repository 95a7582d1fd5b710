"""Instruction-like text hidden in a resume or a job ("ignore previous instructions").

Detection only flags the item (`suspected_prompt_injection`); it never changes the
score or the edits, because the text is data either way: the offline engine does not
read instructions, and the LLM engine sends it inside delimiters. The flag tells an
operator which items to look at. Patterns run on a folded copy (NFKC, casefold,
collapsed whitespace) so spacing and full-width tricks do not hide them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

FLAG = "suspected_prompt_injection"

_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "ignore_instructions",
        r"\b(?:ignore|disregard|forget|override|bypass|skip)\b(?: \w+){0,3}? "
        r"(?:previous|prior|above|earlier|preceding|all|any|the|your|these|those|system)"
        r"(?: \w+){0,2}? (?:instructions?|prompts?|rules|directions|directives|guidelines|messages|context)\b",
    ),
    (
        "disregard_above",
        r"\b(?:ignore|disregard|forget) (?:everything |all )?(?:the )?(?:above|before this|previous)\b",
    ),
    (
        "role_tag",
        r"<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id)\|>"
        r"|\[/?inst\]|<</?sys>>|</?(?:system|assistant)>",
    ),
    (
        "role_heading",
        r"(?:^|\n)\s*#{2,}\s*(?:system|instruction|instructions|assistant)\b"
        r"|(?:^|\n)\s*(?:system|assistant)\s*(?:prompt)?\s*:\s*(?:you|ignore|disregard|rate|score)\b",
    ),
    (
        "you_are_now",
        r"\byou are now\b|\bfrom now on,? you\b|\bact as (?:an? )?(?:ai|assistant|language model|"
        r"chatbot|system|grader|recruiter bot)\b|\bpretend (?:to be|you are)\b",
    ),
    (
        "new_instructions",
        r"\b(?:new|updated|real|actual|hidden) instructions?\s*:"
        r"|\b(?:reveal|print|repeat|show) (?:your|the) (?:system )?prompt\b",
    ),
    (
        "score_demand",
        r"\b(?:rate|score|rank|grade|mark)\s+(?:this|the|my)\s+(?:candidate|resume|applicant|cv|profile)\b.{0,30}?"
        r"\b(?:100|10/10|100/100|perfect|highest|top|maximum)\b"
        r"|\b(?:rate|score|grade)\s+(?:me|this|it)\s+(?:a |an |as |at )?(?:100|10/10|100/100|perfect)\b"
        r"|\b(?:give|assign)\s+(?:this|the|me)\s+(?:candidate|resume|applicant)?\s?(?:a\s)?(?:score|rating)\s+of\s+(?:100|10)\b"
        r"|\b(?:this|the) candidate (?:is|must be) (?:the |a )?(?:perfect|best) (?:match|fit)\b|\bhire this candidate\b",  # noqa: E501
    ),
    (
        "output_override",
        r"\b(?:respond|reply|answer|output) (?:only )?with\b.{0,40}\b(?:json|score|yes|approved)\b"
        r"|\bdo not (?:mention|reveal|flag)\b.{0,30}\b(?:this|these) instructions?\b",
    ),
)
# Cheap substring checks: a pattern runs only when one of its words is in the text at all.
_NEEDS: dict[str, tuple[str, ...]] = {
    "ignore_instructions": ("ignore", "disregard", "forget", "override", "bypass", "skip"),
    "disregard_above": ("ignore", "disregard", "forget"),
    "role_tag": ("<|", "[inst", "[/inst", "<<", "<system", "</system", "<assistant", "</assistant"),
    "role_heading": ("system", "instruction", "assistant"),
    "you_are_now": ("you are now", "from now on", "act as", "pretend"),
    "new_instructions": ("instruction", "prompt"),
    "score_demand": ("rate", "score", "rank", "grade", "mark", "give", "assign", "perfect", "best", "hire this"),
    "output_override": ("respond", "reply", "answer", "output", "do not"),
}
_COMPILED = tuple((name, re.compile(rx), _NEEDS[name]) for name, rx in _PATTERNS)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\u200b-\u200d\u2060\ufeff]", "", text)
    return re.sub(r"[ \t]+", " ", text)


@lru_cache(maxsize=2048)
def detect_injection(text: str) -> tuple[str, ...]:
    """Names of the injection patterns found in `text` (empty when none); cached per text."""
    folded = _fold(text)
    return tuple(name for name, rx, needs in _COMPILED if any(w in folded for w in needs) and rx.search(folded))


def looks_like_injection(*texts: str) -> bool:
    """Whether any of the texts holds instruction-like content."""
    return any(detect_injection(t) for t in texts if t)
