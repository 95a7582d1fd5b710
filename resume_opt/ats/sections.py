"""Where things are in a resume (its sections and bullets) and in a job description.

Resumes come with every heading style people use — `SKILLS`, `Key Skills:`,
`Professional Summary` underlined with `----`, `## Experience`, "About Me",
"Core Competencies", "Employment History", "Licenses & Certifications" — so a line
counts as a heading when its normalised text is a known heading, or when it is
underlined, or ALL CAPS with a heading word. Title Case lines must be an exact known
heading: "Business Development Manager" is a job title, not a section.

Job descriptions get one mode per line from their own headings: required
("Requirements", "Must have", "Essential", "What you'll need"...), preferred ("Nice to
have", "Desirable", "Bonus points"...), other (responsibilities) or boilerplate
(about us, benefits, pay), which is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "professional summary",
        "profile",
        "professional profile",
        "about me",
        "about",
        "career summary",
        "career objective",
        "objective",
        "overview",
        "executive summary",
        "personal statement",
        "summary of qualifications",
        "career profile",
        "introduction",
        "personal profile",
        "professional overview",
        "highlights",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core competencies",
        "competencies",
        "key skills",
        "skills and tools",
        "tools",
        "technologies",
        "tech stack",
        "areas of expertise",
        "expertise",
        "core skills",
        "skills summary",
        "technical proficiencies",
        "proficiencies",
        "clinical skills",
        "key competencies",
        "skills and expertise",
        "skills and abilities",
        "key skills and competencies",
        "tools and technologies",
        "technical expertise",
        "professional skills",
        "relevant skills",
        "skill set",
        "skillset",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment history",
        "employment",
        "work history",
        "career history",
        "relevant experience",
        "clinical experience",
        "teaching experience",
        "positions held",
        "professional background",
        "career",
        "experience history",
        "sales experience",
        "industry experience",
        "leadership experience",
    ),
    "education": (
        "education",
        "education and training",
        "academic background",
        "academic qualifications",
        "education and qualifications",
        "training",
        "qualifications",
        "education and certifications",
        "academic history",
        "degrees",
    ),
    "certifications": (
        "certifications",
        "certificates",
        "licenses",
        "licences",
        "licenses and certifications",
        "licences and certifications",
        "certifications and licenses",
        "certifications and licences",
        "credentials",
        "professional certifications",
        "accreditations",
        "licensure",
        "certifications and training",
        "licenses and credentials",
    ),
    "other": (
        "projects",
        "selected projects",
        "key projects",
        "volunteer",
        "volunteering",
        "volunteer experience",
        "awards",
        "honors",
        "honours",
        "awards and honors",
        "publications",
        "languages",
        "interests",
        "hobbies",
        "references",
        "achievements",
        "accomplishments",
        "key achievements",
        "additional information",
        "activities",
        "affiliations",
        "memberships",
        "professional development",
        "courses",
        "talks",
        "publications and talks",
        "leadership",
        "community",
        "leadership and community",
    ),
}
_KIND_OF = {h: kind for kind, names in _HEADINGS.items() for h in names}
# Words that make an ALL CAPS or underlined line a heading of that kind (first hit wins).
_HEADING_WORDS = (
    ("summary", ("summary", "profile", "objective", "about")),
    ("skills", ("skills", "competencies", "expertise", "proficiencies", "technologies", "tools")),
    ("experience", ("experience", "employment", "history")),
    ("certifications", ("certifications", "certificates", "licenses", "licences", "credentials", "licensure")),
    ("education", ("education", "academic", "training", "qualifications")),
    (
        "other",
        (
            "projects",
            "publications",
            "talks",
            "awards",
            "honors",
            "volunteer",
            "interests",
            "languages",
            "references",
            "leadership",
            "development",
            "service",
            "community",
            "activities",
            "affiliations",
            "memberships",
            "achievements",
            "accomplishments",
        ),
    ),
)
_UNDERLINE = re.compile(r"^\s*([-=_~*])\1{2,}\s*$")
BULLET_RE = re.compile(r"^\s*(?:[-*•·▪●◦‣–—>+]|\d{1,2}[.)])\s+")


def heading_key(text: str) -> str:
    """Normalised heading text: markdown and punctuation off, '&' as 'and', casefolded."""
    s = text.strip().lstrip("#").strip().strip("*_").strip().rstrip(":").strip()
    s = s.replace("&", " and ").replace("’", "'")
    return " ".join(re.sub(r"[^\w' ]+", " ", s.casefold()).split())


@dataclass(frozen=True, slots=True)
class Section:
    """A resume section: `heading` line, body lines [body_start, end)."""

    kind: str  # summary | skills | experience | education | certifications | other
    title: str
    heading: int
    body_start: int
    end: int
    inline: bool = False  # "Skills: Python, SQL" — the body is the rest of the heading line


@dataclass(frozen=True, slots=True)
class Layout:
    """A resume split into lines (with character offsets) and sections."""

    lines: tuple[str, ...]
    offsets: tuple[int, ...]
    sections: tuple[Section, ...]
    heading_style: str  # how to write an inserted heading: upper | title | colon | underline | markdown

    def first(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)

    def all(self, kind: str) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]

    def kind_at(self, line: int) -> str:
        """The kind of section a line lies in ("header" before the first heading)."""
        kind = "header"
        for s in self.sections:
            if s.heading <= line < s.end:
                kind = s.kind  # later (inline) sections nest inside earlier ones
        return kind


def _heading_kind(line: str, next_line: str) -> tuple[str, bool] | None:
    """(kind, underlined) when `line` is a heading, else None."""
    s = line.strip()
    if not s or len(s) > 60 or BULLET_RE.match(line):
        return None
    key = heading_key(s)
    if not key or any(map(str.isdigit, key)):  # map: the same test per character, in C
        return None
    underlined = bool(_UNDERLINE.match(next_line))
    if key in _KIND_OF:
        return _KIND_OF[key], underlined
    words = key.split()
    shouty = s.isupper() and len(words) <= 5 and "," not in s
    if underlined or shouty or (s.endswith(":") and len(words) <= 4 and s[0].isupper()):
        for kind, cue in _HEADING_WORDS:
            if any(w in cue for w in words):
                return kind, underlined
        if underlined:
            return "other", True
    return None


def _inline(line: str) -> str | None:
    """Kind of an inline section line such as "Skills: Python, SQL", else None."""
    head, sep, rest = line.partition(":")
    if not sep or not rest.strip() or len(head.split()) > 4 or BULLET_RE.match(line):
        return None
    return _KIND_OF.get(heading_key(head)) if _KIND_OF.get(heading_key(head)) in ("skills", "summary") else None


@lru_cache(maxsize=512)
def layout(text: str) -> Layout:
    """Detect the sections of a resume (cached: one resume meets many jobs)."""
    lines = tuple(text.split("\n"))
    offsets: list[int] = []
    pos = 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln) + 1
    found: list[tuple[int, str, str, int, bool]] = []  # heading, kind, title, body_start, inline
    style = ""
    i = 0
    while i < len(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        hk = _heading_kind(lines[i], nxt)
        if hk:
            kind, underlined = hk
            found.append((i, kind, lines[i].strip(), i + 2 if underlined else i + 1, False))
            if not style and kind != "other":
                style = _style_of(lines[i], nxt if underlined else "")
            i += 2 if underlined else 1
            continue
        ik = _inline(lines[i])
        current = next((f[1] for f in reversed(found) if not f[4]), "")
        if ik and ik != current:
            found.append((i, ik, lines[i].partition(":")[0].strip(), i, True))
        i += 1
    sections = []
    for n, (head, kind, title, body, inline) in enumerate(found):
        later = [f[0] for f in found[n + 1 :] if not f[4]]
        end = head + 1 if inline else (later[0] if later else len(lines))
        sections.append(Section(kind, title, head, body, end, inline))
    return Layout(lines, tuple(offsets), tuple(sections), style or "title")


def _style_of(line: str, underline: str) -> str:
    s = line.strip()
    if underline:
        return "underline:" + underline.strip()[0]
    if s.startswith("#"):
        return "markdown:" + s[: len(s) - len(s.lstrip("#"))]
    base = "upper" if s.isupper() else "title"
    return base + (":" if s.endswith(":") else "")


def render_heading(name: str, style: str) -> str:
    """A heading named `name` written the way this resume writes its headings."""
    if style.startswith("markdown:"):
        return f"{style.split(':', 1)[1]} {name}"
    if style.startswith("underline:"):
        return f"{name}\n{style.split(':', 1)[1] * len(name)}"
    text = name.upper() if style.startswith("upper") else name
    return text + (":" if style.endswith(":") else "")


def summary_span(text: str) -> tuple[int, int] | None:
    """Character span of the resume's summary paragraph (the first paragraph of its
    summary section, or the text after "Summary:"), or None when there is none."""
    lay = layout(text)
    sec = lay.first("summary")
    if sec is None:
        return None
    if sec.inline:
        line = lay.lines[sec.heading]
        rest = line.partition(":")[2]
        start = lay.offsets[sec.heading] + len(line) - len(rest.lstrip())
        return (start, lay.offsets[sec.heading] + len(line)) if rest.strip() else None
    first = next((i for i in range(sec.body_start, sec.end) if lay.lines[i].strip()), None)
    if first is None:
        return None
    last = first
    while last + 1 < sec.end and lay.lines[last + 1].strip():
        last += 1
    return lay.offsets[first], lay.offsets[last] + len(lay.lines[last])


def summary_insert_at(text: str) -> int:
    """Where a new Summary section goes: before the first recognised section heading,
    else after the header block (name and contact lines), else at the top."""
    lay = layout(text)
    sec = next((s for s in lay.sections if s.kind != "other" and not s.inline), None)
    sec = sec or next((s for s in lay.sections if not s.inline), None)
    if sec is not None:
        return lay.offsets[sec.heading]
    blank = next((i for i, ln in enumerate(lay.lines) if not ln.strip()), None)
    if blank is not None and blank + 1 < len(lay.lines):
        return lay.offsets[blank + 1]
    return 0


def bullet_items(lines: tuple[str, ...], start: int, end: int) -> list[list[tuple[int, int]]]:
    """Runs of bullet items in lines [start, end): each item is (first, last+1) line indexes.

    An indented non-bullet line right after a bullet continues it (a wrapped bullet);
    anything else ends the run, so each role's bullets form their own run.
    """
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    i = start
    while i < end:
        if BULLET_RE.match(lines[i]):
            j = i + 1
            while j < end and lines[j].strip() and lines[j][:1] in " \t" and not BULLET_RE.match(lines[j]):
                j += 1
            run.append((i, j))
            i = j
            continue
        if run:
            runs.append(run)
            run = []
        i += 1
    if run:
        runs.append(run)
    return runs


# --- job descriptions ---------------------------------------------------------------

_JOB_HEADS = (
    (
        "required",
        r"(?:(?:minimum|basic|key|required|your|essential|must[- ]have) )?(?:qualifications|requirements)"
        r"|required(?: skills| experience| qualifications)?|must[- ]haves?|essentials?"
        r"|essential (?:criteria|skills|requirements|experience)|what you(?:'ll| will)? need"
        r"|what you bring|what we(?:'re| are) looking for|who you are|about you|you have|you bring"
        r"|(?:key |required )?skills(?: and experience| and qualifications)?|the ideal candidate"
        r"|requirements and qualifications|experience required|skills and experience",
    ),
    (
        "preferred",
        r"preferred(?: qualifications| skills| experience| requirements)?|nice[- ]to[- ]haves?"
        r"|desirable(?: criteria| skills| experience)?|bonus(?: points)?|pluses|extra credit"
        r"|good to have|it'?s a plus|added bonus|ideally|desired(?: skills| qualifications)?",
    ),
    (
        "other",
        r"(?:key )?responsibilities|what you(?:'ll| will) do|the role|about the role|your role|role"
        r"|duties|day[- ]to[- ]day|position summary|the opportunity|overview|job description"
        r"|in this role|what the job involves|the job",
    ),
    (
        "boilerplate",
        r"about .{1,40}|who we are|benefits|perks|what we offer|compensation|salary(?: range)?"
        r"|(?:pay|salary|compensation) and benefits|pay(?: range)?|location(?: and pay)?|perks and benefits"
        r"|equal opportunity.*|how to apply|why .{1,40}|benefits and perks"
        r"|our (?:values|culture|mission|team)|details|the team|the company|company",
    ),
)
_JOB_HEAD_RES = tuple((mode, re.compile(rf"(?:{pat})")) for mode, pat in _JOB_HEADS)


def job_heading_mode(line: str) -> str | None:
    """The mode a job-description heading line starts, or None when it is not a heading."""
    s = line.strip()
    if not s or len(s) > 50 or s.endswith(".") or BULLET_RE.match(line):
        return None
    key = heading_key(s)
    if len(key.split()) > 6:
        return None
    for mode, rx in _JOB_HEAD_RES:
        if rx.fullmatch(key):
            return mode
    return None


@lru_cache(maxsize=4096)
def job_line_modes(description: str) -> tuple[tuple[str, ...], bool]:
    """One mode per line of a job description, and whether it has requirement headings.

    Lines before any heading are "none"; a heading's own line carries its mode (so
    "Requirements: Python, SQL" counts as required).
    """
    modes: list[str] = []
    mode = "none"
    has_requirements = False
    for line in description.split("\n"):
        head, sep, rest = line.partition(":")
        m = job_heading_mode(line) or (job_heading_mode(head) if sep and rest.strip() else None)
        if m:
            mode = m
            has_requirements = has_requirements or m in ("required", "preferred")
        modes.append(mode)
    return tuple(modes), has_requirements


# The caches above that are kept per text (a resume, one of its lines or sentences), not per
# process or per job: what a new resume finds empty (scripts/bench_quality.forget_resumes).
PER_TEXT_CACHES = (layout,)
