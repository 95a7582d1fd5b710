"""The truthfulness guard every engine's edits pass through (DESIGN: the LLM contract).

An edit is rejected, with the reason kept, when its `original` is not verbatim in the
resume, or its `revised` text brings in something the resume does not contain: a
skill or tool (taxonomy, synonyms understood: "Kubernetes (k8s)" is fine when the
resume says "k8s"), a degree, a certification or licence claim, a date, a number, or
an employer or other proper noun. Everything is checked against the whole resume,
not just the edited line, so moving a fact from one place to another is fine.

Proper nouns are capitalised words the resume lacks in any case. A capital at the
start of a sentence or bullet is not evidence of a name, so there a word passes
when it is a common word (our own list, a word the resume or the job uses in lower
case, or a past-tense verb such as "Spearheaded"); mid-sentence, a capitalised word
must come from the resume — which also stops title inflation ("Senior").

Every check is local to a line, so lines of `revised` that are already lines of the
resume (reordered bullets and skills) are skipped: they cannot bring in anything.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from resume_opt.ats.keywords import index_text, literal_pattern
from resume_opt.ats.taxonomy import get_taxonomy

_BIG = 1 << 62
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")
_MONTHS = {
    m[:3]: n
    for n, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_MONTH_YEAR = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d\d)\b", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-]((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-(\d{2})\b")
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "dozen": 12,
}
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.I)
_CODE = re.compile(r"\b[^\W\d_]\w*\d\w*")
# Words that may hold a capital (an ASCII capital or any non-ASCII letter), filtered in code.
_CAPITALISED = re.compile(r"\b(?=[^\W\d_])\w*(?:[A-Z]|[^\x00-\x7f])\w*")
_CLAIM = re.compile(
    r"\b(?:certified|certification|certifications|certificate|certificates|licensed|license|"
    r"licence|licensure|accredited|accreditation|chartered)\b",
    re.I,
)
# Words that may open a sentence or bullet with a capital without being a name.
COMMON_WORDS = frozenset(
    """
a an the and or but for nor so yet of in on at to by with from into onto over under as about across after
against along among around before behind below beside between beyond during except inside near off out
outside since through throughout toward towards until up upon within without via per this that these those
i we you he she it they my our your his her its their me us them who whom whose which what when where why
how all any both each every few many more most other some such no not only own same than too very can will
just should now also well key core strong proven skilled experienced expert seasoned certified relevant
strengths strength skills skill experience highlights summary profile background focus focused areas
including includes include led managed built designed developed created delivered drove grew improved
increased reduced cut launched owned ran run supported trained mentored coached taught wrote worked
collaborated partnered coordinated oversaw handled performed provided implemented maintained analyzed
analysed automated optimized optimised streamlined established achieved exceeded secured negotiated closed
sold won made set began brought took gave kept held helped served spearheaded directed organized organised
planned prepared presented produced resolved reviewed tested used using leading managing building designing
developing delivering driving growing improving reducing owning running supporting training mentoring
teaching working hands-on responsible results-driven detail-oriented technical professional
recently currently previously consistently successfully regularly daily weekly monthly annually
""".split()
)


@dataclass(frozen=True, slots=True)
class Facts:
    """What a resume contains, precomputed once for every edit checked against it."""

    words: frozenset[str]
    names: frozenset[str]
    levels: frozenset[str]
    numbers: frozenset[Decimal]
    dates: frozenset[tuple[int, int]]
    lines: frozenset[str]
    folded: str  # casefolded, whitespace collapsed: for phrase checks
    folded_raw: str  # casefolded only: for whole-term searches


def _num(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "")).normalize()
    except InvalidOperation:
        return None


def _dates(text: str) -> set[tuple[int, int]]:
    if not _YEAR.search(text):
        return set()
    out = {(int(m.group(2)), _MONTHS[m.group(1)[:3].lower()]) for m in _MONTH_YEAR.finditer(text)}
    for m in _NUMERIC_DATE.finditer(text):
        month, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if 1 <= int(month) <= 12:
            out.add((int(year), int(month)))
    return out


@lru_cache(maxsize=512)
def resume_facts(resume: str) -> Facts:
    """The facts of one resume (cached: one resume is checked against many jobs' edits)."""
    index = index_text(resume)
    words = {w.casefold() for w in re.findall(r"\w+", resume)}
    numbers = {v for m in _NUMBER.finditer(resume) if (v := _num(m.group(1))) is not None}
    numbers |= {Decimal(_NUMBER_WORDS[w]) for w in words if w in _NUMBER_WORDS}
    levels = {m.entry.level for m in index.matches if m.entry.kind == "degree"}
    return Facts(
        frozenset(words),
        index.names,
        frozenset(levels),
        frozenset(numbers),
        frozenset(_dates(resume)),
        frozenset(resume.split("\n")),
        " ".join(resume.casefold().split()),
        index.folded,
    )


@lru_cache(maxsize=2048)
def _job_lower_words(job_text: str) -> frozenset[str]:
    """Words a job uses in lower case: common words, whatever their case elsewhere."""
    return frozenset(w for w in re.findall(r"\b[a-z][a-z'-]*\b", job_text))


class Guard:
    """Checks edits against one resume; `check` returns None (pass) or the reason to reject."""

    def __init__(self, resume: str, job_text: str = "") -> None:
        self.resume = resume
        self.facts = resume_facts(resume)
        self.common = COMMON_WORDS | _job_lower_words(job_text)

    def check(self, original: str, revised: str, insertion: bool = False) -> str | None:
        """Why this edit must be rejected, or None when it may be applied."""
        if not insertion and (not original.strip() or original not in self.resume):
            return "original text is not verbatim in the resume"
        if not revised.strip():
            return "revised text is empty"
        if revised == original:
            return "revised text is the same as the original"
        # A line the resume already has brings in nothing new (reordered bullets and skills
        # lines): only the other lines need reading, each check being local to a line.
        revised = "\n".join(ln for ln in revised.split("\n") if ln not in self.facts.lines)
        if not revised.strip():
            return None
        spans: list[tuple[int, int]] = []
        for m in get_taxonomy().scan(revised):
            spans.append((m.start, m.end))
            reason = self._entry_reason(m.entry.kind, m.entry.name, m.entry.generic, m.entry.level, m.text)
            if reason:
                return reason
        return (
            self._claim_reason(revised, spans)
            or self._date_reason(revised)
            or self._number_reason(revised, spans)
            or self._name_reason(revised, spans)
        )

    def _entry_reason(self, kind: str, name: str, generic: bool, level: str, surface: str) -> str | None:
        facts = self.facts
        if name in facts.names:
            return None
        if kind == "degree":
            if generic and level in facts.levels:
                return None
            return f"introduces degree '{surface}' not in the resume"
        if kind == "certification":
            return f"introduces certification '{surface}' not in the resume"
        if literal_pattern(surface).search(self.resume, self.facts.folded_raw):  # same words, context aside
            return None
        return f"introduces skill '{surface}' not in the resume"

    def _claim_reason(self, revised: str, spans: list[tuple[int, int]]) -> str | None:
        """Certification and licence wording outside taxonomy terms must be the resume's own."""
        for m in _CLAIM.finditer(revised):
            if _inside(m.start(), spans):
                continue
            phrase = _claim_phrase(revised, m.start(), m.end())
            if " ".join(phrase.casefold().split()) not in self.facts.folded:
                return f"introduces certification or licence '{phrase}' not in the resume"
        return None

    def _date_reason(self, revised: str) -> str | None:
        for year, month in sorted(_dates(revised)):
            if (year, month) not in self.facts.dates:
                return f"introduces date '{month:02d}/{year}' not in the resume"
        return None

    def _number_reason(self, revised: str, spans: list[tuple[int, int]]) -> str | None:
        for m in _NUMBER.finditer(revised):
            if _inside(m.start(), spans):
                continue
            value = _num(m.group(1))
            if value is not None and value not in self.facts.numbers:
                kind = "date" if re.fullmatch(r"(?:19|20)\d\d", m.group(1)) else "number"
                return f"introduces {kind} '{m.group(1)}' not in the resume"
        for m in _NUMBER_WORD.finditer(revised):
            if Decimal(_NUMBER_WORDS[m.group().casefold()]) not in self.facts.numbers:
                return f"introduces number '{m.group()}' not in the resume"
        for m in _CODE.finditer(revised):  # codes such as "PL-300" or "ISO27001" must be the resume's own
            if m.group().casefold() not in self.facts.words and not _inside(m.start(), spans):
                return f"introduces number '{m.group()}' not in the resume"
        return None

    def _name_reason(self, revised: str, spans: list[tuple[int, int]]) -> str | None:
        words = self.facts.words
        for m in _CAPITALISED.finditer(revised):
            word = m.group()
            low = word.casefold()
            if low == word or low in words or word == "I" or _inside(m.start(), spans):
                continue
            if (
                _sentence_start(revised, m.start())
                and word[1:].islower()
                and (low in self.common or (low.endswith("ed") and len(low) > 4))
            ):
                continue
            return f"introduces employer or other proper noun '{word}' not in the resume"
        return None


def _sentence_start(text: str, pos: int) -> bool:
    """Whether position `pos` opens a sentence, line, bullet or list item."""
    prefix = text[:pos].rstrip(" \t\"'“([")
    if not prefix or prefix[-1] in ".!?:;•*|\n▪●◦":
        return True
    return prefix[-1] in "-–—" and (len(prefix) == 1 or prefix[-2] in " \t\n")


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `pos` falls in one of the (sorted, disjoint) taxonomy spans."""
    k = bisect_right(spans, (pos, _BIG)) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _claim_phrase(text: str, start: int, end: int) -> str:
    """The claim word with the capitalised words, acronyms and numbers around it
    ("AWS Certified Solutions Architect", "OSHA 30 certified")."""
    tok = r"(?:[A-Z][\w&+#/-]*(?:\.\w+)*|\d[\w-]*)"  # no trailing full stop: sentences end there
    left = re.search(rf"(?:{tok}[ \t]+(?:(?:of|in|for|and|&)[ \t]+)?){{0,4}}$", text[:start])
    right = re.match(rf"(?:[ \t:]+(?:(?:of|in|for|as|and|&)[ \t]+)?{tok}){{0,4}}", text[end:])
    lo = left.start() if left else start
    hi = end + (right.end() if right else 0)
    return text[lo:hi].strip(" \t:")
