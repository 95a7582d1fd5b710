"""The guard's general rules for qualifying phrases, titles, nouns and job terms
(resume_opt/ats/qualifiers.py and the guard rules that use it): each is checked on a
resume of its own, with a fabrication it must reject and an honest rewording it must pass."""

from __future__ import annotations

import pytest

from resume_opt.ats.facts import text_facts
from resume_opt.ats.guard import Guard
from resume_opt.ats.qualifiers import acronym_definitions, clause_qualifiers, dropped_qualifier, free_qualifiers

RESUME = """Priya Nandakumar
Sacramento, CA · priya@example.com

SUMMARY
Structural engineer with 3 years of bridge inspection and retrofit design.
Writes load ratings in CSiBridge; some Revit on the side.

EXPERIENCE
Structural Engineer I — Delta Span Consultants, Sacramento, CA
Jun 2022 – Present
- Prepared load ratings for 14 county bridges under the principal engineer's review
- Inspected culverts on night shifts when no senior inspector is on site
- Paired with the project lead to move drawings from AutoCAD 2018 to Revit
- Drafted engineer's estimates for retrofits up to $2M
- Presented a lunch-and-learn on DED repairs for pier retrofits
- Wrote pytest checks for the team's load-rating scripts

Engineering Intern — Bayline Public Works, Oakland, CA
Jun 2021 – Aug 2021
- Logged field measurements for the bridge crew
- Ran first-aid drills under the site RN's supervision

EDUCATION
B.S. Civil Engineering, Sacramento State, 2022
Engineer in Training (EIT), California, 2022

CERTIFICATIONS
Certified Bridge Safety Inspector — studying for the 2027 exam

SKILLS
Software: CSiBridge, AutoCAD, Revit (one site only), Python
Languages: Spanish (fluent)
"""
REVIEW = "- Prepared load ratings for 14 county bridges under the principal engineer's review"
NIGHTS = "- Inspected culverts on night shifts when no senior inspector is on site"
PAIRED = "- Paired with the project lead to move drawings from AutoCAD 2018 to Revit"
ESTIMATES = "- Drafted engineer's estimates for retrofits up to $2M"
DED = "- Presented a lunch-and-learn on DED repairs for pier retrofits"
PYTEST = "- Wrote pytest checks for the team's load-rating scripts"
SOFTWARE = "Software: CSiBridge, AutoCAD, Revit (one site only), Python"
TITLE = "Structural Engineer I — Delta Span Consultants, Sacramento, CA"
EIT = "Engineer in Training (EIT), California, 2022"


@pytest.fixture
def guard() -> Guard:
    return Guard(RESUME, "Bridge engineer; cost estimates, unit tests and KPIs.")


def test_free_qualifiers_are_found_by_their_shape() -> None:
    found = {q.marker: q.text for q in free_qualifiers(REVIEW + "; " + NIGHTS + "; " + SOFTWARE)}
    assert found["under"] == "under the principal engineer's review"
    assert found["when"] == "when no senior inspector is on site"
    assert found["("] == "(one site only)"
    assert "only" not in found  # inside the parenthesis, it is the parenthesis's
    assert [q.marker for q in free_qualifiers("Covered the desk only on weekends")] == ["only"]
    # an acronym spelled out, a proficiency word and a plain fact in parentheses qualify nothing
    assert free_qualifiers("TNCC (Trauma Nursing Core Course), Python (basic), Hotel (212 rooms)") == ()
    # "while" limits only a condition
    assert free_qualifiers("Filed reports while training two interns") == ()


def test_a_qualifier_survives_when_its_marker_and_words_do() -> None:
    kept = text_facts("Under the principal engineer's review, prepared load ratings for 14 county bridges")
    assert dropped_qualifier(REVIEW, kept.keys) is None
    gone = text_facts("Prepared load ratings for 14 county bridges")
    q = dropped_qualifier(REVIEW, gone.keys)
    assert q is not None and q.marker == "under"


@pytest.mark.parametrize(
    ("original", "revised", "words"),
    [
        (REVIEW, "- Prepared load ratings for 14 county bridges", ("under the principal engineer's review",)),
        (NIGHTS, "- Inspected culverts on night shifts on site", ("when no senior inspector is on site",)),
        (SOFTWARE, "Software: CSiBridge, AutoCAD, Revit, Python", ("(one site only)",)),
    ],
)
def test_dropping_a_free_qualifier_is_rejected(
    guard: Guard, original: str, revised: str, words: tuple[str, ...]
) -> None:
    r = guard.review(original, revised)
    assert r is not None and r.category == "qualifier", r
    assert r.words == words


def test_a_moved_qualifier_passes(guard: Guard) -> None:
    revised = "- Under the principal engineer's review, prepared load ratings for 14 county bridges"
    assert guard.check(REVIEW, revised) is None


def test_an_acronym_the_line_defines_keeps_its_qualifier(guard: Guard) -> None:
    assert acronym_definitions(EIT) == (("EIT", "Engineer in Training"),)
    assert guard.check(EIT, "EIT, California, 2022") is None
    r = guard.review(EIT, "Engineer, California, 2022")
    assert r is not None and r.category in ("qualifier", "unsupported"), r


def test_a_strength_word_used_as_a_noun_is_no_claim(guard: Guard) -> None:
    # "the project lead" is a person, not the candidate leading
    r = guard.review(PAIRED, "- Led the move of drawings from AutoCAD 2018 to Revit")
    assert r is not None and r.category in ("responsibility", "qualifier"), r
    r = guard.review(PAIRED, "- Served as the project lead to move drawings from AutoCAD 2018 to Revit")
    assert r is not None and r.category == "qualifier", r
    assert guard.check(PAIRED, "- Moved drawings from AutoCAD 2018 to Revit with the project lead") is None


def test_an_acronym_spelled_out_raises_no_strength(guard: Guard) -> None:
    # "directed" is the acronym's word, not the candidate directing
    revised = "- Presented a lunch-and-learn on directed energy deposition (DED) repairs for pier retrofits"
    assert guard.check(DED, revised) is None
    r = guard.review(DED, "- Directed a lunch-and-learn on DED repairs for pier retrofits")
    assert r is not None and r.category == "responsibility", r


@pytest.mark.parametrize(
    "revised",
    [
        "Bridge Engineer — Delta Span Consultants, Sacramento, CA",
        "Senior Structural Engineer — Delta Span Consultants, Sacramento, CA",
        "Structural Engineer — Delta Span Consultants, Sacramento, CA",
        "Project Engineer I — Delta Span Consultants, Sacramento, CA",
    ],
)
def test_a_title_is_never_changed(guard: Guard, revised: str) -> None:
    r = guard.review(TITLE, revised)
    assert r is not None and r.category == "seniority", r


def test_a_title_may_be_reworded_or_abbreviated() -> None:
    resume = RESUME.replace(TITLE, "Senior Structural Engineer II — Delta Span Consultants, Sacramento, CA")
    g = Guard(resume)
    line = "Senior Structural Engineer II — Delta Span Consultants, Sacramento, CA"
    assert g.check(line, "Sr. Structural Engineer II — Delta Span Consultants, Sacramento, CA") is None
    nurse = "Registered Nurse — Delta Span Clinic, Sacramento, CA"
    g = Guard(RESUME.replace(TITLE, nurse))
    assert g.check(nurse, "RN — Delta Span Clinic, Sacramento, CA") is None


def test_a_job_term_passes_only_where_the_role_says_it_otherwise(guard: Guard) -> None:
    assert guard.check(ESTIMATES, "- Drafted cost estimates for retrofits up to $2M") is None
    assert guard.check(PYTEST, "- Wrote pytest unit tests for the team's load-rating scripts") is None
    # the role has no evidence of KPIs, and the term goes one way only: pytest is no Jest
    r = guard.review(ESTIMATES, "- Drafted KPIs for retrofits up to $2M")
    assert r is not None, r
    r = guard.review(PYTEST, "- Wrote Jest checks for the team's load-rating scripts")
    assert r is not None and r.category in ("skill", "moved_fact"), r


def test_a_qualifier_binds_to_its_clause() -> None:
    sentence = "Writes load ratings in CSiBridge; some Revit on the side."
    assert clause_qualifiers(sentence, "csibridge") == frozenset()
    assert clause_qualifiers(sentence, "revit") != frozenset()


def test_summary_keeps_free_qualifiers_and_states_only_held_credentials(guard: Guard) -> None:
    # honest: the conditions kept, in the summary's own words
    assert guard.check("", "Inspects culverts on night shifts when no senior inspector is on site.", True) is None
    assert guard.check("", "Prepares load ratings for county bridges under senior engineer review.", True) is None
    # the condition dropped
    r = guard.review("", "Inspects culverts on night shifts.", True)
    assert r is not None and r.category == "qualifier", r
    # the word "Certified" is the resume's (the AWS line of no resume here), but not for bridges
    r = guard.review("", "Certified retrofit designer with 3 years of experience.", True)
    assert r is not None and r.category == "credential", r


def test_summary_number_qualifiers_bind_to_their_numbers(guard: Guard) -> None:
    # "up to $2M" qualifies the amount: a sentence without it need not say "up to"
    assert guard.check("", "Drafts engineer's estimates for retrofits.", True) is None
    r = guard.review("", "Drafts engineer's estimates for retrofits of $2M.", True)
    assert r is not None, r


def test_summary_credentials_must_be_held_as_the_resume_holds_them(guard: Guard) -> None:
    # named only as the person who supervised: not the candidate's
    r = guard.review("", "Registered nurse with bridge inspection experience.", True)
    assert r is not None and r.category == "credential", r
    # the certification keeps its status
    r = guard.review("", "Certified bridge safety inspector.", True)
    assert r is not None and r.category == "qualifier", r
    assert guard.check("", "Studying for the certified bridge safety inspector exam.", True) is None


def test_a_status_in_a_summary_sentence_is_said_of_its_own_entry_only(guard: Guard) -> None:
    lead = "Structural engineer with 3 years of bridge inspection; "
    # another item's status in the same sentence does not leave this one unfinished
    # (a sentence-wide reading accepted the first of these)
    r = guard.review("", lead + "certified bridge safety inspector and EIT, studying for the PE exam.", True)
    assert r is not None and r.category == "qualifier", r
    r = guard.review("", lead + "certified bridge safety inspector.", True)
    assert r is not None and r.category == "qualifier", r
    # the status after the entry, or before it in its clause, is its own
    assert (
        guard.check("", lead + "EIT and certified bridge safety inspector, studying for the 2027 exam.", True) is None
    )
    assert guard.check("", lead + "certified bridge safety inspector (studying for the 2027 exam).", True) is None
    assert guard.check("", lead + "EIT, studying for the certified bridge safety inspector exam.", True) is None


def test_summary_strength_reads_nouns_and_clauses(guard: Guard) -> None:
    assert guard.check("", "Moved drawings from AutoCAD 2018 to Revit with the project lead.", True) is None
    r = guard.review("", "Led the move of drawings from AutoCAD 2018 to Revit.", True)
    assert r is not None and r.category == "responsibility", r
    # a proficiency word binds forward, to its own and later clauses
    # ("fluent" is said of Spanish, not of the Python before it)
    assert guard.check("", "Day-to-day Python scripting, fluent in Spanish.", True) is None
    r = guard.review("", "Fluent Python scripting, in Spanish.", True)
    assert r is not None and r.category == "proficiency", r
    # a clause naming no entry is checked too
    r = guard.review("", "Writes load ratings in CSiBridge; advanced bridge inspection.", True)
    assert r is not None and r.category == "proficiency", r


def test_a_summary_clause_restating_a_line_keeps_its_qualifiers(guard: Guard) -> None:
    # every word is also named plainly elsewhere ("load ratings", "county"), but together they
    # restate the bullet done under review
    r = guard.review("", "Writes load ratings for 14 bridges.", True)
    assert r is not None and r.category == "qualifier" and "source line" in r.message, r
    assert guard.check("", "Writes load ratings for 14 bridges under review.", True) is None


def test_a_summary_clause_restating_a_line_claims_that_lines_proficiency() -> None:
    resume = RESUME.replace("Software: CSiBridge", "Familiar with Python.\nSoftware: CSiBridge").replace(
        "- Wrote pytest checks for the team's load-rating scripts",
        "- Wrote Python checks for the load-rating scripts of the bridge team",
    )
    g = Guard(resume)
    # restates the bullet: no more than it says
    assert g.check("", "Wrote Python checks for the load-rating scripts.", True) is None
    # says more than "familiar"
    r = g.review("", "Proficient in Python.", True)
    assert r is not None and r.category == "proficiency", r


@pytest.mark.parametrize(
    ("title", "reworded"),
    [
        ("Vice President of Sales", "VP of Sales"),
        ("Registered Nurse Case Manager", "RN Case Manager"),
        ("HR Generalist", "Human Resources Generalist"),
        ("Assistant Manager", "Asst. Manager"),
    ],
)
def test_title_abbreviations_and_acronyms_are_the_same_title(title: str, reworded: str) -> None:
    resume = f"EXPERIENCE\n{title} — Acme Corp, Austin, TX\nJan 2020 – Present\n- Built reports in Excel\n"
    g = Guard(resume)
    assert g.check(f"{title} — Acme Corp, Austin, TX", f"{reworded} — Acme Corp, Austin, TX") is None
    r = g.review(f"{title} — Acme Corp, Austin, TX", f"{reworded} Lead — Acme Corp, Austin, TX")
    assert r is not None and r.category == "seniority", r


def test_a_summary_opening_with_a_title_names_one_of_the_resumes(guard: Guard) -> None:
    # "bridge" and "project" are the resume's words, but no title of it
    r = guard.review("", "Bridge project engineer with 3 years of inspection.", True)
    assert r is not None and r.category == "seniority", r
    assert guard.check("", "Structural engineer with 3 years of bridge inspection.", True) is None
    # the title itself may be reworded: "Structural Engineer I" is the resume's
    assert guard.check("", "Structural engineer I with 3 years of bridge inspection.", True) is None


def test_under_supervision_is_no_people_claim_but_under_my_supervision_is() -> None:
    resume = "EXPERIENCE\nNurse — Acme Clinic, Austin, TX\nJan 2020 – Present\n- Trained 5 nurses on the unit\n"
    g = Guard(resume)
    line = "- Trained 5 nurses on the unit"
    assert g.check(line, "- Trained 5 nurses on the unit under supervision") is None
    r = g.review(line, "- Trained 5 nurses on the unit under my supervision")
    assert r is not None and r.category == "people", r
    assert free_qualifiers("Trained 5 nurses under my supervision") == ()


def test_a_reworded_qualifier_keeps_its_negation_and_most_of_its_words(guard: Guard) -> None:
    assert guard.check(NIGHTS, "- Inspected culverts on night shifts when no senior inspector was present") is None
    r = guard.review(NIGHTS, "- Inspected culverts on night shifts when a senior inspector is on site")
    assert r is not None and r.category == "qualifier", r
    r = guard.review(NIGHTS, "- Inspected culverts on night shifts when needed")
    assert r is not None and r.category == "qualifier", r


def test_a_credential_word_said_of_someone_else_licenses_nothing() -> None:
    resume = (
        "Kai Moreno\n\nSUMMARY\nSurvey technician on highway projects, working under licensed land surveyors.\n\n"
        "EXPERIENCE\nSurvey Technician — Ridge Line Surveying, Reno, NV\nMar 2023 – Present\n"
        "- Ran GNSS control checks under supervision of a licensed surveyor\n\n"
        "CERTIFICATIONS\nLand surveyor license — not yet eligible; exam planned for 2027\n"
    )
    guard = Guard(resume, "Licensed land surveyor for highway projects.")
    r = guard.review("", "Licensed land surveyor on highway projects.", True)
    assert r is not None and r.category == "qualifier", r
    # the same words, said of the people the candidate works under, stay honest
    honest = "Survey technician on highway projects, working under licensed land surveyors."
    assert guard.check("", honest + " Runs GNSS control checks under supervision of a licensed surveyor.", True) is None


def test_a_version_is_a_fact_of_its_product() -> None:
    resume = (
        "Ana Ruiz\n\nEXPERIENCE\nWeb Designer — Bright Pixel, Austin, TX\nJan 2020 – Dec 2024\n"
        "- Audited the storefront against WCAG 2.0 AA\n- Built pages in React 17, Node 18 and GA4\n"
        "- Precepted three new designers in 2024\n"
    )
    guard = Guard(resume, "WCAG 2.2, React 18, Google Analytics 4.")
    line = "- Audited the storefront against WCAG 2.0 AA"
    r = guard.review(line, "- Audited the storefront against WCAG 2.2 AA", False)
    assert r is not None and r.category == "variant", r
    # a year of the role is no licence for an edition: 2024 is one of its dates
    r = guard.review(line, "- Audited the storefront against WCAG 2024 AA", False)
    assert r is not None, r
    stack = "- Built pages in React 17, Node 18 and GA4"
    r = guard.review(stack, "- Built pages in React 18, Node 18 and GA4", False)
    assert r is not None and r.category == "variant", r
    # the same versions, reworded or spelled out, and a count after a verb, stay honest
    assert guard.check(stack, "- Built pages in React 17, Node 18 and Google Analytics 4", False) is None
    assert guard.check("- Precepted three new designers in 2024", "- Precepted 3 new designers in 2024", False) is None


def test_a_weak_word_kept_only_as_a_noun_keeps_no_weakness() -> None:
    resume = (
        "Sam Lee\n\nEXPERIENCE\nSupport Specialist — Northwind Help, Denver, CO\nJan 2022 – Present\n"
        "- Assisted the support team lead with onboarding two new hires\n- Closed help-desk tickets in Zendesk\n"
    )
    guard = Guard(resume, "Support team lead: onboarding, Zendesk.")
    line = "- Assisted the support team lead with onboarding two new hires"
    r = guard.review(line, "- Ran onboarding for new support hires", False)
    assert r is not None and r.category == "responsibility", r
    assert guard.check(line, "- Helped the support team lead onboard two new hires", False) is None
    tickets = "- Closed help-desk tickets in Zendesk"
    assert guard.check(tickets, "- Resolved help-desk tickets in Zendesk", False) is None


def test_a_part_of_a_whole_is_a_qualifier() -> None:
    resume = (
        "Lena Park\n\nEXPERIENCE\nProduct Designer — Fable Apps, Portland, OR\nMay 2021 – Present\n"
        "- Redesigned 2 of the 6 checkout screens in Figma\n\n"
        "CERTIFICATIONS\nNN/g UX Certification — 2 of 5 courses completed\n"
    )
    guard = Guard(resume, "UX certification; checkout design in Figma.")
    cert = "NN/g UX Certification — 2 of 5 courses completed"
    r = guard.review(cert, "NN/g UX Certification", False)
    assert r is not None and r.category == "qualifier", r
    screens = "- Redesigned 2 of the 6 checkout screens in Figma"
    r = guard.review(screens, "- Redesigned the checkout screens in Figma", False)
    assert r is not None, r
    assert guard.check(cert, "NN/g UX Certification (2 of 5 courses completed)", False) is None


def test_an_acronym_of_the_roles_own_words_is_no_new_name() -> None:
    resume = (
        "Dario Cruz\n\nEXPERIENCE\nCNC Machinist — Keystone Precision, Erie, PA\nFeb 2021 – Present\n"
        "- Performed first article inspection on new aluminum parts\n"
        "- Calendared deadlines under the statute of limitations for each file\n"
    )
    guard = Guard(resume, "FAI, SOL tracking.")
    fai = "- Performed first article inspection on new aluminum parts"
    assert guard.check(fai, "- Performed first article inspection (FAI) on new aluminum parts", False) is None
    sol = "- Calendared deadlines under the statute of limitations for each file"
    assert guard.check(sol, "- Calendared SOL deadlines for each file", False) is None
    # an acronym the role's words do not spell is still a new name
    r = guard.review(fai, "- Performed first article inspection on new aluminum parts for NASA", False)
    assert r is not None and r.category == "organisation", r
