"""The truthfulness guard every engine's edits pass through (DESIGN: the LLM contract).

An edit is rejected, with a `Rejection` naming its category and the words that caused
it, when its `original` is not verbatim in the resume, when its `revised` text holds
instructions to a model, or when it claims more than the resume says *where the edit
puts it*. Facts are scoped (see `facts`): an edit is checked against the lines it
replaces and its own block (one role, one project, the skills section), never against
the whole resume, so a tool, number, year or bullet from another role cannot move in.

What a rewrite may do, and nothing else:

- keep the line's facts: taxonomy entries of its block (the job's name for a skill the
  line has is the same entry; a longer or versioned name, "SAP S/4HANA" for "SAP", is a
  variant), numbers and dates of the line and its role's title lines (reformatted:
  "$1.2M" is "$1.2 million", "Mar 2021" is "03/2021", "two" is 2);
- use words its block already has, neutral words, synonyms of its block's words, and the
  spelled-out form of its acronyms and abbreviations (data/lexicon.yaml, by lemma);
- keep or lower the line's strength on every scale — responsibility ("contributed" <
  "built" < "led"), seniority ("junior" < plain < "senior" < "lead" < "manager"),
  proficiency ("basic" < plain < "proficient" < "expert"), scope ("classroom" < "school"
  < "district" < "region" < "national") — never raise it; dropping a weakening word
  ("helped lead", "Junior") raises it, and so does one more title word;
- keep every qualifier the line has ("in progress", "expected", "coursework", "basic",
  "part-time", "co-led", "covered for", "about"), bound to the entry it qualifies, every
  free-phrase qualifier (`qualifiers`: "under the senior engineer's review", "when no RN
  is on the unit", "(residency only)", "run by an outside firm", "only"), and the person
  work was shared with or done for ("with the safety coordinator", "for two senior
  brokers"), still beside the work; an acronym the line defines keeps its words ("EIT");
- rank a line by its verbs: a strength word used as a noun ("the tech lead") and an
  acronym spelled out ("direct oral anticoagulant") claim nothing;
- keep a role's title: only reworded or abbreviated ("Sr.", "VP", "RN Case Manager"),
  never another title ("Project Engineer" for "Civil Engineer I");
- a posting's job term may stand where the role says it otherwise (lexicon `terms`: "cost
  estimates" for "engineer's estimates"), one way only;
- never bring in a claim word (an outcome, a quantity in words, a people claim, a
  credential) the line (for people and credentials, its role) does not already make;
- a line of another block is a bullet copied into the wrong role.

The summary speaks for the whole resume, so its evidence is the whole resume, but it is
checked sentence by sentence (`review_summary`): a bad sentence is dropped on its own,
and a sentence the resume already has passes as it is. There, a title word must be one
of the resume's titles or said next to the same word ("relief charge nurse"); a wide
scope word likewise; each number must count, in some resume sentence, the word it
counts here; a fact or word the resume qualifies wherever it names it stays qualified;
and a clause tied to one role ("where he also...", "from her inside-sales years") holds
only that role's facts. Qualifiers bind to their clause, not the whole sentence; a clause
that restates a resume line (three of its content words) keeps that line's qualifiers and
claims no more proficiency than it; a certification must be one the resume holds (not
"under RN supervision", not "to become an RN"), a credential word must be said there of
the same thing, and a sentence opening with a job title names one of the resume's.
Anything the guard cannot place or read is rejected, with the reason: a missed rewording
costs a recruiter a minute, a fabricated claim can cost a candidate an offer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from resume_opt.ats.facts import (
    MONTHS,
    MULTIPLIERS,
    NUMBER_WORDS,
    PER_TEXT_CACHE,
    SHARED,
    ResumeFacts,
    TextFacts,
    Token,
    date_spans,
    line_key,
    qualifier_groups,
    resume_facts,
    scale_phrase_ranks,
    split_sentences,
    status_groups,
    text_facts,
)
from resume_opt.ats.injection import detect_injection
from resume_opt.ats.lexicon import Lexicon, Scale, get_lexicon, phrase_keys, word_key
from resume_opt.ats.qualifiers import (
    acronym_definitions,
    clause_free,
    clause_qualifiers,
    dropped_qualifier,
    keeps,
    qualifier_spans,
    supervised_spans,
)
from resume_opt.ats.sections import summary_span
from resume_opt.ats.taxonomy import get_taxonomy

__all__ = ["PER_TEXT_CACHES", "Guard", "Rejection", "resume_facts", "split_sentences"]

_ATTACHED = ("where", "in which", "during which", "while there")
_FROM_ROLE = re.compile(
    r"\b(?:from|during|in|at) (?:her|his|my|their|the) [\w-]+(?: [\w-]+)? (?:years|days|role|job|time)\b", re.I
)
_WIDE = 2  # scope ranks up to this (a school, a department) a summary may name freely
_PLAIN = 3  # the proficiency of a skill named with no proficiency word
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday present".split())
_LINKS = frozenset({"of", "and", "the", "for", "in", "&", "to", "a", "an", "on"})
_VAGUE_PLURALS = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores", "decades"})


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why an edit was rejected: its category, the words that caused it, and a message."""

    category: str
    words: tuple[str, ...]
    message: str
    sentence: str = ""  # the summary sentence dropped, when it is one

    def __str__(self) -> str:
        return self.message

    def as_dict(self) -> dict[str, Any]:
        """The keys a rejected edit's record gets: rejected_because, category, words (and sentence)."""
        out: dict[str, Any] = {"rejected_because": self.message, "category": self.category, "words": list(self.words)}
        if self.sentence:
            out["sentence"] = self.sentence
        return out


@dataclass(slots=True)
class _Scope:
    """The evidence an edit is checked against: its block(s) and the lines it replaces."""

    keys: set[str] = field(default_factory=set)
    cased: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    levels: set[str] = field(default_factory=set)
    groups: set[int] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    initials: list[str] = field(default_factory=list)
    proficiency: dict[str, int] = field(default_factory=dict)
    surfaces: dict[str, set[str]] = field(default_factory=dict)  # entry -> its spellings here
    expansions: frozenset[str] = frozenset()  # words the scope's abbreviations stand for
    texts: list[str] = field(default_factory=list)
    # near: the replaced lines and the block's title lines (numbers and dates live there)
    near_names: set[str] = field(default_factory=set)
    values: set[Decimal] = field(default_factory=set)
    mults: set[Decimal] = field(default_factory=set)
    dates: set[tuple[int, int]] = field(default_factory=set)
    years: set[int] = field(default_factory=set)

    def add(self, f: TextFacts) -> None:
        self.keys |= f.keys
        self.cased |= f.cased
        self.names |= f.names
        self.levels |= f.levels
        self.groups |= f.groups
        self.codes |= f.codes
        self.acronyms |= f.acronyms
        self.initials.append(f.initials)
        self.texts.append(f.text)
        for name, rank in f.entry_evidence(_PLAIN).items():
            self.proficiency[name] = min(self.proficiency.get(name, rank), rank)
        for _s, _e, name, _k, surface in f.spans:
            self.surfaces.setdefault(name, set()).add(surface.casefold())

    def add_near(self, f: TextFacts) -> None:
        self.near_names |= f.names
        self.values |= f.values
        # the number in a code of the line ("GA4" is Google Analytics 4)
        self.values |= {Decimal(d) for c in f.codes for d in re.findall(r"\d+", c)}
        self.mults |= f.mults
        self.dates |= f.dates
        self.years |= f.years
        self.codes |= f.codes


_VERDICTS_PER_RESUME = 512  # edits and summaries remembered per resume (an engine's pre-check, then finalize)


class _ResumeState:
    """What every guard of one resume shares: its facts, the summary's evidence and roles
    (built when first needed) and the verdicts already given. The offline engine checks its
    own edits before proposing them and finalize checks them again: the second time is a
    lookup. A verdict depends only on the resume and the edit (the lexicon and taxonomy are
    fixed for the process)."""

    __slots__ = ("facts", "held", "roles", "sentences", "summary_scope", "title_words", "verdicts")

    def __init__(self, resume: str) -> None:
        self.facts: ResumeFacts = resume_facts(resume)
        self.roles: _Roles | None = None
        self.held: frozenset[str] | None = None  # the certifications the resume says are held
        self.title_words: frozenset[str] | None = None  # words a summary may open with as a title
        self.summary_scope: _Scope | None = None
        self.verdicts: dict[tuple[str, str, bool], Rejection | None] = {}
        self.sentences: dict[str, Rejection | None] = {}  # summary sentences


def _remember(memo: dict[Any, Rejection | None], key: Any, verdict: Rejection | None) -> Rejection | None:
    if len(memo) >= _VERDICTS_PER_RESUME:
        memo.clear()  # bounded; one call, so threads sharing the state never see it half-evicted
    memo[key] = verdict
    return verdict


@lru_cache(maxsize=256)
def resume_state(resume: str) -> _ResumeState:
    """The shared per-resume state of `Guard` (cached: bounded, one resume meets many jobs)."""
    return _ResumeState(resume)


class Guard:
    """Checks edits against one resume; `review` returns None (pass) or a `Rejection`."""

    # Long on purpose, for now: every rule reads the same per-resume state (facts, roles,
    # summary evidence, memoised verdicts) and the summary rules reuse the edit rules. The
    # next step is one class per rule family (edit rules, summary rules) over that state;
    # it was not done in the same change as the rules themselves, to keep verdicts reviewable.

    def __init__(self, resume: str, job_text: str = "") -> None:
        self.resume = resume
        self._state = resume_state(resume)
        self.facts: ResumeFacts = self._state.facts
        self.lex: Lexicon = get_lexicon()
        self.job_text = job_text

    @property
    def _summary_scope(self) -> _Scope | None:
        return self._state.summary_scope

    # --- entry points ----------------------------------------------------------------
    def check(self, original: str, revised: str, insertion: bool = False) -> str | None:
        """Why this edit must be rejected (a one-line message), or None when it may be applied."""
        r = self.review(original, revised, insertion)
        return None if r is None else r.message

    def review(self, original: str, revised: str, insertion: bool = False) -> Rejection | None:
        """Why this edit must be rejected, or None when it may be applied."""
        key = (original, revised, insertion)
        verdicts = self._state.verdicts
        if key in verdicts:
            return verdicts[key]
        return _remember(verdicts, key, self._review(original, revised, insertion))

    def _review(self, original: str, revised: str, insertion: bool) -> Rejection | None:
        if not insertion and (not original.strip() or original not in self.resume):
            return Rejection("not_verbatim", (), "original text is not verbatim in the resume")
        if not revised.strip():
            return Rejection("empty", (), "revised text is empty")
        if revised == original:
            return Rejection("unchanged", (), "revised text is the same as the original")
        found = detect_injection(revised)
        if found:
            return Rejection("injection", found, f"revised text holds instructions to a model ({', '.join(found)})")
        if insertion or self._in_summary(original):
            if not insertion and not self._whole_summary(original):
                # an edit of part of the summary keeps what the replaced text says
                orig, new = text_facts(original), text_facts(revised)
                near = self._whole_scope()
                near.values, near.mults, near.dates, near.years = set(), set(), set(), set()
                near.add_near(orig)
                r = (
                    self._qualifiers(orig, new)
                    or self._strength(orig, new, _Scope())
                    or self._claims(new, orig, near)
                    or self._numbers(new, near)
                )
                if r is not None:
                    return r
            for sentence in split_sentences(revised):
                r = self._sentence(sentence)
                if r is not None:
                    return r
            return None
        return self._edit(original, revised)

    def review_summary(self, original: str, revised: str, insertion: bool = False) -> tuple[str, list[Rejection]]:
        """The summary's sentences that pass (joined) and a rejection for each one dropped."""
        if not insertion and original and original not in self.resume:
            return "", [Rejection("not_verbatim", (), "original text is not verbatim in the resume")]
        kept: list[str] = []
        dropped: list[Rejection] = []
        for sentence in split_sentences(revised):
            found = detect_injection(sentence)
            r = (
                Rejection("injection", found, f"revised text holds instructions to a model ({', '.join(found)})")
                if found
                else self._sentence(sentence)
            )
            if r is None:
                kept.append(sentence)
            else:
                dropped.append(Rejection(r.category, r.words, r.message, sentence))
        return " ".join(kept), dropped

    def _whole_summary(self, original: str) -> bool:
        """Whether `original` is the whole summary paragraph (a new summary replaces it)."""
        span = summary_span(self.resume)
        return span is not None and self.resume[span[0] : span[1]].strip() == original.strip()

    def _in_summary(self, original: str) -> bool:
        pos = self.resume.find(original)
        line = self.facts.line_at(pos)
        b = self.facts.block_of[line]
        return b >= 0 and self.facts.blocks[b].kind == "summary"

    # --- an edit of the resume's body ---------------------------------------------------
    def _edit(self, original: str, revised: str) -> Rejection | None:
        rf = self.facts
        pos = self.resume.find(original)
        first, last = rf.line_at(pos), rf.line_at(pos + len(original) - 1)
        blocks = sorted({rf.block_of[i] for i in range(first, last + 1)} - {-1})
        if _same_lines(original, revised):
            return None  # the same lines in another order: nothing new, nothing lost
        scope = _Scope()
        near_lines = [rf.line(i) for i in range(first, last + 1)]
        for f in near_lines:
            scope.add(f)
            scope.add_near(f)
        own_lines: set[str] = set()
        for b in blocks:
            block = rf.blocks[b]
            scope.add(block.facts)
            scope.add_near(block.head)
            own_lines |= block.lines
        scope.expansions = self.lex.expansions(scope.keys, "\n".join(scope.texts).casefold())
        if any(rf.blocks[b].start <= first < rf.blocks[b].head_end for b in blocks):
            r = self._retitle(original.split("\n")[0], revised.split("\n")[0])
            if r is not None:
                return r
        orig = text_facts(original)
        whole = text_facts(revised)
        # Lines the block already has bring in nothing (reordered bullets and skills);
        # a line of another block is a bullet copied into the wrong role.
        rest_lines: list[str] = []
        for ln in revised.split("\n"):
            key = line_key(ln)
            if not key or key in own_lines:
                continue
            if len(key) > 20 and any(key in blk.lines for blk in rf.blocks):
                return Rejection("copied_line", (key,), f"copies the line '{key}' from another part of the resume")
            rest_lines.append(ln)
        rest = text_facts("\n".join(rest_lines))
        return (
            self._entries(rest, scope)
            or self._qualifiers(orig, whole)
            or self._strength(orig, whole, scope)
            or self._claims(rest, orig, scope)
            or self._versions(rest, scope)
            or self._numbers(rest, scope)
            or self._words(rest, scope)
        )

    @staticmethod
    def _versions(rest: TextFacts, scope: _Scope) -> Rejection | None:
        """A version or edition is a fact of the product it follows: "NEC 2023" needs "NEC 2023"
        in the role, even when 2023 is one of its dates ("WCAG 2.0" -> "WCAG 2.2" is no rewording)."""
        have = set().union(*(_version_pairs(t) for t in scope.texts)) if scope.texts else set()
        written = "\n".join(scope.texts).casefold()
        for name, version in sorted(_version_pairs(rest.text) - have):
            if "".join(w[:1] for w in name.split()) + version in written:
                continue  # "Google Analytics 4" for the role's "GA4"
            return Rejection("variant", (name, version), f"names the version '{name} {version}', which the role lacks")
        return None

    def _entries(self, rest: TextFacts, scope: _Scope) -> Rejection | None:
        for _s, _e, name, kind, surface in rest.spans:
            # a degree or certification is a fact of its own line; a skill, of its role
            if name in (scope.near_names if kind in ("degree", "certification") else scope.names):
                low = surface.casefold()
                own = scope.surfaces.get(name, set())
                longer = any(
                    low.startswith(o)
                    and not low[len(o) : len(o) + 1].isalnum()
                    and not set(re.findall(r"\w+", low[len(o) :])) <= self.lex.product_kinds
                    for o in own
                )
                digits = set(re.findall(r"\d+", low)) - {d for o in own for d in re.findall(r"\d+", o)}
                if low not in own and (longer or digits):
                    return Rejection("variant", (surface,), f"names a variant or edition '{surface}' the resume lacks")
                continue
            if kind == "skill" and (
                self._spelled_out(surface, scope)
                or _written_in(surface, scope.texts)
                or self._term_evidence(phrase_keys(surface), scope)
            ):
                continue
            if kind == "degree" and _generic_degree(surface) and any(lv in scope.levels for lv in rest.levels):
                continue
            if name in self.facts.rough.names or (
                kind == "degree" and _generic_degree(surface) and rest.levels & self.facts.rough.levels
            ):
                return Rejection("moved_fact", (surface,), f"claims {kind} '{surface}' from another part of the resume")
            label = {"degree": "degree", "certification": "certification"}.get(kind, "skill")
            return Rejection(label, (surface,), f"introduces {label} '{surface}' not in the resume")
        return None

    def _scope_moved(self, orig: TextFacts, new: TextFacts, scale: Scale) -> Rejection | None:
        """A scope word the line has must still qualify what it did: "a district math
        curriculum" piloted in two sections is not a pilot "across the district"."""
        had = _scale_pairs(orig, scale)
        for word, nxt, prev in _scale_pairs(new, scale):
            if scale.ranks[word] <= _WIDE - 1:
                continue
            old = [(n, p) for w, n, p in had if w == word]
            if old and not any(nxt == n or prev == p for n, p in old):
                return Rejection("scope", (word,), f"widens scope: '{word}' now qualifies something else")
        return None

    def _spelled_out(self, surface: str, scope: _Scope) -> bool:
        """Whether a term is the scope's acronym spelled out ("warehouse management system" for
        "WMS"), or made only of the scope's own words and abbreviations."""
        words = [w for w in re.findall(r"[^\W\d_]+", surface) if w.casefold() not in _LINKS]
        if any(len(w) < 2 for w in words):
            return False
        if len(words) >= 2 and "".join(w[0] for w in words).upper() in scope.acronyms:
            return True
        keys = [word_key(w) for w in words]
        return len(keys) >= 2 and all(
            k in scope.keys or k in scope.expansions or self.lex.synonyms.get(k, frozenset()) & scope.groups
            for k in keys
        )

    def _retitle(self, original: str, revised: str) -> Rejection | None:
        """A role's title may be reworded or abbreviated ("Sr. Accountant" for "Senior
        Accountant", "RN" for "Registered Nurse"), never changed: "Project Engineer" is not
        "Civil Engineer I" whatever the posting calls the job."""
        old, new = _title_segment(original), _title_segment(revised)
        if re.search(r"(?:19|20)\d\d", old):
            return None  # a date line, not a title
        old_words, new_words = self._title_words(old), self._title_words(new)
        if not old_words or _same_title(old_words, new_words):
            return None
        return Rejection(
            "seniority", (new.strip(),), f"retitles '{old.strip()}' as '{new.strip()}': a title may only be reworded"
        )

    def _title_words(self, segment: str) -> list[tuple[str, str]]:
        """A title's words in order, as (key, the word as written), an abbreviation spelled out
        ("Sr" is "senior", "VP" is "vice president") and a roman numeral as its number."""
        table = self.lex.title_abbreviations or {}
        out: list[tuple[str, str]] = []
        for w in re.findall(r"[^\W_]+", segment):
            low = w.casefold()
            if low in _LINKS or low in MONTHS:
                continue
            if low in _ROMAN:
                out.append((_ROMAN[low], w))
            elif low in table and not (w.isupper() and len(w) > 2 and low not in ("vp", "svp", "evp", "avp")):
                out.extend((k, k) for k in table[low])
            else:
                out.append((word_key(w), w))
        return out

    def _term_evidence(self, keys: tuple[str, ...], scope: _Scope) -> bool:
        """Whether `keys` is a posting's term (data/lexicon.yaml `terms`) that some line of the
        scope says in other words."""
        for names, evidence in self.lex.terms:
            if keys in names and any(self._said_in_a_line(p, scope) for p in evidence):
                return True
        return False

    def _term_cover(self, tokens: tuple[Token, ...], scope: _Scope) -> set[int]:
        """Indexes of the words of a job term the scope has evidence for ("cost estimates"
        where the role drafted "engineer's estimates")."""
        if not self.lex.terms:
            return set()
        words = [(i, t) for i, t in enumerate(tokens) if t.kind == "word"]
        keys = [t.key for _, t in words]
        covered: set[int] = set()
        for names, evidence in self.lex.terms:
            for p in names:
                n = len(p)
                for k in range(len(keys) - n + 1):
                    if tuple(keys[k : k + n]) == p and any(self._said_in_a_line(e, scope) for e in evidence):
                        covered.update(i for i, _ in words[k : k + n])
        return covered

    @staticmethod
    def _said_in_a_line(phrase: tuple[str, ...], scope: _Scope) -> bool:
        return all(k in scope.keys for k in phrase) and any(
            all(k in text_facts(ln).keys for k in phrase) for t in scope.texts for ln in t.split("\n")
        )

    def _whole_scope(self) -> _Scope:
        whole = self.facts.whole
        scope = _Scope()
        scope.add(whole)
        scope.add_near(whole)
        scope.expansions = self.lex.expansions(scope.keys, "\n".join(scope.texts).casefold())
        return scope

    def _qualifiers(self, orig: TextFacts, whole: TextFacts) -> Rejection | None:
        plain = [t for t in orig.tokens if t.kind == "word"]
        # the person is matched as written: "Led" (a verb) does not keep "the tech lead"
        written = {t.text.casefold() for t in whole.tokens if t.kind == "word"}
        for i, t in enumerate(plain):
            if t.text.casefold() not in _SHARED_WITH:
                continue
            person = next((u for u in plain[i + 1 : i + 5] if u.key in self.lex.collaborators), None)
            if person is not None and not self._still_shared(person, whole):
                phrase = orig.text[t.start : person.end]
                return Rejection("qualifier", (phrase,), f"drops '{phrase}': the work was shared")
        # an acronym the line defines stands for its words: "EIT" keeps "Engineer in Training"
        defined = [exp for acr, exp in acronym_definitions(orig.text) if acr.casefold() in written]
        kept_groups = whole.qualifiers | qualifier_groups([w.casefold() for w in " ".join(defined).split()])
        kept_keys = whole.keys | {k for exp in defined for k in phrase_keys(exp)}
        free = dropped_qualifier(orig.text, frozenset(kept_keys))
        if free is not None:
            return Rejection("qualifier", (free.text,), f"drops the qualifier '{free.text}'")
        missing = orig.qualifiers - kept_groups
        if missing:
            words = self._qualifier_words(orig, missing)
            return Rejection("qualifier", words, f"drops the qualifier {_quote(words)}")
        status = whole.entry_status()
        for name, groups in orig.entry_status().items():
            if name in status and groups - status[name]:
                words = self._qualifier_words(orig, groups - status[name])
                return Rejection("qualifier", (name, *words), f"drops the qualifier {_quote(words)} from '{name}'")
        return None

    def _still_shared(self, person: Token, whole: TextFacts) -> bool:
        """Whether a rewrite still names the person the work was shared with, as a partner:
        written as it was (not "Led" for "the tech lead") and after a word that shares the
        work ("with", "alongside", "for", "under"...), not "served as the tech lead"."""
        words = [t for t in whole.tokens if t.kind == "word"]
        for i, t in enumerate(words):
            if t.key == person.key and _written_form(person.text, {t.text.casefold()}):
                if any(u.text.casefold() in _SHARING for u in words[max(0, i - 5) : i]):
                    return True
        return False

    def _qualifier_words(self, f: TextFacts, groups: frozenset[int]) -> tuple[str, ...]:
        texts = [t.text for t in f.tokens if t.kind == "word"]
        keys = [w.casefold().replace("’", "'") for w in texts]
        out: list[str] = [w for w in texts if w.casefold().startswith("co-")] if SHARED in groups else []
        for _kind, gid, phrases in self.lex.qualifiers:
            if gid not in groups:
                continue
            for p in phrases:
                for i in range(len(keys) - len(p) + 1):
                    if tuple(keys[i : i + len(p)]) == p:
                        out.append(" ".join(texts[i : i + len(p)]))
                        break
                else:
                    continue
                break
        return tuple(out) or ("qualifier",)

    def _strength(self, orig: TextFacts, whole: TextFacts, scope: _Scope) -> Rejection | None:
        # Words that are no claim of the candidate's: a strength word used as a noun in the
        # line ("the tech lead"; the same noun kept in the rewrite), and the words of an
        # acronym of the role spelled out ("direct oral anticoagulant" for "DOAC").
        nouns = _noun_uses(orig)
        skip_orig = frozenset(nouns)
        skip_new = frozenset(t for t, use in _noun_uses(whole).items() if use in nouns.values())
        r = self._strength_with(orig, whole, scope, skip_orig, skip_new)
        if r is None:
            return None
        # only a rewrite that would be refused looks for a spelled-out acronym (it is rare)
        cover = _acronym_cover(whole.tokens, scope) if scope.acronyms else set()
        spelled = self.lex.expansions(orig.keys, orig.text.casefold()) - orig.keys
        acronym_words = {whole.tokens[i].start for i in cover}
        acronym_words |= {t.start for t in whole.tokens if t.kind == "word" and t.key in spelled}
        if not acronym_words:
            return r
        return self._strength_with(orig, whole, scope, skip_orig, skip_new | acronym_words)

    def _strength_with(
        self, orig: TextFacts, whole: TextFacts, scope: _Scope, skip_orig: frozenset[int], skip_new: frozenset[int]
    ) -> Rejection | None:
        """`_strength`, leaving out the words starting at `skip_orig` / `skip_new`."""
        for scale in self.lex.scales:
            r_orig, r_new = _rank(orig, scale, skip_orig)[1], _rank(whole, scale, skip_new)[1]
            eff_orig = scale.default if r_orig is None else r_orig
            eff_new = scale.default if r_new is None else r_new
            if eff_new > eff_orig:
                if r_new is None:
                    words = _scale_words(orig, scale)
                    msg = f"drops {_quote(words)}, which states a lower {scale.name}"
                else:
                    words = tuple(w for w in _scale_words(whole, scale, min_rank=eff_orig + 1))
                    had = _scale_words(orig, scale)
                    msg = f"raises {scale.name}: {_quote(words)} is stronger than " + (
                        f"the line's {_quote(had)}" if had else "what the line says"
                    )
                return Rejection(scale.name, words, msg)
            if scale.surface:  # titles: one more title word is a higher title ("Senior Account Executive")
                had_ranks = sorted(_scale_ranks(orig, scale), reverse=True)
                new_ranks = sorted(_scale_ranks(whole, scale), reverse=True)
                if len(new_ranks) > len(had_ranks) or any(n > h for n, h in zip(new_ranks, had_ranks, strict=False)):
                    extra = [w for w in _scale_words(whole, scale) if w not in _scale_words(orig, scale)]
                    words = tuple(extra) or _scale_words(whole, scale)
                    return Rejection(scale.name, words, f"raises {scale.name}: adds {_quote(words)} to the title")
            if scale.name == "scope":
                r = self._scope_moved(orig, whole, scale)
                if r is not None:
                    return r
            weak = _rank(orig, scale, skip_orig)[0]
            if (
                weak is not None
                and weak < scale.default
                and (_weak_kept(orig, whole, scale, skip_new) or scale.default) > weak
            ):
                words = _scale_words(orig, scale, max_rank=weak)
                return Rejection(scale.name, words, f"drops {_quote(words)}, which states a lower {scale.name}")
        # an entry the replaced text names keeps at most the strength it had there; one it does
        # not, at most the weakest its role states
        have = {**scope.proficiency, **orig.entry_proficiency()}
        for name, rank in whole.entry_proficiency().items():
            if rank > have.get(name, 3):
                return Rejection("proficiency", (name,), f"raises the proficiency stated for '{name}'")
        return None

    def _claims(self, rest: TextFacts, orig: TextFacts, scope: _Scope) -> Rejection | None:
        supervised = supervised_spans(rest.text)
        for t in rest.tokens:
            if t.kind != "word" or any(a <= t.start < b for a, b in supervised):
                continue  # ("under RN supervision" is no people claim)
            low = t.text.casefold()
            if low in _VAGUE_PLURALS and low not in orig.keys:
                return Rejection("quantity", (t.text,), f"claims a quantity '{t.text}' the line does not state")
            if low in NUMBER_WORDS or _inside(t, rest):
                continue
            cls = self.lex.claims.get(t.key)
            if cls is None and "-" in t.key:  # "CEN-certified", "award-winning"
                cls = next((self.lex.claims[p] for p in t.key.split("-") if p in self.lex.claims), None)
            if cls is None:
                continue
            if t.key in MULTIPLIERS and Decimal(MULTIPLIERS[t.key]) in scope.mults:
                continue
            basis_keys, basis_groups = (
                (scope.keys, scope.groups) if cls in ("people", "credential") else (orig.keys, orig.groups)
            )
            if t.key in basis_keys or self.lex.synonyms.get(t.key, frozenset()) & basis_groups:
                continue
            claimed = [p for p in t.key.split("-") if p in self.lex.claims] if "-" in t.key else []
            if claimed and all(p in basis_keys for p in claimed):
                continue  # "new-graduate" for "new graduate"
            if t.key in scope.expansions:
                continue
            where = "role" if cls in ("people", "credential") else "line"
            return Rejection(cls, (t.text,), f"claims {_CLAIM_NOUN[cls]} '{t.text}' the {where} does not state")
        return None

    def _numbers(self, rest: TextFacts, scope: _Scope) -> Rejection | None:
        dates = date_spans(rest.text)
        for year, month in sorted(rest.dates):
            if (year, month) not in scope.dates:
                cat = (
                    "moved_fact"
                    if (year, month) in self.facts.rough.dates or year in self.facts.rough.years
                    else "date"
                )
                return Rejection(cat, (f"{month:02d}/{year}",), f"introduces date '{month:02d}/{year}' not in the line")
        for year in sorted(rest.years):
            if year not in scope.years:
                cat = "moved_fact" if year in self.facts.rough.years else "date"
                return Rejection(cat, (str(year),), f"introduces date '{year}' not in the line")
        for t in rest.tokens:
            if _inside(t, rest) or any(a <= t.start < b for a, b in dates):
                continue
            if t.kind == "num" and t.value is not None:
                if t.value.normalize() not in scope.values:
                    cat = "moved_fact" if t.value.normalize() in self.facts.rough.values else "number"
                    return Rejection(cat, (t.text,), f"introduces number '{t.text}' not in the line")
            elif t.kind == "mult" and t.value is not None:
                if t.value.normalize() not in scope.mults:
                    return Rejection("number", (t.text,), f"introduces number '{t.text}' not in the line")
            elif t.kind == "code" and t.key not in scope.codes:
                return Rejection("number", (t.text,), f"introduces number '{t.text}' not in the line")
        for value, words in _word_numbers(rest.tokens):
            if value not in scope.values:
                return Rejection("quantity", words, f"introduces number {_quote(words)} not in the line")
        return None

    def _words(self, rest: TextFacts, scope: _Scope) -> Rejection | None:
        lex = self.lex
        covered = _acronym_cover(rest.tokens, scope) | self._term_cover(rest.tokens, scope)
        bad: list[Token] = []
        names: list[Token] = []
        for i, t in enumerate(rest.tokens):
            if t.kind != "word" or i in covered or _inside(t, rest):
                continue
            low = t.text.casefold()
            if low in MONTHS or low in _DAYS or low in NUMBER_WORDS or low == "i":
                continue
            capital = t.text[:1].isupper() and not t.first
            known = (
                t.key in scope.keys
                or low in scope.keys
                or t.key in scope.expansions
                or lex.abbreviates(low, scope.keys)
                or _part_known(t.key, scope, lex)
                or self._reworded(t.key, scope)
            )
            if not known and t.text.isupper() and _initials_in(t.text, tuple(scope.texts)):
                known = True  # "FAI" for the role's "first article inspection"
            if capital and t.key not in scope.cased and not (t.text.isupper() and known):
                names.append(t)
            elif not known:
                bad.append(t)
        if names:
            words = tuple(t.text for t in names)
            return Rejection(
                "organisation", words, f"introduces employer or other proper noun '{words[0]}' not in the resume"
            )
        if bad:
            words = tuple(t.text for t in bad)
            moved = [w for t, w in zip(bad, words, strict=True) if t.key in self.facts.rough.keys]
            if len(moved) == len(bad):
                return Rejection("moved_fact", words, f"brings {_quote(words)} from another part of the resume")
            return Rejection(
                "unsupported", words, f"introduces {_quote(words)}: new to this role and not a known neutral rewording"
            )
        return None

    def _reworded(self, key: str, scope: _Scope) -> bool:
        lex = self.lex
        if key in lex.neutral or key in lex.claims:
            return True  # claim words were checked on their own
        if any(key in s.ranks for s in lex.scales):
            return True  # scale words were checked by strength
        if key in _status_words():
            return True  # "studying toward", "expected": a status only limits what the line claims
        return bool(lex.synonyms.get(key, frozenset()) & scope.groups)

    # --- one summary sentence -----------------------------------------------------------
    def _sentence(self, sentence: str) -> Rejection | None:
        memo = self._state.sentences
        if sentence in memo:
            return memo[sentence]
        return _remember(memo, sentence, self._check_sentence(sentence))

    def _check_sentence(self, sentence: str) -> Rejection | None:
        """Why one summary sentence must be dropped, or None."""
        # Long on purpose: the summary's checks in the order they must run (own sentence,
        # injection, scope, strength, claims, numbers, words); each is one short call.
        rf = self.facts
        if " ".join(sentence.split()) in rf.sentence_texts:
            return None  # the candidate's own sentence, word for word
        whole = rf.whole
        f = text_facts(sentence)
        if self._state.summary_scope is None:
            self._state.summary_scope = self._whole_scope()
        scope = self._state.summary_scope
        r = self._entries(f, scope)
        if r:
            return r
        # qualified facts stay qualified
        status = whole.entry_status()
        for start, end, name, kind, surface in f.spans:
            need = status.get(name, frozenset())
            if kind == "degree" and name not in status and _generic_degree(surface):  # "an associate degree"
                need = self._degree_status(name, status)
            if need and not need & ((f.qualifiers - status_groups()) | _status_near(f, start, end)):
                words = self._qualifier_words(whole, need)
                return Rejection("qualifier", (surface, *words), f"drops the qualifier {_quote(words)} of '{surface}'")
        status_kept = bool(f.qualifiers & status_groups())
        others = qualifier_spans(f.text)  # "under senior engineer review": the words are someone else's
        for t in f.tokens:
            if (
                t.kind == "word"
                and not any(a <= t.start < b for a, b in others)
                and len(t.key) > 2
                and t.key not in self.lex.neutral
                and t.key not in self.lex.claims
                and not self._own_spelling(t, f)
            ):
                need = self._always_qualified(t.key, f.values)
                if need and status_kept and need <= status_groups():
                    continue  # a word (not an entry) stays unfinished with any status: "expected" for "completing"
                if need and not need & f.qualifiers:
                    words = self._qualifier_words(whole, need)
                    return Rejection(
                        "qualifier", (t.text, *words), f"drops the qualifier {_quote(words)} of '{t.text}'"
                    )
        r = self._free_qualifiers_kept(f) or self._source_qualifiers_kept(f)
        if r:
            return r
        r = self._summary_strength(f)
        if r:
            return r
        r = self._claims(f, whole, scope) or self._held_credentials(f) or self._opening_title(f)
        if r:
            return r
        r = self._numbers(f, scope)
        if r:
            return r
        r = self._bound_numbers(f) or self._clauses_in_role(f)
        if r:
            return r
        return self._words(f, scope)

    def _free_qualifiers_kept(self, f: TextFacts) -> Rejection | None:
        """A word every resume clause names with a free qualifier ("under preceptor
        supervision", "when no RN is on the unit", "(residency only)") keeps it in the summary."""
        others = qualifier_spans(f.text)
        for t in f.tokens:
            if t.kind != "word" or len(t.key) <= 2 or t.key in self.lex.neutral or t.key in self.lex.claims:
                continue
            if any(a <= t.start < b for a, b in others):
                continue  # a word of the summary's own qualifier describes someone else
            need: frozenset[tuple[str, ...]] | None = None
            for lf in self.facts.sentences_with([t.key]):
                if t.key in lf.keys:
                    here = clause_free(lf.text, t.key)
                    need = here if need is None else need & here
                    if not need:
                        break
            for sig in need or ():
                if not keeps(sig, f.text, f.keys):
                    shown = " ".join(sig) if sig[0] != "(" else f"({' '.join(sig[1:])})"
                    return Rejection("qualifier", (t.text, shown), f"drops the qualifier '{shown} ...' of '{t.text}'")
        return None

    def _content_keys(self, f: TextFacts) -> set[str]:
        lex = self.lex
        return {
            t.key
            for t in f.tokens
            if t.kind in ("word", "code")
            and len(t.key) > 2
            and t.key not in _LINKS
            and t.key not in lex.neutral
            and t.key not in lex.claims
            and not any(t.key in sc.ranks for sc in lex.scales)
        }

    def _sources(self, clause: TextFacts) -> list[TextFacts]:
        """The resume sentences a summary clause restates: those sharing the most of its content
        words, three at least (none when no sentence shares three)."""
        content = self._content_keys(clause)
        if len(content) < 3:
            return []
        overlap = [(len(content & lf.keys), lf) for lf in self.facts.sentences_with(content)]
        best = max((n for n, _lf in overlap), default=0)
        return [lf for n, lf in overlap if n == best] if best >= 3 else []

    def _restated_rank(self, f: TextFacts, name: str) -> int:
        """The proficiency the resume states for `name` in the lines the summary clause naming it
        restates ("used Epic Willow during residency" restates "Epic Willow (residency only)"),
        or 0 when the clause restates no line that names it."""
        start = next((a for a, _b, n, _k, _t in f.spans if n == name), None)
        if start is None:
            return 0
        cuts = [0] + [m.end() for m in re.finditer(r"[;,]", f.text)] + [len(f.text)]
        k = bisect_right(cuts, start) - 1
        clause = text_facts(f.text[cuts[k] : cuts[min(k + 1, len(cuts) - 1)]])
        sources = [lf for lf in self._sources(clause) if name in lf.names]
        if not sources:
            return 0
        return min(lf.entry_proficiency().get(name, 0) for lf in sources)

    def _source_qualifiers_kept(self, f: TextFacts) -> Rejection | None:
        """A summary clause that restates a resume line (three or more of its content words:
        "runs HEC-RAS 1D models for culvert replacements") keeps that line's qualifiers ("under
        the senior engineer's review"), though each word alone is also named plainly elsewhere.
        The closest lines are the source; if one of them is plain, nothing is required."""
        status = status_groups()
        for clause in re.split(r"[;,]", f.text):
            cf = text_facts(clause)
            sources = self._sources(cf)
            if not sources:
                continue
            content = self._content_keys(cf)
            # what qualifies the source's clauses that this clause restates
            need_free = frozenset.intersection(
                *(frozenset().union(*(clause_free(lf.text, k) for k in content & lf.keys)) for lf in sources)
            )
            for sig in need_free:
                if not keeps(sig, f.text, f.keys):
                    shown = " ".join(sig) if sig[0] != "(" else f"({' '.join(sig[1:])})"
                    return Rejection(
                        "qualifier", (clause.strip(), shown), f"drops the qualifier '{shown} ...' of its source line"
                    )
            need = frozenset.intersection(
                *(frozenset().union(*(clause_qualifiers(lf.text, k) for k in content & lf.keys)) for lf in sources)
            )
            if not any(lf.values & f.values for lf in sources):
                need -= _number_qualifiers()
            if need & status and f.qualifiers & status:
                need -= status
            if need and not need & f.qualifiers:
                words = self._qualifier_words(sources[0], need)
                return Rejection("qualifier", words, f"drops the qualifier {_quote(words)} of its source line")
        return None

    def _opening_title(self, f: TextFacts) -> Rejection | None:
        """A sentence that opens with a role ("Project engineer with 4 years...") names a title:
        its words must be the resume's titles' or its own summary's opening words ("Civil
        engineer"), in any case an acronym the resume has ("EIT"). "Project engineer" is not
        "Civil Engineer I", and "Transportation analyst" is not "Logistics Coordinator"."""
        m = _OPENING.match(f.text)
        if m is None or not m.group(1).strip():
            return None
        phrase = text_facts(m.group(1))
        words = [t for t in phrase.tokens if t.kind == "word"]
        if not words or len(words) > 5 or phrase.spans or len(words) != len(phrase.tokens):
            return None  # a certification's or a tool's name, or a clause, not a title
        if words[-1].key not in self.lex.title_nouns:
            return None
        ok = self._state.title_words
        if ok is None:
            ok = self._state.title_words = self._title_vocabulary()
        rough = self.facts.rough.keys
        bad = [
            t.text
            for t in words
            if t.key not in ok
            and t.text.casefold() not in ok
            and t.key not in self.lex.neutral
            and t.key not in self.lex.claims  # checked as claims
            and t.key not in _LINKS
            and not (t.text.isupper() and t.text.casefold() in rough)
            and not any(sc.key_of(t.text, t.key) in sc.ranks for sc in self.lex.scales if sc.name == "seniority")
        ]  # (a seniority word is checked as one)
        if bad:
            words_ = tuple(bad)
            return Rejection(
                "seniority", words_, f"names the title '{m.group(1).strip()}', which is none of the resume's"
            )
        return None

    def _title_vocabulary(self) -> frozenset[str]:
        """The words a summary may open with as a title: the resume's titles and header, the
        opening words of its own summary, and title abbreviations' readings."""
        ok = set(self.facts.titles.keys)
        span = summary_span(self.resume)
        if span is not None:
            own = split_sentences(self.resume[span[0] : span[1]].strip())
            m = _OPENING.match(own[0]) if own else None
            if m is not None:
                ok |= text_facts(m.group(1)).keys
        table = self.lex.title_abbreviations or {}
        ok |= {k for a in list(ok) for k in table.get(a, ())}
        return frozenset(ok)

    def _held_credentials(self, f: TextFacts) -> Rejection | None:
        """A summary's credential must be the candidate's: a certification it names must be in
        the resume's credentials, education, skills or titles (not only in a bullet, "reported
        to the RN supervisor"), and a credential word must say what it said there ("wound care
        certified" needs a resume sentence certifying wound care, not "IV therapy certification")."""
        others = qualifier_spans(f.text)  # "when no RN is on the unit": someone else's
        for start, end, name, kind, surface in f.spans:
            if kind != "certification" or any(a <= start < b for a, b in others):
                continue
            held = self._state.held  # read once per resume, and only for a sentence naming a certification
            if held is None:
                held = self._state.held = _held_names(self.facts)
            unfinished = bool(_status_near(f, start, end))
            if name not in held and not (unfinished and name in self.facts.rough.names):
                return Rejection("credential", (surface,), f"claims '{surface}', which the resume never says is held")
        words = [t for t in f.tokens if t.kind == "word"]
        for i, t in enumerate(words):
            if self.lex.claims.get(t.key) != "credential" or _inside(t, f) or not self._own_credential(f, t, others):
                continue
            objects = self._claim_objects(f, words, i)
            if not objects:
                continue
            sources = [
                lf for lf in self.facts.sentences_with(objects) if objects <= lf.keys and self._says_credential(lf)
            ]
            if not sources:
                words_ = (t.text, *sorted(objects))
                return Rejection(
                    "credential",
                    words_,
                    f"claims '{t.text}' for {_quote(tuple(sorted(objects)))}, which the resume does not",
                )
            # "Board Certified ... (BCPS) — studying for the exam": the summary keeps a status
            need = frozenset.intersection(*(lf.qualifiers for lf in sources)) & status_groups()
            if need and not _status_near(f, t.start, t.end):
                words_ = self._qualifier_words(sources[0], need)
                return Rejection("qualifier", (t.text, *words_), f"drops the qualifier {_quote(words_)} of '{t.text}'")
        return None

    def _says_credential(self, lf: TextFacts) -> bool:
        """A resume sentence says a credential of the candidate (see `_own_credential`)."""
        others = qualifier_spans(lf.text)
        return any(
            t.kind == "word" and self.lex.claims.get(t.key) == "credential" and self._own_credential(lf, t, others)
            for t in lf.tokens
        )

    @staticmethod
    def _own_credential(f: TextFacts, t: Token, others: tuple[tuple[int, int], ...]) -> bool:
        """A credential word said of the candidate, not inside a phrase that describes someone
        else ("under supervision of a licensed journeyman", "working under licensed electricians")."""
        return not any(a <= t.start < b for a, b in others) and not _UNDER_SOMEONE.search(f.text, 0, t.start)

    def _claim_objects(self, f: TextFacts, words: list[Token], i: int) -> set[str]:
        """The content words a claim word is said of: up to two after it in its clause, else up
        to two before it."""

        def content(u: Token) -> bool:
            return (
                u.key not in _LINKS
                and u.key not in self.lex.neutral
                and u.key not in self.lex.claims
                and not any(u.key in sc.ranks for sc in self.lex.scales)
                and u.text.casefold() not in NUMBER_WORDS
            )

        def same_clause(a: Token, b: Token) -> bool:
            lo, hi = sorted((a.end, b.start)) if a.start < b.start else sorted((b.end, a.start))
            return not re.search(r"[,;:.()]", f.text[lo:hi])

        t = words[i]
        after = [u for u in words[i + 1 : i + 3] if same_clause(t, u)]
        before = [u for u in words[max(0, i - 2) : i] if same_clause(u, t)]
        # a list's "and" ends what the word is said of: "ServSafe Food Handler and Certified ..."
        for side, rev in ((after, False), (before, True)):
            seq = list(reversed(side)) if rev else side
            cut = next((k for k, u in enumerate(seq) if u.key in ("and", "or", "with", "plus")), None)
            if cut is not None:
                del seq[cut:]
                side[:] = list(reversed(seq)) if rev else seq
        # both sides: "wound care certified nurse" certifies wound care, not only a nurse
        return {u.key for u in before + after if content(u)}

    def _roles(self) -> _Roles:
        if self._state.roles is None:
            self._state.roles = _Roles.of(self.facts, self.lex)
        return self._state.roles

    def _clauses_in_role(self, f: TextFacts) -> Rejection | None:
        """A clause of a summary that names one role ("in school nursing", "from her inside-sales
        years", or a "where..." clause after one) may only hold that role's facts, or general ones."""
        clauses = re.split(r"[,;:]", f.text)
        if not any(c.strip().casefold().startswith(_ATTACHED) or _FROM_ROLE.search(c) for c in clauses):
            return None  # no clause is tied to a role: nothing to place
        roles = self._roles()
        if len(roles.heads) < 2:
            return None
        last: set[int] = set()
        for clause in clauses:
            cf = text_facts(clause)
            words = [t for t in cf.tokens if t.kind == "word"]
            named = [i for t in words for i, head in enumerate(roles.heads) if {t.key, *t.key.split("-")} & head]
            lead = clause.strip().casefold()
            if lead.startswith(_ATTACHED):
                refs = last  # "..., where he also started IVs": the role named just before
            elif _FROM_ROLE.search(clause):
                refs = set(named)  # "... from her inside-sales years"
            else:
                refs = set()
            last = {named[-1]} if named else set()
            if not refs:
                continue
            for t in words:
                for key in (t.key, *t.key.split("-")):
                    owners = roles.owners.get(key)
                    if owners and not owners & refs:
                        return Rejection(
                            "moved_fact", (t.text,), f"'{t.text}' belongs to another role than this clause names"
                        )
            for name in cf.names:
                owners = roles.entry_owners.get(name)
                if owners and not owners & refs:
                    return Rejection("moved_fact", (name,), f"'{name}' belongs to another role than this clause names")
        return None

    def _own_spelling(self, t: Token, f: TextFacts) -> bool:
        """Whether a word lies in a term the resume names the same way, or as its acronym
        ("Google Cloud Platform" for "GCP"); a word the term gains ("batch and streaming
        pipelines" for "batch pipelines") is checked on its own."""
        span = next((sp for sp in f.spans if sp[0] <= t.start < sp[1]), None)
        if span is None:
            return False
        own = self._summary_scope.surfaces.get(span[2], set()) if self._summary_scope else set()
        low = span[4].casefold()
        initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", low) if w not in _LINKS)
        return low in own or initials in {re.sub(r"\W", "", o) for o in own}

    def _degree_status(self, name: str, status: dict[str, frozenset[int]]) -> frozenset[int]:
        """The status qualifiers every degree of the resume at `name`'s level carries."""
        entries = get_taxonomy().by_name
        level = entries[name].level if name in entries else ""
        same = [
            g for n, g in status.items() if n in entries and entries[n].kind == "degree" and entries[n].level == level
        ]
        if not level or not same:
            return frozenset()
        out = same[0]
        for g in same[1:]:
            out &= g
        return out

    def _always_qualified(self, key: str, values: frozenset[Decimal] = frozenset()) -> frozenset[int]:
        """The qualifier groups every resume clause that names `key` carries (empty: none, or
        some clause names it plainly). A compound is looked up by its parts ("CEN-certified").
        A number's qualifier ("up to 60 rooms") binds only where the summary states a number of
        that resume sentence (`values`)."""
        if "-" in key:
            out: frozenset[int] = frozenset()
            for part in key.split("-"):
                if part and part not in self.lex.neutral and part not in self.lex.claims:
                    out |= self._always_qualified(part, values)
            return out
        groups: frozenset[int] | None = None
        for lf in self.facts.sentences_with([key]):
            if key in lf.keys:
                here = clause_qualifiers(lf.text, key)
                if not lf.values & values:
                    here -= _number_qualifiers()
                groups = here if groups is None else groups & here
                if not groups:
                    return frozenset()
        return groups or frozenset()

    def _plain_clause_proficiency(self, f: TextFacts, scale: Scale) -> Rejection | None:
        for clause in re.split(r"[;,]", f.text):
            cf = text_facts(clause)
            r_new = cf.rank(scale.name)
            if r_new is None or cf.spans:
                continue
            evidence = self._topic_rank(cf, scale.name)
            eff = scale.default if evidence is None else evidence
            if r_new > eff:
                words = _scale_words(cf, scale, min_rank=eff + 1)
                return Rejection(
                    scale.name, words, f"raises {scale.name}: {_quote(words)} is more than the resume states"
                )
        return None

    def _resume_nouns(self, f: TextFacts) -> frozenset[int]:
        """The starts of a summary's strength words used as nouns the way the resume uses them
        ("alongside the experimentation lead")."""
        mine = _noun_uses(f)
        if not mine:
            return frozenset()
        theirs = {
            use for lf in self.facts.sentences_with({k for _p, k in mine.values()}) for use in _noun_uses(lf).values()
        }
        return frozenset(start for start, use in mine.items() if use in theirs)

    def _summary_strength(self, f: TextFacts) -> Rejection | None:
        rf = self.facts
        nouns = self._resume_nouns(f)
        for scale in self.lex.scales:
            r_new = _rank(f, scale, nouns)[1] if scale.name == "responsibility" else f.rank(scale.name)
            if r_new is None:
                continue
            if scale.name == "seniority":
                # "under senior review": the title is the reviewer's, not the candidate's
                own = _without(f, qualifier_spans(f.text))
                if own.rank(scale.name) is None or self._title_in_context(own, scale, 0):
                    continue
                titled = {scale.key_of(t.text, t.key) for t in rf.titles.tokens if t.kind == "word"}
                missing = [w for w in _scale_words(own, scale) if scale.key_of(w, word_key(w)) not in titled]
                if missing:
                    words = tuple(missing)
                    return Rejection(scale.name, words, f"raises seniority: {_quote(words)} is no title of the resume")
                evidence = rf.titles.rank(scale.name)
            elif scale.name == "scope":
                # a wide scope (district and up) must be said of the same thing somewhere
                if r_new <= _WIDE or self._title_in_context(f, scale, _WIDE):
                    continue
                evidence = None
            elif scale.name == "proficiency" and f.spans:
                # bound to entries below; a clause that names no entry ("advanced BambooHR
                # user") is checked on its own
                r = self._plain_clause_proficiency(f, scale)
                if r is not None:
                    return r
                continue
            else:
                evidence = self._topic_rank(f, scale.name)
            eff = scale.default if evidence is None else evidence
            if r_new > eff:
                words = _scale_words(f, scale, min_rank=eff + 1)
                return Rejection(
                    scale.name, words, f"raises {scale.name}: {_quote(words)} is more than the resume states"
                )
        have = rf.whole.entry_evidence(_PLAIN)
        for name, rank in _summary_proficiency(f, rf.clean).items():
            if rank > have.get(name, 3) and not rank <= self._restated_rank(f, name):
                return Rejection("proficiency", (name,), f"raises the proficiency stated for '{name}'")
        return None

    def _title_in_context(self, f: TextFacts, scale: Scale, above: int) -> bool:
        """Whether every word of `scale` above rank `above` in a summary sentence appears in some
        resume sentence next to the same word ("charge nurse", "a district of") and with that
        sentence's qualifiers kept ("relief")."""
        pairs = {p for p in _scale_pairs(f, scale) if scale.ranks[p[0]] > above}
        for word, nxt, prev in pairs:
            if not any(
                any(w == word and (n == nxt or p == prev) for w, n, p in _scale_pairs(sf, scale))
                and sf.qualifiers <= f.qualifiers
                for sf in self.facts.sentences_with([word])
            ):
                return False
        return True

    def _topic_rank(self, f: TextFacts, scale: str) -> int | None:
        """The highest rank on `scale` of the resume lines that share a topic word with `f`."""
        lex = self.lex
        topics = {
            t.key
            for t in f.tokens
            if t.kind == "word"
            and t.key not in lex.neutral
            and t.key not in lex.claims
            and not any(t.key in s.ranks for s in lex.scales)
        }
        topics |= set(f.names)
        best: int | None = None
        sc = next(s for s in lex.scales if s.name == scale)
        for lf in self.facts.sentences_with(topics):
            if topics & lf.keys or topics & lf.names:
                # "worked with the tech lead" is no evidence of leading
                r = _rank(lf, sc, frozenset(_noun_uses(lf)))[1] if scale == "responsibility" else lf.rank(scale)
                if r is not None and (best is None or r > best):
                    best = r
        return best

    def _bound_numbers(self, f: TextFacts) -> Rejection | None:
        """A number in a summary must count, in some resume line, the word it counts here."""
        toks = f.tokens
        dates = date_spans(f.text)
        for i, t in enumerate(toks):
            if t.kind not in ("num", "mult") or t.value is None or any(a <= t.start < b for a, b in dates):
                continue
            nxt = next((u for u in toks[i + 1 : i + 4] if u.kind == "word" and u.key not in _LINKS), None)
            if nxt is None or t.text.endswith("%") or f.text[max(0, t.start - 1) : t.start] in "$£€" and t.start:
                continue
            if re.search(r"[^\w\s-]", f.text[t.end : nxt.start]):
                continue  # "$1.2M, and support": the next word is not what the number counts
            prev = toks[i - 1] if i else None
            if prev is not None and prev.kind in ("word", "code") and prev.text[:1].isupper():
                if f"{prev.text} {t.text}" in self.facts.clean:
                    continue  # "Opera PMS 5 and group arrivals": a product's version, as the resume writes it
            value = t.value.normalize()
            group = self.lex.synonyms.get(nxt.key, frozenset())
            ok = any(
                (value in lf.values or value in lf.mults) and (nxt.key in lf.keys or group & lf.groups)
                for lf in self.facts.sentences_with([str(value)])
            )
            if not ok:
                return Rejection(
                    "moved_fact", (t.text, nxt.text), f"'{t.text} {nxt.text}': the resume does not count that"
                )
        return None


_CLAIM_NOUN = {
    "outcome": "an outcome",
    "quantity": "a quantity",
    "people": "a people claim",
    "credential": "a credential",
}


def _quote(words: tuple[str, ...]) -> str:
    return ", ".join(f"'{w}'" for w in words[:4]) or "''"


def _generic_degree(surface: str) -> bool:
    return bool(re.search(r"(?i)\b(?:bachelor|master|doctor|associate|degree)", surface))


_ACRONYM_VERSION = re.compile(r"\b([A-Z][A-Z0-9&/-]*[A-Z0-9])(?=\s+v?\d)")
# A version's shape: a dotted number or a year, or any number that ends the item ("React 17,"),
# so "Precepted 3 newly hired LPNs" is a count, not a version.
_VERSION = re.compile(r"\s+v?(\d+\.\d+(?:\.\d+)*|(?:19|20)\d\d|\d+(?=\s*(?:[,;:.)]|$)))(?![\d.]*\w)", re.M)


@lru_cache(maxsize=PER_TEXT_CACHE)
def _version_pairs(text: str) -> frozenset[tuple[str, str]]:
    """(product, version) pairs of a text: a version right after an acronym ("NEC 2020",
    "WCAG 2.0") or after a taxonomy entry ("React 17", "Python 3.12"). Cached by the text
    (a TextFacts key would be hashed field by field on every call)."""
    f = text_facts(text)
    ends = [(m.group(1), m.end()) for m in _ACRONYM_VERSION.finditer(f.text)]
    ends += [(surface, e) for _s, e, _name, _kind, surface in f.spans]
    pairs: set[tuple[str, str]] = set()
    for name, e in ends:
        m = _VERSION.match(f.text, e)
        if m:
            pairs.add((name.casefold(), m.group(1)))
    return frozenset(pairs)


# "working under licensed journeyman electricians": the credential word is theirs.
_UNDER_SOMEONE = re.compile(r"\bunder\s+(?:(?:the|a|an|two|several)\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
_LIST_JOIN = re.compile(r"[,;]|\b(?:and|or)\b|&")


def _status_near(f: TextFacts, start: int, end: int) -> frozenset[int]:
    """The status qualifiers a summary sentence says of the entry or word at [start, end):
    after it, up to the next list join ("B.S. in Accounting in progress", "(AIPB) - coursework
    only"), or in the comma's segment right after it when that names no entry ("M.S., in
    progress"); or before it in its clause ("currently completing a B.S.", "studying for the
    CCRC and CPA exams"). A status elsewhere in the sentence is another entry's: "Certified
    Bookkeeper (AIPB) and ProAdvisor, currently completing a B.S." leaves the AIPB held."""
    text = f.text
    stretches = [(max([text.rfind(c, 0, start) + 1 for c in ";,."] + [0]), start)]
    join = _LIST_JOIN.search(text, end)
    stretches.append((end, join.start() if join else len(text)))
    if join is not None and join.group() == ",":
        nxt = _LIST_JOIN.search(text, join.end())
        lo, hi = join.end(), nxt.start() if nxt else len(text)
        if not any(lo <= s < hi for s, _e, *_ in f.spans):
            stretches.append((lo, hi))
    found: frozenset[int] = frozenset()
    for lo, hi in stretches:
        if hi > lo:
            found |= text_facts(text[lo:hi]).qualifiers
    return found & status_groups()


_SMALL_WORDS = frozenset({"of", "and", "the", "for", "to", "in", "on", "a", "an", "&"})
_PLAIN_WORD = re.compile(r"[^\W\d_][\w'’]*")


@lru_cache(maxsize=PER_TEXT_CACHE)
def _initials_in(acronym: str, texts: tuple[str, ...]) -> bool:
    """`acronym` (2-6 capitals) spells the initials of consecutive words of `texts`, with or
    without their small words: "EDC" in "electronic data capture", "SOL" in "statute of
    limitations". An acronym of the role's own words says nothing the role does not."""
    if not 2 <= len(acronym) <= 6 or not acronym.isalpha():
        return False
    want, n = acronym.casefold(), len(acronym)
    for text in texts:
        words = [w.casefold() for w in _PLAIN_WORD.findall(text)]
        for i, first in enumerate(words):
            if first in _SMALL_WORDS or first[:1] != want[0]:
                continue
            run = words[i : i + 2 * n]
            # every word's initial, ending on a content word ("statute of limitations")
            if len(run) >= n and run[n - 1] not in _SMALL_WORDS and "".join(w[0] for w in run[:n]) == want:
                return True
            kept = [w for w in run if w not in _SMALL_WORDS][:n]  # or the content words' only
            if len(kept) == n and "".join(w[0] for w in kept) == want:
                return True
    return False


def _inside(t: Token, f: TextFacts) -> bool:
    return any(s <= t.start < e for s, e, *_ in f.spans)


@dataclass(frozen=True, slots=True)
class _Roles:
    """The resume's roles, for placing a summary's clauses: each role's distinctive title
    words, and the words and entries found in exactly those roles and nowhere else."""

    heads: tuple[frozenset[str], ...]
    owners: dict[str, frozenset[int]]
    entry_owners: dict[str, frozenset[int]]

    @staticmethod
    def of(rf: ResumeFacts, lex: Lexicon) -> _Roles:
        roles = [b for b in rf.blocks if b.head_end > b.start and b.kind in ("experience", "other")]
        others = [b for b in rf.blocks if b not in roles]
        general = set().union(*(b.facts.keys for b in others)) if others else set()
        general_names = set().union(*(b.facts.names for b in others)) if others else set()
        raw = [
            {
                k
                for k in b.head.keys
                if (k not in lex.neutral or k in b.head.cased)
                and k.isalpha()
                and k not in MONTHS
                and k not in _DAYS
                and len(k) > 2
            }
            for b in roles
        ]
        heads = tuple(frozenset(h - set().union(*(o for j, o in enumerate(raw) if j != i))) for i, h in enumerate(raw))
        owners: dict[str, set[int]] = {}
        entry_owners: dict[str, set[int]] = {}
        for i, b in enumerate(roles):
            for k in b.facts.keys - general - lex.neutral - set(lex.claims):
                if len(k) <= 2 or any(k in s.ranks for s in lex.scales):
                    continue
                owners.setdefault(k, set()).add(i)
            for n in b.facts.names - general_names:
                entry_owners.setdefault(n, set()).add(i)
        return _Roles(
            heads,
            {k: frozenset(v) for k, v in owners.items() if len(v) < len(roles)},
            {k: frozenset(v) for k, v in entry_owners.items() if len(v) < len(roles)},
        )


def _same_lines(original: str, revised: str) -> bool:
    """Whether `revised` is the lines of `original`, reordered (bullets, skills)."""
    a = sorted(line_key(ln) for ln in original.split("\n") if line_key(ln))
    return len(a) > 1 and a == sorted(line_key(ln) for ln in revised.split("\n") if line_key(ln))


def _in_credential(t: Token, f: TextFacts) -> bool:
    """Whether a word lies in a degree or certification ("Associate of Applied Science")."""
    return any(s <= t.start < e for s, e, _n, kind, _t in f.spans if kind in ("degree", "certification"))


def _written_in(surface: str, texts: list[str]) -> bool:
    """Whether a term is written, exactly so, in one of the texts ("OSHA" in "OSHA 10-Hour")."""
    rx = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
    return any(rx.search(t) for t in texts)


def _scale_ranks(f: TextFacts, scale: Scale) -> list[int]:
    out: list[int] = []
    for t in f.tokens:
        if t.kind == "word" and not _in_credential(t, f):
            r = scale.ranks.get(scale.key_of(t.text, t.key))
            if r is not None:
                out.append(r)
    return out


def _scale_pairs(f: TextFacts, scale: Scale) -> set[tuple[str, str, str]]:
    """(scale word, the word after it, the word before it) for each scale word of a text."""
    words = [t for t in f.tokens if t.kind == "word"]
    return {
        (
            scale.key_of(t.text, t.key),
            words[i + 1].key if i + 1 < len(words) else "",
            words[i - 1].key if i > 0 else "",
        )
        for i, t in enumerate(words)
        if scale.key_of(t.text, t.key) in scale.ranks
    }


def _scale_words(f: TextFacts, scale: Scale, min_rank: int = 0, max_rank: int = 99) -> tuple[str, ...]:
    """The words of `f` on `scale` whose rank lies in [min_rank, max_rank]."""
    ranks = scale.ranks
    out: list[str] = []
    for t in f.tokens:
        if t.kind != "word" or _in_credential(t, f):
            continue
        r = ranks.get(scale.key_of(t.text, t.key))
        if r is None and "-" in t.key:
            parts = [ranks[p] for p in t.key.split("-") if p in ranks]
            r = max(parts) if parts else None
        if r is not None and min_rank <= r <= max_rank:
            out.append(t.text)
    for phrase, r in f.phrase_ranks(scale):
        if min_rank <= r <= max_rank:
            out.append(phrase)
    return tuple(out)


def _word_numbers(tokens: tuple[Token, ...]) -> list[tuple[Decimal, tuple[str, ...]]]:
    """Runs of number words and the value each states ("two hundred" is 200, "a dozen" 12)."""
    out: list[tuple[Decimal, tuple[str, ...]]] = []
    run: list[Token] = []

    def flush() -> None:
        if not run:
            return
        words = [t.text.casefold() for t in run]
        if words == ["one"]:
            run.clear()
            return
        total = current = 0
        for w in words:
            v = NUMBER_WORDS[w]
            if v == 100:
                current = max(current, 1) * 100
            elif v >= 1000:
                total += max(current, 1) * v
                current = 0
            else:
                current += v
        out.append((Decimal(total + current), tuple(t.text for t in run)))
        run.clear()

    for t in tokens:
        if t.kind == "word" and t.text.casefold() in NUMBER_WORDS:
            run.append(t)
        elif t.kind == "word" and t.text.casefold() == "and" and run:
            continue
        else:
            flush()
    flush()
    return out


def _acronym_cover(tokens: tuple[Token, ...], scope: _Scope) -> set[int]:
    """Indexes of tokens that spell out an acronym of the scope ("KPIs" -> "key performance
    indicators"), or are an acronym of words the scope spells out."""
    covered: set[int] = set()
    words = [(i, t) for i, t in enumerate(tokens) if t.kind == "word" and t.key not in _LINKS]
    for acr in scope.acronyms:
        a = acr.casefold()
        n = len(a)
        for k in range(len(words) - n + 1):
            run = words[k : k + n]
            if "".join(t.text[0].casefold() for _, t in run) == a:
                covered.update(i for i, _ in run)
    joined = "|".join(scope.initials)
    for i, t in words:
        core = t.text[:-1] if t.text.endswith("s") and t.text[:-1].isupper() else t.text
        if 2 <= len(core) <= 6 and core.isupper() and core.casefold() in joined.replace("|", ""):
            if any(core.casefold() in part for part in joined.split("|")):
                covered.add(i)
    return covered


def _part_known(key: str, scope: _Scope, lex: Lexicon) -> bool:
    """A hyphenated compound is known when every part is."""
    if "-" not in key:
        return False
    parts = [p for p in key.split("-") if p]
    return bool(parts) and all(
        p in scope.keys
        or p in scope.expansions
        or lex.abbreviates(p, scope.keys)
        or p in lex.neutral
        or p in lex.claims
        or any(p in s.ranks for s in lex.scales)
        or bool(lex.synonyms.get(p, frozenset()) & scope.groups)
        for p in parts
    )


def _written_form(word: str, written: set[str]) -> bool:
    """Whether a noun is written in a text, as it is or in its other number ("nurses", "nurse")."""
    low = word.casefold()
    return low in written or low + "s" in written or (low.endswith("s") and low[:-1] in written)


_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}
_TITLE_END = re.compile(r"\s[—–-]\s|[,|(\t]|\s{2,}|\s@\s|\sat\s")


def _title_segment(line: str) -> str:
    """The title part of a role's title line: up to the employer, place or dates."""
    return _TITLE_END.split(line_key(line), maxsplit=1)[0]


def _same_title(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> bool:
    """Whether two titles' words are the same, in any order, an acronym of one standing for a
    run of the other's words ("RN Case Manager", "Registered Nurse Case Manager")."""
    a, b = _expand_acronyms(a, b), _expand_acronyms(b, a)
    return sorted(k for k, _w in a) == sorted(k for k, _w in b)


def _expand_acronyms(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    other = {k for k, _w in b}
    for key, word in a:
        if 2 <= len(word) <= 6 and word.isupper() and word.isalpha() and key not in other:
            letters = word.casefold()
            n = len(letters)
            run = next(
                (
                    b[i : i + n]
                    for i in range(len(b) - n + 1)
                    if "".join(w[0] for _k, w in b[i : i + n]).casefold() == letters
                ),
                None,
            )
            if run is not None:
                out.extend(run)
                continue
        out.append((key, word))
    return out


# words before the person a line's work was shared with, or done for ("for two senior brokers")
_SHARED_WITH = frozenset({"with", "alongside", "for", "beside", "assisting", "supporting"})
# words that put a person beside the candidate's work ("with the tech lead", "for two senior brokers")
_SHARING = frozenset("with alongside beside together for under supporting assisting helping partnering and to".split())
_DETERMINERS = frozenset("the a an our their his her my its your each every this that".split())


def _noun_uses(f: TextFacts) -> dict[int, tuple[str, str]]:
    """Responsibility words used as nouns ("the tech lead", "a department head"): their start
    offsets, each with (the word before, the word). A past form ("led") is always a verb."""
    return _noun_uses_of(f.text)


@lru_cache(maxsize=PER_TEXT_CACHE)
def _noun_uses_of(text: str) -> dict[int, tuple[str, str]]:
    resp = next(s for s in get_lexicon().scales if s.name == "responsibility").ranks
    f = text_facts(text)
    words = [t for t in f.tokens if t.kind == "word"]
    out: dict[int, tuple[str, str]] = {}
    for i, t in enumerate(words):
        low = t.text.casefold()
        if t.key not in resp or low.endswith(("ed", "ing")) or low == "led" or i == 0:
            continue
        prev = words[i - 1].text.casefold()
        before = words[i - 2].text.casefold() if i > 1 else ""
        if (
            prev in _DETERMINERS
            or prev.endswith(("'s", "’s"))
            or (
                before in _DETERMINERS
                and prev not in ("and", "or", "to")
                and words[i - 1].key not in resp
                and not prev.endswith("ed")
            )
        ):
            out[t.start] = (words[i - 1].key, t.key)
    return out


def _rank(f: TextFacts, scale: Scale, skip: frozenset[int]) -> tuple[int | None, int | None]:
    """The (lowest, highest) rank of a text on `scale`, leaving out the words starting at `skip`."""
    if not skip or not any(t.start in skip for t in f.tokens):
        return dict(f.strength)[scale.name]
    ranks: list[int] = []
    for t in f.tokens:
        if t.kind != "word" or t.start in skip or _in_credential(t, f):
            continue
        key = scale.key_of(t.text, t.key)
        if key in scale.ranks:
            ranks.append(scale.ranks[key])
        elif "-" in key:
            ranks += [scale.ranks[p] for p in key.split("-") if p in scale.ranks]
    ranks += [r for _p, r in f.phrase_ranks(scale)]
    return (min(ranks), max(ranks)) if ranks else (None, None)


def _weak_kept(orig: TextFacts, whole: TextFacts, scale: Scale, skip: frozenset[int]) -> int | None:
    """The lowest rank the rewrite still states, counting a weak word only where it is said
    as the original said it (same word before it) or as a verb (first word, "-ed"/"-ing",
    after "to"/"and"): "Assisted the support team lead" -> "Ran onboarding for new support
    hires" keeps no "support" of its own (a responsibility scale only)."""
    if scale.name != "responsibility":
        return _rank(whole, scale, skip)[0]

    def pairs(f: TextFacts) -> list[tuple[int, str, str, str]]:
        words = [t for t in f.tokens if t.kind == "word"]
        return [(t.start, words[i - 1].key if i else "", t.key, t.text.casefold()) for i, t in enumerate(words)]

    said = {(prev, key) for _s, prev, key, _low in pairs(orig)}
    ranks = [
        scale.ranks[key]
        for start, prev, key, low in pairs(whole)
        if start not in skip
        and key in scale.ranks
        and (not prev or low.endswith(("ed", "ing")) or prev in ("to", "and", "or", "also") or (prev, key) in said)
    ]
    # a compound the original has ("help-desk tickets", "assisted-living") stays as it was
    ranks += [
        scale.ranks[part]
        for _s, _prev, key, _low in pairs(whole)
        if "-" in key and key in orig.keys
        for part in key.split("-")
        if part in scale.ranks
    ]
    ranks += [r for _p, r in whole.phrase_ranks(scale)]
    return min(ranks) if ranks else None


def _without(f: TextFacts, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> TextFacts:
    """The facts of a text with the given character spans blanked out (offsets kept)."""
    if not spans:
        return f
    chars = list(f.text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return text_facts("".join(chars))


@lru_cache(maxsize=1)
def _number_qualifiers() -> frozenset[int]:
    """The qualifier groups that limit a number ("about", "up to"), not a fact."""
    return frozenset(
        gid for _kind, gid, phrases in get_lexicon().qualifiers if ("about",) in phrases or ("up", "to") in phrases
    )


def _held_names(rf: ResumeFacts) -> frozenset[str]:
    """The taxonomy entries named where a resume states what the candidate holds: its
    credentials, education, skills, summary and header, and its roles' title lines."""
    out: set[str] = set()
    status = status_groups()
    for b in rf.blocks:
        f = b.facts if b.kind in ("certifications", "education", "skills", "summary", "header") else b.head
        others = qualifier_spans(f.text)
        for line in f.text.split("\n"):
            for sentence in split_sentences(line):
                sf = text_facts(sentence)
                if sf.qualifiers & status:
                    continue  # "to become an RN", "PHR (not yet taken)": named, not held
                others = qualifier_spans(sentence)
                out |= {n for a, _e, n, _k, _t in sf.spans if not any(x <= a < y for x, y in others)}
    return frozenset(out)


@lru_cache(maxsize=1)
def _status_words() -> frozenset[str]:
    """The keys of the lexicon's status qualifier words ("pursuing", "studying", "expected")."""
    lex = get_lexicon()
    return (
        frozenset(word_key(w) for kind, _gid, phrases in lex.qualifiers if kind == "status" for p in phrases for w in p)
        - set(lex.claims)
        - {"not", "yet", "to", "be", "for", "in", "all", "but", "did", "due", "sit", "est"}
    )


_CLAUSE = re.compile(r"[;,]")


def _summary_proficiency(f: TextFacts, resume: str) -> dict[str, int]:
    """The proficiency a summary sentence states for each entry. A proficiency word binds to
    the entries of its own clause and of the clauses after it ("Expert in SQL, Python"), never
    to an earlier clause's ("Day-to-day Workday user, fluent in Spanish"); and a word inside a
    certification's name ("Tableau Desktop Specialist", as the resume writes it) states none."""
    certs = [(a, b) for a, b, _n, kind, _t in f.spans if kind == "certification"]
    prof = next(s for s in get_lexicon().scales if s.name == "proficiency")
    for a, b, _n, _k, _t in f.spans:
        nxt = re.match(r"\s+([^\W\d_]+)", f.text[b:])
        if nxt and word_key(nxt.group(1)) in prof.ranks and f.text[a : b + nxt.end()] in resume:
            certs.append((b, b + nxt.end()))
    stated = _without(f, certs).entry_proficiency() if certs else f.entry_proficiency()
    if not _CLAUSE.search(f.text):
        return stated
    cuts = [0] + [m.end() for m in _CLAUSE.finditer(f.text)] + [len(f.text) + 1]
    out: dict[str, int] = {}
    for name, rank in stated.items():
        starts = [a for a, _b, n, _k, _t in f.spans if n == name]
        if not starts:
            out[name] = rank
            continue
        clause_end = next(c for c in cuts if c > starts[0])
        # The words up to the end of its clause: no word spans the comma or semicolon that ends
        # it, so they are the sentence's own word tokens that end before it (nothing to re-read).
        upto = [t for t in f.tokens if t.kind == "word" and t.end <= clause_end]
        words = [t for t in upto if not _inside_spans(t, certs)]
        ranks = [prof.ranks[t.key] for t in words if t.key in prof.ranks]
        ranks += scale_phrase_ranks([t.key for t in upto], prof)  # only their highest counts
        out[name] = min(rank, max(ranks)) if ranks else min(rank, _PLAIN)
    return out


def _inside_spans(t: Token, spans: list[tuple[int, int]]) -> bool:
    return any(a <= t.start < b for a, b in spans)


# A summary sentence's opening noun phrase: up to "with", a comma, a parenthesis, "who"...
_OPENING = re.compile(
    r"^(.{0,80}?)(?=\s+with\b|,|\s\(|;|:|\s+who\b|\s+and\b|\s+moving\b|\s+selling\b|\s+building\b"
    r"|\s+at\b|\s+in\b|\s+for\b|\s+of\b|\s+from\b|\s+since\b|\.?$)"
)


# The caches above that are kept per text (a resume, one of its lines or sentences), not per
# process or per job: what a new resume finds empty (scripts/bench_quality.forget_resumes).
PER_TEXT_CACHES = (resume_state, _version_pairs, _initials_in, _noun_uses_of)
