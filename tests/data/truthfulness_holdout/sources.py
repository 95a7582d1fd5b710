# ruff: noqa: E501
"""The holdout corpus's resumes and jobs, as written (build.py turns them into JSON Lines)."""

from __future__ import annotations

RESUMES: dict[str, tuple[str, str]] = {}
JOBS: dict[str, tuple[str, str, str, str]] = {}

RESUMES["ph-dana"] = (
    "pharmacy",
    """Dana Okafor
Columbus, OH · dana.okafor@example.com · (614) 555-0187

SUMMARY
Community pharmacist with 5 years of retail experience and a year of hospital residency. Comfortable with immunizations, medication therapy management and prior authorizations; familiar with Epic Willow.

EXPERIENCE
Staff Pharmacist — Maplecrest Pharmacy, Columbus, OH
Jul 2021 – Present
- Verify roughly 250 prescriptions per shift alongside one other pharmacist and three technicians
- Administered about 1,400 flu and COVID-19 vaccines during the 2023–24 season
- Assisted the pharmacy manager with monthly controlled-substance inventory counts
- Provide medication therapy management consults for patients on 5 or more medications
- Trained two new technicians on the Rx30 dispensing system
- Part of a workgroup that drafted the store's naloxone counseling script
- Successfully worked with prescribers in order to resolve drug interaction and duplicate therapy alerts

PGY1 Pharmacy Resident — St. Brendan Medical Center, Dayton, OH
Jul 2020 – Jun 2021
- Rotated through internal medicine, ICU, oncology and ambulatory care
- Verified inpatient orders in Epic Willow under preceptor supervision
- Presented a journal club on DOAC dosing in renal impairment
- Co-authored a poster on vancomycin AUC dosing presented at the Ohio Society of Health-System Pharmacists meeting

Pharmacy Intern — Maplecrest Pharmacy, Columbus, OH
May 2018 – Jun 2020
- Counted and filled prescriptions under pharmacist supervision
- Handled insurance rejections and prior authorization calls

EDUCATION
Pharm.D., The Ohio State University College of Pharmacy, 2020
B.S. Biology, Wright State University, 2016

LICENSES AND CERTIFICATIONS
Registered Pharmacist, Ohio (license #03-123456)
APhA Pharmacy-Based Immunization Delivery certificate (2018)
Board Certified Pharmacotherapy Specialist (BCPS) — studying for the fall 2027 exam
BLS for Healthcare Providers, American Heart Association (current)

SKILLS
Systems: Rx30, Epic Willow (residency only), Omnicell
Clinical: immunizations, MTM, anticoagulation monitoring (residency rotations), renal dosing
Languages: English (native), conversational Spanish
""",
)

RESUMES["ce-marcus"] = (
    "civil_engineering",
    """Marcus Lindqvist
Sacramento, CA · marcus.lindqvist@example.com · (916) 555-0163

SUMMARY
Civil engineer (EIT) with 4 years in municipal water and roadway design. Produces plan sets in AutoCAD Civil 3D and runs hydraulic models in HEC-RAS; pursuing the PE license.

EXPERIENCE
Civil Engineer I — Harrow & Vale Engineering, Sacramento, CA
Aug 2022 – Present
- Prepare grading and drainage plans in AutoCAD Civil 3D 2022 for residential subdivisions of 40 to 120 lots
- Ran HEC-RAS 1D models for two culvert replacements under the senior engineer's review
- Drafted quantity takeoffs and engineer's estimates for projects up to $3.5M
- Supported the project manager on a 2.1-mile water main replacement for the City of Elk Grove
- Attended weekly construction meetings and logged RFIs during the Laguna Creek bridge retrofit
- Reviewed shop drawings for precast box culverts with guidance from the structural lead
- Was responsible for coordinating with utility companies in order to locate existing lines before design

Engineering Technician — Sacramento County Department of Transportation
Jun 2020 – Jul 2022
- Collected traffic counts and inspected ADA curb ramps at about 300 intersections
- Updated pavement condition records in the county's GIS (ArcMap 10.8)
- Assisted inspectors with concrete slump and cylinder tests on sidewalk projects

EDUCATION
B.S. Civil Engineering, California State University, Sacramento, 2020
Coursework toward M.S. Water Resources Engineering, UC Davis (2 of 10 courses completed)

LICENSES
Engineer in Training (EIT), California, 2020
Professional Engineer (PE), Civil — exam scheduled for April 2027
OSHA 10-Hour Construction

SKILLS
Software: AutoCAD Civil 3D, HEC-RAS (1D), ArcMap 10.8, basic Python, Bluebeam Revu
Design: grading, storm drainage, water distribution, ADA compliance
""",
)

RESUMES["hr-lucia"] = (
    "hr",
    """Lucia Ferreira
Denver, CO · lucia.ferreira@example.com · (303) 555-0129

SUMMARY
HR generalist with nearly 7 years across recruiting, onboarding and employee relations in companies of 150 to 600 employees. Day-to-day user of Workday; working knowledge of FMLA and ADA leave administration.

EXPERIENCE
HR Generalist — Altitude Outdoor Gear, Denver, CO
Apr 2022 – Present
- Support about 420 employees across the Denver headquarters and two distribution centers
- Coordinated open enrollment for medical, dental and 401(k) plans with the benefits broker
- Investigated attendance and conduct complaints and drafted findings for the HR director
- Administered FMLA and short-term disability leave for roughly 35 cases a year
- Helped roll out Workday Recruiting, testing job requisition workflows before launch
- Co-facilitated quarterly new-manager training with the L&D specialist
- Responsible for answering employee questions about payroll and PTO on a daily basis

Recruiting Coordinator — Bluestem Software, Boulder, CO
Jan 2020 – Mar 2022
- Scheduled 25–30 interviews a week for engineering and sales roles
- Posted openings on LinkedIn and Greenhouse and screened applicants for hiring managers
- Ran the onboarding checklist for about 90 new hires a year
- Organized the company's participation in three campus career fairs

Front Desk Associate — Pinecrest Dental Group, Aurora, CO
Jun 2017 – Dec 2019
- Checked in patients and verified insurance eligibility

EDUCATION
B.A. Psychology, University of Northern Colorado, 2017

CERTIFICATIONS
SHRM Certified Professional (SHRM-CP), 2021
PHR — preparing for the exam (not yet taken)

SKILLS
HRIS: Workday (HCM and Recruiting), Greenhouse, BambooHR (basic)
Employee relations, leave administration, onboarding, Excel (pivot tables, VLOOKUP)
Spanish (fluent)
""",
)

RESUMES["hos-jordan"] = (
    "hospitality",
    """Jordan Pike
Charleston, SC · jordan.pike@example.com · (843) 555-0175

SUMMARY
Hotel professional with nearly 7 years in front office roles and 3 years in banquets at full-service and limited-service properties. Experienced with Opera PMS and group check-ins; basic French.

EXPERIENCE
Assistant Front Office Manager — The Harborline Hotel (212 rooms), Charleston, SC
Feb 2023 – Present
- Supervise a team of 9 front desk agents and 2 night auditors on the evening shift
- Handle guest complaints escalated by agents and issue service recovery credits up to $150
- Helped the front office manager build the weekly schedule in HotSchedules
- Trained new agents on Opera PMS 5 check-in, room moves and folio adjustments
- Coordinate arrival lists with housekeeping for groups of up to 60 rooms
- Assisted with the property's move to mobile key, testing the app with the vendor

Front Desk Supervisor — Palmetto Inn & Suites, Mount Pleasant, SC
Mar 2020 – Jan 2023
- Ran the front desk on weekend shifts for a 96-room limited-service hotel
- Balanced cash drawers and prepared the daily shift report
- Answered online reviews on TripAdvisor under the general manager's direction
- Successfully handled a high volume of phone reservations during peak season

Banquet Server — Wexford Conference Center, Columbia, SC
May 2017 – Feb 2020
- Served plated and buffet events of 50 to 400 guests
- Set up rooms for weddings and corporate meetings

EDUCATION
A.A.S. Hospitality Management, Trident Technical College, 2019

CERTIFICATIONS
ServSafe Food Handler (2022)
Certified Front Desk Representative (AHLEI), 2021
TIPS alcohol server certification (expired 2022)

SKILLS
Systems: Opera PMS 5, HotSchedules, Micros POS (basic)
Languages: English, basic French
""",
)

RESUMES["log-ravi"] = (
    "logistics",
    """Ravi Menon
Memphis, TN · ravi.menon@example.com · (901) 555-0118

SUMMARY
Logistics coordinator with 7 years in freight brokerage and distribution-center operations. Books LTL and truckload freight, tracks carriers and maintains shipment data in MercuryGate; familiar with basic customs paperwork.

EXPERIENCE
Logistics Coordinator — Delta Crossing Distribution, Memphis, TN
May 2022 – Present
- Schedule about 45 outbound truckload and LTL shipments a day from a 310,000 sq ft DC
- Track carrier on-time performance in MercuryGate and send weekly scorecards to the transportation manager
- Helped the transportation manager renegotiate rates with two regional LTL carriers
- Resolve OS&D claims (overages, shortages and damages) with carriers, averaging 20 claims a month
- Book dock appointments and coordinate with the yard team on trailer moves
- Participated in a pilot of cross-docking for a retail customer
- Worked closely with the warehouse team in order to make sure that trailers were loaded on time

Freight Broker Assistant — Riverbend Freight Brokers, Memphis, TN
Aug 2019 – Apr 2022
- Posted loads on DAT and called carriers to cover them for two senior brokers
- Checked carrier insurance and MC authority before tendering loads
- Entered quotes and load details in the company's TMS (McLeod)

Warehouse Associate — Greenline Grocers DC, Olive Branch, MS
Jan 2018 – Jul 2019
- Picked and loaded orders using RF scanners; certified forklift operator

EDUCATION
B.B.A. Supply Chain Management, University of Memphis, 2019 (completed while working)

CERTIFICATIONS
APICS CLTD — coursework started, exam not yet scheduled
OSHA forklift operator certification (2018)

SKILLS
Systems: MercuryGate TMS, McLeod, DAT load board, Excel (pivot tables), SAP (view-only access)
Freight: LTL, truckload, intermodal (exposure), carrier compliance
""",
)

RESUMES["ds-mei"] = (
    "data_science",
    """Mei Tanaka
Seattle, WA · mei.tanaka@example.com · (206) 555-0134

SUMMARY
Data analyst moving into data science, with 6 years of SQL and Python analysis for product and marketing teams. Builds dashboards in Tableau and has fitted regression and gradient-boosting models on tabular data; learning PySpark.

EXPERIENCE
Data Analyst II — Cedarline Marketplace, Seattle, WA
Jan 2023 – Present
- Write SQL in Snowflake and Python (pandas) to analyze buyer behavior for the growth team
- Built a churn model in scikit-learn (gradient boosting, AUC 0.78 on a holdout set) that the retention team pilots on email campaigns
- Analyzed 14 A/B tests a quarter alongside the experimentation lead
- Maintain 6 Tableau dashboards used in the weekly business review
- Contributed to a dbt migration of the marketing data models
- Presented monthly funnel analyses to product managers
- Successfully documented the team's core customer tables in order to make onboarding easier for new analysts

Marketing Analyst — Northsound Credit Union, Tacoma, WA
Jun 2020 – Dec 2022
- Pulled campaign lists from SQL Server for about 120,000 members
- Built Excel and Power BI reports on card activation rates
- Ran a logistic regression in R to score members for a loan-offer mailer, reviewed by the analytics manager

EDUCATION
B.S. Economics, University of Washington, 2020
Graduate Certificate in Data Science, University of Washington Professional & Continuing Education (in progress, 2 of 3 courses)

CERTIFICATIONS
Tableau Desktop Specialist (2021)

SKILLS
Languages: SQL, Python (pandas, scikit-learn), R (basic)
Tools: Snowflake, dbt (contributor), Tableau, Power BI, Excel, PySpark (learning)
Methods: regression, gradient boosting, A/B test analysis
""",
)

RESUMES["sw-owen"] = (
    "software",
    """Owen Brandt
Minneapolis, MN · owen.brandt@example.com · (612) 555-0151

SUMMARY
Front-end developer with 7 years of web development, the last 5 building React and TypeScript apps. Writes accessible UI components, maintains the team's Storybook, and has shipped two small React Native features; some Node.js on the back end.

EXPERIENCE
Front-End Developer — Lakehouse Insurance, Minneapolis, MN
Sep 2021 – Present
- Build quoting and claims screens in React 17 and TypeScript for about 30,000 monthly users
- Maintain the shared component library in Storybook used by three product teams
- Fixed accessibility issues found in a WCAG 2.1 AA audit run by an outside firm
- Worked with the tech lead to move the build from Webpack 4 to Vite
- Wrote Jest and React Testing Library tests, raising the claims app's coverage from 41% to 68%
- Shipped two screens of the React Native mobile app with the mobile team
- Responsible for the implementation of a new date picker component in order to replace a legacy jQuery plugin

Web Developer — Prairie Digital Agency, St. Paul, MN
Jun 2019 – Aug 2021
- Built marketing sites for 12 clients with WordPress and jQuery
- Converted design mockups from Sketch into responsive HTML and CSS
- Wrote small Node.js (Express) endpoints for contact forms

EDUCATION
B.A. Computer Science, Macalester College, 2019

SKILLS
Languages: TypeScript, JavaScript, HTML, CSS, basic SQL
Frameworks: React (17), React Native (limited), Node.js/Express (small services), jQuery
Testing and tooling: Jest, React Testing Library, Storybook, Vite, Webpack 4, Cypress (familiar)
""",
)

RESUMES["rn-grace"] = (
    "nursing",
    """Grace Whitfield
Louisville, KY · grace.whitfield@example.com · (502) 555-0196

SUMMARY
Licensed practical nurse with 7 years in long-term care and rehabilitation, currently completing an ADN to become an RN. Skilled in medication passes, wound care and resident assessments under RN supervision.

EXPERIENCE
LPN — Oak Hollow Rehabilitation and Nursing Center, Louisville, KY
Oct 2021 – Present
- Administer scheduled medications to a hall of 22 to 26 residents per shift
- Perform wound care and document staging under the wound care nurse's direction
- Contribute to MDS assessments by collecting data for the RN coordinator
- Take and transcribe physician telephone orders in PointClickCare
- Act as charge nurse on weekend night shifts when no RN is on the unit
- Precepted three newly hired LPNs during orientation
- Was responsible for completing the admission paperwork for new residents on the hall

LPN — Bluegrass Senior Living, Lexington, KY
Aug 2019 – Sep 2021
- Provided care to 18 residents in an assisted-living memory care wing
- Monitored blood glucose and administered insulin per sliding scale
- Reported changes in condition to the RN supervisor and families

Certified Nursing Assistant — Bluegrass Senior Living, Lexington, KY
Jan 2018 – Jul 2019
- Assisted residents with bathing, dressing and mobility

EDUCATION
Practical Nursing Diploma, Jefferson Community and Technical College, 2019
Associate Degree in Nursing (ADN), Jefferson Community and Technical College — expected May 2027

LICENSES AND CERTIFICATIONS
LPN, Kentucky Board of Nursing (active)
BLS, American Heart Association (current)
IV therapy certification for LPNs (Kentucky, 2022)

SKILLS
PointClickCare, medication administration, wound care, glucose monitoring, dementia care
""",
)

JOBS["job-ph-clinical"] = (
    "pharmacy",
    "Clinical Pharmacist — Ambulatory Care",
    "Riverside Health Partners",
    """Riverside Health Partners runs 14 primary-care clinics across central Ohio.

What you'll do
- Provide patient counseling and comprehensive medication reviews for patients with chronic conditions
- Run the pharmacist-led anticoagulation clinic and adjust warfarin and DOAC therapy under protocol
- Give immunizations and manage prior authorizations with payers
- Precept pharmacy students and residents
- Lead formulary projects for the Pharmacy and Therapeutics committee

Requirements
- PharmD and active Ohio pharmacist license
- PGY1 residency or 3+ years of clinical experience
- Experience with Epic Willow Ambulatory

Preferred
- BCPS or BCACP board certification
- Spanish fluency
""",
)

JOBS["job-ce-project"] = (
    "civil_engineering",
    "Project Engineer — Water Infrastructure",
    "Sierra Basin Consultants",
    """Sierra Basin Consultants designs water, wastewater and stormwater systems for cities in Northern California.

Responsibilities
- Manage design projects from scoping through construction, including budget and schedule
- Prepare plans, specifications and cost estimates in Civil 3D
- Build 2D hydraulic models in HEC-RAS for floodplain and culvert studies
- Provide construction administration: submittal review, RFIs, field visits
- Serve as day-to-day contact for municipal clients

Qualifications
- B.S. in Civil Engineering
- California PE license, or ability to obtain within 12 months
- 4+ years of water or stormwater design experience
- Proficiency in AutoCAD Civil 3D 2024 and ArcGIS Pro
- Experience mentoring junior staff is a plus
""",
)

JOBS["job-hr-bp"] = (
    "hr",
    "HR Business Partner",
    "Summit Ridge Health",
    """Summit Ridge Health employs 1,800 people across three hospitals in Colorado.

The role
- Partner with department leaders on talent acquisition, performance and workforce planning
- Lead employee relations investigations, including harassment and discrimination complaints
- Coach managers and deliver leadership training
- Oversee leave administration (FMLA, ADA) and benefits enrollment questions
- Drive HR initiatives and report on turnover and engagement metrics

What we need
- 5+ years of progressive HR experience, including HR business partner work
- PHR or SHRM-CP required; SPHR or SHRM-SCP preferred
- Advanced Workday HCM skills
- Bilingual English/Spanish a plus
""",
)

JOBS["job-hos-fom"] = (
    "hospitality",
    "Front Office Manager",
    "Seaview Resort & Spa",
    """Seaview Resort & Spa is a 350-room oceanfront resort on Kiawah Island.

Responsibilities
- Lead a team of 20+ guest service agents, night auditors and bell staff
- Own guest satisfaction scores and guest service recovery
- Drive upselling and room revenue at check-in; manage the front office labor budget
- Coordinate group arrivals with sales, housekeeping and food and beverage
- Train staff on OPERA Cloud and resort service standards

Requirements
- 3+ years of front office management at a full-service hotel or resort
- Experience with OPERA Cloud or Opera PMS
- Forbes Travel Guide or luxury service standards experience preferred
- French or Spanish a plus
""",
)

JOBS["job-log-transport"] = (
    "logistics",
    "Transportation Analyst",
    "Mid-South Retail Co.",
    """Mid-South Retail Co. ships to 260 stores from five distribution centers.

What you'll do
- Analyze freight spend and lead carrier procurement and rate negotiations
- Build KPI reporting and carrier scorecards for on-time delivery and claims
- Maintain shipments and rates in our TMS (MercuryGate) and SAP S/4HANA
- Support international inbound shipments and customs documentation
- Identify freight cost reduction opportunities across the network

Requirements
- 3+ years in transportation or freight brokerage
- Strong Excel; SAP experience
- APICS CLTD or CSCP preferred
""",
)

JOBS["job-ds"] = (
    "data_science",
    "Data Scientist",
    "Brightwave Commerce",
    """Brightwave Commerce is an online marketplace for home goods.

What you'll do
- Build and deploy machine learning models (churn, recommendations, pricing) to production
- Design and analyze experiments (A/B testing) with product teams
- Work with large datasets in PySpark and Databricks
- Communicate findings on customer behavior to stakeholders

What we're looking for
- 3+ years of experience in data science or analytics
- Strong Python and SQL; experience with scikit-learn
- M.S. in a quantitative field preferred
- Experience mentoring analysts a plus
""",
)

JOBS["job-sw-fe"] = (
    "software",
    "Senior Front-End Engineer",
    "Northwind Benefits",
    """Northwind Benefits builds the enrollment site used by 2 million employees.

You will
- Build accessible React 18 and TypeScript features with Next.js
- Own and evolve our design system
- Lead front-end architecture decisions and mentor engineers
- Write unit and end-to-end tests (Jest, Cypress)
- Work with GraphQL APIs and contribute to React Native apps

You have
- 5+ years of front-end engineering
- Deep React and TypeScript; WCAG 2.1 AA accessibility experience
- Experience with Webpack 5 or Vite build tooling
""",
)

JOBS["job-rn"] = (
    "nursing",
    "Charge Nurse (RN) — Skilled Nursing",
    "Cardinal Care Centers",
    """Cardinal Care Centers operates a 120-bed skilled nursing and rehabilitation facility in Louisville.

Responsibilities
- Supervise LPNs and CNAs on the unit and make assignments
- Oversee medication administration and treatments
- Complete MDS assessments and care plans as part of the interdisciplinary team
- Perform wound care and IV therapy
- Document in PointClickCare

Requirements
- Active Kentucky RN license
- 2+ years of long-term care experience
- BLS required; wound care certification (WCC) preferred
""",
)
