"""Free-phrase qualifiers: the phrases, beyond the lexicon's fixed words, that limit a line.

The lexicon's `qualifiers` list fixed words ("in progress", "part-time"). A line is just as
often limited by a phrase of its own words: who checked the work ("under the senior
engineer's review", "under preceptor supervision"), when it happened ("when no RN is on the
unit", "if the manager is out"), or a parenthesis that narrows a fact ("Epic Willow
(residency only)", "Node.js/Express (small services)"). `free_qualifiers` finds them by
their shape and the lexicon's `restrictive` words; `dropped_qualifier` says which of a
line's qualifiers a rewrite lost. A qualifier survives when the rewrite keeps its marker
("under", "when", "only") and every content word it had (by key, or a synonym of it): a
rewrite may move it, never drop or empty it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from resume_opt.ats.lexicon import Lexicon, get_lexicon, word_key

# Cache sizes: per text (2,048) and per (sentence, word) (4,096), as facts.PER_TEXT_CACHE says why:
# larger caches only make a process's memory grow with the night.

# Who checked or directed the work: "under the wound care nurse's direction",
# "under preceptor supervision", "under the guidance of the senior engineer" (never "under my
# supervision": that is the candidate supervising).
_UNDER = re.compile(
    r"\bunder\s+(?:(?:the|a|an|his|her|their)\s+)?(?:(?!(?:my|our)\b)[\w'’&/-]+\s+){0,4}?"
    r"(?P<head>supervision|direction|review|guidance|oversight|instruction|mentorship|supervisor|direct supervision)"
    r"(?:\s+of\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s*){1,3})?",
    re.I,
)
# Whose guidance the work had: "with guidance from the structural lead", "with help from the CFO".
_GUIDED = re.compile(
    r"\b(?P<head>with)\s+(?:(?:the|a|an|some|close|direct)\s+)?"
    r"(?:guidance|help|support|input|direction|oversight|supervision|review|assistance|coaching|mentoring|sign-off)"
    r"\s+(?:of|from)\s+[^,;.()]+",
    re.I,
)
# When the work happened, or on what condition: "when no RN is on the unit", "if the
# supervisor is away", "whenever the charge nurse is off", "unless ...". Up to the clause's end.
_WHEN = re.compile(r"\b(?P<head>when|whenever|if|unless|while)\s+[^,;.()]+", re.I)
# Who else did it: "an audit run by an outside firm", "a program led by the district".
_BY = re.compile(
    r"\b(?:[a-z]+ed|run|led|done|built|taught|set|held|made|kept|given|written|owned|won)\s+"
    r"(?P<head>by)\s+(?:an?|the|our|their|his|her|its)\s+[^,;.()]+",
    re.I,
)
# A parenthesis.
_PAREN = re.compile(r"\((?P<body>[^()]{1,80})\)")
# A part of a whole: "2 of 5 courses completed", "3 out of 4 exams" (a status or a scope).
_PART_OF = re.compile(r"\b\d+\s+(?:out\s+)?of\s+(?:the\s+)?\d+\b(?:\s+[^\W\d_]+){0,2}", re.I)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_LINK = frozenset({"the", "a", "an", "of", "to", "on", "in", "at", "for", "and", "or", "is", "are", "was", "were"})


@dataclass(frozen=True, slots=True)
class FreeQualifier:
    """One qualifying phrase of a line: its text, its marker and its content words' keys."""

    text: str
    marker: str  # the word that makes it a qualifier: "under", "when", "only", "(" for a parenthesis
    keys: tuple[str, ...]  # the keys of its content words, which must all survive


def _content_keys(phrase: str) -> tuple[str, ...]:
    return tuple(word_key(w) for w in _WORD.findall(phrase) if w.casefold() not in _LINK)


@lru_cache(maxsize=2048)
def free_qualifiers(text: str) -> tuple[FreeQualifier, ...]:
    """The free-phrase qualifiers of a text (see the module docstring)."""
    lex = get_lexicon()
    out: list[FreeQualifier] = []
    for m in _UNDER.finditer(text):
        out.append(FreeQualifier(m.group(), "under", _content_keys(m.group())))
    for m in _GUIDED.finditer(text):
        out.append(FreeQualifier(m.group(), "with", _content_keys(m.group())))
    for m in _BY.finditer(text):
        phrase = m.group()[m.start("head") - m.start() :]
        if len(phrase.split()) <= 7:
            out.append(FreeQualifier(phrase, "by", _content_keys(phrase)))
    for m in _WHEN.finditer(text):
        head = m.group("head").casefold()
        phrase = m.group()
        words = [w.casefold() for w in _WORD.findall(phrase)]
        # "while" also joins two actions ("while training staff"); it limits only a condition
        if head == "while" and not (set(words) & {"no", "not", "away", "absent", "off", "out", "on"}):
            continue
        if len(words) < 3:
            continue
        out.append(FreeQualifier(phrase, head, _content_keys(phrase)))
    for m in _PAREN.finditer(text):
        body = m.group("body")
        keys = {word_key(w) for w in _WORD.findall(body)} | {w.casefold() for w in _WORD.findall(body)}
        proficiency = next(sc.ranks for sc in lex.scales if sc.name == "proficiency")
        # a proficiency word ("(basic)") is checked on its scale, where its category is right
        # a parenthesis holding a lexicon qualifier ("(not yet taken)") is checked as that qualifier
        fixed = _lexicon_qualified(body)
        if (
            {k for k in keys & lex.restrictive if k not in proficiency}
            and not fixed
            and not _defines(text, m.start(), body)
        ):
            out.append(FreeQualifier(m.group(), "(", _content_keys(body)))
    for m in _PART_OF.finditer(text):
        out.append(FreeQualifier(m.group(), "of", _content_keys(m.group())))
    parens = [m.span() for m in _PAREN.finditer(text)]
    for m in re.finditer(r"\bonly\b", text, re.I):
        if not any(a <= m.start() < b for a, b in parens):  # "(residency only)" is the parenthesis's
            out.append(FreeQualifier(m.group(), "only", ()))
    return tuple(out)


def _lexicon_qualified(text: str) -> bool:
    from resume_opt.ats.facts import qualifier_groups

    return bool(qualifier_groups([w.casefold().replace("’", "'") for w in _WORD.findall(text)]))


def _defines(text: str, start: int, body: str) -> bool:
    """Whether a parenthesis spells out the acronym before it: "TNCC (Trauma Nursing Core Course)"."""
    before = _WORD.findall(text[:start])
    words = _WORD.findall(body)
    if not before or len(words) < 2:
        return False
    acr = before[-1]
    full = "".join(w[0] for w in words).casefold()
    content = "".join(w[0] for w in words if w.casefold() not in _LINK).casefold()
    return acr.isupper() and acr.casefold() in (full, content)


_HEADS = frozenset(
    {"supervision", "direction", "review", "guidance", "oversight", "instruction", "mentorship", "supervisor", "help"}
    | {"support", "input", "assistance", "coaching", "mentoring", "sign-off"}
)
_MUST = frozenset({"no", "not", "never", "only", "without"})


def _survives(q: FreeQualifier, keys: frozenset[str], lex: Lexicon) -> bool:
    """Whether a rewrite (its keys) keeps a qualifier: its marker, its negation or "only", a
    parenthesis's restrictive words, who checked the work (any of "review", "supervision",
    "direction"...), and at least half of its other words, each as it was or a synonym."""
    if q.marker not in ("(",) and q.marker not in keys:
        return False
    groups = lex.groups_of(keys)

    def kept(k: str) -> bool:
        return k in keys or bool(lex.synonyms.get(k, frozenset()) & groups)

    others: list[str] = []
    for k in q.keys:
        if k == q.marker:
            continue
        if k in _HEADS and q.marker in ("under", "with"):
            if not any(h in keys for h in _HEADS):
                return False
        elif k in _MUST or (q.marker == "(" and k in lex.restrictive):
            if not kept(k):
                return False
        else:
            others.append(k)
    return sum(kept(k) for k in others) * 2 >= len(others)


def dropped_qualifier(original: str, revised_keys: frozenset[str]) -> FreeQualifier | None:
    """The first free-phrase qualifier of `original` that the rewrite (its word keys and
    casefolded words, `revised_keys`) no longer keeps whole, or None."""
    lex = get_lexicon()
    for q in free_qualifiers(original):
        if not _survives(q, revised_keys, lex):
            return q
    return None


@lru_cache(maxsize=2048)
def supervised_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the "under ... supervision" and "with guidance from ..." phrases:
    a people word inside ("supervision") says the candidate was supervised, not supervising."""
    return tuple(m.span() for rx in (_UNDER, _GUIDED) for m in rx.finditer(text))


@lru_cache(maxsize=2048)
def qualifier_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the "under ...", "when ..." and "run by ..." qualifiers of a text: the
    words inside describe someone else ("under the senior engineer's review", "when no RN is
    on the unit"), not the candidate."""
    spans = [m.span() for m in _UNDER.finditer(text)]
    spans += [m.span() for m in _GUIDED.finditer(text)]
    spans += [m.span() for m in _WHEN.finditer(text)]
    spans += [(m.start("head"), m.end()) for m in _BY.finditer(text)]
    return tuple(spans)


_DEFINED = re.compile(r"((?:[^\W\d_]+[\s-]+){1,7})\(\s*([A-Z][A-Za-z&]{1,7})\s*\)")


@lru_cache(maxsize=4096)
def acronym_definitions(text: str) -> tuple[tuple[str, str], ...]:
    """The acronyms a text defines, each with the words it stands for: "Engineer in Training
    (EIT)" gives ("EIT", "Engineer in Training"). The words are the shortest run before the
    parenthesis whose initials (with or without its small words) spell the acronym."""
    out: list[tuple[str, str]] = []
    for m in _DEFINED.finditer(text):
        acr = m.group(2)
        words = m.group(1).split()
        letters = acr.replace("&", "").casefold()
        for n in range(1, len(words) + 1):
            run = words[-n:]
            full = "".join(w[0] for w in run).casefold()
            content = "".join(w[0] for w in run if w.casefold() not in _LINK).casefold()
            if letters in (full, content):
                out.append((acr, " ".join(run)))
                break
    return tuple(out)


_CLAUSE_CUT = re.compile(r"[;,]|\s[—–]\s")


@lru_cache(maxsize=4096)
def clause_qualifiers(sentence: str, key: str) -> frozenset[int]:
    """The lexicon's qualifier groups that bind to `key` (a word key) in one sentence: those of
    the clauses that name it, of a label before a colon ("Pursuing: CPA, CMA") and of a short
    opening clause ("Part-time, ..."). "..., maintains Storybook; some Node.js" does not
    qualify Storybook with "some"."""
    # imported here: facts imports the lexicon and this module is imported by the guard only
    from resume_opt.ats.facts import qualifier_groups

    def groups(text: str) -> frozenset[int]:
        return qualifier_groups([w.casefold().replace("’", "'") for w in _WORD.findall(text)])

    label, sep, _rest = sentence.partition(":")
    out: set[int] = set()
    if sep and len(label.split()) <= 4:
        out |= groups(label)
    clauses = _CLAUSE_CUT.split(sentence)
    if len(clauses[0].split()) <= 3:
        out |= groups(clauses[0])
    for c in clauses:
        words = _WORD.findall(c)
        if any(word_key(w) == key or key in word_key(w).split("-") or w.casefold() == key for w in words):
            out |= groups(c)
    return frozenset(out)


def signature(q: FreeQualifier) -> tuple[str, ...]:
    """What a summary must keep of a free qualifier: the fact that someone checked the work
    ("under", whoever it was), that it happened on a condition ("when"), the restrictive words
    of a parenthesis, or "only"."""
    if q.marker in ("under", "with"):  # "under the lead's review", "with guidance from the lead"
        return ("under",)
    if q.marker in ("when", "whenever", "if", "unless", "while"):
        return ("when",)
    if q.marker == "(":
        lex = get_lexicon()
        # "only" in a parenthesis stresses its other words: "during residency" keeps "(residency only)"
        return ("(", *sorted(k for k in q.keys if k in lex.restrictive and k != "only"))
    return (q.marker,)


def kept_signatures(text: str) -> frozenset[tuple[str, ...]]:
    """The signatures a text keeps: those of its own free qualifiers."""
    return frozenset(signature(q) for q in free_qualifiers(text))


def keeps(sig: tuple[str, ...], text: str, keys: frozenset[str]) -> bool:
    """Whether a text (its word keys and casefolded words `keys`) keeps a qualifier signature:
    a parenthesis's restrictive words may be said in any words of it ("during residency")."""
    if sig[0] == "(":
        return all(k in keys for k in sig[1:])
    return sig in kept_signatures(text)


@lru_cache(maxsize=1)
def _standing_in() -> frozenset[int]:
    """The lexicon's qualifier groups that say the candidate stood in for someone ("relief",
    "covered for", "acting"): a condition beside one ("when the charge nurse was off") says the same."""
    return frozenset(
        gid
        for _kind, gid, phrases in get_lexicon().qualifiers
        if {("relief",), ("covered", "for"), ("acting",)} & set(phrases)
    )


@lru_cache(maxsize=4096)
def clause_free(sentence: str, key: str) -> frozenset[tuple[str, ...]]:
    """The signatures of the free qualifiers in the clauses of `sentence` that name `key`."""
    quals = free_qualifiers(sentence)
    if not quals:
        return frozenset()
    out: set[tuple[str, ...]] = set()
    pos = 0
    for clause in _CLAUSE_CUT.split(sentence):
        start = sentence.find(clause, pos)
        end = start + len(clause)
        pos = end
        if not any(word_key(w) == key or w.casefold() == key for w in _WORD.findall(clause)):
            continue
        # a condition beside a lexicon qualifier ("relief charge nurse ... when the charge
        # nurse was off") is what that qualifier says; the qualifier itself is checked
        fixed = bool(clause_qualifiers(clause, key) & _standing_in())
        for q in quals:
            if (fixed and signature(q) == ("when",)) or key in q.keys:
                continue  # (a word of the qualifier itself is not qualified by it)
            at = sentence.find(q.text)
            if q.marker == "(":
                # a parenthesis may hold a comma: it belongs to the clause it opens in
                if start <= at < end:
                    out.add(signature(q))
            elif q.text in clause or start <= at < end:
                out.add(signature(q))
    return frozenset(out)


# The caches above that are kept per text (a resume, one of its lines or sentences), not per
# process or per job: what a new resume finds empty (scripts/bench_quality.forget_resumes).
PER_TEXT_CACHES = (
    free_qualifiers,
    supervised_spans,
    qualifier_spans,
    acronym_definitions,
    clause_qualifiers,
    clause_free,
)
