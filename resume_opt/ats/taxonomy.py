"""The skills taxonomy (data/skills.yaml) and the one fast matcher every analysis uses.

Matching works on tokens, not substrings: the text is split once into words and
single punctuation marks (`\\w+|[^\\w\\s]`), and a token trie built from every alias
is walked from each token. That keeps `C++`, `C#`, `Node.js` and `CI/CD` whole (their
punctuation is part of the alias), can never find "Go" inside "good" or "tform" inside
"platform", and costs one dict lookup for most tokens — well under a millisecond for
a 4 KB resume. Short or everyday aliases (Go, R, C, Excel, Epic, Spring) carry rules
in the data: exact case, and a line that also holds another skill or a context word.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import Any, NamedTuple

import yaml

TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_FORM_STRIP = re.compile(r"[\W_]+")
# Punctuation variants folded to one token so "Medical–Surgical" meets "Medical-Surgical".
_FOLD_PUNCT = {
    "\u2019": "'",
    "\u2018": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
}
# Neighbours glued to a term that mean it is part of something else (R&D, C+, a@b, x.y).
_BAD_NEXT = frozenset("+#&@_")
_BAD_PREV = frozenset("+#&@_$")
# The only glued neighbours a short/strict term tolerates ("Go,", "(R)", "C/C++").
_SHORT_OK = frozenset(",;:/()[]|.!?\"'")
_BULLET_CHARS = " \t-*•·▪●◦‣–—>+"
_TERMINAL = ""  # trie key of the alias list; never a token


def fold(token: str) -> str:
    """The comparison form of one token: casefolded, punctuation variants unified."""
    return _FOLD_PUNCT.get(token, token.casefold())


def form_key(text: str) -> str:
    """Spelling key of a term: NFKC, casefold, letters and digits only ("Node.js" == "NodeJS")."""
    return _FORM_STRIP.sub("", unicodedata.normalize("NFKC", text).casefold())


@dataclass(frozen=True, slots=True)
class Entry:
    """One canonical skill, certification or degree."""

    name: str
    category: str
    kind: str  # "skill" | "certification" | "degree"
    level: str = ""
    generic: bool = False


@dataclass(frozen=True, slots=True)
class Alias:
    """One spelling of an entry as the trie knows it."""

    entry: Entry
    text: str
    form: str
    tokens: tuple[str, ...]
    cased: bool
    needs_context: bool
    short: bool
    reject_next: frozenset[str]
    reject_prev: frozenset[str]


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence of an entry in a text: offsets into that text and its surface."""

    entry: Entry
    alias: Alias
    start: int
    end: int
    text: str

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def form(self) -> str:
        return self.alias.form


_PUNCT_TABLE = str.maketrans(_FOLD_PUNCT)
_SPLIT_RE = re.compile(r"(\w+|[^\w\s])")


class Tokens:
    """The tokens of a text, from C-level passes only (it runs on every resume).

    `re.split` with a capturing group yields [space, token, space, token, ..., space];
    token k is parts[2k+1], it is glued to the previous one when parts[2k] is empty,
    and running sums of the part lengths give every offset.
    """

    __slots__ = ("words", "parts", "acc", "same_length")

    def __init__(self, text: str) -> None:
        folded = text.casefold().translate(_PUNCT_TABLE)
        self.same_length = len(folded) == len(text)
        if self.same_length:  # the usual case: offsets of the folded text are the text's
            self.parts = _SPLIT_RE.split(folded)
            self.words: list[str] = self.parts[1::2]
        else:  # e.g. "ß" folds to "ss": split the text itself, fold token by token
            self.parts = _SPLIT_RE.split(text)
            self.words = [fold(t) for t in self.parts[1::2]]
        self.acc = list(accumulate(map(len, self.parts), initial=0))

    def start(self, k: int) -> int:
        return self.acc[2 * k + 1]

    def end(self, k: int) -> int:
        return self.acc[2 * k + 2]

    def glued(self, k: int) -> bool:
        """Whether token k follows the previous token with no space between."""
        return k > 0 and not self.parts[2 * k]


def _variants(text: str, plural: bool) -> list[str]:
    """The spellings generated for one alias: hyphen/space forms and a simple plural."""
    out = [text]
    if re.search(r"\w-\w", text):
        out += [text.replace("-", " "), text.replace("-", "")]
    words = text.split(" ")
    if 1 < len(words) <= 4 and all(w.isalpha() for w in words):
        out.append("-".join(words))
    if plural:
        last = text.split(" ")[-1]
        if last.isalpha() and len(last) >= 3 and not last.lower().endswith("s"):
            if last.lower().endswith("y") and last[-2:-1].lower() not in "aeiou":
                out.append(text[:-1] + ("IES" if last.isupper() else "ies"))
            else:
                out.append(text + ("S" if last.isupper() and len(last) > 3 else "s"))
    seen: list[str] = []
    for v in out:
        if v not in seen:
            seen.append(v)
    return seen


class _LineScan(NamedTuple):
    """One line's matches, with what decides whether its neighbours could change them."""

    matches: tuple[Match, ...]
    length: int
    first: str | None  # its first and last words, folded (None: no word)
    last: str | None
    tails: tuple[dict[str, Any], ...]
    vetoed_next: frozenset[str]
    vetoed_prev: frozenset[str]
    same_length: bool  # folding kept its length


class Taxonomy:
    """Entries, their aliases and the token trie that finds them in text."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.context: dict[str, frozenset[str]] = {
            k: frozenset(fold(w) for w in v) for k, v in (data.get("context") or {}).items()
        }
        self.entries: list[Entry] = []
        self.by_name: dict[str, Entry] = {}
        self._trie: dict[str, Any] = {}
        self._owner: dict[tuple[str, ...], tuple[Entry, bool]] = {}
        for item in data.get("skills") or []:
            self._add(item, Entry(item["name"], item["category"], item.get("kind", "skill")))
        for item in data.get("degrees") or []:
            self._add(
                item, Entry(item["name"], "degree", "degree", item.get("level", ""), bool(item.get("generic", False)))
            )

    # --- building --------------------------------------------------------------
    def _add(self, item: dict[str, Any], entry: Entry) -> None:
        if entry.name in self.by_name:
            raise ValueError(f"skills.yaml: duplicate entry {entry.name!r}")
        self.entries.append(entry)
        self.by_name[entry.name] = entry
        cased = set(item.get("cased") or [])
        strict = set(item.get("strict") or [])
        contextual = set(item.get("contextual") or [])
        reject_next = frozenset(fold(w) for w in item.get("reject_next") or [])
        reject_prev = frozenset(fold(w) for w in item.get("reject_prev") or [])
        for text in [entry.name, *(item.get("synonyms") or [])]:
            text = unicodedata.normalize("NFKC", str(text)).strip()
            is_cased = text in cased or text in strict
            needs_context = text in strict or text in contextual
            one = TOKEN_RE.findall(text)
            short = needs_context or (len(one) == 1 and len(text) <= 2)
            for i, variant in enumerate(_variants(text, plural=not (is_cased or needs_context))):
                toks = Tokens(variant)
                keys = tuple(w if n == 0 or toks.glued(n) else " " + w for n, w in enumerate(toks.words))
                alias = Alias(
                    entry,
                    variant,
                    form_key(text),
                    tuple(TOKEN_RE.findall(variant)),
                    is_cased,
                    needs_context,
                    short,
                    reject_next if is_cased else frozenset(),
                    reject_prev if is_cased else frozenset(),
                )
                self._insert(keys, alias, generated=i > 0)

    def _insert(self, keys: tuple[str, ...], alias: Alias, generated: bool) -> None:
        node = self._trie
        for key in keys:
            node = node.setdefault(key, {})
        owner = self._owner.get(keys)
        if owner is not None and owner[0] != alias.entry:
            if generated:
                return  # a generated spelling never overrides another entry's own
            if not owner[1]:
                raise ValueError(f"skills.yaml: {alias.text!r} names both {owner[0].name!r} and {alias.entry.name!r}")
            node[_TERMINAL] = []  # an entry's own spelling replaces another's generated one
        if owner is None or owner[0] != alias.entry or not generated:
            self._owner[keys] = (alias.entry, generated and (owner is None or owner[1]))
        node.setdefault(_TERMINAL, []).append(alias)

    # --- matching --------------------------------------------------------------
    def scan(self, text: str) -> tuple[Match, ...]:
        """Every taxonomy term in `text`, longest match first, left to right.

        Read line by line through a cache (a resume's lines come back in its blocks, its
        rewrites and the tailored text), shifting each line's matches to the text's offsets:
        nothing a match depends on crosses a line break, except a term written across one,
        a neighbour word that vetoes a term (`reject_next`/`reject_prev`) on the next or
        previous line, and a text whose folding changes its length; where a line break
        might matter so, the text is scanned in one pass, as before."""
        if "\n" not in text:
            return _line_scan(self, text).matches
        reads = [_line_scan(self, line) for line in text.split("\n")]
        if not self._lines_apart(reads):
            return self._scan_one(text).matches
        out: list[Match] = []
        offset = 0
        for read in reads:
            if read.matches:
                if offset:
                    out += [Match(m.entry, m.alias, m.start + offset, m.end + offset, m.text) for m in read.matches]
                else:
                    out += read.matches
            offset += read.length + 1
        return tuple(out)

    @staticmethod
    def forget_lines() -> None:
        """Drop the per-line scans (a benchmark's cold resume)."""
        _line_scan.cache_clear()

    @staticmethod
    def _lines_apart(reads: list[_LineScan]) -> bool:
        """Whether scanning the lines apart finds what one pass over their text would."""
        prev: _LineScan | None = None  # the last line with a token
        for read in reads:
            if not read.same_length:
                return False
            if read.first is None:
                continue  # a blank line: the words around it still meet
            if prev is not None:
                key = " " + read.first  # a word after a line break follows a space
                if any(key in node for node in prev.tails):
                    return False  # a term may run on into this line
                if read.first in prev.vetoed_next or (prev.last is not None and prev.last in read.vetoed_prev):
                    return False
            prev = read
        return True

    def _scan_one(self, text: str) -> _LineScan:
        """One pass of the matcher over `text`, with what `_lines_apart` needs of its ends."""
        toks = Tokens(text)
        words, parts = toks.words, toks.parts
        n = len(words)
        root = self._trie
        found: list[Match] = []
        tails: list[dict[str, Any]] = []  # trie nodes a walk still held at the last word
        vetoed_next: set[str] = set()  # reject_next words of aliases tried up to the last word
        vetoed_prev: set[str] = set()  # reject_prev words of aliases tried from the first word
        pending_context = False
        i = 0
        # Only a word that opens some term can start a match: visit those, in order (most
        # words open none, and the comprehension finds them in one pass).
        for at in [k for k, w in enumerate(words) if w in root]:
            if at < i:
                continue  # inside the previous match
            i = at
            node = root[words[i]]
            ends: list[tuple[int, list[Alias]]] = []
            if _TERMINAL in node:
                ends.append((i + 1, node[_TERMINAL]))
            j = i + 1
            while j < n:
                node = node.get(" " + words[j] if parts[2 * j] else words[j])
                if node is None:
                    break
                j += 1
                if _TERMINAL in node:
                    ends.append((j, node[_TERMINAL]))
            if j == n:
                tails.append(node)
            hit: Match | None = None
            for end_j, aliases in reversed(ends):
                for alias in aliases:
                    if end_j == n:
                        vetoed_next |= alias.reject_next
                    if i == 0:
                        vetoed_prev |= alias.reject_prev
                    if self._accept(alias, text, toks, i, end_j):
                        start, stop = toks.start(i), toks.end(end_j - 1)
                        hit = Match(alias.entry, alias, start, stop, text[start:stop])
                        break
                if hit:
                    i = end_j
                    break
            if hit is None:
                continue
            pending_context = pending_context or hit.alias.needs_context
            found.append(hit)
        if pending_context:
            found = self._check_context(text, found)
        return _LineScan(
            tuple(found),
            len(text),
            words[0] if words else None,
            words[-1] if words else None,
            tuple(tails),
            frozenset(vetoed_next),
            frozenset(vetoed_prev),
            toks.same_length,
        )

    @staticmethod
    def _accept(alias: Alias, text: str, toks: Tokens, i: int, end: int) -> bool:
        """Boundary, case and veto rules for one candidate occurrence."""
        words = toks.words
        n = len(words)
        if alias.cased:
            surface = [text[toks.start(k) : toks.end(k)] for k in range(i, end)]
            if surface != list(alias.tokens):
                if not (len(alias.text) >= 4 and "".join(surface) == "".join(alias.tokens).upper()):
                    return False
        nxt = words[end] if end < n else None
        prv = words[i - 1] if i > 0 else None
        if nxt is not None and toks.glued(end):  # a token glued to the term's end
            glued_word = end + 1 < n and toks.glued(end + 1) and words[end + 1][0].isalnum()
            if alias.short and nxt not in _SHORT_OK:
                return False
            if nxt in _BAD_NEXT or (nxt == "." and glued_word):
                return False
        if prv is not None and toks.glued(i):  # a token glued to the term's start
            glued_word = toks.glued(i - 1) and words[i - 2][0].isalnum()
            if alias.short and prv not in _SHORT_OK:
                return False
            if prv in _BAD_PREV or (prv == "." and glued_word):
                return False
        if alias.reject_next and nxt is not None and nxt in alias.reject_next:
            return False
        if alias.reject_prev and prv is not None and prv in alias.reject_prev:
            return False
        return True

    def _check_context(self, text: str, found: list[Match]) -> list[Match]:
        """Keep a context-needing match only when its line supports it (see module doc)."""
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        line_of = [bisect_right(starts, m.start) - 1 for m in found]
        anchored = {line_of[k] for k, m in enumerate(found) if not m.alias.needs_context}
        common = self.context.get("common", frozenset())
        out: list[Match] = []
        for k, m in enumerate(found):
            if not m.alias.needs_context or line_of[k] in anchored:
                out.append(m)
                continue
            ln = line_of[k]
            line = text[starts[ln] : (starts[ln + 1] - 1 if ln + 1 < len(starts) else len(text))]
            words = {fold(w) for w in re.findall(r"[\w-]+", line)}
            cues = self.context.get(m.entry.category, frozenset()) | common
            if words & cues or line.strip(_BULLET_CHARS + ".,;:").strip() == m.text:
                out.append(m)
        return out


@lru_cache(maxsize=4096)
def _line_scan(taxonomy: Taxonomy, line: str) -> _LineScan:
    """One line's scan, cached by taxonomy (a test may build its own) and line text; out of
    the instance, so a Taxonomy pickles as before."""
    return taxonomy._scan_one(line)


_LOAD_LOCK = threading.Lock()


def get_taxonomy() -> Taxonomy:
    """The packaged taxonomy, loaded and compiled once per process (threads wait for it)."""
    with _LOAD_LOCK:
        return _load_taxonomy()


@lru_cache(maxsize=1)
def _load_taxonomy() -> Taxonomy:
    raw = resources.files("resume_opt").joinpath("data/skills.yaml").read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return Taxonomy(yaml.load(raw, Loader=loader))  # noqa: S506 - a safe loader


# The caches above that are kept per text (a resume, one of its lines or sentences), not per
# process or per job: what a new resume finds empty (scripts/bench_quality.forget_resumes).
PER_TEXT_CACHES = (_line_scan,)
