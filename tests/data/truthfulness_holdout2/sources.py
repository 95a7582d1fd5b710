# ruff: noqa: E501
"""The second holdout corpus's resumes and jobs, as written (build.py turns them into JSON Lines).

Invented people, employers and schools; emails use example.com. Each resume plants the traps the
cases need: qualifiers, words in two senses, versions, abbreviations, numbers in several formats,
and one filler bullet.
"""

from __future__ import annotations

RESUMES: dict[str, tuple[str, str]] = {}
JOBS: dict[str, tuple[str, str, str, str]] = {}

RESUMES["pl-nadia"] = (
    "paralegal",
    """Nadia Ferreira
Cincinnati, OH · nadia.ferreira@example.com · (513) 555-0142

SUMMARY
Paralegal with four years in civil litigation and residential real estate. Drafts discovery, keeps attorney calendars and prepares closing packages.

EXPERIENCE
Litigation Paralegal — Brightwater & Hale LLP, Cincinnati, OH
Mar 2023 – Present
- Draft interrogatories, requests for production and deposition notices for review by supervising attorneys
- Maintain case calendars for 3 attorneys in Clio Manage, including court deadlines and statute-of-limitations dates
- Assisted the trial team with exhibit binders for two jury trials
- Coordinate document productions in Relativity (reviewer access; first-level review under supervision of the discovery counsel)
- Summarize deposition transcripts, typically 150–300 pages each
- Process roughly 40 subpoenas per quarter for medical and employment records
- Was responsible for the process of organizing and indexing discovery documents in order to keep files ready for attorney review

Real Estate Paralegal — Kessler Title & Escrow, Mason, OH
Jun 2021 – Feb 2023
- Prepared closing packages and settlement statements for residential purchases and refinances
- Ordered title searches and reviewed commitments for exceptions, flagging issues to the closing attorney
- Handled client intake calls and scheduled closings
- Recorded deeds and mortgages with the Hamilton County Recorder through e-recording
- Worked a few commercial closings as second chair alongside the senior paralegal

Legal Assistant (co-op) — Hamilton County Legal Aid Society, Cincinnati, OH
Jan 2020 – May 2021
- Shadowed staff attorneys at eviction hearings in municipal court
- Answered the intake hotline and screened callers for income eligibility
- Filed pleadings through the court's e-filing portal

EDUCATION
Paralegal Certificate (ABA-approved) — Queen City Community College, 2021
B.A. Political Science — Ohio Riverside University, 2019

CERTIFICATIONS
NALA Certified Paralegal (CP) — studying for the exam, sitting planned for 2027
Notary Public, State of Ohio (lapsed 2024)

SKILLS
Westlaw Classic, Lexis+, Clio Manage, Relativity (reviewer level), Microsoft Word and Excel, Bluebook citation (21st ed.), Ohio e-filing
Spanish (conversational)
""",
)

RESUMES["bk-tomas"] = (
    "bookkeeping",
    """Tomás Lindqvist
Boise, ID · tomas.lindqvist@example.com · (208) 555-0176

SUMMARY
Bookkeeper and accounts payable clerk with five years in small-business and nonprofit accounting.

EXPERIENCE
Staff Bookkeeper — Cedar Lane Family Dental Group, Boise, ID
Aug 2022 – Present
- Process accounts payable for 6 clinic locations in QuickBooks Online, about 350 invoices a month
- Reconcile 9 bank and credit-card accounts each month
- Prepare month-end journal entries for the controller's review
- Run bi-weekly payroll for 48 employees through Gusto
- Assisted the outside CPA with year-end 1099 preparation
- Built an Excel A/P aging report using VLOOKUP and pivot tables
- Successfully handled the task of reconciling vendor statements on a monthly basis

Accounting Clerk — Riverbend Community Food Bank, Boise, ID
Mar 2020 – Jul 2022
- Entered donor receipts and grant revenue in QuickBooks Desktop 2019
- Tracked restricted grant balances ($1.8M across 14 grants) in a spreadsheet for the finance director
- Reconciled petty cash and prepared bank deposit slips
- Helped prepare schedules for the annual audit under supervision of the finance director

Accounts Receivable Trainee — Summit Office Supply, Meridian, ID
Jun 2019 – Feb 2020
- Posted customer payments and applied credit memos
- Sent collection reminders on accounts 60+ days past due

EDUCATION
A.A.S. Accounting — Treasure Valley Technical College, 2020
B.S. Accounting — Snake River State University (in progress, expected 2027)

CERTIFICATIONS
QuickBooks Online ProAdvisor (Level 1)
Certified Bookkeeper (AIPB) — coursework only; exam not yet taken

SKILLS
QuickBooks Online, QuickBooks Desktop 2019, Gusto, Excel (VLOOKUP, pivot tables), Bill.com (familiar with), Idaho sales tax filing
""",
)

RESUMES["cnc-darius"] = (
    "manufacturing",
    """Darius Whitfield
Dayton, OH · darius.whitfield@example.com · (937) 555-0119

SUMMARY
CNC machinist with six years in aerospace and automotive job shops, setting up and running Haas mills and Mazak lathes.

EXPERIENCE
CNC Machinist II — Tri-County Precision Components, Dayton, OH
Apr 2022 – Present
- Set up and operate Haas VF-2 and VF-4 vertical mills for aluminum and 17-4 stainless aerospace brackets
- Edit G-code at the machine for offsets and feed adjustments; programs are written by the CAM programmer
- Inspect first articles with calipers, micrometers and height gauges; hold tolerances to ±0.0005"
- Show new operators machine warm-up and tool changes
- Cut cycle time on a bracket family from 14 min to 11 min by re-ordering tool changes with the programmer
- Support the quality team with CMM reports (familiar with Zeiss Calypso)
- Was tasked with the responsibility of keeping tool life logs up to date for all of the mills

CNC Operator — Lakeside Auto Parts, Springfield, OH
May 2019 – Mar 2022
- Ran Mazak QTN-200 lathes on second shift, loading parts and monitoring tool wear
- Performed SPC checks every 25 parts and logged results
- Shadowed the maintenance lead during preventive maintenance on hydraulic systems
- Kept the cell's 5S area in order

Machining Trainee — Miami Valley Career Center, Clayton, OH
Aug 2018 – Apr 2019
- Practiced on manual mills and lathes; introduction to Mastercam 2018 (coursework only)

EDUCATION
Certificate, Precision Machining Technology — Miami Valley Career Center, 2019
A.A.S. Mechanical Engineering Technology — Great Miami Community College (in progress, expected 2027)

CERTIFICATIONS
NIMS Machining Level I: CNC Milling Operations
NIMS Machining Level I: CNC Turning Operations — studying for the exam
OSHA 10-Hour General Industry

SKILLS
Haas NGC control, Mazak Mazatrol (operation only), G-code editing, blueprint reading and GD&T per ASME Y14.5-2009, first-article inspection, SPC, Mastercam 2018 (coursework only)
""",
)

RESUMES["ret-priya"] = (
    "retail",
    """Priya Raman
Naperville, IL · priya.raman@example.com · (630) 555-0163

SUMMARY
Assistant store manager with seven years in big-box and specialty retail, from the sales floor to opening and closing the store.

EXPERIENCE
Assistant Store Manager — Northfield Home & Garden, Naperville, IL
Feb 2023 – Present
- Open and close the store four days a week, including the cash office and bank deposits
- Schedule a team of 22 part-time associates in Kronos (UKG Workforce Central)
- Assisted the store manager with the annual budget and weekly payroll reviews
- Lead the garden center's spring set each year, about 40 pallets of live goods
- Resolve escalated customer complaints and approve returns over $200
- Store finished at 104% of its Q3 2024 sales plan
- Partner with the district loss-prevention manager on quarterly shrink audits
- Successfully and consistently completed weekly price change audits in a timely manner

Key Holder — Maple & Thread Boutique, Oak Park, IL
Jul 2020 – Jan 2023
- Ran register shifts and opened the store on weekends
- Set up seasonal window displays from corporate planograms
- Counted inventory in quarterly cycle counts
- Trained 3 new sales associates on the Lightspeed POS

Sales Associate — BrightMart, Schaumburg, IL
Jun 2018 – Jun 2020
- Worked the fitting room and softlines floor
- Helped with back-room replenishment and truck unloads

EDUCATION
B.A. Communications — Northern Prairie University, 2018
Retail Management Certificate — DuPage Valley College (in progress)

CERTIFICATIONS
ServSafe Food Handler (lapsed 2023)
NRF RISE Up Retail Industry Fundamentals

SKILLS
UKG Workforce Central (Kronos), Lightspeed POS, Microsoft Excel, visual merchandising, cash office, cycle counts, Spanish (basic)
""",
)

RESUMES["ux-lena"] = (
    "ux_design",
    """Lena Marchetti
Chicago, IL · lena.marchetti@example.com · portfolio: lenamarchetti.example.com

SUMMARY
Product designer with five years designing web and mobile flows for fintech and healthcare products.

EXPERIENCE
Product Designer — Ledgerly (personal finance app), Remote
Sep 2022 – Present
- Design onboarding and budgeting flows for the iOS and Android apps in Figma
- Run moderated usability tests with 5–8 participants per round
- Contribute components to the Ledgerly design system, which is maintained by the design-systems lead
- Partner with 2 product managers and a squad of 6 engineers
- Redesigned the account-linking screen; completion rose from 61% to 68% in an A/B test run by the growth team
- Assisted the research lead with a diary study of 12 users
- Worked closely and collaboratively with engineers in order to hand off annotated specs in Zeplin

UX Designer — CareBridge Health, Chicago, IL
Jan 2020 – Aug 2022
- Designed patient scheduling screens for the web portal
- Created wireframes and prototypes in Sketch and InVision
- Audited the portal against WCAG 2.0 AA with the accessibility consultant
- Presented design reviews to the clinical operations team

UX Design Intern (co-op) — Lakefront Innovation Lab, Evanston, IL
Jun 2019 – Dec 2019
- Shadowed senior designers in stakeholder workshops
- Built a clickable prototype in Adobe XD for a campus wayfinding app

EDUCATION
B.F.A. Graphic Design — Lakefront School of Art and Design, 2019
Google UX Design Certificate (Coursera), 2021

CERTIFICATIONS
NN/g UX Certification — 2 of 5 courses completed

SKILLS
Figma (auto layout, variants), Sketch, InVision, Adobe XD, Zeplin, usability testing, wireframing, prototyping, WCAG 2.0 AA, HTML/CSS (basic), Maze (familiar with)
""",
)

RESUMES["cs-marco"] = (
    "customer_support",
    """Marco Delgado
Denver, CO · marco.delgado@example.com · (303) 555-0158

SUMMARY
Customer support specialist with four years in SaaS and e-commerce support, working chat, email and phone queues.

EXPERIENCE
Customer Support Specialist — Tallyhub (B2B invoicing software), Denver, CO
May 2022 – Present
- Resolve 45–60 tickets a day across email and chat in Zendesk
- Hold a CSAT of 94% over the last four quarters
- Write and update help-center articles; 11 published so far
- Escalate bugs to Tier 2 engineering in Jira with reproduction steps
- Assisted the support team lead with onboarding two new hires
- Covered the phone queue for 3 weeks while a teammate was on leave
- Was responsible for handling the tagging of tickets in order to help with monthly reporting

Support Associate — Pinecrest Outfitters (online retailer), Boulder, CO
Aug 2020 – Apr 2022
- Answered order, shipping and returns questions by phone and email in Gorgias
- Processed refunds and exchanges in Shopify
- Flagged recurring shipping complaints to the operations manager
- Worked the holiday peak queue with a team of 9, which handled roughly 1,200 contacts a week

Call Center Trainee — Front Range Utilities, Aurora, CO
Jan 2020 – Jul 2020
- Took billing calls under supervision of a senior representative
- Completed a 6-week de-escalation and billing systems training

EDUCATION
B.A. Psychology — University of the High Plains, 2019

CERTIFICATIONS
HDI Customer Service Representative (HDI-CSR) — in progress
Zendesk Support Administrator — studying for the exam

SKILLS
Zendesk (agent), Gorgias, Jira (filing bugs), Shopify admin, Salesforce Service Cloud (familiar with), Spanish (fluent), typing 70 wpm
""",
)

RESUMES["el-jaylen"] = (
    "electrical",
    """Jaylen Brooks
Harrisburg, PA · jaylen.brooks@example.com · (717) 555-0134

SUMMARY
Third-year apprentice electrician on commercial and residential jobs, working under licensed journeyman electricians.

EXPERIENCE
Electrical Apprentice (3rd year) — Keystone Current Electric Co., Harrisburg, PA
Sep 2023 – Present
- Install EMT conduit, pull wire and terminate devices on commercial tenant fit-outs under supervision of a licensed journeyman
- Bend 1/2" to 1-1/4" EMT with hand and electric benders
- Assisted the foreman with panel schedules for a 400A service upgrade
- Read blueprints and apply NEC 2020 requirements as directed by the journeyman
- Help with lockout/tagout on service calls
- Logged 4,200 on-the-job hours to date
- Was responsible for making sure that all tools were accounted for at the end of each and every shift

Apprentice Electrician (1st–2nd year) — Bright Spark Residential, Camp Hill, PA
Jun 2022 – Aug 2023
- Roughed in receptacles, switches and lighting in new single-family homes
- Pulled Romex and set boxes with a crew of 4
- Shadowed the service tech on troubleshooting calls for GFCI and AFCI trips
- Kept the van stocked and the job site clean

Warehouse Associate — Susquehanna Distribution, Mechanicsburg, PA
Mar 2020 – May 2022
- Operated a sit-down forklift and pallet jack
- Picked and packed orders, about 150 lines a shift

EDUCATION
Electrical Apprenticeship Program (Central PA Trades Institute), year 3 of 4 — expected completion 2027
High school diploma — Cedar Ridge High School, 2019

CERTIFICATIONS
OSHA 30-Hour Construction
NFPA 70E arc flash awareness training, 2023
Forklift operator certification (lapsed)
Journeyman electrician license — not yet eligible; exam planned after program completion

SKILLS
EMT bending, wire pulling, device termination, blueprint reading, NEC 2020 (learning), Fluke multimeters, lockout/tagout, conduit fill calculations (coursework only)
""",
)

RESUMES["crc-hana"] = (
    "clinical_research",
    """Hana Sato
Milwaukee, WI · hana.sato@example.com · (414) 555-0191

SUMMARY
Clinical research coordinator with four years in oncology and cardiology studies at academic medical centers.

EXPERIENCE
Clinical Research Coordinator I — Lakeshore University Medical Center, Milwaukee, WI
Jul 2023 – Present
- Coordinate 5 active Phase II and Phase III oncology trials for two principal investigators
- Screen and consent participants under the direction of the PI; about 30 enrolled in 2024
- Enter case report form data in Medidata Rave and resolve data queries
- Prepare for sponsor monitoring visits and maintain regulatory binders
- Assisted the regulatory specialist with IRB continuing reviews
- Process and ship PK blood samples following each study's lab manual
- Successfully performed the duties of maintaining the delegation of authority log and training log for each study

Clinical Research Assistant — Great Lakes Heart Institute, Milwaukee, WI
Jun 2021 – Jun 2023
- Scheduled study visits and collected vitals and ECGs for a cardiology registry
- Entered registry data into REDCap
- Shadowed the lead coordinator during informed consent discussions
- Tracked participant stipends and study supply inventory

Research Intern (co-op) — Cream City Biostatistics Core, Milwaukee, WI
Jan 2021 – May 2021
- Cleaned datasets in R (coursework-level)
- Helped draft a data dictionary for a pilot study

EDUCATION
B.S. Biology — Lakeshore University, 2021
M.S. Clinical Research Management — Lakeshore University (in progress, expected 2027)

CERTIFICATIONS
CITI Good Clinical Practice (GCP), renewed 2024
IATA Dangerous Goods shipping (Category B), 2024
ACRP Certified Clinical Research Coordinator (CCRC) — eligible 2026; studying for the exam
BLS (American Heart Association)

SKILLS
Medidata Rave (EDC), REDCap, Epic (view-only), OnCore (familiar with), ICH E6(R2) GCP, IATA specimen shipping, Microsoft Excel
""",
)

JOBS["job2-pl-lit"] = (
    "paralegal",
    "Senior Litigation Paralegal",
    "Marlow Pierce LLP",
    """Marlow Pierce LLP seeks a Senior Litigation Paralegal for its commercial litigation group.

Responsibilities:
- Manage discovery from collection through production, including e-discovery in Relativity (administrator experience a plus)
- Lead trial preparation: exhibit lists, trial binders, witness kits
- Supervise and train two junior paralegals
- Maintain attorney calendars and docketing in Clio
- Draft discovery requests and responses, privilege logs and deposition summaries
- Conduct legal research in Westlaw Edge

Requirements:
- 5+ years of litigation paralegal experience
- NALA Certified Paralegal (CP) or NFPA Registered Paralegal required
- Active Ohio Notary Public preferred
- Client onboarding and conflict checks experience
- Bluebook citation; Spanish a plus
""",
)

JOBS["job2-bk-full"] = (
    "bookkeeping",
    "Full-Charge Bookkeeper",
    "Harbor & Pine Hospitality Group",
    """Harbor & Pine Hospitality Group (5 restaurants, 300 employees) is hiring a Full-Charge Bookkeeper.

What you'll do:
- Own the full accounting cycle through month-end close and financial statements
- Manage accounts payable and accounts receivable in QuickBooks Online and BILL
- Run semi-monthly payroll for 300 employees in ADP
- Reconcile all bank and credit card accounts
- Prepare multi-state sales tax filings
- Lead the annual audit with our external auditors

Requirements:
- Certified Bookkeeper (AIPB or NACPB) required
- QuickBooks Online ProAdvisor Advanced certification
- Bachelor's degree in accounting or finance
- Advanced Excel: XLOOKUP, pivot tables, Power Query
- NetSuite experience a plus
""",
)

JOBS["job2-cnc-prog"] = (
    "manufacturing",
    "CNC Programmer / Setup Technician",
    "Apex Aero Machining",
    """Apex Aero Machining (AS9100D) is hiring a CNC Programmer / Setup Technician for 2nd shift.

Responsibilities:
- Program 3- and 5-axis parts in Mastercam 2024
- Set up and prove out Haas and DMG Mori machining centers
- Program Zeiss CMM inspections in Calypso
- Lead the second shift setup team of 5
- Drive cycle-time reduction and kaizen events

Requirements:
- 5+ years CNC setup and programming
- NIMS Machining Level II credentials
- GD&T per ASME Y14.5-2018
- Mazatrol conversational programming
- Experience with AS9100 first article inspection (FAI) per AS9102
""",
)

JOBS["job2-ret-sm"] = (
    "retail",
    "Store Manager",
    "Crestline Outdoor Supply",
    """Crestline Outdoor Supply is looking for a Store Manager for our Aurora, IL location.

You will:
- Own the store P&L and hit sales, labor and shrink targets
- Hire, train and develop a team of 40
- Build weekly schedules in UKG Pro (Dimensions)
- Lead seasonal floor sets and visual merchandising
- Reduce shrink in partnership with loss prevention
- Manage inventory in SAP Retail

Requirements:
- 3+ years as a store manager or 5+ years as an assistant store manager
- Bachelor's degree preferred
- ServSafe Manager certification (our stores sell packaged food)
- Bilingual English/Spanish a plus
""",
)

JOBS["job2-ux-senior"] = (
    "ux_design",
    "Senior Product Designer",
    "Finch Payments",
    """Finch Payments is hiring a Senior Product Designer for our consumer app (2M+ monthly users).

You will:
- Own end-to-end product design for onboarding and money movement
- Own and evolve our design system in Figma
- Lead user research: usability testing, interviews, surveys and quantitative analysis
- Mentor mid-level and junior designers
- Ship accessible designs that meet WCAG 2.2 AA
- Prototype interactions in ProtoPie

Requirements:
- 6+ years of product design experience, fintech preferred
- Experience running A/B tests and reading product analytics (Amplitude)
- NN/g UX Certification a plus
- Front-end skills (HTML, CSS, React) a plus
""",
)

JOBS["job2-cs-t2"] = (
    "customer_support",
    "Senior Customer Support Specialist (Tier 2)",
    "Quorra Software",
    """Quorra Software is hiring a Senior Customer Support Specialist for our Tier 2 team.

What you'll do:
- Troubleshoot complex technical issues, including API errors and integrations
- Administer Zendesk: triggers, macros, automations and SLAs
- Mentor Tier 1 agents and run their onboarding
- Own our knowledge base and its content strategy
- Work cases in Salesforce Service Cloud for enterprise accounts
- Query our database with SQL to investigate customer issues

Requirements:
- 5+ years in customer support, 2+ in a SaaS Tier 2 role
- Zendesk Support Administrator certification
- HDI Support Center Analyst or HDI-CSR certification
- CSAT of 95% or higher
- Bilingual Spanish a plus
""",
)

JOBS["job2-el-jour"] = (
    "electrical",
    "Journeyman Electrician (Lead)",
    "Allegheny Power Systems Contractors",
    """Allegheny Power Systems Contractors needs a Journeyman Electrician to lead commercial and industrial crews.

Duties:
- Lead a crew of 3-5 electricians and apprentices
- Install rigid and EMT conduit up to 4"
- Troubleshoot 480V three-phase systems, motor controls and PLCs
- Perform service upgrades and panel installations
- Read electrical prints and drawings; follow lockout/tagout (LOTO) procedures
- Work to NEC 2023

Requirements:
- Pennsylvania journeyman electrician license (or equivalent card)
- 4+ years as a journeyman
- OSHA 30, NFPA 70E qualified person
- Valid forklift/aerial lift certification
""",
)

JOBS["job2-crc-ii"] = (
    "clinical_research",
    "Clinical Research Coordinator II",
    "Northshore Cancer Research Network",
    """Northshore Cancer Research Network is hiring a Clinical Research Coordinator II for Phase I–III oncology trials.

Responsibilities:
- Independently screen, consent and enroll participants
- Manage study start-up, including budgets and IRB submissions
- Maintain eTMF in Veeva Vault and subject tracking in OnCore CTMS
- Supervise and train clinical research assistants
- Work in Epic research modules to schedule and document visits
- Complete EDC entry and query resolution in Medidata Rave
- Follow ICH E6(R3) Good Clinical Practice

Requirements:
- 3+ years as a CRC, oncology preferred
- ACRP CCRC or SOCRA CCRP certification required
- Master's degree preferred
- IATA dangerous goods certification
""",
)
