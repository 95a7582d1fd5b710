"""The guard's lexicon (data/lexicon.yaml): neutral words, synonyms, strength scales, claims.

Words are compared by *key*: casefolded, a trailing possessive dropped, and lemmatised
by simplemma (which ships its English data), so "managed", "manages" and "managing" are
one key. A hyphenated compound keys as its lemmatised parts joined by hyphens
("award-winning"), and is also looked at part by part when the compound itself is not
known. The data file's words go through the same function, so the two always agree.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import simplemma
import yaml

SCALES = ("responsibility", "seniority", "proficiency", "scope")
CLAIMS = ("outcome", "quantity", "people", "credential")


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The comparison key of one word (see the module docstring)."""
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if "-" in w:
        return "-".join(_lemma(p) for p in w.split("-") if p)
    return _lemma(w)


def _lemma(w: str) -> str:
    if len(w) <= 2:
        return w
    fixed = _exceptions().get(w)
    if fixed is not None:
        return fixed
    return str(simplemma.lemmatize(w, lang="en")).casefold()


@lru_cache(maxsize=1)
def _exceptions() -> dict[str, str]:
    """The data file's `lemmas`: forms simplemma gets wrong ("growing" -> "growe")."""
    return {str(k).casefold(): str(v).casefold() for k, v in (_raw().get("lemmas") or {}).items()}


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """The keys of a phrase's words, in order ("in progress" -> ("in", "progress"))."""
    return tuple(word_key(w) for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", phrase))


def surface_words(phrase: str) -> tuple[str, ...]:
    """A phrase's words as written, casefolded: qualifiers are matched this way, since
    "expected 2027" qualifies and "better than they expect" does not."""
    return tuple(w.casefold().replace("’", "'") for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", phrase))


@dataclass(frozen=True, slots=True)
class Scale:
    """An ordered strength scale: each key's rank, and the rank of a text with none."""

    name: str
    default: int
    ranks: dict[str, int]
    surface: bool = False  # matched on the written word, not its lemma ("lead" the title, not "led")
    phrases: tuple[tuple[tuple[str, ...], int], ...] = ()  # its multi-word entries ("take part")

    def key_of(self, text: str, key: str) -> str:
        """What this scale looks up for a word: its lemma, or for a surface scale the word
        itself (a plural's singular: "managers" is "manager")."""
        if not self.surface:
            return key
        low = text.casefold()
        return low[:-1] if low.endswith("s") and low[:-1] in self.ranks else low


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled lexicon the guard reads."""

    neutral: frozenset[str]
    synonyms: dict[str, frozenset[int]]  # key -> ids of the groups it belongs to
    scales: tuple[Scale, ...]
    claims: dict[str, str]  # key -> claim class
    # qualifier groups: (kind, group id, phrases as key tuples)
    qualifiers: tuple[tuple[str, int, tuple[tuple[str, ...], ...]], ...]
    abbreviations: dict[str, frozenset[str]]  # abbreviation (casefolded) -> keys of the words it stands for
    product_kinds: frozenset[str]  # "EHR", "ERP": words that say what a product is
    collaborators: frozenset[str]  # keys of the people work may be shared with
    restrictive: frozenset[str] = frozenset()  # keys of words that make a parenthesis a qualifier
    # job-term equivalences: (the term's phrases, the phrases that are evidence for it), as key tuples
    terms: tuple[tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]], ...] = ()
    title_nouns: frozenset[str] = frozenset()  # keys of the nouns that end a job title ("engineer")
    title_abbreviations: dict[str, tuple[str, ...]] | None = None  # "sr" -> ("senior",), "vp" -> ("vice", "president")

    def expansions(self, keys: frozenset[str] | set[str], text: str = "") -> frozenset[str]:
        """The keys of the words that the abbreviations among `keys` (or, for those written
        with a symbol such as "P&L", in the casefolded `text`) stand for."""
        out: set[str] = set()
        for abbr, words in self.abbreviations.items():
            if abbr in keys or (abbr in _symbolic() and abbr in text and _symbolic()[abbr].search(text)):
                out |= words
        return frozenset(out)

    def abbreviates(self, word: str, keys: frozenset[str] | set[str]) -> bool:
        """Whether `word` is an abbreviation of words found in `keys` ("sq ft" for "square feet")."""
        words = self.abbreviations.get(word.casefold(), frozenset())
        return any(w in keys for w in words)

    def groups_of(self, keys: frozenset[str] | set[str]) -> frozenset[int]:
        """Every synonym group any of `keys` belongs to."""
        out: set[int] = set()
        for k in keys:
            g = self.synonyms.get(k)
            if g:
                out |= g
        return frozenset(out)


@lru_cache(maxsize=1)
def _symbolic() -> dict[str, re.Pattern[str]]:
    """A pattern for each abbreviation written with a symbol ("p&l", "k-12")."""
    return {a: re.compile(rf"(?<!\w){re.escape(a)}(?!\w)") for a in get_lexicon().abbreviations if not a.isalnum()}


def _words(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    return [str(v) for v in value or []]


def _phrases(value: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(k for k in (phrase_keys(str(p)) for p in value or []) if k)


def build_lexicon(data: dict[str, Any]) -> Lexicon:
    """Compile the lexicon's data (the parsed lexicon.yaml)."""
    # Long on purpose: one block per section of lexicon.yaml, in the file's order.
    claims: dict[str, str] = {}
    for cls in CLAIMS:
        for w in _words((data.get("claims") or {}).get(cls)):
            claims.setdefault(word_key(w), cls)
    scales: list[Scale] = []
    scale_keys: set[str] = set()
    for name in SCALES:
        raw = (data.get("scales") or {}).get(name) or {}
        ranks: dict[str, int] = {}
        surface = bool(raw.get("surface", False))
        for rank, words in (raw.get("ranks") or {}).items():
            for w in _words(words) if isinstance(words, str) else [str(v) for v in words or []]:
                if surface:
                    key = w.casefold()
                else:
                    key = " ".join(phrase_keys(w)) if " " in w else word_key(w)
                ranks.setdefault(key, int(rank))
        scale_keys |= {word_key(k) for k in ranks} if surface else set(ranks)
        multi = tuple((tuple(k.split(" ")), r) for k, r in ranks.items() if " " in k)
        scales.append(Scale(name, int(raw.get("default", 0)), ranks, surface, multi))
    neutral = {word_key(w) for w in _words(data.get("neutral"))} - set(claims) - scale_keys
    synonyms: dict[str, set[int]] = {}
    for gid, group in enumerate(data.get("synonyms") or []):
        for w in _words(group):
            synonyms.setdefault(word_key(w), set()).add(gid)
    qualifiers: list[tuple[str, int, tuple[tuple[str, ...], ...]]] = []
    gid = 0
    for kind, groups in (data.get("qualifiers") or {}).items():
        for group in groups or []:
            phrases = tuple(k for k in (surface_words(str(p)) for p in group) if k)
            qualifiers.append((str(kind), gid, phrases))
            gid += 1
    abbreviations = {
        str(k).casefold(): frozenset(phrase_keys(str(v))) for k, v in (data.get("abbreviations") or {}).items()
    }
    return Lexicon(
        frozenset(neutral),
        {k: frozenset(v) for k, v in synonyms.items()},
        tuple(scales),
        claims,
        tuple(qualifiers),
        abbreviations,
        frozenset(str(w).casefold() for w in data.get("product_kinds") or []),
        frozenset(word_key(str(w)) for w in data.get("collaborators") or []),
        frozenset(word_key(str(w)) for w in data.get("restrictive") or []),
        tuple((_phrases(t.get("term")), _phrases(t.get("evidence"))) for t in data.get("terms") or []),
        frozenset(word_key(w) for w in _words(data.get("title_nouns"))),
        {str(k).casefold(): phrase_keys(str(v)) for k, v in (data.get("title_abbreviations") or {}).items()},
    )


_LOCK = threading.Lock()


def get_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once per process."""
    with _LOCK:
        return _load()


@lru_cache(maxsize=1)
def _load() -> Lexicon:
    return build_lexicon(_raw())


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    raw = resources.files("resume_opt").joinpath("data/lexicon.yaml").read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(raw, Loader=loader)  # noqa: S506 - a safe loader
    return data
