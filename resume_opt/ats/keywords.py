"""Keywords: what a job asks for (required vs preferred) and what a resume has.

A job keyword is a taxonomy entry the job mentions, shown in the job's own wording,
or a salient term the taxonomy lacks (an acronym or Capitalised Multi-Word term
repeated in the job and used in its requirements). Required vs preferred comes from
the job's headings, then from clause markers ("... is a plus", "(Salesforce
preferred)"). Extraction is cached per job text: one job meets many resumes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from resume_opt.ats.sections import job_line_modes
from resume_opt.ats.taxonomy import TOKEN_RE, Match, form_key, get_taxonomy

_PREFERRED_MARK = re.compile(
    r"\b(?:preferred|(?:is |are |would be )?a (?:big |strong )?plus|nice to have|bonus|desirable|ideally"
    r"|advantageous|an advantage|an asset|also considered|beneficial)\b",
    re.I,
)
_REQUIRED_MARK = re.compile(r"\b(?:required|must|mandatory|essential)\b", re.I)
_CLAUSE_SPLIT = re.compile(r"[;()]|\.(?:\s|$)")
_ACRONYM = re.compile(r"(?<![\w&/.-])([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*)(s?)(?![\w&/-])")
_CAP_WORD = re.compile(r"[A-Z][a-z][\w'’.-]*")
_CONNECTORS = {"of", "and", "&", "for", "the", "in"}
# Words that start sentences or headings, never a salient term of their own.
_LEAD_STOP = {
    "the",
    "a",
    "an",
    "we",
    "you",
    "our",
    "your",
    "this",
    "that",
    "these",
    "in",
    "at",
    "as",
    "for",
    "if",
    "all",
    "must",
    "strong",
    "excellent",
    "proven",
    "experience",
    "ability",
    "knowledge",
    "familiarity",
    "minimum",
    "preferred",
    "required",
    "plus",
    "nice",
    "bonus",
    "great",
    "good",
    "solid",
    "deep",
    "working",
    "with",
    "and",
    "or",
    "to",
    "on",
    "by",
    "from",
    "bachelor's",
    "master's",
    "current",
    "valid",
    "advanced",
    "basic",
}
_ACRONYM_STOP = {
    "US",
    "USA",
    "UK",
    "EU",
    "HR",
    "IT",
    "CV",
    "AND",
    "TBD",
    "EOE",
    "PTO",
    "FTE",
    "ASAP",
    "ETC",
    "LLC",
    "INC",
    "LTD",
    "CEO",
    "CFO",
    "CTO",
    "COO",
    "CIO",
    "VP",
    "SVP",
    "EVP",
    "AM",
    "PM",
    "EST",
    "PST",
    "CST",
    "MST",
    "GMT",
    "UTC",
    "FAQ",
    "DEI",
    "EEO",
    "WFH",
    "YOE",
    "RTO",
    "NYC",
    "SF",
    "LA",
    "DC",
    "II",
    "III",
    "IV",
    "NA",
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
}
MAX_SALIENT = 5


@dataclass(frozen=True, slots=True)
class Wording:
    """One wording as a whole-term search: `pattern` runs on the casefolded text unless
    `cased`. It starts with the literal so the regex engine can scan for it quickly;
    the left boundary is checked in code (a leading lookbehind would defeat that)."""

    text: str
    pattern: re.Pattern[str]
    cased: bool

    def search(self, text: str, folded: str) -> bool:
        hay = text if self.cased else folded
        for m in self.pattern.finditer(hay):
            s = m.start()
            prev = hay[s - 1] if s else " "
            if not (prev.isalnum() or prev in "_@#&+" or (prev == "." and s > 1 and hay[s - 2].isalnum())):
                return True
        return False


@dataclass(frozen=True, slots=True)
class Keyword:
    """One thing a job asks for.

    `text` is the job's own wording (its first use); `entry` the taxonomy name, or
    None for a salient term; `forms` the spelling keys the job used and `patterns`
    its wordings as whole-term regexes — an ATS looks for those literally.
    """

    text: str
    required: bool
    entry: str | None
    forms: frozenset[str]
    patterns: tuple[Wording, ...] = ()


@dataclass(frozen=True, slots=True)
class JobKeywords:
    required: tuple[Keyword, ...]
    preferred: tuple[Keyword, ...]

    @property
    def all(self) -> tuple[Keyword, ...]:
        return self.required + self.preferred

    def as_dict(self) -> dict[str, list[str]]:
        return {"required": [k.text for k in self.required], "preferred": [k.text for k in self.preferred]}


@dataclass(frozen=True, slots=True)
class TextIndex:
    """The taxonomy terms of one text: their matches, names and (name, spelling) pairs."""

    matches: tuple[Match, ...]
    names: frozenset[str]
    forms: frozenset[tuple[str, str]]
    folded: str


@lru_cache(maxsize=1024)
def index_text(text: str) -> TextIndex:
    """Scan a text once (cached: the same resume is scored against many jobs)."""
    matches = get_taxonomy().scan(text)
    return TextIndex(
        matches, frozenset(m.name for m in matches), frozenset((m.name, m.form) for m in matches), text.casefold()
    )


def extract_skills(resume: str) -> list[str]:
    """Canonical names of the skills and certifications in a resume, sorted and unique."""
    return sorted({m.name for m in index_text(resume).matches if m.entry.kind != "degree"})


def has_keyword(index: TextIndex, text: str, kw: Keyword) -> bool:
    """Whether a resume shows the job's own wording of `kw` (what an ATS sees).

    Either the matcher found the entry spelt as the job spells it ("Node.js" and
    "NodeJS" are one spelling), or a job wording occurs as a whole term ("REST" in
    "REST APIs").
    """
    if kw.entry is not None and any((kw.entry, f) in index.forms for f in kw.forms):
        return True
    return any(p.search(text, index.folded) for p in kw.patterns)


_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s", "e", "y")
_INFLECT = r"(?:s|es|ed|d|ing|e|ies|y)?"


def _stem(word: str) -> str:
    """Strip one inflection, as an ATS does: dashboards/dashboard, differentiated/-ate."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=8192)
def literal_pattern(surface: str, cased: bool = False) -> Wording:
    """A whole-term search for one wording: spaces match runs of space or hyphen, words
    match their plural or singular, words of five letters or more their inflections
    (model/models, test/testing), and glued punctuation (x.y, a@b, R&D, C+) is no boundary."""
    folded = surface if cased else surface.casefold()
    parts: list[str] = []
    prev_end = -1
    for m in TOKEN_RE.finditer(folded):
        tok = m.group()
        if prev_end >= 0 and m.start() != prev_end:
            parts.append(r"[\s-]+")
        if tok == "-":
            parts.append(r"[\s-]?")
        elif not cased and tok.isalpha() and len(tok) >= 5:
            parts.append(re.escape(_stem(tok)) + _INFLECT)
        elif not cased and tok.isalpha() and len(tok) >= 3:  # API/APIs, KPI/KPIs
            parts.append(re.escape(tok[:-1]) + "s?" if tok.endswith("s") else re.escape(tok) + "(?:s|es)?")
        else:
            parts.append(re.escape(tok))
        prev_end = m.end()
    return Wording(surface, re.compile("".join(parts) + r"(?![\w@#&+])(?!\.\w)"), cased)


def has_skill(index: TextIndex, text: str, kw: Keyword) -> bool:
    """Whether a resume has `kw` under any name (what a recruiter understands)."""
    return kw.entry in index.names if kw.entry is not None else has_keyword(index, text, kw)


def _clause_mode(line: str, pos: int, mode: str) -> str:
    """Refine a line's mode by the markers in the clause around `pos` ("X is a plus")."""
    cuts = [0] + [m.end() for m in _CLAUSE_SPLIT.finditer(line)] + [len(line) + 1]
    lo = max(c for c in cuts if c <= pos)
    hi = min(c for c in cuts if c > pos)
    clause = line[lo:hi]
    if mode in ("required", "other", "none") and _PREFERRED_MARK.search(clause):
        return "preferred"
    if mode in ("other", "none") and _REQUIRED_MARK.search(clause):
        return "required"
    return mode


@dataclass(slots=True)
class _Seen:
    rank: int  # 0 required, 1 preferred
    text: str
    forms: set[str]
    order: int
    surfaces: dict[str, bool]  # wording -> cased; context-needing wordings are left out


@lru_cache(maxsize=4096)
def job_keywords(description: str, title: str = "", company: str = "") -> JobKeywords:
    """Required and preferred keywords of a job, in the job's order and wording (cached)."""
    # Long on purpose: one scan of the posting classifies each match by its line's mode
    # (required, preferred, boilerplate); the state it carries is the per-keyword first sighting.
    modes, has_requirements = job_line_modes(description)
    starts = [0] + [m.end() for m in re.finditer("\n", description)]
    lines = description.split("\n")
    found: dict[str, _Seen] = {}
    for m in get_taxonomy().scan(description):
        if m.entry.kind == "degree":
            continue
        ln = bisect_right(starts, m.start) - 1
        mode = _clause_mode(lines[ln], m.start - starts[ln], modes[ln])
        if mode == "boilerplate":
            continue
        if mode in ("other", "none"):  # mentioned outside the requirements
            mode = "preferred" if has_requirements else "required"
        rank = 0 if mode == "required" else 1
        seen = found.get(m.name)
        if seen is None:
            seen = found[m.name] = _Seen(rank, m.text, set(), len(found), {})
        seen.forms.add(m.form)
        if not m.alias.needs_context:
            seen.surfaces.setdefault(" ".join(m.text.split()), m.alias.cased)
        if rank < seen.rank:
            seen.rank, seen.text = rank, m.text
    ranked = [
        (
            v.rank,
            v.order,
            Keyword(
                v.text,
                v.rank == 0,
                name,
                frozenset(v.forms),
                tuple(literal_pattern(t, c) for t, c in v.surfaces.items()),
            ),
        )
        for name, v in found.items()
    ]
    for n, (text, rank) in enumerate(_salient_terms(description, modes, has_requirements, title, company)):
        ranked.append(
            (
                rank,
                len(found) + n,
                Keyword(text, rank == 0, None, frozenset({form_key(text)}), (literal_pattern(text),)),
            )
        )
    ranked.sort(key=lambda t: (t[0], t[1]))
    return JobKeywords(tuple(k for r, _, k in ranked if r == 0), tuple(k for r, _, k in ranked if r == 1))


def _salient_terms(
    description: str, modes: tuple[str, ...], has_requirements: bool, title: str, company: str
) -> list[tuple[str, int]]:
    """Conservative extra terms: repeated acronyms and Capitalised Multi-Word terms the
    taxonomy lacks, used at least once in the job's requirements."""
    wanted = ("required", "preferred") if has_requirements else ("required", "preferred", "none", "other")
    company_first = company.split()[0].casefold() if company.split() else ""
    title_cf = title.casefold()
    taxonomy = get_taxonomy()
    # Blank out taxonomy terms first, so "CD" of "Argo CD" is never a term of its own.
    chars = list(description)
    for m in taxonomy.scan(description):
        chars[m.start : m.end] = " " * (m.end - m.start)
    description = "".join(chars)
    out: list[tuple[str, int]] = []
    seen: set[str] = set()
    for ln, line in enumerate(description.split("\n")):
        if modes[ln] not in wanted or (line.isupper() and len(line) > 3):
            continue
        for cand in _candidates(line):
            key = cand.casefold()
            if key in seen or len(out) >= MAX_SALIENT:
                continue
            seen.add(key)
            words = key.split()
            if (
                cand in _ACRONYM_STOP
                or (company_first and company_first in words)
                or key in title_cf
                or taxonomy.scan(cand)
            ):
                continue
            rx = re.compile(r"(?<![\w])" + r"\s+".join(map(re.escape, cand.split())) + r"(?![\w])")
            if len(rx.findall(description)) < 2:
                continue
            out.append((cand, 0 if modes[ln] != "preferred" else 1))
    return out


def _candidates(line: str) -> list[str]:
    """Acronyms and runs of 2-4 Capitalised words (with of/and/for between) in one line."""
    out = [m.group(1) for m in _ACRONYM.finditer(line)]
    words = re.findall(r"[\w'’&.-]+", line)
    run: list[str] = []
    for w in words + [""]:
        if _CAP_WORD.fullmatch(w) or (run and (w.casefold() in _CONNECTORS or re.fullmatch(r"[A-Z][A-Z0-9]*", w))):
            run.append(w.rstrip("."))
            continue
        while run and (run[-1].casefold() in _CONNECTORS):
            run.pop()
        while run and run[0].casefold() in _LEAD_STOP:
            run.pop(0)
        caps = [x for x in run if x[:1].isupper()]
        if 2 <= len(caps) <= 4:
            out.append(" ".join(run))
        run = []
    return out


# The caches above that are kept per text (a resume, one of its lines or sentences), not per
# process or per job: what a new resume finds empty (scripts/bench_quality.forget_resumes).
PER_TEXT_CACHES = (index_text,)
