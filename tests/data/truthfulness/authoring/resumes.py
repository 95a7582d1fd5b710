"""The corpus's resumes: fictional people, employers and schools (emails use example.com).

Each resume carries the traps the cases need: qualifiers ("in progress", "basic",
"expected 2027", "exam booked", "ABD"), words used in two senses ("quarterly target",
"lead generation", "senior engineers", "Senior Living"), several roles so facts can be
moved between them, versions, abbreviations and numbers in several formats.
"""

# ruff: noqa: E501

from __future__ import annotations

RESUMES: list[dict[str, str]] = []


def resume(rid: str, profession: str, text: str) -> None:
    RESUMES.append({"id": rid, "profession": profession, "text": text.strip("\n") + "\n"})


resume(
    "sw-priya",
    "software",
    """
Priya Raman
Austin, TX · priya.raman@example.com · (512) 555-0142

SUMMARY
Backend software engineer with 6 years of experience building Python and Go services. Comfortable with Postgres, Docker and AWS; exposure to Kubernetes and basic Rust. Mentored two summer interns.

EXPERIENCE
Software Engineer II — Fieldline Logistics, Austin, TX
Mar 2021 – Present
- Built and maintain the shipment-tracking API in Go, serving about 40 million requests a day
- Worked on the migration of the billing service from Python 2 to Python 3.8
- Contributed to the on-call rotation for 12 services and wrote runbooks for the team
- Successfully reduced p95 latency of the quote endpoint from 900 ms to 310 ms by adding Redis caching in order to meet the partner SLA
- Mentored two summer interns on code review and testing
- Helped lead the quarterly planning of the platform team's OKRs

Junior Developer — Brightpath Health (contract), Remote
Jun 2019 – Feb 2021
- Wrote internal tools in Python 2 and JS for the claims team
- Maintained a Jenkins pipeline for 3 repositories
- Fixed bugs in a Django 1.11 patient-portal app used by 8 clinics
- Paired with senior engineers on a Postgres schema redesign

Web Developer Intern — City of Round Rock IT Department
May 2018 – Aug 2018
- Updated pages on the city website using WordPress and basic PHP
- Wrote a small Excel macro to track help-desk ticket volumes

EDUCATION
B.S. Computer Science, Texas State University, 2019
M.S. Computer Science (in progress, expected 2027), Georgia Tech OMSCS — coursework in machine learning and distributed systems

CERTIFICATIONS
AWS Certified Cloud Practitioner (2022)
AWS Certified Solutions Architect – Associate (exam booked for January 2027)

SKILLS
Languages: Go, Python (2 and 3), SQL, JS, basic Rust
Data: Postgres, Redis, Kafka (exposure)
Infrastructure: Docker, AWS (EC2, S3, Lambda), Terraform (basic), GitHub Actions, Jenkins
""",
)

resume(
    "sw-marcus",
    "software",
    """
MARCUS BELL
Junior Front-End Developer | Columbus, OH | marcus.bell@example.com

PROFILE
Front-end developer who came to software through a 14-week coding bootcamp in 2022. I build accessible React interfaces and have freelanced for a handful of local businesses. Familiar with TypeScript; learning Next.js.

WORK HISTORY

Junior Front-End Developer, Copperleaf Media — Columbus, OH (Jan 2023 – present)
• Build and test React components for the customer dashboard with a team of five developers
• Assisted with the move from JS to TypeScript in two of the team's repositories
• Fixed accessibility issues flagged in an audit, bringing the sign-up form to WCAG 2.1 AA
• Wrote unit tests with Jest; raised the dashboard's test coverage from 41% to 68%
• Took part in sprint planning and demoed features to the product owner every two weeks
• Worked on a variety of different bug fixes and small features across the dashboard, etc.

Freelance Web Developer (part-time) — Columbus, OH (Jun 2022 – Dec 2022)
• Built or refreshed websites for a handful of local businesses (a bakery, a yoga studio, a dental office)
• Set up Google Analytics and basic SEO for each site
• Worked directly with owners to gather requirements and hand over a simple editing guide

Shift Supervisor, Northside Coffee Co. — Columbus, OH (2018 – 2022)
• Opened and closed the store, handled cash reconciliation and trained new baristas
• Scheduled a crew of 6 to 8 baristas each week

EDUCATION
Full-Stack Web Development Certificate, Tech Elevator bootcamp, 2022
B.A. History, Ohio State University, 2017

SKILLS
React, JS (ES2020), TypeScript (familiar), HTML, CSS/Sass, Jest, Git, Figma (basic), REST APIs
""",
)

resume(
    "sw-hana",
    "software",
    """
Hana Kobayashi
Seattle, WA — hana.k@example.com — github.com/hanak-example

Professional Summary
--------------------
Data engineer with 4 years of experience building batch pipelines in Python and SQL on GCP. Working knowledge of Spark; studying for the Google Professional Data Engineer exam.

Experience
----------
Data Engineer, Tidewater Analytics — Seattle, WA
April 2022 – Present
* Maintain about 30 daily Airflow DAGs that load marketing and sales data into BigQuery
* Rewrote a slow nightly job in PySpark, cutting its run time from 5 hours to 50 minutes
* Worked with analysts to define data-quality checks with dbt tests for the finance models
* Supported a proof of concept for streaming ingestion with Pub/Sub

Analytics Engineer (contract), Greenway Outdoor Retail — Remote
August 2020 – March 2022
* Built dbt models for inventory and orders on Snowflake for the merchandising team
* Wrote SQL dashboards in Looker for the store operations group
* Automated a weekly Excel report with Python (pandas) scripts in order to free up analyst time

Education
---------
M.S. Information Systems, University of Washington, 2020
B.S. Mathematics, Portland State University, 2018

Skills
------
Python (pandas, PySpark), SQL, Airflow, dbt, BigQuery, Snowflake, Looker, GCP, Git, Spark (working knowledge), Kafka (coursework only)
""",
)

resume(
    "nu-angela",
    "nursing",
    """
Angela Moreno, RN
Phoenix, AZ | angela.moreno@example.com | (602) 555-0188

SUMMARY
Registered nurse with 5 years of acute-care experience on a 32-bed medical-surgical unit. Skilled in wound care, IV therapy and patient education; basic Spanish. Pursuing an MSN (Family Nurse Practitioner), expected 2027.

EXPERIENCE
Staff Nurse (RN), Medical-Surgical Unit — St. Luke's Regional Medical Center, Phoenix, AZ
Aug 2020 – Present
- Care for 5–6 post-operative and medical patients per 12-hour night shift
- Served as relief charge nurse about once a month when the regular charge nurse was off
- Precepted 4 new-graduate nurses through their 12-week orientation
- Participated in the unit's falls-prevention committee; helped update the bedside hourly-rounding checklist
- Document assessments and care plans in Epic

Licensed Practical Nurse (LPN) — Maple Grove Senior Living, Mesa, AZ
Jun 2017 – Jul 2020
- Administered medications and treatments for 20 long-term-care residents per shift
- Performed wound care and reported changes in condition to the RN supervisor
- Assisted with quarterly care-plan meetings with families

Certified Nursing Assistant (CNA) — Desert Palms Home Health, Tempe, AZ
2015 – 2017
- Provided personal care and vital signs for home-health clients

EDUCATION
BSN, Arizona State University, 2020
MSN, Family Nurse Practitioner track, Grand Canyon University (pursuing; expected 2027)
LPN Diploma, Gateway Community College, 2017

LICENSES & CERTIFICATIONS
RN License, Arizona (compact), active
BLS and ACLS (American Heart Association), current
CCRN — exam booked for March 2027

SKILLS
Wound care, IV therapy and phlebotomy, Epic EHR, Cerner (exposure), patient education, falls prevention, basic Spanish
""",
)

resume(
    "nu-tom",
    "nursing",
    """
THOMAS BECKER, BSN, RN
Columbus, GA • tom.becker@example.com

Profile
Emergency department nurse with 3 years in a Level II trauma center and 2 years in school nursing. Calm under pressure, comfortable with triage and pediatric patients. Working toward the CEN certification.

Professional Experience

Registered Nurse, Emergency Department
Chattahoochee Valley Medical Center, Columbus, GA | 2022 – Present
• Triage and treat adult and pediatric patients in a 40-bed emergency department
• Start IVs, draw labs and give medications under standing orders
• Member of the sepsis-screening workgroup that revised the triage sepsis checklist
• Float to the observation unit when staffing requires
• Chart in Meditech

School Nurse
Muscogee County School District — Eastbrook Elementary | 2020 – 2022
• Sole nurse for one elementary school of about 600 students
• Managed care plans for students with asthma, diabetes and severe allergies
• Ran annual vision and hearing screenings with volunteer parents
• Taught hand-washing and puberty-health lessons to 4th and 5th grade classes

Education
Bachelor of Science in Nursing (BSN), Columbus State University, 2020

Licenses and Certifications
Registered Nurse, Georgia
BLS, PALS and ACLS — current
TNCC (Trauma Nursing Core Course) — completed 2023
CEN — studying; not yet taken

Skills
Triage (ESI), IV starts, pediatric assessment, Meditech, care-plan writing, conversational Spanish
""",
)

resume(
    "sa-jordan",
    "sales",
    """
Jordan Ellis
Denver, CO · jordan.ellis@example.com · linkedin.com/in/jordan-ellis-example

SUMMARY
B2B SaaS account executive selling workflow software to mid-market manufacturers. Met or exceeded quarterly target in 6 of 8 quarters. Started in lead generation as an SDR.

EXPERIENCE
Account Executive — Stackwise Software, Denver, CO
Jan 2023 – Present
- Manage a book of 45 mid-market accounts in the Mountain region
- Closed $1.2M in new annual recurring revenue in 2024 (118% of quota)
- Met or exceeded quarterly target in 6 of 8 quarters
- Worked with the product team on a pricing page test for the manufacturing segment
- Use Salesforce and Gong to forecast and review calls weekly

Sales Development Representative — Stackwise Software, Denver, CO
Jun 2021 – Dec 2022
- Prospected by phone, email and LinkedIn for two account executives
- Booked an average of 14 qualified meetings a month
- Helped build the outbound sequence for the food-and-beverage vertical in Outreach
- Worked inbound lead generation from trade-show lists

Retail Sales Associate — Summit Outfitters, Boulder, CO
2019 – 2021
- Sold footwear and outdoor gear; regularly among the store's top sellers
- Helped to set up a variety of different seasonal displays

EDUCATION
B.S. Business Administration (Marketing), Colorado State University, 2019

TRAINING
Sandler sales training (internal course, 2022)
MEDDICC basics — company workshop

SKILLS
Salesforce, Gong, Outreach, LinkedIn Sales Navigator, HubSpot (basic), discovery calls, forecasting, Excel
""",
)

resume(
    "sa-denise",
    "sales",
    """
DENISE CARTER
Outside Sales Representative
Charlotte, NC | denise.carter@example.com | (704) 555-0119

PROFESSIONAL SUMMARY
Outside sales representative with 7 years selling dental supplies and equipment to private practices. Known for keeping accounts for years and for patient, consultative selling.

EXPERIENCE

Territory Sales Representative, Carolina Dental Supply — Charlotte, NC
March 2019 – Present
• Cover a district of about 90 dental practices in the Charlotte metro area
• Grew territory revenue from $2.1M to $2.6M over three years
• Won back a handful of lapsed practices by offering quarterly equipment check-ins
• Coordinate with two service technicians on installs of chairs and imaging equipment
• Ranked second of 11 reps in the Southeast division in 2023

Inside Sales Coordinator, Carolina Dental Supply — Charlotte, NC
June 2016 – February 2019
• Took phone and web orders for consumables from about 300 practices
• Processed returns and credit memos in SAP
• Supported the outside reps with various quotes and samples as needed

Pharmacy Technician, Walgreens — Concord, NC
2014 – 2016
• Filled prescriptions and handled insurance calls in a high-volume store

EDUCATION
A.A.S. Business, Central Piedmont Community College, 2014
B.S. Business Administration, UNC Charlotte — in progress (evening program, expected 2027)

SKILLS
Consultative selling, territory planning, SAP (orders and returns), Salesforce (basic), Microsoft Excel, product demos
""",
)

resume(
    "fi-kevin",
    "finance",
    """
Kevin Liu
Chicago, IL | kevin.liu@example.com

Summary
Junior accountant with 3 years in public accounting and industry. CPA candidate: passed FAR and AUD; BEC and REG remaining. Strong Excel; working knowledge of NetSuite.

Experience

Junior Accountant — Harlow & Finch Manufacturing, Chicago, IL
Feb 2023 – Present
- Prepare monthly journal entries and balance-sheet reconciliations for 4 entities
- Contributed to the annual external audit by pulling samples and preparing support schedules
- Own the AP aging report and the weekly payment run of about $1.2M
- Helped the controller automate the fixed-asset roll-forward in Excel
- Reduced month-end close from 9 to 7 business days with the team

Audit Associate — Pruitt Kessler LLP, Chicago, IL
Sep 2021 – Jan 2023
- Performed audit fieldwork for 6 nonprofit and small-business clients
- Tested cash, receivables and payroll under the supervision of a senior associate
- Drafted sections of the management letter for two clients

Accounting Intern — Lakeshore Credit Union, Evanston, IL
Summer 2020
- Reconciled branch cash accounts and assisted with the quarterly KPI pack
- Basically handled a wide variety of different ad hoc reporting requests from the branch managers

Education
B.S. Accountancy, DePaul University, 2021

Certifications
CPA — in progress (FAR and AUD passed; BEC and REG remaining)

Skills
Excel (pivot tables, XLOOKUP), NetSuite (working knowledge), QuickBooks Online, GAAP, account reconciliations, AP/AR
""",
)

resume(
    "fi-samantha",
    "finance",
    """
SAMANTHA ORTIZ
FP&A Analyst · Dallas, TX · samantha.ortiz@example.com

PROFILE
Financial analyst with 5 years in FP&A for multi-site healthcare and retail businesses. Builds budgets and forecasts in Excel and Adaptive Planning. CFA Level I candidate (exam booked for May 2027). Basic SQL.

EXPERIENCE

Senior Financial Analyst, FP&A — Meridian Outpatient Partners, Dallas, TX
2022 – Present
- Build the annual operating budget for 14 clinics with combined revenue of about $85M
- Prepare the monthly variance analysis for the VP of Finance and the regional directors
- Partnered with operations on a staffing model that flagged overtime above plan
- Maintain the 13-week cash forecast
- Recently began pulling visit data with basic SQL queries

Financial Analyst — Trailhead Stores, Plano, TX
2019 – 2022
- Supported the budget for 38 stores in Texas and Oklahoma
- Built store-level P&L reports in Excel for district managers
- Assisted the FP&A manager with the quarterly board deck
- Analyzed lease renewals for a handful of underperforming stores

EDUCATION
B.B.A. Finance, University of North Texas, 2019
MBA coursework (two courses), SMU Cox School of Business

SKILLS
Excel (advanced: models, INDEX/MATCH, Power Query), Adaptive Planning, Power BI (basic), SQL (basic), financial modeling, variance analysis
""",
)

resume(
    "te-rachel",
    "teaching",
    """
Rachel Kim
Sacramento, CA · rachel.kim@example.com

SUMMARY
Middle school math teacher with 6 years in the classroom, currently teaching 7th grade math at a Title I school. Uses small-group instruction and frequent checks for understanding. Pursuing an ESL endorsement.

TEACHING EXPERIENCE
Math Teacher, Grade 7 — Riverbend Middle School, Elk Grove Unified School District
Aug 2020 – Present
- Teach five sections of 7th grade math, about 150 students a year
- Designed differentiated lessons and small-group rotations for students below grade level
- Served as 7th grade team lead for the 2023–24 school year, running weekly team meetings
- Helped pilot a district math curriculum (Illustrative Mathematics) in two of my sections
- Raised the share of my students meeting the end-of-year benchmark from 48% to 61%

Math Teacher, Grades 6–8 — St. Anne Catholic School, Sacramento, CA
Aug 2018 – Jun 2020
- Taught math to grades 6–8 in a small K–8 school
- Coached the after-school math club for two years
- Used Google Classroom on a regular basis for things like assignments and parent communication

Student Teacher — Hiram Johnson High School, Sacramento, CA
Jan 2018 – May 2018
- Co-taught Algebra 1 under a mentor teacher

EDUCATION
M.A. Education, California State University, Sacramento, 2018
B.S. Mathematics, UC Davis, 2016

CREDENTIALS
California Single Subject Teaching Credential — Mathematics (clear)
ESL endorsement — in progress (2 of 4 courses)

SKILLS
Differentiated instruction, small-group instruction, Google Classroom, Desmos, IXL, parent communication, basic Spanish
""",
)

resume(
    "te-david",
    "teaching",
    """
DAVID OKAFOR
Atlanta, GA | david.okafor@example.com

Profile
English and ESL educator with 8 years of teaching across high school and community college. Ph.D. in Curriculum and Instruction (ABD). Interested in writing instruction for multilingual learners.

Experience

English Teacher, Grades 9–10 — Westlake High School, Fulton County Schools
2019 – Present
- Teach four sections of 9th and 10th grade English, including one ELL-cluster section
- Co-wrote the 9th grade argumentative-writing unit with two colleagues
- Advise the school's debate club
- Use Canvas and Turnitin for writing assignments and feedback
- Actively participate in the English department's professional learning community

Adjunct Instructor, ESL — Georgia Piedmont Technical College
2017 – Present (evenings)
- Teach one evening section of intermediate ESL writing each semester
- Developed rubrics for the program's placement essays with the ESL coordinator

Teaching Assistant — Georgia State University, Department of Middle and Secondary Education
2015 – 2017
- Led discussion sections and graded papers for an undergraduate methods course
- Assisted a faculty member on a study of writing feedback

Education
Ph.D., Curriculum and Instruction, Georgia State University (ABD; dissertation in progress)
M.Ed., English Education, Georgia State University, 2015
B.A. English, Morehouse College, 2012

Certification
Georgia Educator Certificate, English (6–12), Professional
ESOL endorsement, Georgia

Skills
Writing instruction, ELL instruction, Canvas, Turnitin, Google Workspace, debate coaching, conversational French
""",
)

resume(
    "op-lena",
    "operations",
    """
Lena Fischer
Indianapolis, IN | lena.fischer@example.com | (317) 555-0163

SUMMARY
Operations coordinator with 6 years in distribution and retail operations. Comfortable with SAP, Excel and inventory control. APICS CSCP (in progress); Lean Six Sigma Yellow Belt.

EXPERIENCE
Operations Coordinator — Hoosier Home Goods Distribution Center, Plainfield, IN
May 2021 – Present
- Coordinate inbound and outbound schedules for a 250,000 sq ft distribution center
- Track KPIs (on-time shipping, dock-to-stock, pick accuracy) in a weekly Excel report
- Worked on a slotting project that shortened average pick paths
- Help onboard new temp associates during peak season
- Maintain SAP master data for about 4,000 SKUs

Team Member, then Key Holder — Maple & Main Home Store, Carmel, IN
Aug 2017 – Apr 2021
- Received freight, ran stock counts and kept the backroom organized for a store
- Opened and closed the store as key holder from 2019
- Trained on the store's new POS system and helped coworkers learn it

Education
B.S. Supply Chain Management, Indiana State University, 2017
Lean Six Sigma Green Belt — coursework completed, project not yet certified

Certifications
Lean Six Sigma Yellow Belt (2022)
APICS CSCP (in progress)
OSHA 10-Hour General Industry

Skills
SAP (MM, basic WM), Excel (pivot tables), inventory control, shipping and receiving, forklift (certified 2021), KPI reporting
""",
)

resume(
    "op-carlos",
    "operations",
    """
CARLOS MENDEZ
El Paso, TX · carlos.mendez@example.com · (915) 555-0107

Summary
Warehouse operations supervisor with 9 years in third-party logistics. Supervises a second-shift team of 18 and coordinates with carriers daily. Forklift trainer.

Experience

Warehouse Supervisor, Second Shift — Borderline 3PL, El Paso, TX
Jan 2021 – Present
- Supervise 18 associates and 2 leads on second shift across receiving, picking and loading
- Cut mis-shipments by 30% by adding a scan check at the loading dock
- Build the weekly labor schedule and approve overtime
- Work with the safety coordinator on monthly audits; OSHA-recordable incidents fell from 5 to 2 in 2023
- Run the shift's cycle counts in Manhattan WMS

Lead Associate — Borderline 3PL, El Paso, TX
Mar 2018 – Dec 2020
- Led a picking crew of 6 and trained new hires on RF scanners
- Covered for the shift supervisor during vacations

Warehouse Associate — Sun City Freight, El Paso, TX
2015 – 2018
- Picked, packed and loaded orders; operated reach trucks and forklifts
- Earned forklift trainer certification in 2017

Education
High school diploma, Bowie High School, 2014
Associate of Applied Science, Logistics — El Paso Community College (in progress, 30 of 60 credits)

Certifications
Forklift trainer (certified 2017)
OSHA 30-Hour General Industry

Skills
Manhattan WMS, RF scanning, labor scheduling, cycle counting, forklift and reach truck, basic Excel, bilingual English/Spanish
""",
)

resume(
    "mk-olivia",
    "marketing",
    """
Olivia Grant
Minneapolis, MN · olivia.grant@example.com

SUMMARY
Digital marketing specialist with 4 years running paid search and email programs for B2B software and consumer brands. Google Ads certified; working knowledge of GA4; learning SQL.

EXPERIENCE
Digital Marketing Specialist — Northstar Analytics, Minneapolis, MN
Mar 2022 – Present
- Manage a Google Ads budget of about $40K a month across search and retargeting campaigns
- Built a lead-scoring model in HubSpot with the sales operations team
- Contributed to the 2024 website relaunch by writing landing-page copy and setting up form tracking
- Grew the newsletter list from 8,000 to 11,500 subscribers
- Run A/B tests on email subject lines each month

Marketing Coordinator — Lakeview Home Brands, St. Paul, MN
Jun 2020 – Feb 2022
- Scheduled social posts for three product lines in Hootsuite
- Helped coordinate a handful of trade-show booths each year
- Pulled weekly campaign reports from Google Analytics (Universal Analytics) into Excel

Marketing Intern — Twin Cities Food Co-op
Summer 2019
- Basically wrote blog posts and in-store signage for the co-op's seasonal promotions and so on

EDUCATION
B.A. Communications, University of Minnesota, 2020
Digital Marketing Certificate (in progress), University of Minnesota Extension

CERTIFICATIONS
Google Ads Search Certification (2023)
HubSpot Email Marketing (2021)

SKILLS
Google Ads, HubSpot, GA4 (working knowledge), Google Analytics (Universal), Hootsuite, Excel, SQL (learning), copywriting, A/B testing
""",
)
