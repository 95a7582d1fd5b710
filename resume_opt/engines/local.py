"""The offline engine: deterministic tailoring with no network and no model.

It proposes what an honest recruiter would do by hand, in the same contract as the
LLM (a summary plus edits quoting the resume verbatim), so `ats.tailor.finalize`
checks its work exactly as it checks Groq's:

- skills the job asks for go first in each skills line, and lines with more of
  them go first in the skills section;
- a skill the candidate has under another name takes the job's wording, keeping
  theirs: "k8s" -> "Kubernetes (k8s)", "Kafka" -> "Apache Kafka";
- each role's bullets are ordered by relevance to the job (stable, so ties keep
  the candidate's order);
- the summary leads with the matched skills, in the job's wording, followed by the
  candidate's own summary. It never states a title, years or anything the resume
  does not say.

Keywords the resume lacks are never written into it; finalize turns them into
suggestions for the candidate.
"""

from __future__ import annotations

import time
from bisect import bisect_right
from typing import TYPE_CHECKING

from resume_opt.ats.injection import quarantine, quarantine_job
from resume_opt.ats.keywords import Keyword, has_keyword, has_skill, index_text, job_keywords
from resume_opt.ats.proposal import Edit, Job, Proposal
from resume_opt.ats.sections import BULLET_RE, bullet_items, layout, summary_span
from resume_opt.ats.taxonomy import TOKEN_RE

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
    prompt_version = "1"

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def propose(self, resume: str, job: Job) -> Proposal:
        started = time.perf_counter()
        # The engine reads the clean texts: what reads as instructions or stuffing is withheld.
        plan = _Plan(quarantine(resume).clean_text, quarantine_job(job))
        edits = plan.edits()
        summary = plan.summary()
        return Proposal(summary=summary, edits=edits, latency_ms=int((time.perf_counter() - started) * 1000))

    def close(self) -> None:
        return None


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _job_wording(wording: str, surface: str, after: str) -> str:
    """How a skill reads in the job's wording while keeping the resume's own."""
    w = [t.casefold() for t in TOKEN_RE.findall(wording)]
    s = [t.casefold() for t in TOKEN_RE.findall(surface)]
    if any(s[k : k + len(w)] == w for k in range(len(s) - len(w) + 1)):
        return surface  # "Manhattan SCALE" already says "Manhattan"
    if any(w[k : k + len(s)] == s for k in range(len(w) - len(s) + 1)):
        return wording  # "Kafka" -> "Apache Kafka": nothing of theirs is lost
    return f"{wording}/{surface}" if after.lstrip().startswith("(") else f"{wording} ({surface})"


class _Plan:
    """One resume read against one job; builds the proposal."""

    def __init__(self, resume: str, job: Job) -> None:
        self.resume = resume
        self.keywords = job_keywords(job.description, job.title, job.company)
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

    def _plan_renames(self) -> None:
        for kw in self.keywords.all:
            if kw.entry is None or kw.entry not in self.index.names or has_keyword(self.index, self.resume, kw):
                continue
            best: tuple[int, int, int, int, str] | None = None
            for ln, found in self.line_matches.items():
                place = _PLACE_RANK.get(self.lay.kind_at(ln))
                if place is None or (place > 0 and not BULLET_RE.match(self.lay.lines[ln])):
                    continue  # the summary is rewritten as a whole; titles stay as they are
                for s, e, name, _ in found:
                    if name == kw.entry and (best is None or (place, ln, s) < best[:3]):
                        best = (place, ln, s, e, name)
            if best is None:
                continue
            _, ln, s, e, _ = best
            line = self.lay.lines[ln]
            surface = line[s:e]
            text = _job_wording(kw.text, surface, line[e:])
            if text == surface:
                continue
            before = line[:s].rstrip(" \t")
            if surface[:1].isupper() and text[:1].islower() and (not before or before.endswith(_ITEM_START)):
                text = text[0].upper() + text[1:]
            self.renames.setdefault(ln, []).append((s, e, text, f"{surface} -> {text}"))
            self.renamed.add(kw.entry)

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
        out: list[tuple[int, Edit]] = []
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
                order = sorted(range(len(run)), key=lambda n: -sum(self.rel(ln) for ln in range(*run[n])))
                revised = [self.render(ln) for n in order for ln in range(*run[n])]
                self._emit(out, lines, revised, "orders this role's bullets by relevance to the job")
        for ln in sorted(set(self.renames) - covered):
            self._emit(out, [ln], [self.render(ln)], "")
        return [e for _, e in sorted(out, key=lambda t: t[0])]

    def _emit(self, out: list[tuple[int, Edit]], lines: list[int], revised: list[str], why: str) -> None:
        original = "\n".join(self.lay.lines[ln] for ln in lines)
        new = "\n".join(revised)
        if new == original or self.resume.count(original) != 1:
            return  # nothing to do, or a quote that would be ambiguous
        renamed_only = new == "\n".join(self.render(ln) for ln in lines)
        notes = self.notes(lines)
        parts = [why] if why and not renamed_only else []
        if notes:
            parts.append("uses the job's wording: " + "; ".join(notes))
        out.append((lines[0], Edit(original, new, "; ".join(parts))))

    def _skills_group(self, group: list[int]) -> list[str]:
        """A skills block with relevant items first in each line, relevant lines first."""
        new = {ln: self._skills_line(ln) for ln in group}
        if len(group) > 1 and not any(
            self.lay.lines[ln][:1] in " \t" and not BULLET_RE.match(self.lay.lines[ln]) for ln in group[1:]
        ):
            group = sorted(group, key=lambda ln: -self.rel(ln))
        return [new[ln] for ln in group]

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
        if lead:
            texts[-1] = lead + texts[-1]
        return line[:prefix_end] + sep.join(texts) + line[suffix_start:]

    # --- summary --------------------------------------------------------------
    def summary(self) -> str:
        # Skills the job words differently and no other edit renames come first: the
        # summary is where they get the job's wording.
        held = [k for k in self.keywords.all if has_skill(self.index, self.resume, k)]
        needed = [k for k in held if k.entry not in self.renamed and not has_keyword(self.index, self.resume, k)]
        picked = needed + [k for k in held if k not in needed][: max(0, MAX_STRENGTHS - len(needed))]
        picked.sort(key=held.index)
        strengths = [s for s in (self._strength(k) for k in picked) if s]
        if not strengths:
            return ""
        sentence = f"Key skills for this role: {_join(strengths)}."
        span = summary_span(self.resume)
        if span is None:
            return sentence
        para = self.resume[span[0] : span[1]]
        return f"{sentence}\n{para}" if "\n" in para else f"{sentence} {para}"

    def _strength(self, kw: Keyword) -> str:
        if kw.entry is None or has_keyword(self.index, self.resume, kw):
            # The job's wording the resume already shows, if one does; else the job's first.
            return next((w.text for w in kw.patterns if w.search(self.resume, self.index.folded)), kw.text)
        surface = next((m.text for m in self.index.matches if m.name == kw.entry), "")
        return _job_wording(kw.text, surface, "") if surface else ""


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
    m = BULLET_RE.match(line)
    p = m.end() if m else 0
    colon = line.find(":", p)
    if colon != -1 and "," not in line[p:colon] and len(line[p:colon].split()) <= 4:
        p = colon + 1
        while p < len(line) and line[p] == " ":
            p += 1
    counts = {d: 0 for d in _DELIMS}
    cuts: list[tuple[int, str]] = []
    depth = 0
    for i in range(p, len(line)):
        ch = line[i]
        depth += (ch in "([{") - (ch in ")]}")
        if depth == 0 and ch in counts:
            counts[ch] += 1
            cuts.append((i, ch))
    delim = max(_DELIMS, key=lambda d: (counts[d], -_DELIMS.index(d)))
    if counts[delim] == 0:
        return None
    end = len(line.rstrip())
    suffix = end - 1 if line[:end].endswith(".") else end
    bounds = [p] + [i + 1 for i, ch in cuts if ch == delim] + [suffix + 1]
    items: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        seg_end = min(b - 1, suffix)
        lo, hi = a, seg_end
        while lo < hi and line[lo] == " ":
            lo += 1
        while hi > lo and line[hi - 1] == " ":
            hi -= 1
        if lo == hi:
            return None
        items.append((lo, hi))
    first_cut = next(i for i, ch in cuts if ch == delim)
    sep = line[items[0][1] : first_cut + 1] + " " * (items[1][0] - first_cut - 1)
    lead = ""
    last_lo, last_hi = items[-1]
    for word in ("and ", "& "):
        if line[last_lo:last_hi].startswith(word):
            lead = word
            items[-1] = (last_lo + len(word), last_hi)
    return p, items, sep, suffix, lead
