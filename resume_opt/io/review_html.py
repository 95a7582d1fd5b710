"""A review page for one optimization: one self-contained HTML file a recruiter can open.

Original and tailored resume side by side, every applied edit highlighted and numbered
with its reason, rejected edits with why, matched and missing keywords, the score
before and after, suggestions for the candidate, and flags. The page makes no network
request and has no script (its Content-Security-Policy forbids both); every piece of
resume or job text is HTML-escaped, so a resume holding `<script>` shows it as text.
"""

from __future__ import annotations

import difflib
import re
from html import escape
from typing import Any

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")

FLAG_NOTES = {
    "suspected_prompt_injection": (
        "The resume or the job holds text that reads like instructions to an AI model. It was kept "
        "out of the analysis and the edits; check the original before sending this resume on."
    ),
}

CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --ins: #d2f4d3; --del: #ffd7d5; --warn: #fff1c2; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink);
       margin: 0; background: #f6f8fa; }
main { max-width: 1280px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; min-width: 160px; }
.card b { display: block; font-size: 26px; }
.up { color: #1a7f37; } .down { color: #cf222e; }
.flag { background: var(--warn); border: 1px solid #d4a72c; border-radius: 8px; padding: 10px 14px; margin: 12px 0; }
.panes { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.pane { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px;
        overflow-wrap: anywhere; }
.pane h3 { margin: 0 0 8px; font-size: 14px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.text { white-space: pre-wrap; font: 13.5px/1.55 ui-monospace, "DejaVu Sans Mono", monospace; }
ins { background: var(--ins); text-decoration: none; border-radius: 3px; }
del { background: var(--del); border-radius: 3px; }
sup { font: bold 10px system-ui, sans-serif; color: #0969da; }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); }
th { background: #f0f3f6; font-size: 13px; }
td.n { width: 36px; color: #0969da; font-weight: bold; }
.chips span { display: inline-block; margin: 2px 4px 2px 0; padding: 1px 9px; border-radius: 12px; font-size: 13px; }
.matched span { background: var(--ins); } .missing span { background: var(--del); }
ul { margin: 0; padding-left: 20px; } .none { color: var(--muted); }
@media print { body { background: #fff; } .panes { grid-template-columns: 1fr 1fr; } }
"""


def _fmt_score(value: Any) -> str:
    return "-" if value is None else f"{float(value):.0f}"


def _chips(words: list[str], cls: str) -> str:
    if not words:
        return '<p class="none">none</p>'
    return f'<div class="chips {cls}">' + "".join(f"<span>{escape(str(w))}</span>" for w in words) + "</div>"


def _edit_number(text: str, applied: list[dict[str, Any]]) -> int | None:
    """The applied edit (1-based) whose revised text holds this changed piece."""
    piece = text.strip()
    if not piece:
        return None
    for i, edit in enumerate(applied, 1):
        if piece in str(edit.get("revised") or ""):
            return i
    return None


def side_by_side(original: str, tailored: str, applied: list[dict[str, Any]]) -> tuple[str, str]:
    """Both texts as escaped HTML: removed words in <del>, added ones in <ins> with the edit's number."""
    a, b = _TOKEN.findall(original), _TOKEN.findall(tailored)
    left: list[str] = []
    right: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal":
            left.append(escape(old))
            right.append(escape(new))
            continue
        if old:
            left.append(f"<del>{escape(old)}</del>")
        if new:
            n = _edit_number(new, applied)
            reason = str(applied[n - 1].get("reason") or "") if n else ""
            title = f' title="{escape(reason)}"' if reason else ""
            mark = f"<sup>{n}</sup>" if n else ""
            core = new.rstrip()  # the number goes after the words, not after a line break
            right.append(f"<ins{title}>{escape(core)}</ins>{mark}{escape(new[len(core) :])}")
    return "".join(left), "".join(right)


def _scores(row: dict[str, Any], result: dict[str, Any]) -> tuple[Any, Any, str, str]:
    """The score before and after, their signed difference, and the difference's colour class."""
    before, after = row.get("score_before", result.get("score_before")), row.get("score_after")
    if after is None:
        after = result.get("score_after")
    delta = "" if before is None or after is None else f"{float(after) - float(before):+.0f}"
    delta_cls = "up" if delta.startswith("+") and delta != "+0" else ("down" if delta.startswith("-") else "")
    return before, after, delta, delta_cls


def _page_head(row: dict[str, Any]) -> list[str]:
    """The page's head and title line, with the optimization's ids, status and engine."""
    who = escape(str(row.get("candidate_name") or row.get("candidate_id") or ""))
    job = " — ".join(x for x in (str(row.get("job_title") or ""), str(row.get("job_company") or "")) if x)
    return [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Review: {who} for {escape(job)}</title>",
        f"<style>{CSS}</style></head><body><main>",
        f"<h1>{who} &rarr; {escape(job)}</h1>",
        f'<p class="meta">optimization {escape(str(row.get("id")))} &middot; candidate '
        f"{escape(str(row.get('candidate_id') or ''))} &middot; job {escape(str(row.get('job_id') or ''))}"
        f" &middot; status {escape(str(row.get('status') or ''))} &middot; engine "
        f"{escape(str(row.get('engine') or '-'))} / {escape(str(row.get('model') or '-'))}</p>",
    ]


def _score_cards(row: dict[str, Any], result: dict[str, Any], applied: int, rejected: int) -> list[str]:
    """The cards with the score before, the score after and the count of edits."""
    before, after, delta, delta_cls = _scores(row, result)
    return [
        '<div class="cards">',
        f'<div class="card">Score before<b>{_fmt_score(before)}</b></div>',
        f'<div class="card">Score after<b class="{delta_cls}">{_fmt_score(after)}</b>{escape(delta)}</div>',
        f'<div class="card">Edits<b>{applied} applied</b>{rejected} rejected</div>',
        "</div>",
    ]


def _notices(row: dict[str, Any], result: dict[str, Any]) -> list[str]:
    """The score's reason, the optimization's error and each flag with what it means."""
    out: list[str] = []
    if result.get("score_reason"):
        out.append(f'<p class="meta">{escape(str(result["score_reason"]))}</p>')
    if row.get("error"):
        out.append(f'<div class="flag"><b>Error:</b> {escape(str(row["error"]))}</div>')
    for flag in result.get("flags") or []:
        note = FLAG_NOTES.get(str(flag), "")
        out.append(f'<div class="flag"><b>Flag: {escape(str(flag))}</b> {escape(note)}</div>')
    return out


def _resume_panes(original: str, tailored: str, applied: list[dict[str, Any]]) -> list[str]:
    """The original and tailored resume side by side, changes marked."""
    left, right = side_by_side(original, tailored, applied)
    return [
        "<h2>Resume</h2>",
        '<div class="panes">',
        f'<section class="pane"><h3>Original</h3><div class="text">{left}</div></section>',
        f'<section class="pane"><h3>Tailored</h3><div class="text">{right}</div></section>',
        "</div>",
    ]


def _applied_table(applied: list[dict[str, Any]]) -> list[str]:
    """The applied edits, numbered as in the tailored pane, with what each was, is now, and why."""
    out = ["<h2>Applied edits</h2>"]
    if not applied:
        return [*out, '<p class="none">No edit was applied.</p>']
    out.append("<table><tr><th>#</th><th>Was</th><th>Now</th><th>Why</th></tr>")
    for i, e in enumerate(applied, 1):
        out.append(
            f'<tr><td class="n">{i}</td><td>{escape(str(e.get("original") or "(new)"))}</td>'
            f"<td>{escape(str(e.get('revised') or ''))}</td><td>{escape(str(e.get('reason') or ''))}</td></tr>"
        )
    out.append("</table>")
    return out


def _rejected_table(rejected: list[dict[str, Any]]) -> list[str]:
    """The rejected edits with what they proposed, instead of what, and why they were rejected."""
    out = ["<h2>Rejected edits</h2>"]
    if not rejected:
        return [*out, '<p class="none">No edit was rejected.</p>']
    out.append("<table><tr><th>Proposed</th><th>Instead of</th><th>Rejected because</th></tr>")
    for e in rejected:
        out.append(
            f"<tr><td>{escape(str(e.get('revised') or ''))}</td><td>{escape(str(e.get('original') or ''))}</td>"
            f"<td>{escape(str(e.get('rejected_because') or ''))}</td></tr>"
        )
    out.append("</table>")
    return out


def _keywords_and_suggestions(result: dict[str, Any]) -> list[str]:
    """The job's keywords the resume matches and misses, then the suggestions for the candidate."""
    out = [
        "<h2>Keywords the job asks for</h2>",
        "<h3>Matched</h3>",
        _chips(list(result.get("matched_keywords") or []), "matched"),
        "<h3>Missing</h3>",
        _chips(list(result.get("missing_keywords") or []), "missing"),
        "<h2>Suggestions for the candidate</h2>",
    ]
    suggestions = list(result.get("suggestions") or [])
    if suggestions:
        out.append("<ul>" + "".join(f"<li>{escape(str(s))}</li>" for s in suggestions) + "</ul>")
    else:
        out.append('<p class="none">None.</p>')
    return out


def render_review(row: dict[str, Any]) -> str:
    """The review page of one optimization (a row of db.documents.get_review) as HTML."""
    result: dict[str, Any] = row.get("result") or {}
    applied: list[dict[str, Any]] = list(result.get("edits_applied") or [])
    rejected: list[dict[str, Any]] = list(result.get("edits_rejected") or [])
    original = str(row.get("resume_text") or "")
    tailored = str(result.get("optimized_resume") or original)
    out = [
        *_page_head(row),
        *_score_cards(row, result, len(applied), len(rejected)),
        *_notices(row, result),
        *_resume_panes(original, tailored, applied),
        *_applied_table(applied),
        *_rejected_table(rejected),
        *_keywords_and_suggestions(result),
        "</main></body></html>",
    ]
    return "\n".join(out) + "\n"
