"""The offline engine: deterministic tailoring with no network and no model.

It proposes what an honest recruiter would do by hand, in the same contract as the
LLM (a summary plus edits quoting the resume verbatim), so `ats.tailor.finalize`
checks its work exactly as it checks Groq's:

- skills the job asks for go first in each skills line, and lines with more of
  them go first in the skills section;
- a skill the candidate has under another name takes the job's wording, keeping
  theirs, where that stays grammatical and claims nothing more: "k8s" ->
  "Kubernetes (k8s)", "Kafka" -> "Apache Kafka"; never "Budgets" -> "Operating
  budget";
- each role's bullets that show a required keyword go first, then those with a
  preferred one, each group in the candidate's own order;
- the summary is the candidate's own, with one sentence after its first naming the
  job's skills they have and it does not mention yet ("Skills include PostgreSQL
  (Postgres) and dbt (basic)."), qualifiers kept. It never states a title, years or
  anything the resume does not say.

Keywords the resume lacks are never written into it; finalize turns them into
suggestions for the candidate.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from resume_opt.ats.guard import Guard
from resume_opt.ats.injection import quarantine, quarantine_job
from resume_opt.ats.keywords import Keyword, has_keyword, index_text, job_keywords
from resume_opt.ats.proposal import Edit, Job, Proposal
from resume_opt.ats.sections import BULLET_RE, bullet_items, layout, summary_span
from resume_opt.ats.taxonomy import TOKEN_RE, Match

if TYPE_CHECKING:
    from resume_opt.config import Settings

MAX_STRENGTHS = 6
_DELIMS = ",;|·•"
# Where a rename sits at the start of a list item, so its first letter is capitalised.
_ITEM_START = (",", ":", ";", "•", "-", "*", "·", "|", "(", "▪")
# Where a skill may take the job's wording: skills lines, then bullets. Never a role
# title, an employer line, a degree or a certificate's official name.
_PLACE_RANK = {"skills": 0, "experience": 1, "other": 2}


class LocalEngine:
    """Offline, deterministic engine; stateless apart from settings, so thread-safe."""

    name = "local"
    model = "offline-v1"
    prompt_version = "2"  # 2: recruiter-style summary, safe renames only, bullets by tier, quarantine
    analyses = True

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def propose(self, resume: str, job: Job) -> Proposal:
        started = time.perf_counter()
        # The engine reads the clean texts: what reads as instructions or stuffing is withheld.
        plan = _Plan(quarantine(resume).clean_text, quarantine_job(job))
        # Propose only what the guard accepts (fewer, safer edits): an edit it would refuse
        # is retried without its renames, then left out; so is a summary item.
        guard = Guard(plan.resume, plan.description)
        edits = plan.edits()
        refused = [n for n, e in enumerate(edits) if not _reordered(e) and guard.check(e.original, e.revised)]
        if refused:
            plan.drop_renames([ln for n in refused for ln in plan.edit_lines[n]])
            edits = [e for e in plan.edits() if _reordered(e) or guard.check(e.original, e.revised) is None]
        summary = _summary(plan, lambda original, new, insertion: guard.check(original, new, insertion) is None)
        return Proposal(summary=summary, edits=edits, latency_ms=int((time.perf_counter() - started) * 1000))

    def close(self) -> None:
        return None


def _reordered(edit: Edit) -> bool:
    """Whether an edit only reorders the lines it quotes (nothing in it is new)."""
    return sorted(edit.original.split("\n")) == sorted(edit.revised.split("\n"))


def _sentence(items: list[tuple[bool, str]]) -> str:
    """ "Skills include A, B and C." and then the credentials as the resume names them."""
    skills = [p for cred, p in items if not cred]
    creds = [p for cred, p in items if cred]
    return " ".join(
        ([f"Skills include {_join(skills)}."] if skills else []) + ([f"{'; '.join(creds)}."] if creds else [])
    )


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_CONNECTIVES = {"and", "of", "for", "the", "&", "-", "/", "in", "to"}
# Words that limit a skill or credential; a summary that names the skill keeps them.
QUALIFIER_RE = re.compile(
    r"\b(?:basic|beginner|elementary|introductory|novice|limited|some|familiar(?:ity)?|exposure|learning|"
    r"coursework|course|pursuing|studying|in progress|ongoing|expected|candidate|exam|booked|planned|abd|"
    r"self-taught|academic|personal|hobby|training|trainee|junior|working knowledge|conversational|"
    r"intermediate|prior|former|previous|lapsed|expired|expires|exp|valid|pending|enrolled|incomplete|partial)\b",
    re.IGNORECASE,
)
# A count before a phrase: a rename there must keep its number ("12 kaizen events").
_COUNTED = re.compile(
    r"(?:\b(?:\d[\d,.]*\+?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|several|"
    r"many|multiple|few|numerous|various)\s+)$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?=[ \t]+[A-Z(])")
# The date at the end of a credential's line: when it was earned, not a qualifier (an expiry,
# "exp. 2026", is one: such a line is not named in the summary at all).
_TRAILING_DATE = re.compile(
    r"(?:[ \t]*[,;–—-][ \t]*|[ \t]+)\(?(?:(?:issued|earned|since)[ \t]*)?"
    r"(?:[A-Z][a-z]{2,8}\.?[ \t]+)?(?:19|20)\d\d\)?$",
)
_TRAILING_PAREN = re.compile(r"^[ \t]*\(([^()\n]{1,40})\)")


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in TOKEN_RE.findall(text)]


def _initials(tokens: list[str]) -> str:
    return "".join(t[0] for t in tokens if t not in _CONNECTIVES and t[:1].isalpha())


def _same_word(a: str, b: str) -> bool:
    """One word, singular or plural ("budget", "budgets")."""
    return a == b or a.rstrip("s") == b.rstrip("s")


def _job_wording(wording: str, surface: str, after: str, whole_item: bool, before: str = "") -> str | None:
    """How a skill reads in the job's wording while keeping the resume's own, or None
    when no rename both stays grammatical and claims nothing more.

    Safe renames: a vendor or product name before the candidate's own ("Kafka" ->
    "Apache Kafka"); a spelling variant or an acronym and its expansion, with the
    candidate's words kept in brackets ("Postgres" -> "PostgreSQL (Postgres)", "TMS"
    -> "transportation management system (TMS)"); and, where the skill is a whole list
    item, the job's synonym ("kaizen events" -> "continuous improvement (kaizen
    events)"). Never a wording that adds or changes words around the candidate's
    ("Budgets" -> "Operating budget", "Six Sigma" -> "Six Sigma methods"), nor one
    that would sit inside brackets or before them.
    """
    w, s = _tokens(wording), _tokens(surface)
    if not w or not s:
        return None
    if any(s[k : k + len(w)] == w for k in range(len(s) - len(w) + 1)):
        return None  # "Manhattan SCALE" already says "Manhattan"
    if len(s) < len(w) and w[-len(s) :] == s:
        extra = TOKEN_RE.findall(wording)[: len(w) - len(s)]
        return (
            wording if all(t[:1].isupper() for t in extra) else None
        )  # "Apache Kafka", not "open source contributions"
    if any(any(ch.isdigit() for ch in t) and t not in s for t in w):
        return None  # a version or edition the resume does not name ("GA4", "Python 3")
    if after[:1] in ("-", "/") or after.lstrip().startswith("("):
        return None  # glued into a compound ("TMS-based"), or brackets would nest
    if all(any(_same_word(a, b) for b in s) for a in w if a.isalpha()):
        # The job's shorter name for what the line says ("Single Subject Credential" for
        # "California Single Subject Teaching Credential"): it claims nothing more.
        return f"{_lower_first(wording, surface)} ({surface})"
    if any(_same_word(a, b) for a in w for b in s if a.isalpha() and len(a) > 2):
        return None  # the wording changes the candidate's words around a shared one ("Budgets")
    acronym = (len(s) == 1 and s[0].isalpha() and s[0] == _initials(w)) or (len(w) == 1 and w[0] == _initials(s))
    if not (acronym or (len(s) == 1 and len(w) == 1) or whole_item) and _COUNTED.search(before):
        return None  # "Led 12 kaizen events" must not read "Led 12 continuous improvement (kaizen events)"
    return f"{_lower_first(wording, surface)} ({surface})"


def _lower_first(wording: str, surface: str) -> str:
    """The job's wording as it reads where the candidate wrote `surface` in lower case:
    "Key performance indicators" mid-list reads "key performance indicators"."""
    first = TOKEN_RE.findall(wording)[0]
    if len(wording.split()) > 1 and first[:1].isupper() and first[1:].islower() and not surface[:1].isupper():
        return wording[0].lower() + wording[1:]
    return wording


class _Plan:
    """One resume read against one job; builds the proposal."""

    def __init__(self, resume: str, job: Job) -> None:
        self.resume = resume
        self.keywords = job_keywords(job.description, job.title, job.company)
        self.description = job.description
        self.index = index_text(resume)
        self.lay = layout(resume)
        self.weight = {k.entry: (2 if k.required else 1) for k in self.keywords.all if k.entry}
        self.salient = [k for k in self.keywords.all if k.entry is None]
        offsets = list(self.lay.offsets)
        self.line_matches: dict[int, list[tuple[int, int, str, str]]] = {}
        for m in self.index.matches:
            ln = bisect_right(offsets, m.start) - 1
            self.line_matches.setdefault(ln, []).append((m.start - offsets[ln], m.end - offsets[ln], m.name, m.text))
        self.renames: dict[int, list[tuple[int, int, str, str]]] = {}  # line -> (start, end, text, note)
        self.renamed: set[str] = set()  # entries given the job's wording by an edit
        self.rename_entry: dict[tuple[int, int], str] = {}  # (line, start) of a rename -> its entry
        self.edit_lines: list[list[int]] = []  # the lines each proposed edit replaces, in order
        self._plan_renames()

    # --- relevance and renames ------------------------------------------------
    def rel(self, line: int, a: int = 0, b: int | None = None) -> int:
        """Relevance of line[a:b]: 2 per required and 1 per preferred keyword in it."""
        text = self.lay.lines[line]
        b = len(text) if b is None else b
        names = {name for s, _, name, _ in self.line_matches.get(line, ()) if a <= s < b}
        score = sum(self.weight.get(n, 0) for n in names)
        if self.salient:
            seg = text[a:b]
            score += sum(2 if k.required else 1 for k in self.salient if k.patterns[0].search(seg, seg.casefold()))
        return score

    def tier(self, lines: range) -> int:
        """0 for a bullet that shows a required keyword, 1 for a preferred one only, 2 for none.

        Bullets move only between tiers (stable within one), so the candidate's own
        order stands wherever the job does not tell two bullets apart, and a bullet with
        a required keyword never goes below one with none."""
        names = {name for ln in lines for _, _, name, _ in self.line_matches.get(ln, ())}
        weights = {self.weight.get(n, 0) for n in names}
        for k in self.salient:
            seg = "\n".join(self.lay.lines[ln] for ln in lines)
            if any(p.search(seg, seg.casefold()) for p in k.patterns):
                weights.add(2 if k.required else 1)
        return 0 if 2 in weights else 1 if 1 in weights else 2

    def _plan_renames(self) -> None:
        for kw in self.keywords.all:
            if kw.entry is None or kw.entry not in self.index.names or has_keyword(self.index, self.resume, kw):
                continue
            places: list[tuple[int, int, int, int]] = []
            for ln, found in self.line_matches.items():
                place = _PLACE_RANK.get(self.lay.kind_at(ln))
                if place is None or (place > 0 and not BULLET_RE.match(self.lay.lines[ln])):
                    continue  # the summary is rewritten as a whole; titles stay as they are
                places += [(place, ln, s, e) for s, e, name, _ in found if name == kw.entry]
            for _, ln, s, e in sorted(places):  # the first place where a rename reads well
                text = self._rename_at(kw, ln, s, e)
                if text is not None:
                    self.renames.setdefault(ln, []).append((s, e, text, f"{self.lay.lines[ln][s:e]} -> {text}"))
                    self.renamed.add(kw.entry)
                    self.rename_entry[(ln, s)] = kw.entry
                    break

    def _rename_at(self, kw: Keyword, ln: int, s: int, e: int) -> str | None:
        line = self.lay.lines[ln]
        if any(a < e and s < b for a, b, *_ in self.renames.get(ln, ())):
            return None
        surface = line[s:e]
        depth = line[:s].count("(") - line[:s].count(")")
        if depth > 0:
            return None  # inside brackets: a rename there would nest them
        text = _job_wording(kw.text, surface, line[e:], _whole_item(line, s, e), line[:s])
        if text is None:
            return None
        before = line[:s].rstrip(" \t")
        titled = surface[:1].isupper() and surface[1:2].islower()
        # an acronym opening its line or sentence takes the capital too: "• EHR super-user" reads
        # "• Electronic health record (EHR) super-user"
        opens = not before or bool(BULLET_RE.fullmatch(line[:s])) or before.endswith((".", "!", "?"))
        if text[:1].islower() and (
            (titled and (opens or before.endswith(_ITEM_START))) or (surface[:1].isupper() and opens)
        ):
            text = text[0].upper() + text[1:]
        return text

    def render(self, line: int, a: int = 0, b: int | None = None) -> str:
        """line[a:b] with its planned renames applied."""
        text = self.lay.lines[line]
        b = len(text) if b is None else b
        out, pos = [], a
        for s, e, rep, _ in sorted(self.renames.get(line, ())):
            if a <= s and e <= b:
                out += [text[pos:s], rep]
                pos = e
        out.append(text[pos:b])
        return "".join(out)

    def notes(self, lines: range | list[int]) -> list[str]:
        return [n for ln in lines for *_, n in sorted(self.renames.get(ln, ()))]

    # --- edits ----------------------------------------------------------------
    def edits(self) -> list[Edit]:
        out: list[tuple[list[int], Edit]] = []
        covered: set[int] = set()
        for sec in self.lay.all("skills"):
            span = [sec.heading] if sec.inline else list(range(sec.body_start, sec.end))
            for group in _groups(self.lay.lines, span):
                covered.update(group)
                self._emit(out, group, self._skills_group(group), "puts the skills this job asks for first")
        for sec in self.lay.all("experience"):
            for run in bullet_items(self.lay.lines, sec.body_start, sec.end):
                lines = list(range(run[0][0], run[-1][1]))
                covered.update(lines)
                order = sorted(range(len(run)), key=lambda n: self.tier(range(*run[n])))
                revised = [self.render(ln) for n in order for ln in range(*run[n])]
                self._emit(out, lines, revised, "orders this role's bullets by relevance to the job")
        for ln in sorted(set(self.renames) - covered):
            self._emit(out, [ln], [self.render(ln)], "")
        ordered = sorted(out, key=lambda t: t[0][0])
        self.edit_lines = [lines for lines, _ in ordered]
        return [e for _, e in ordered]

    def drop_renames(self, lines: list[int]) -> None:
        """Forget the renames planned on these lines (the summary may then carry those skills)."""
        for ln in lines:
            for s, _, _, _ in self.renames.pop(ln, []):
                self.renamed.discard(self.rename_entry.pop((ln, s)))

    def _emit(self, out: list[tuple[list[int], Edit]], lines: list[int], revised: list[str], why: str) -> None:
        original = "\n".join(self.lay.lines[ln] for ln in lines)
        new = "\n".join(revised)
        if new == original or self.resume.count(original) != 1:
            return  # nothing to do, or a quote that would be ambiguous
        renamed_only = new == "\n".join(self.render(ln) for ln in lines)
        notes = self.notes(lines)
        parts = [why] if why and not renamed_only else []
        if notes:
            parts.append("uses the job's wording: " + "; ".join(notes))
        out.append((lines, Edit(original, new, "; ".join(parts))))

    def _skills_group(self, group: list[int]) -> list[str]:
        """A skills block with relevant items first in each line, relevant lines first."""
        new = {ln: self._skills_line(ln) for ln in group}
        if len(group) > 1 and not any(
            self.lay.lines[ln][:1] in " \t" and not BULLET_RE.match(self.lay.lines[ln]) for ln in group[1:]
        ):
            group = sorted(group, key=lambda ln: -self.rel(ln))
        return [new[ln] for ln in group]

    def _lower_brand_at(self, pos: int) -> bool:
        """Whether a skill whose own name is written in lower case ("dbt", "pandas") starts at `pos`."""
        return any(m.start == pos and m.entry.name[:1].islower() for m in self.index.matches)

    def _skills_line(self, ln: int) -> str:
        line = self.lay.lines[ln]
        split = _split_items(line)
        if split is None:
            return self.render(ln)
        prefix_end, items, sep, suffix_start, lead = split
        order = sorted(range(len(items)), key=lambda n: -self.rel(ln, *items[n]))
        if order == list(range(len(items))):
            return self.render(ln)
        texts = [self.render(ln, *items[n]) for n in order]
        if order[0] != 0 and _sentence_cased([line[a:b] for a, b in items]):
            # "Wound care, telemetry, ..." keeps its capital at the front of the list, not on "Wound care"
            k = order.index(0)
            texts[k] = texts[k][0].lower() + texts[k][1:]
            texts[0] = texts[0][0].upper() + texts[0][1:]
        elif (
            order[0] != 0
            and not BULLET_RE.sub("", line[:prefix_end]).strip()
            and not line[items[0][0] : items[0][0] + 1].islower()
            and texts[0][:1].islower()
            and texts[0].split()[0].islower()
            and not self._lower_brand_at(self.lay.offsets[ln] + items[order[0]][0])
        ):
            # an item moved to the front of a line that opened with a capital takes it:
            # "continuous integration (CI/CD), JS, ..." reads "Continuous integration (CI/CD), JS, ...";
            # a name written in lower case ("dbt", "pandas") stays as it is
            texts[0] = texts[0][0].upper() + texts[0][1:]
        if lead:
            texts[-1] = lead + texts[-1]
        return self.render(ln, 0, prefix_end) + sep.join(texts) + self.render(ln, suffix_start)


# --- summary ----------------------------------------------------------------
def _summary(plan: _Plan, accept: Callable[[str, str, bool], bool] = lambda original, new, insertion: True) -> str:
    """The candidate's own summary with one sentence naming the job's skills they
    have that it does not mention yet ("Skills include PostgreSQL (Postgres) and
    dbt (basic)."), after its first sentence; a skill it names under another
    wording takes the job's wording in place. Qualifiers come along; nothing is
    repeated. With no summary, that sentence alone."""
    span = summary_span(plan.resume)
    lo, hi = span if span else (0, 0)
    renames, listed = _summary_changes(plan, lo, hi)
    own = plan.resume[lo:hi]
    para = own
    for a, b, text in sorted(renames, reverse=True):
        para = para[: a - lo] + text + para[b - lo :]
    if renames and not accept(own, para, False):
        para = own  # the job's wording in place would not pass: the candidate's stays
    items = [p for _, p, _ in listed]
    if items and not accept(own, _compose(own, para, span, items), span is None):
        items = [p for p in items if accept("", _sentence([p]), True)]  # find the items it refuses
    while items:
        text = _compose(own, para, span, items)
        if accept(own, text, span is None):
            return text
        items.pop()  # the least relevant item goes first
    return para if para != own else ""


def _summary_changes(
    plan: _Plan, lo: int, hi: int
) -> tuple[list[tuple[int, int, str]], list[tuple[int, tuple[bool, str], int]]]:
    """The renames in the summary paragraph resume[lo:hi], and the skills its added
    sentence names (most needed first, at most MAX_STRENGTHS, then in the job's order)."""
    renames: list[tuple[int, int, str]] = []
    listed: list[tuple[int, tuple[bool, str], int]] = []  # (0 if needed for the score, phrase, job order)
    order = {k: n for n, k in enumerate(plan.keywords.all)}
    for kw in plan.keywords.all:
        if kw.entry is None or kw.entry not in plan.index.names:
            continue  # a salient term is the job's own phrase: it adds nothing to a summary
        needed = kw.entry not in plan.renamed and not has_keyword(plan.index, plan.resume, kw)
        in_para = [m for m in plan.index.matches if m.name == kw.entry and lo <= m.start and m.end <= hi]
        if in_para:  # the summary names it already: at most the job's wording, in place
            found = _para_rename(plan.resume, kw, in_para, hi, renames) if needed else None
            if found is not None:
                renames.append(found)
                plan.renamed.add(kw.entry)
            continue
        if needed or kw.required:
            phrase = _phrase(plan, kw, lo, hi)
            if phrase and all(phrase != p for _, p, _ in listed):
                listed.append((0 if needed else 1, phrase, order[kw]))
    return renames, sorted(sorted(listed)[:MAX_STRENGTHS], key=lambda t: t[2])


def _compose(own: str, para: str, span: tuple[int, int] | None, items: list[tuple[bool, str]]) -> str:
    """The summary with the sentence naming `items` in it (or alone when there is none)."""
    sentence = _sentence(items)
    if not span:
        return sentence
    lines = para.split("\n")
    bullet = BULLET_RE.match(lines[-1])
    if len(lines) > 1 and bullet and all(BULLET_RE.match(ln) for ln in lines if ln.strip()):
        return f"{para}\n{bullet.group()}{sentence}"
    first = _SENTENCE_END.search(para)
    if first is not None:
        return f"{para[: first.end()]} {sentence}{para[first.end() :]}"
    body = para.rstrip()
    return f"{body}{'' if body.endswith(('.', '!', '?')) else '.'} {sentence}{para[len(body) :]}"


def _para_rename(
    resume: str, kw: Keyword, found: list[Match], hi: int, taken: list[tuple[int, int, str]]
) -> tuple[int, int, str] | None:
    """The first mention in the summary that can take the job's wording in place, as (start, end, text)."""
    for m in found:
        if any(a < m.end and m.start < b for a, b, _ in taken):
            continue
        line_start = resume.rfind("\n", 0, m.start) + 1
        before = resume[line_start : m.start]
        if before.count("(") > before.count(")"):
            continue
        surface = resume[m.start : m.end]
        text = _job_wording(kw.text, surface, resume[m.end : hi], False, before)
        if text is not None:
            return m.start, m.end, text
    return None


def _phrase(plan: _Plan, kw: Keyword, lo: int, hi: int) -> tuple[bool, str] | None:
    """How the summary names a skill of the resume: the job's wording with the
    candidate's, and the qualifier the resume gives it ("dbt (basic)"); None when
    every mention of it is qualified in a way a list cannot carry."""
    best: tuple[int, str] | None = None
    offsets = list(plan.lay.offsets)
    cred = False
    for m in plan.index.matches:
        if m.name != kw.entry or lo <= m.start < hi:
            continue
        ln = bisect_right(offsets, m.start) - 1
        line, s, e = plan.lay.lines[ln], m.start - offsets[ln], m.end - offsets[ln]
        cred = m.entry.kind != "skill"
        if cred and plan.lay.kind_at(ln) in ("certifications", "education"):
            item = _credential_item(kw, m, line)
            if item is not None:
                best = (-1, item)  # a credential's own line, qualifiers and all: "APICS CSCP (in progress)"
                break
            continue  # a date that qualifies it ("expected 2027") cannot be left out, nor said here
        mention = _mention(plan, kw, m, line, s, e)
        if mention is not None and (best is None or mention[0] < best[0]):
            best = mention
    return (cred, best[1]) if best else None


def _credential_item(kw: Keyword, m: Match, line: str) -> str | None:
    """A credential's own line as the summary names it, in the job's wording where that
    is safe; None when a date or a number in it cannot be left out or said there."""
    bullet = BULLET_RE.match(line)
    item = line[bullet.end() if bullet else 0 :].strip().rstrip(".;,")
    date = _TRAILING_DATE.search(item)  # "Tableau Desktop Specialist (2020)"
    if date is not None:
        head = item[: date.start()]
        last = head.split()[-1] if head.split() else ""
        balanced = head.count("(") == head.count(")")
        item = head if balanced and not QUALIFIER_RE.search(last) else "0"  # "(expected 2027)" stays
    at = item.find(m.text)
    if at >= 0 and not any(w.search(item, item.casefold()) for w in kw.patterns):
        named = _job_wording(kw.text, m.text, item[at + len(m.text) :], True, item[:at])
        item = item[:at] + named + item[at + len(m.text) :] if named else item
    if len(item) <= 120 and not any(ch.isdigit() for ch in item):
        return item
    return None


def _mention(plan: _Plan, kw: Keyword, m: Match, line: str, s: int, e: int) -> tuple[int, str] | None:
    """(rank, phrase) for a skill mentioned at line[s:e], lower rank better (no qualifier, not
    named as a detail); None when what surrounds it qualifies it in a way a list cannot carry."""
    nested = line[:s].count("(") > line[:s].count(")")  # "SQL (Postgres)": named as a detail
    paren = _TRAILING_PAREN.match(line[e:])
    suffix = f" ({paren.group(1).strip()})" if paren and QUALIFIER_RE.search(paren.group(1)) else ""
    rest = line[e + (paren.end() if paren and suffix else 0) :]
    left = re.split(r"[,;|•·:(]", line[:s])[-1]
    right = re.split(r"[,;|•·.()]", rest)[0]
    if QUALIFIER_RE.search(left) or QUALIFIER_RE.search(right):
        return None  # "exposure to Rust", "SQL coursework": kept only where the resume says it
    if m.entry.kind != "skill" and not suffix and QUALIFIER_RE.search(line):
        return None  # a credential on a line that qualifies it ("exam booked May")
    return 2 * bool(suffix) + nested, _named(plan, kw, m.text) + suffix


def _named(plan: _Plan, kw: Keyword, surface: str) -> str:
    """A skill as a summary list names it: the job's wording where safe, a common phrase in lower case."""
    shown = any(w.search(surface, surface.casefold()) for w in kw.patterns)
    text = surface if shown else (_job_wording(kw.text, surface, "", True) or surface)
    head = TOKEN_RE.findall(text)[0]
    words = [w for w in text.split(" (")[0].split() if w[:1].isalpha()]
    lower_rest = len(words) > 1 and all(w[:1].islower() for w in words[1:])
    if head[:1].isupper() and head[1:].islower() and (lower_rest or _common(plan, head)):
        text = text[0].lower() + text[1:]  # "Wound care" at the start of an item reads "wound care" in a list
    return text


def _common(plan: _Plan, word: str) -> bool:
    """Whether the resume or the job uses the word in lower case (so it is no name)."""
    low = word.casefold().removesuffix("s")
    rx = re.compile(rf"(?<![\w-]){re.escape(low)}s?(?![\w-])")
    return bool(rx.search(plan.resume) or rx.search(plan.description))


def _sentence_cased(items: list[str]) -> bool:
    """Whether a list capitalises only its first item ("Wound care, telemetry, patient
    education"): a capitalised common phrase first, no other like it, and some item in
    lower case."""
    words = [it.split() for it in items]

    def capitalised(w: list[str]) -> bool:
        return len(w) > 1 and w[0][:1].isupper() and w[0][1:].islower() and w[1][:1].islower()

    return (
        all(words)
        and capitalised(words[0])
        and not any(capitalised(w) for w in words[1:])
        and any(w[0][:1].islower() for w in words[1:])
    )


def _whole_item(line: str, s: int, e: int) -> bool:
    """Whether line[s:e] is a whole list item (or the whole text of a bullet)."""
    split = _split_items(line)
    if split is not None:
        return any(lo == s and hi == e for lo, hi in split[1])
    m = BULLET_RE.match(line)
    return line[m.end() if m else 0 :].strip().rstrip(".") == line[s:e]


def _groups(lines: tuple[str, ...], span: list[int]) -> list[list[int]]:
    """Runs of consecutive non-blank lines."""
    groups: list[list[int]] = []
    for ln in span:
        if lines[ln].strip() and groups and groups[-1][-1] == ln - 1:
            groups[-1].append(ln)
        elif lines[ln].strip():
            groups.append([ln])
    return groups


def _split_items(line: str) -> tuple[int, list[tuple[int, int]], str, int, str] | None:
    """Split a skills line into its list items, outside parentheses.

    Returns (prefix end, item spans, separator, suffix start, "and " lead of the last
    item) or None when the line is not a list. The prefix is the bullet and a short
    "Label:"; the suffix a final full stop.
    """
    p = _list_start(line)
    cuts = _delimiters(line, p)
    counts = {d: sum(ch == d for _, ch in cuts) for d in _DELIMS}
    delim = max(_DELIMS, key=lambda d: (counts[d], -_DELIMS.index(d)))
    if counts[delim] == 0:
        return None
    end = len(line.rstrip())
    suffix = end - 1 if line[:end].endswith(".") else end
    bounds = [p] + [i + 1 for i, ch in cuts if ch == delim] + [suffix + 1]
    items = _item_spans(line, bounds, suffix)
    if items is None:
        return None
    first_cut = next(i for i, ch in cuts if ch == delim)
    sep = line[items[0][1] : first_cut + 1] + " " * (items[1][0] - first_cut - 1)
    lead = ""
    last_lo, last_hi = items[-1]
    for word in ("and ", "& "):
        if line[last_lo:last_hi].startswith(word):
            lead = word
            items[-1] = (last_lo + len(word), last_hi)
    return p, items, sep, suffix, lead


def _list_start(line: str) -> int:
    """Where a skills line's list begins: after its bullet and a short "Label:"."""
    m = BULLET_RE.match(line)
    p = m.end() if m else 0
    colon = line.find(":", p)
    if colon != -1 and "," not in line[p:colon] and len(line[p:colon].split()) <= 4:
        p = colon + 1
        while p < len(line) and line[p] == " ":
            p += 1
    return p


def _delimiters(line: str, start: int) -> list[tuple[int, str]]:
    """(position, character) of each list delimiter in line[start:] outside brackets."""
    cuts: list[tuple[int, str]] = []
    depth = 0
    for i in range(start, len(line)):
        ch = line[i]
        depth += (ch in "([{") - (ch in ")]}")
        if depth == 0 and ch in _DELIMS:
            cuts.append((i, ch))
    return cuts


def _item_spans(line: str, bounds: list[int], suffix: int) -> list[tuple[int, int]] | None:
    """The list items between cut bounds, trimmed of spaces; None when one is empty."""
    items: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        lo, hi = a, min(b - 1, suffix)
        while lo < hi and line[lo] == " ":
            lo += 1
        while hi > lo and line[hi - 1] == " ":
            hi -= 1
        if lo == hi:
            return None
        items.append((lo, hi))
    return items
