"""What a piece of resume text claims, and where in the resume each claim lives.

`text_facts` reads one text (a line, a block, a proposed rewrite) into what the guard
compares: word keys (lemmas, see `lexicon.word_key`), the words written with a capital,
numbers (with their multipliers: "$1.2M" is 1.2 and 1,200,000, "a dozen" is 12), dates,
codes ("PL-300"), taxonomy entries with the proficiency and status qualifiers bound to
each, and the strength of the text on every scale.

`resume_blocks` splits a resume into *blocks*: one role (its title lines and its bullets),
one project, the skills section, one education paragraph, the header. A fact belongs to
its block: an edit is checked against the lines it replaces and its own block, never
against the whole resume, so a tool, a number or a year from another role cannot be
moved into this one. Lines that read as instructions to a model are left out of every
block's facts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cached_property, lru_cache
from typing import NamedTuple

from resume_opt.ats.injection import detect_injection
from resume_opt.ats.keywords import index_text
from resume_opt.ats.lexicon import Scale, get_lexicon, word_key
from resume_opt.ats.sections import BULLET_RE, layout
from resume_opt.ats.taxonomy import Match, get_taxonomy

_TOKEN = re.compile(
    r"(?P<code>[^\W\d_]+-?\d\w*(?:[.-]\w+)*)"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<suf>mm|bn|k|m|b|x|%)?(?![\w])"
    r"|(?P<code2>\d+[^\W\d_][\w]*)"
    r"|(?P<word>[^\W\d_]+(?:['’-][^\W\d_]+)*)",
    re.I,
)
# Entries of the per-text caches (lines, blocks, whole resumes). A resume meets its jobs one
# after another in claim order and its lines repeat within a pair, so a few thousand entries
# catch every reuse; larger caches only made a process's memory grow with the night's size
# (a batch collector's worker grew 97 -> 131 MiB between 5,000 and 40,000 resumes at 16,384).
PER_TEXT_CACHE = 2048
_SUFFIX = {"k": 1000, "m": 1_000_000, "mm": 1_000_000, "b": 1_000_000_000, "bn": 1_000_000_000}
NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
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
    "decade": 10,
}
# Multipliers in words, and the "Nx" they equal.
MULTIPLIERS = {
    "double": 2,
    "twice": 2,
    "twofold": 2,
    "two-fold": 2,
    "triple": 3,
    "thrice": 3,
    "threefold": 3,
    "three-fold": 3,
    "quadruple": 4,
    "fourfold": 4,
    "fivefold": 5,
    "tenfold": 10,
    "ten-fold": 10,
    "halve": 2,
    "half": 2,
}
MONTHS = {
    m: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
_MONTH_YEAR = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:\d{1,2},?\s+)?((?:19|20)\d\d)\b", re.I
)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-]((?:19|20)\d\d)\b|\b((?:19|20)\d\d)[/-](\d{1,2})\b(?![/.-]?\d)")
_YEAR = re.compile(r"(?<![\d.,$])((?:19|20)\d\d)(?![\d%])")
_SENTENCE_END = re.compile(r"(?<=\w\w)[.!?](?=\s)")
_ITEM_SEP = re.compile(r"[,;|•·▪●]|(?<=\w\w)[.!?](?=\s)|\s[-–—]\s|\band\b")
# Proficiency and status words bound to the taxonomy entries of a skills-style line.
_BULLET_CHARS = " \t-*•·▪●◦‣–—>+"
# Compiled once (re's own cache costs a lookup per call, and these run per line).
_SENTENCE_STOP = re.compile(r"[.!?](?=\s+[\"“(\[]?[A-Z0-9])")
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_NEWLINE = re.compile("\n")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ABBREV = re.compile(
    r"(?:\b[A-Za-z]\.)+$|\b(?:dr|mr|mrs|ms|sr|jr|inc|st|vs|etc|e\.g|i\.e|no|approx|dept|co|ltd)\.$", re.I
)


def _num(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", "")).normalize()
    except InvalidOperation:
        return None


def split_sentences(text: str) -> list[str]:
    """The sentences of a summary (lines, then full stops that do not end an abbreviation)."""
    out: list[str] = []
    for line in text.split("\n"):
        start = 0
        for m in _SENTENCE_STOP.finditer(line):
            if _ABBREV.search(line[: m.end()]):
                continue
            out.append(line[start : m.end()].strip())
            start = m.end()
        out.append(line[start:].strip())
    return [s for s in out if s]


class Token(NamedTuple):
    """One word, number or code of a text (a named tuple: a resume has hundreds)."""

    kind: str  # word | num | code
    text: str
    key: str  # word key, folded code, or the number as text
    start: int
    end: int
    first: bool  # opens a sentence, line, bullet or list item
    value: Decimal | None = None


@dataclass(frozen=True, slots=True)
class TextFacts:
    """What one text says, in the forms the guard compares."""

    text: str
    tokens: tuple[Token, ...]
    keys: frozenset[str]  # word keys, and the parts of hyphenated compounds
    cased: frozenset[str]  # keys of words written with a capital somewhere
    values: frozenset[Decimal]  # every number, raw and multiplied
    mults: frozenset[Decimal]  # "3x", "tripled"
    dates: frozenset[tuple[int, int]]  # (year, month)
    years: frozenset[int]
    codes: frozenset[str]
    names: frozenset[str]  # taxonomy entry names
    levels: frozenset[str]  # degree levels
    spans: tuple[tuple[int, int, str, str, str], ...]  # taxonomy matches: start, end, name, kind, surface
    acronyms: frozenset[str]
    initials: str  # first letters of consecutive words, "|" between lines and sentences
    groups: frozenset[int]  # synonym groups of its keys
    qualifiers: frozenset[int]  # qualifier groups it contains
    bound: tuple[tuple[str, int, frozenset[int]], ...]  # entry name -> proficiency rank, status groups

    @property
    def strength(self) -> tuple[tuple[str, tuple[int | None, int | None]], ...]:
        """Scale -> (lowest, highest) rank present (`text_strength`, read when first asked for)."""
        return text_strength(self.text)

    def rank(self, scale: str) -> int | None:
        """The highest rank of the text's words on `scale` (None: no word of it)."""
        return dict(self.strength)[scale][1]

    def weakest(self, scale: str) -> int | None:
        """The lowest rank of the text's words on `scale` (None: no word of it)."""
        return dict(self.strength)[scale][0]

    def phrase_ranks(self, scale: Scale) -> list[tuple[str, int]]:
        """Multi-word scale entries ("take part") found in the text, with their ranks."""
        keys = [t.key for t in self.tokens if t.kind == "word"]
        texts = [t.text for t in self.tokens if t.kind == "word"]
        out: list[tuple[str, int]] = []
        for p, r in scale.phrases:
            for i in range(len(keys) - len(p) + 1):
                if tuple(keys[i : i + len(p)]) == p:
                    out.append((" ".join(texts[i : i + len(p)]), r))
        return out

    def entry_proficiency(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for name, rank, _ in self.bound:
            out[name] = max(out.get(name, 0), rank)
        return out

    def entry_evidence(self, default: int) -> dict[str, int]:
        """The proficiency each entry is credited with: the weakest stated for it, where one is
        stated ("basic SQL" in one place is not undone by "wrote SQL" in another), else `default`."""
        out: dict[str, int] = {}
        for name, rank, _ in self.bound:
            if rank != default:
                out[name] = min(out.get(name, rank), rank)
            else:
                out.setdefault(name, default)
        return out

    def entry_status(self) -> dict[str, frozenset[int]]:
        """Qualifier groups bound to each entry: those of every mention; or, when every mention
        has a status qualifier of its own ("pursuing", "in progress"), all of those (any one kept
        will do)."""
        status = status_groups()
        out: dict[str, frozenset[int]] = {}
        union: dict[str, frozenset[int]] = {}
        every: dict[str, bool] = {}
        for name, _, groups in self.bound:
            out[name] = out[name] & groups if name in out else groups
            union[name] = union.get(name, frozenset()) | (groups & status)
            every[name] = every.get(name, True) and bool(groups & status)
        return {n: g if g or not every[n] else union[n] for n, g in out.items()}


def sentence_start(text: str, pos: int) -> bool:
    """Whether position `pos` opens a sentence, line, bullet or list item."""
    i = pos - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0 or text[i] in ".!?:;•*|\n▪●◦":
        return True
    return text[i] in "-–—" and (i == 0 or text[i - 1] in " \t\n")


_OPENERS = frozenset(" \t\"'“‘([")


def tokenize(text: str) -> tuple[Token, ...]:
    """The words, numbers and codes of a text, numbers with their values."""
    # Tokens are built with tuple.__new__ (every field given): a NamedTuple's own __new__ is a
    # Python function, and a resume has hundreds of tokens.
    out: list[Token] = []
    append = out.append
    new = _tuple_new
    numbers = False
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        # sentence_start, with its usual answers inlined (a space after a word is most tokens)
        prev = text[start - 1] if start else ""
        if not prev or prev == "\n":
            first = True
        elif prev == " " and start > 1 and text[start - 2].isalnum():
            first = False
        else:
            first = sentence_start(text, start)
        kind = m.lastgroup
        if kind == "word":
            w = m.group()
            append(new(Token, ("word", w, word_key(w), start, end, first, None)))
        elif kind == "num" or kind == "suf":
            raw = m.group("num")
            value = _num(raw)
            suf = (m.group("suf") or "").casefold()
            if suf == "x":
                append(new(Token, ("mult", m.group(), raw, start, end, first, value)))
                continue
            if value is not None and suf in _SUFFIX:
                value = value * _SUFFIX[suf]
            append(new(Token, ("num", m.group(), raw, start, end, first, value)))
            numbers = True
        else:
            code = m.group()
            append(new(Token, ("code", code, code.casefold(), start, end, first, None)))
    # only a number can take a scale word after it, and only where one is written at all
    return _merge_scales(text, out) if numbers and _SCALE_WORD_IN.search(text) else tuple(out)


_tuple_new = tuple.__new__


_SCALE_WORDS = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
# Any scale word inside the text, as a substring (a cheap test before the token walk).
_SCALE_WORD_IN = re.compile("|".join(_SCALE_WORDS), re.IGNORECASE)


def _merge_scales(text: str, tokens: list[Token]) -> tuple[Token, ...]:
    """ "1.2 million" is one number, 1,200,000 (not 1.2 and a million)."""
    out: list[Token] = []
    for t in tokens:
        prev = out[-1] if out else None
        low = t.text.casefold()
        if (
            t.kind == "word"
            and low in _SCALE_WORDS
            and prev is not None
            and prev.kind == "num"
            and prev.value is not None
            and not text[prev.end : t.start].strip()
        ):
            value = (prev.value * _SCALE_WORDS[low]).normalize()
            out[-1] = Token("num", text[prev.start : t.end], prev.key, prev.start, t.end, prev.first, value)
            continue
        out.append(t)
    return tuple(out)


def _dates(text: str) -> tuple[set[tuple[int, int]], set[int], list[tuple[int, int]]]:
    """(year, month) pairs, years, and the character spans that hold dates."""
    pairs: set[tuple[int, int]] = set()
    years: set[int] = set()
    spans: list[tuple[int, int]] = []
    if not _ANY_YEAR.search(text):
        return pairs, years, spans
    for m in _MONTH_YEAR.finditer(text):
        pairs.add((int(m.group(2)), MONTHS[m.group(1).casefold()[:3]]))
        spans.append(m.span())
    for m in _NUMERIC_DATE.finditer(text):
        month, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if 1 <= int(month) <= 12:
            pairs.add((int(year), int(month)))
            spans.append(m.span())
    for m in _YEAR.finditer(text):
        years.add(int(m.group(1)))
        spans.append(m.span())
    return pairs, years, spans


def _number_word_values(tokens: tuple[Token, ...]) -> tuple[set[Decimal], set[Decimal]]:
    """Values of number words (single and composed: "two hundred" is 2, 100 and 200) and
    multipliers in words."""
    values: set[Decimal] = set()
    mults: set[Decimal] = set()
    total = current = 0
    run = False
    prev_num: Token | None = None
    for t in tokens:
        low = t.text.casefold()
        if t.kind == "num" and t.value is not None:
            prev_num = t
            run = False
            continue
        if t.kind == "word" and low in ("million", "billion", "thousand", "k") and prev_num is not None:
            # "k" counts only glued to its number ("50k"): "401(k)" is a plan, not 401,000.
            near = prev_num.end == t.start if low == "k" else prev_num.end >= t.start - 2
            if near and prev_num.value is not None:
                values.add(
                    (prev_num.value * _SUFFIX[low] if low == "k" else prev_num.value * NUMBER_WORDS[low]).normalize()
                )
        prev_num = None
        if t.kind == "word" and t.key in MULTIPLIERS:
            mults.add(Decimal(MULTIPLIERS[t.key]))
        if t.kind == "word" and low in NUMBER_WORDS:
            v = NUMBER_WORDS[low]
            values.add(Decimal(v))
            if not run:
                total = current = 0
            run = True
            if v == 100:
                current = max(current, 1) * 100
            elif v >= 1000:
                total += max(current, 1) * v
                current = 0
            else:
                current += v
            values.add(Decimal(total + current))
        elif not (t.kind == "word" and low in ("and", "a")):
            run = False
    return values, mults


def _bound(text: str, spans: tuple[tuple[int, int, str, str, str], ...]) -> tuple[tuple[str, int, frozenset[int]], ...]:
    """Each taxonomy entry with the proficiency rank and status qualifier groups bound to it:
    those of its list item in a list line ("SQL (advanced), dbt (basic)"), of a short label
    before a colon ("Familiar with: Rust, Go"), else of its whole line (`_bound_line`, read
    line by line: what binds to an entry is all on its line)."""
    if not spans:
        return ()
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    out: list[tuple[str, int, frozenset[int]]] = []
    run: list[tuple[int, int, str, str]] = []
    run_line = -1
    for start, end, name, kind, _surface in spans:
        ln = bisect_right(starts, start) - 1
        if ln != run_line and run:
            out += _bound_line(_line_text(text, starts, run_line), tuple(run))
            run = []
        run_line = ln
        run.append((start - starts[ln], end - starts[ln], name, kind))
    out += _bound_line(_line_text(text, starts, run_line), tuple(run))
    return tuple(out)


def _line_text(text: str, starts: list[int], ln: int) -> str:
    return text[starts[ln] : starts[ln + 1] - 1 if ln + 1 < len(starts) else len(text)]


@lru_cache(maxsize=4096)
def _bound_line(line: str, spans: tuple[tuple[int, int, str, str], ...]) -> tuple[tuple[str, int, frozenset[int]], ...]:
    """`_bound` for the entries found on one line, their offsets the line's (cached by line:
    a resume line comes back in its block, the whole resume and their rewrites)."""
    # Long on purpose: one left-to-right pass that tracks the current list item and label;
    # split, each piece would re-walk the line (this runs for every resume line, every night).
    lex = get_lexicon()
    prof = next(s for s in lex.scales if s.name == "proficiency")
    out: list[tuple[str, int, frozenset[int]]] = []
    label, sep, _rest = line.partition(":")
    line_cuts = [0] + [m.end() for m in _ITEM_SEP.finditer(line)] + [len(line) + 1]
    # what depends on the line alone, once per line (a skills line binds a dozen entries)
    after_label_cuts = sorted({*line_cuts, len(label) + 1}) if sep else line_cuts
    short_label = bool(sep) and len(label.split()) <= 4
    sentence_bounds: list[int] | None = None
    bullet = bool(BULLET_RE.match(line))
    for start, end, name, _kind in spans:
        scope_texts: list[str] = []
        in_label = bool(sep) and start < len(label)
        if short_label and not in_label:
            scope_texts.append(label)
        cuts = after_label_cuts if sep and not in_label else line_cuts
        is_list = len(cuts) > 3 or bool(sep)
        if in_label and short_label:
            scope_texts.append(label)
        elif is_list:
            k = bisect_right(cuts, start) - 1
            item = line[cuts[k] : cuts[k + 1] - 1 if k + 1 < len(cuts) else len(line)]
            # a parenthesis after the term belongs to it even when it holds a separator
            close = line.find(")", end)
            opened = line.find("(", end)
            if opened != -1 and close != -1 and line[end:opened].strip() == "":
                # its first segment: "SAP (MM, basic WM)" is not basic SAP
                item += " " + re.split(r"[,;]", line[opened : close + 1])[0]
            scope_texts.append(item)
        else:
            scope_texts.append(line)
        # In a bullet, a level word describes the work ("intermediate ESL writing"), not the candidate.
        rank, groups = line_levels("\n".join(scope_texts), bullet)
        if _kind in ("degree", "certification"):  # a degree's status is its sentence's: "(in progress, 30 of 60)"
            if sentence_bounds is None:
                sentence_bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(line)] + [len(line)]
            bounds = sentence_bounds
            k = bisect_right(bounds, start) - 1
            groups = groups | line_levels(line[bounds[k] : bounds[min(k + 1, len(bounds) - 1)]], True)[1]
        out.append((name, prof.default if rank is None else rank, groups))
    return tuple(out)


@lru_cache(maxsize=PER_TEXT_CACHE)
def line_levels(text: str, bullet: bool) -> tuple[int | None, frozenset[int]]:
    """The highest proficiency rank and the status qualifier groups of a list item."""
    prof = next(s for s in get_lexicon().scales if s.name == "proficiency")
    words = _WORD.findall(text)
    keys = [word_key(w) for w in words]
    ranks = [] if bullet else [prof.ranks[k] for k in keys if k in prof.ranks] + scale_phrase_ranks(keys, prof)
    surface = [w.casefold().replace("’", "'") for w in words]
    return (max(ranks) if ranks else None), qualifier_groups(surface)


SHARED = -1  # the qualifier group of every "co-" word


@lru_cache(maxsize=1)
def status_groups() -> frozenset[int]:
    """The ids of the status qualifier groups ("in progress", "expected", "pursuing")."""
    return frozenset(gid for kind, gid, _ in get_lexicon().qualifiers if kind == "status")


@lru_cache(maxsize=1)
def _qualifier_index() -> dict[str, list[tuple[tuple[str, ...], int, str]]]:
    index: dict[str, list[tuple[tuple[str, ...], int, str]]] = {}
    for kind, gid, phrases in get_lexicon().qualifiers:
        for p in phrases:
            index.setdefault(p[0], []).append((p, gid, kind))
    return index


def qualifier_groups(keys: list[str], kinds: tuple[str, ...] = ("status", "limit")) -> frozenset[int]:
    """The qualifier groups whose phrases occur in a sequence of words (as written, casefolded)."""
    index = _qualifier_index()
    found: set[int] = set()
    n = len(keys)
    for i, k in enumerate(keys):
        if k.startswith("co-") and "limit" in kinds:
            found.add(SHARED)  # co-wrote, co-taught, co-led: the credit is shared
        for phrase, gid, kind in index.get(k, ()):
            if kind in kinds and tuple(keys[i : i + len(phrase)]) == phrase and i + len(phrase) <= n:
                found.add(gid)
    return frozenset(found)


class _LineRead(NamedTuple):
    """What one line says on its own: the facts of a text that are unions (or, for its
    tokens and initials, concatenations) of its lines' (see `text_facts`)."""

    tokens: tuple[Token, ...]  # offsets within the line
    keys: frozenset[str]
    cased: frozenset[str]
    values: frozenset[Decimal]  # of number tokens (number words are read over the whole text)
    mults: frozenset[Decimal]
    codes: frozenset[str]
    acronyms: frozenset[str]
    surface: tuple[str, ...]  # its words as written, casefolded (qualifier phrases)
    initials: str


@lru_cache(maxsize=4096)
def _read_line(line: str) -> _LineRead:
    """Tokens and per-token facts of one line (cached by its text: a resume's lines come back
    in its blocks, its whole text and every rewrite of one of its lines)."""
    tokens = tokenize(line)
    keys: set[str] = set()
    cased: set[str] = set()
    values: set[Decimal] = set()
    mults: set[Decimal] = set()
    codes: set[str] = set()
    acronyms: set[str] = set()
    surface: list[str] = []
    initials: list[str] = []
    for t in tokens:
        kind = t.kind
        if kind == "word":
            text, key = t.text, t.key
            low = text.casefold()
            keys.add(key)
            keys.add(low)
            if "-" in key:
                keys.update(p for p in key.split("-") if p)
            if text[:1].isupper():
                cased.add(key)
            if not text.islower():  # an acronym has capitals
                for part in text.split("-"):
                    core = part[:-1] if part.endswith("s") and part[:-1].isupper() else part
                    if 2 <= len(core) <= 6 and core.isupper():
                        acronyms.add(core)
            surface.append(low.replace("’", "'"))
            if key not in _LINKS:
                initials.append(("|" if t.first else "") + text[0].casefold())
        elif kind == "num" and t.value is not None:
            values.add(t.value.normalize())
            raw = _num(t.key)
            if raw is not None:
                values.add(raw)
        elif kind == "mult" and t.value is not None:
            mults.add(t.value.normalize())
        else:
            codes.add(t.key)
    return _LineRead(
        tokens,
        frozenset(keys),
        frozenset(cased),
        frozenset(values),
        frozenset(mults),
        frozenset(codes),
        frozenset(acronyms),
        tuple(surface),
        "".join(initials),
    )


def _joined(text: str, reads: list[_LineRead]) -> tuple[Token, ...] | None:
    """The tokens of a text from its lines' (no token spans a line break, and a token's
    `first` depends only on its line), shifted to the text's offsets; None when a number
    ends one line and a scale word ("million") opens the next, which `tokenize` would merge."""
    out: list[Token] = []
    offset = 0
    last: Token | None = None
    for read, line in zip(reads, text.split("\n"), strict=True):
        toks = read.tokens
        if toks:
            head = toks[0]
            if (
                last is not None
                and last.kind == "num"
                and last.value is not None
                and head.kind == "word"
                and head.text.casefold() in _SCALE_WORDS
            ):
                return None
            if offset:
                new = _tuple_new
                out += [new(Token, (t[0], t[1], t[2], t[3] + offset, t[4] + offset, t[5], t[6])) for t in toks]
            else:
                out += toks
            last = toks[-1]
        offset += len(line) + 1
    return tuple(out)


@lru_cache(maxsize=PER_TEXT_CACHE)
def text_facts(text: str) -> TextFacts:
    """Read one text (cached: resume lines and blocks are read once for every job).

    A text of several lines is read from its lines' `_read_line` (a block, the whole resume
    and a rewritten block share most of their lines); what can span a line break (dates,
    number words, taxonomy terms, qualifier phrases) is read over the whole text."""
    lex = get_lexicon()
    if "\n" in text:
        reads = [_read_line(line) for line in text.split("\n")]
        joined = _joined(text, reads)
        if joined is None:
            return _read_whole(text)
        tokens = joined
        keys = set().union(*(r.keys for r in reads))
        values = set().union(*(r.values for r in reads))
        mults = set().union(*(r.mults for r in reads))
        cased = frozenset().union(*(r.cased for r in reads))
        codes = frozenset().union(*(r.codes for r in reads))
        acronyms = frozenset().union(*(r.acronyms for r in reads))
        surface_seq = [w for r in reads for w in r.surface]
        initials = "".join(r.initials for r in reads)
    else:
        read = _read_line(text)
        tokens = read.tokens
        keys = set(read.keys)
        values = set(read.values)
        mults = set(read.mults)
        cased, codes, acronyms = read.cased, read.codes, read.acronyms
        surface_seq = list(read.surface)
        initials = read.initials
    pairs, years, _date_spans = _dates(text)
    word_values, word_mults = _number_word_values(tokens)
    values |= word_values
    mults |= word_mults
    matches = _scan(text)
    spans = tuple((m.start, m.end, m.entry.name, m.entry.kind, m.text) for m in matches)
    levels = {m.entry.level for m in matches if m.entry.kind == "degree" and m.entry.level}
    return TextFacts(
        text,
        tokens,
        frozenset(keys),
        cased,
        frozenset(values),
        frozenset(mults),
        frozenset(pairs),
        frozenset(years),
        codes,
        frozenset(m.entry.name for m in matches),
        frozenset(levels),
        spans,
        acronyms,
        initials,
        lex.groups_of(keys),
        qualifier_groups(surface_seq),
        _bound(text, spans),
    )


def _read_whole(text: str) -> TextFacts:
    """`text_facts` in one pass over the whole text (where its lines cannot be read apart)."""
    # Long on purpose: one pass over the tokens fills every fact at once (the guard's hottest
    # path: reading a resume is half of a pair's cost); each fact is a named field of TextFacts.
    lex = get_lexicon()
    tokens = tokenize(text)
    pairs, years, date_spans = _dates(text)
    keys: set[str] = set()
    cased: set[str] = set()
    values: set[Decimal] = set()
    mults: set[Decimal] = set()
    codes: set[str] = set()
    acronyms: set[str] = set()
    for t in tokens:
        if t.kind == "word":
            keys.add(t.key)
            keys.add(t.text.casefold())
            if "-" in t.key:
                keys.update(p for p in t.key.split("-") if p)
            if t.text[:1].isupper():
                cased.add(t.key)
            for part in t.text.split("-"):
                core = part[:-1] if part.endswith("s") and part[:-1].isupper() else part
                if 2 <= len(core) <= 6 and core.isupper():
                    acronyms.add(core)
        elif t.kind == "num" and t.value is not None:
            values.add(t.value.normalize())
            raw = _num(t.key)
            if raw is not None:
                values.add(raw)
        elif t.kind == "mult" and t.value is not None:
            mults.add(t.value.normalize())
        else:
            codes.add(t.key)
    word_values, word_mults = _number_word_values(tokens)
    values |= word_values
    mults |= word_mults
    matches = _scan(text)
    spans = tuple((m.start, m.end, m.entry.name, m.entry.kind, m.text) for m in matches)
    levels = {m.entry.level for m in matches if m.entry.kind == "degree" and m.entry.level}
    surface_seq = [t.text.casefold().replace("’", "'") for t in tokens if t.kind == "word"]
    initials = "".join(
        ("|" if t.first else "") + t.text[0].casefold() for t in tokens if t.kind == "word" and t.key not in _LINKS
    )
    del date_spans
    return TextFacts(
        text,
        tokens,
        frozenset(keys),
        frozenset(cased),
        frozenset(values),
        frozenset(mults),
        frozenset(pairs),
        frozenset(years),
        frozenset(codes),
        frozenset(m.entry.name for m in matches),
        frozenset(levels),
        spans,
        frozenset(acronyms),
        initials,
        lex.groups_of(keys),
        qualifier_groups(surface_seq),
        _bound(text, spans),
    )


@lru_cache(maxsize=PER_TEXT_CACHE)
def text_strength(text: str) -> tuple[tuple[str, tuple[int | None, int | None]], ...]:
    """Each scale's (lowest, highest) rank in `text` (read only when a check asks for it: the
    whole resume and its blocks are read for their facts, and only edited lines for strength)."""
    f = text_facts(text)
    words = [t for t in f.tokens if t.kind == "word"]
    key_seq = [t.key for t in words]
    # words inside a taxonomy term are the term's ("Associate of Applied Science" is no title)
    credentials = [(s, e) for s, e, _n, kind, _t in f.spans if kind in ("degree", "certification")]
    free = [t for t in words if not _covered(t.start, credentials)] if credentials else words
    free_keys = [t.key for t in free]
    hyphened = [k for k in free_keys if "-" in k]
    where = _positions(key_seq)
    strength: list[tuple[str, tuple[int | None, int | None]]] = []
    for scale in get_lexicon().scales:
        table = scale.ranks
        if scale.surface:
            ranks = [r for t in free for r in _ranks(table, scale.key_of(t.text, t.key))]
        else:  # _ranks of each key, unrolled: only min and max are kept, so order does not matter
            ranks = [table[k] for k in free_keys if k in table]
            ranks += [table[p] for k in hyphened if k not in table for p in k.split("-") if p in table]
        ranks += scale_phrase_ranks(key_seq, scale, where)
        strength.append((scale.name, (min(ranks), max(ranks)) if ranks else (None, None)))
    return tuple(strength)


_LINKS = frozenset({"of", "and", "the", "for", "in", "&", "to", "a"})
_SHARED_SCAN_CHARS = 1000  # a text this long is a whole resume or a large part of one


def _scan(text: str) -> tuple[Match, ...]:
    """The taxonomy terms of a text. A whole resume's scan is `index_text`'s, which the engine
    and the score read too (the same string: the resume as quarantine left it); a line's is
    its own (index_text's cache is kept for whole texts)."""
    if not text.strip():
        return ()
    if len(text) >= _SHARED_SCAN_CHARS:
        return index_text(text).matches
    return get_taxonomy().scan(text)


def _positions(keys: list[str]) -> dict[str, list[int]]:
    """Where each key occurs in a sequence (shared by every scale's phrase lookup)."""
    where: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        where.setdefault(k, []).append(i)
    return where


def scale_phrase_ranks(keys: list[str], scale: Scale, where: dict[str, list[int]] | None = None) -> list[int]:
    out: list[int] = []
    if not scale.phrases:
        return out
    if where is None:
        where = _positions(keys)
    for p, r in scale.phrases:
        if any(tuple(keys[i : i + len(p)]) == p for i in where.get(p[0], ())):
            out.append(r)
    return out


def _covered(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _ranks(ranks: dict[str, int], key: str) -> list[int]:
    if key in ranks:
        return [ranks[key]]
    if "-" in key:
        return [ranks[p] for p in key.split("-") if p in ranks]
    return []


def date_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the dates in a text (their numbers are checked as dates)."""
    return _dates(text)[2]


@dataclass(frozen=True, slots=True)
class Block:
    """One role, project or section paragraph: lines [start, end) of the resume.

    Its facts are read when first asked for (`text_facts` caches them), since an edit
    needs only its own block."""

    start: int
    end: int
    kind: str  # the section kind ("header" before the first heading)
    head_end: int  # lines [start, head_end) are its title lines (role, employer, dates)
    text: str  # its kept lines
    head_text: str  # its title lines
    lines: frozenset[str]  # its lines, stripped of bullets and spaces

    @property
    def facts(self) -> TextFacts:
        return text_facts(self.text)

    @property
    def head(self) -> TextFacts:
        return text_facts(self.head_text)


@dataclass(frozen=True)
class ResumeFacts:
    """A resume split into blocks; the facts of a block, a line or the whole resume are read
    when first needed (an edit reads its own block and lines, a summary the whole resume)."""

    text: str
    offsets: tuple[int, ...]
    lines: tuple[str, ...]
    kept: tuple[bool, ...]  # False for lines that read as instructions to a model
    blocks: tuple[Block, ...]
    block_of: tuple[int, ...]  # line -> block index (-1 for headings and blank lines)
    clean: str  # the kept lines
    title_text: str  # every role's title lines and the header

    def line_at(self, pos: int) -> int:
        return bisect_right(self.offsets, pos) - 1

    def line(self, i: int) -> TextFacts:
        """The facts of line `i` (empty for an excluded line)."""
        return text_facts(self.lines[i] if self.kept[i] else "")

    @property
    def whole(self) -> TextFacts:
        """Every kept line together (the summary's evidence)."""
        return text_facts(self.clean)

    @property
    def titles(self) -> TextFacts:
        """Every role's title lines and the header (where seniority is stated)."""
        return text_facts(self.title_text)

    @cached_property
    def rough(self) -> RoughFacts:
        """What the whole resume holds, read cheaply: enough to tell a fact moved from another
        role from one the resume lacks (only rejections ask)."""
        return _rough(self.clean)

    @cached_property
    def sentences(self) -> tuple[TextFacts, ...]:
        """Every sentence of every kept line (the summary's evidence units)."""
        return tuple(text_facts(s) for s in self._sentence_texts)

    def sentences_with(self, keys: Iterable[str]) -> list[TextFacts]:
        """The resume's sentences that hold any of `keys` (word keys, casefolded words, entry
        names or numbers as `str(Decimal)`), read only when asked for."""
        index = self._sentence_index
        found: set[int] = set()
        for k in keys:
            found |= index.get(k, set())
        return [text_facts(self._sentence_texts[i]) for i in sorted(found)]

    @cached_property
    def _sentence_index(self) -> dict[str, set[int]]:
        spans: list[tuple[int, int]] = []
        pos = 0
        for s in self._sentence_texts:
            i = self.clean.find(s, pos)
            spans.append((i, i + len(s)))
            pos = i + len(s)
        starts = [a for a, _ in spans]
        index: dict[str, set[int]] = {}

        def at(p: int) -> int:
            k = bisect_right(starts, p) - 1
            return k if k >= 0 and p < spans[k][1] else -1

        whole = self.whole
        for t in whole.tokens:
            k = at(t.start)
            if k < 0:
                continue
            if t.kind == "word":
                keys = [t.key, t.text.casefold(), *t.key.split("-")]
                if t.text.casefold() in NUMBER_WORDS:
                    keys.append(str(Decimal(NUMBER_WORDS[t.text.casefold()])))
            elif t.value is not None:
                keys = [str(t.value.normalize()), t.key]
            else:
                keys = [t.key]
            for key in keys:
                index.setdefault(key, set()).add(k)
        for start, _end, name, _kind, _surface in whole.spans:
            k = at(start)
            if k >= 0:
                index.setdefault(name, set()).add(k)
        return index

    @cached_property
    def sentence_texts(self) -> frozenset[str]:
        """The same sentences, whitespace collapsed: a summary may keep them as they are."""
        return frozenset(" ".join(s.split()) for s in self._sentence_texts)

    @cached_property
    def _sentence_texts(self) -> tuple[str, ...]:
        return tuple(s for ln, k in zip(self.lines, self.kept, strict=True) if k for s in split_sentences(ln))


@dataclass(frozen=True, slots=True)
class RoughFacts:
    """Word keys, entries, numbers and dates of a text, without reading its sentences."""

    keys: frozenset[str]
    names: frozenset[str]
    levels: frozenset[str]
    values: frozenset[Decimal]
    dates: frozenset[tuple[int, int]]
    years: frozenset[int]


def _rough(text: str) -> RoughFacts:
    matches = _scan(text)
    words = _WORD.findall(text)
    keys = {word_key(w) for w in words} | {w.casefold() for w in words}
    values = {v.normalize() for m in _TOKEN.finditer(text) if m.group("num") and (v := _num(m.group("num")))}
    values |= {Decimal(NUMBER_WORDS[w.casefold()]) for w in words if w.casefold() in NUMBER_WORDS}
    pairs, years, _spans = _dates(text)
    return RoughFacts(
        frozenset(keys),
        frozenset(m.entry.name for m in matches),
        frozenset(m.entry.level for m in matches if m.entry.kind == "degree" and m.entry.level),
        frozenset(values),
        frozenset(pairs),
        frozenset(years),
    )


def line_key(line: str) -> str:
    """A line without its bullet and surrounding spaces: how a moved line is recognised."""
    return line.strip().lstrip(_BULLET_CHARS).strip()


@lru_cache(maxsize=512)
def resume_facts(resume: str) -> ResumeFacts:
    """Split a resume into blocks and read each (cached: one resume meets many jobs)."""
    # Long on purpose: one walk over the layout assigns every line to its block (role, project,
    # skills, paragraph); the blocks' bookkeeping would otherwise be passed between pieces.
    lay = layout(resume)
    lines = lay.lines
    # Instruction lines are left out of the facts (finalize has quarantined them already; a
    # resume checked directly gets the same treatment). Lines are looked at only when the
    # whole text holds an instruction at all.
    suspect = bool(detect_injection(resume))
    kept = [not (suspect and ln.strip() and detect_injection(ln)) for ln in lines]
    heading_lines = {s.heading for s in lay.sections if not s.inline}
    heading_lines |= {s.heading + 1 for s in lay.sections if s.body_start == s.heading + 2}
    bounds: list[tuple[int, int]] = []
    start: int | None = None
    prev_bullet = False
    for i, ln in enumerate(lines):
        if i in heading_lines or not ln.strip():
            if start is not None:
                bounds.append((start, i))
                start = None
            prev_bullet = False
            continue
        bullet = bool(BULLET_RE.match(ln))
        continuation = prev_bullet and not bullet and ln[:1] in " \t"
        if start is not None and prev_bullet and not bullet and not continuation:
            bounds.append((start, i))
            start = None
        if start is None:
            start = i
        prev_bullet = bullet or continuation
    if start is not None:
        bounds.append((start, len(lines)))
    # Blank lines inside a role (between its title and its bullets) keep it one block.
    merged: list[tuple[int, int]] = []
    for span in bounds:
        if (
            merged
            and _only_titles(lines, merged[-1])
            and BULLET_RE.match(lines[span[0]])
            and not any(merged[-1][1] <= h < span[0] for h in heading_lines)
        ):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    blocks: list[Block] = []
    block_of = [-1] * len(lines)
    title_texts: list[str] = []
    for n, (a, b) in enumerate(merged):
        body = [lines[i] for i in range(a, b) if kept[i]]
        head_end = a
        while head_end < b and not BULLET_RE.match(lines[head_end]):
            head_end += 1
        if head_end == b:
            head_end = a  # no bullets: a paragraph or a list, every line its own facts
        head = [lines[i] for i in range(a, head_end) if kept[i]]
        kind = lay.kind_at(a)
        if kind in ("experience", "header", "other"):
            title_texts += head
        lines_of = frozenset(line_key(lines[i]) for i in range(a, b) if kept[i] and lines[i].strip())
        blocks.append(Block(a, b, kind, head_end, "\n".join(body), "\n".join(head), lines_of))
        for i in range(a, b):
            block_of[i] = n
    clean = "\n".join(ln for ln, k in zip(lines, kept, strict=True) if k)
    return ResumeFacts(
        resume, lay.offsets, lines, tuple(kept), tuple(blocks), tuple(block_of), clean, "\n".join(title_texts)
    )


def _only_titles(lines: tuple[str, ...], span: tuple[int, int]) -> bool:
    return not any(BULLET_RE.match(lines[i]) for i in range(*span)) and span[1] - span[0] <= 3


# The caches above that are kept per text (a resume, one of its lines or sentences), not per
# process or per job: what a new resume finds empty (scripts/bench_quality.forget_resumes).
PER_TEXT_CACHES = (_read_line, _bound_line, line_levels, text_facts, text_strength, resume_facts)
