"""Resume and job analysis shared by every engine (issue #3).

- `text`: clean and bound the input (`clean_text`, `prepare_resume`).
- `taxonomy`: the skills data and the token-trie matcher.
- `keywords`: a job's required/preferred keywords; a resume's skills (`extract_skills`).
- `score`: the deterministic 0-100 match score.
- `sections`: resume sections and bullets; job description headings.
- `guard`: rejects edits that are not verbatim or bring in facts the resume lacks.
- `injection`: flags instruction-like text.
- `tailor`: `finalize`, which applies any engine's proposal through the guard.
"""
