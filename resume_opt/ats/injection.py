"""Instruction-like text and keyword stuffing in a resume or a job: flagged and quarantined.

`detect_injection` names the instruction patterns found in a text ("ignore previous
instructions", role tags, "rate this candidate 100"); the guard runs it on proposed
text too. `quarantine` finds the *lines* (or the tail of a line, from the sentence
where an instruction starts) that read as instructions to a model, and in a resume
the keyword-stuffing runs (a line that repeats the same skills, a bare dump of skill
names such as white-on-white text leaves in an extracted PDF), and returns the text
without them. Everything downstream works on that clean text: the facts the guard
accepts, the match score before and after, what the offline engine reads and what is
sent to the LLM. So a resume with injected lines scores exactly what its clean twin
scores. The item keeps the flag (`suspected_prompt_injection`, and
`suspected_keyword_stuffing`) so an operator knows what was withheld.

Patterns run on a folded copy (NFKC, casefold, collapsed whitespace) so spacing and
full-width tricks do not hide them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from resume_opt.ats.proposal import Job

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
        "note_to_model",
        r"\b(?:note|message|instructions?|notice|attention|memo)\s*(?:to|for)\s+(?:the |any |all )?"
        r"(?:ai|llms?|gpt|chatgpt|language models?|models?|assistants?|bots?|automated \w+|"
        r"(?:ai|automated|resume|cv) (?:screeners?|reviewers?|recruiters?|systems?|tools?|parsers?))\b"
        r"|\b(?:ai|llms?|gpt|chatgpt|language models?)(?: \w+){0,2} (?:reading|reviewing|screening|evaluating|"
        r"processing|parsing) (?:this|the|my) (?:resume|cv|candidate|application|document)\b",
    ),
    (
        "candidate_claim",
        r"(?:^|[.!?:;] |\n ?)(?:please )?(?:describe|present|portray|summari[sz]e|list|rank|treat|consider|classify)"
        r" (?:this|the) (?:candidate|applicant|resume|cv) as\b"
        r"|\b(?:this|the) (?:candidate|applicant) (?:is|has|should|must|will)(?: be| been)? (?:an? |the )?"
        r"(?:expert|experienced|proficient|qualified|ideal|perfect|exceptional|shortlisted|advanced|hired|"
        r"ranked|moved|top|strongest)\b"
        r"|\b(?:when|while|if) (?:you are |you're )?(?:summari[sz]ing|evaluating|screening|reviewing|ranking|scoring|"
        r"assessing|rewriting|tailoring) (?:this|the|my) (?:candidate|resume|applicant|cv|profile)\b",
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
    "note_to_model": ("ai", "llm", "gpt", "model", "assistant", "bot", "automated", "screener", "reviewer"),
    "candidate_claim": ("candidate", "applicant", "resume", " cv"),
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


# --- quarantine ---------------------------------------------------------------------

STUFFING_FLAG = "suspected_keyword_stuffing"
INSTRUCTIONS = "instructions to a model"
STUFFING = "keyword stuffing"

# After an instruction line, the lines of the same paragraph that go on addressing the
# model (an imperative, "the candidate", the model itself) or finish its sentence are
# part of the same injected block; so is a short label line just before it.
_FOLLOW_ON = re.compile(
    r"^\W*(?:please |also |and |then )?(?:describe|state|say|write|mention|list|include|add|treat|consider|rank|rate|"
    r"score|respond|reply|output|tell|note|remember|assume|emphasi[sz]e|highlight|prioriti[sz]e|recommend|classify|"
    r"mark|summari[sz]e|present|portray|claim|make sure|ensure|do not|don't|never|always|append|insert|put|use|"
    r"refer|call|label|flag|move|shortlist|advance|approve|return)\b"
    r"|\b(?:the|this) (?:candidate|applicant)\b|\b(?:ai|llms?|gpt|chatgpt|language models?|assistant)\b"
)
_LABEL = re.compile(
    r"^\W*(?:note|notes|instructions?|message|attention|important|system|admin|prompt|hidden|begin|start)\b"
    r"[^.!?]{0,40}[:\])-]?\W*$"
)
_SENTENCE_START = re.compile(r"(?<=[.!?])\s+(?=\S)")
_SEPARATORS = re.compile(r"[,;|•·/▪●]")
_KEYWORD_LABEL = re.compile(r"^\W*(?:ats )?(?:key ?words?|search terms|tags|buzzwords)\b\s*[:\-]", re.I)
_WORD = re.compile(r"[a-z][a-z0-9+#.]*")
_STOP = frozenset(
    "a an and the of to in on for with by at as or from into over per via our my your we i is are was be "
    "their its this that".split()
)
MIN_REPEATS = 9  # content words on a line before its repetition is measured
MIN_DUMP_SKILLS = 8  # distinct skill names on a bare, separator-less line
MIN_LONG_DUMP_SKILLS = 20  # distinct skill names on a list line outside the skills section


@dataclass(frozen=True, slots=True)
class QuarantinedSpan:
    """Characters [start, end) of the original text, withheld, and why."""

    start: int
    end: int
    reason: str  # INSTRUCTIONS | STUFFING
    text: str


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A text with its instruction-like lines and stuffing runs taken out."""

    clean_text: str
    spans: tuple[QuarantinedSpan, ...]
    flags: tuple[str, ...]

    @property
    def withheld(self) -> bool:
        return bool(self.spans)


@lru_cache(maxsize=2048)
def quarantine(text: str, stuffing: bool = True) -> Quarantined:
    """`text` without the lines that read as instructions to a model and, with
    `stuffing` (resumes, not job postings, which list skills by nature), without its
    keyword-stuffing runs; with the withheld spans and the item's flags. Cached per text;
    idempotent: the clean text of a clean text is itself."""
    lines = text.split("\n")
    cut: dict[int, tuple[int, str]] = {}  # line -> (column where the withheld part starts, reason)
    if detect_injection(text):
        _instruction_lines(lines, cut)
    if stuffing:
        _stuffing_lines(text, lines, cut)
    if not cut:
        return Quarantined(text, (), ())
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)
    spans = tuple(
        QuarantinedSpan(offsets[n] + col, offsets[n] + len(lines[n]), why, lines[n][col:])
        for n, (col, why) in sorted(cut.items())
    )
    flags = tuple(
        f for f, why in ((FLAG, INSTRUCTIONS), (STUFFING_FLAG, STUFFING)) if any(s.reason == why for s in spans)
    )
    return Quarantined(_without(lines, cut), spans, flags)


def quarantine_job(job: Job) -> Job:
    """The job with its posting's instruction lines withheld (the same Job when it has none)."""
    clean = quarantine(job.description, stuffing=False).clean_text
    return job if clean == job.description else Job(job.title, job.company, clean)


def _instruction_lines(lines: list[str], cut: dict[int, tuple[int, str]]) -> None:
    folded = [_fold(ln) for ln in lines]
    hit = [bool(f.strip()) and bool(detect_injection(f)) for f in folded]
    # An instruction wrapped over two lines matches neither alone: take both.
    for n in range(len(lines) - 1):
        if not (hit[n] or hit[n + 1]) and folded[n].strip() and folded[n + 1].strip():
            if detect_injection(folded[n] + " " + folded[n + 1]):
                hit[n] = hit[n + 1] = True
    for n in [n for n, h in enumerate(hit) if h]:
        cut[n] = (_instruction_start(lines[n]), INSTRUCTIONS)
        k = n + 1  # the rest of the block: same paragraph, still addressing the model
        while k < len(lines) and folded[k].strip() and not hit[k]:
            # A sentence wrapped onto this line: the last one stops mid-sentence, this one goes on in lower case.
            prev, here = lines[k - 1].rstrip(), lines[k].lstrip()
            unfinished = prev[-1:].isalpha() and prev[-1:].islower() or prev.endswith(",")
            unfinished = unfinished and here[:1].islower()
            if not (unfinished or _FOLLOW_ON.search(folded[k])):
                break
            cut[k] = (0, INSTRUCTIONS)
            k += 1
        if n > 0 and n - 1 not in cut and _LABEL.match(folded[n - 1]) and len(folded[n - 1]) <= 60:
            cut[n - 1] = (0, INSTRUCTIONS)


def _instruction_start(line: str) -> int:
    """Where the instruction starts in its line: the sentence from which the rest of the
    line reads as one (sentences before it are the candidate's own), else 0."""
    starts = [0] + [m.end() for m in _SENTENCE_START.finditer(line)]
    for s in reversed(starts):
        if s and detect_injection(line[s:]):
            return s if not detect_injection(line[:s]) else 0
    return 0


def _stuffing_lines(text: str, lines: list[str], cut: dict[int, tuple[int, str]]) -> None:
    """Lines that repeat the same words, bare dumps of skill names, and copies of a line."""
    folded = [line.strip().casefold() if len(line) >= 24 else "" for line in lines]
    copies = Counter(f for f in folded if f)
    first: set[str] = set()
    candidates: list[int] = []
    for n in range(len(lines)):
        if n in cut or not folded[n]:
            continue
        words = [w for w in _WORD.findall(folded[n]) if w not in _STOP]
        if copies[folded[n]] >= 3 and len(words) >= 4:  # the same line three times: keep the first
            if folded[n] in first:
                cut[n] = (0, STUFFING)
            first.add(folded[n])
            continue
        if len(words) >= MIN_REPEATS and len(set(words)) * 2 <= len(words):
            cut[n] = (0, STUFFING)
        elif len(words) >= MIN_DUMP_SKILLS and (
            not _SEPARATORS.search(lines[n])
            or _KEYWORD_LABEL.match(lines[n])
            or len(_SEPARATORS.findall(lines[n])) + 1 >= MIN_LONG_DUMP_SKILLS
        ):
            candidates.append(n)
    if candidates:
        _skill_dumps(text, lines, candidates, cut)


def _skill_dumps(text: str, lines: list[str], candidates: list[int], cut: dict[int, tuple[int, str]]) -> None:
    # Imported here: keywords imports sections, which would otherwise load with this module.
    from resume_opt.ats.keywords import index_text
    from resume_opt.ats.sections import layout

    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)
    per_line: dict[int, list[tuple[int, int, str]]] = {}
    # One scan of the whole text, cached: the clean text of a clean resume is the same string.
    for m in index_text(text).matches:
        per_line.setdefault(bisect_right(offsets, m.start) - 1, []).append((m.start, m.end, m.name))
    for n in candidates:
        line = lines[n]
        matches = per_line.get(n, [])
        names = {name for *_, name in matches}
        if len(names) < MIN_DUMP_SKILLS:
            continue
        covered = sum(e - s for s, e, _ in matches)
        letters = sum(ch.isalnum() for ch in line)
        if covered < 0.6 * letters:
            continue  # a sentence that names many skills, not a dump
        if not _KEYWORD_LABEL.match(line):
            bare = not _SEPARATORS.search(line)
            in_skills = layout(text).kind_at(n) == "skills"
            # Where skills belong, a list is the candidate's to make (a table extracted from a PDF
            # loses its commas); elsewhere a bare run of skill names, or a very long list, is a dump.
            if in_skills and not (bare and len(names) >= MIN_LONG_DUMP_SKILLS):
                continue
            if not in_skills and not bare and len(names) < MIN_LONG_DUMP_SKILLS:
                continue
        cut[n] = (0, STUFFING)


def _without(lines: list[str], cut: dict[int, tuple[int, str]]) -> str:
    """The lines with their withheld parts removed; a fully withheld line goes with its
    line break, and a blank line left doubled by a withheld block goes too."""
    kept: list[str] = []
    n = 0
    while n < len(lines):
        if n not in cut:
            kept.append(lines[n])
            n += 1
            continue
        col = cut[n][0]
        if col:
            kept.append(lines[n][:col].rstrip())
            n += 1
            continue
        while n < len(lines) and n in cut and cut[n][0] == 0:
            n += 1
        before_blank = not kept or not kept[-1].strip()
        if n < len(lines) and before_blank and not lines[n].strip() and n not in cut:
            n += 1  # the blank line after the block: the one before it stays
        elif n >= len(lines) and kept and not kept[-1].strip() and len(kept) > 1:
            kept.pop()  # a block at the very end: drop the blank line that led to it
    return "\n".join(kept)


# The caches above that are kept per text (a resume, one of its lines or sentences), not per
# process or per job: what a new resume finds empty (scripts/bench_quality.forget_resumes).
PER_TEXT_CACHES = (detect_injection, quarantine)
