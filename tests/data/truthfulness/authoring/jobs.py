"""The corpus's job postings (fictional companies), one or two per profession."""

# ruff: noqa: E501

from __future__ import annotations

JOBS: list[dict[str, str]] = []


def job(jid: str, profession: str, title: str, company: str, description: str) -> None:
    JOBS.append(
        {"id": jid, "profession": profession, "title": title, "company": company, "description": description.strip()}
    )


job(
    "job-sw-backend",
    "software",
    "Senior Backend Engineer",
    "Parcelpoint",
    """
About us
Parcelpoint runs the routing and tracking platform behind 2,000 regional carriers.

What you'll do
- Design, build and own Go and Python services that handle tens of thousands of requests per second
- Lead technical design reviews and mentor engineers on the team
- Run services on Kubernetes in AWS; improve reliability and on-call health
- Drive migrations (Python 3.12 upgrade, PostgreSQL 16) end to end

Requirements
- 5+ years of backend engineering experience
- Strong Go or Python; production experience with PostgreSQL
- Kubernetes and AWS in production
- Experience leading projects and mentoring other engineers

Nice to have
- Rust, Kafka, Terraform
- AWS Certified Solutions Architect
- Logistics or shipping domain experience

Benefits
Remote-friendly, 401(k) match, learning budget.
""",
)

job(
    "job-sw-frontend",
    "software",
    "Front-End Engineer",
    "Lumen Health",
    """
Lumen Health builds patient-facing scheduling tools used by 300 clinics.

Responsibilities
- Build accessible, well-tested user interfaces in React and TypeScript
- Own features from design through release with product and design partners
- Improve performance and Core Web Vitals on our Next.js apps

Requirements
- 3+ years of professional front-end experience
- Strong JavaScript and TypeScript; React
- Testing with Jest and React Testing Library
- WCAG accessibility experience

Nice to have
- Next.js, GraphQL, Storybook
- Healthcare experience

We offer a hybrid schedule in Columbus or Cincinnati.
""",
)

job(
    "job-sw-data",
    "software",
    "Data Engineer",
    "Northwind Retail Group",
    """
Northwind Retail Group is hiring a Data Engineer for its analytics platform team.

Responsibilities
- Build and operate batch and streaming pipelines (Airflow, Spark, Kafka)
- Model data in BigQuery and dbt for finance and merchandising
- Own data quality and pipeline reliability

Requirements
- 3+ years in data engineering
- Python, SQL, Apache Spark
- Airflow and dbt
- GCP (BigQuery, Pub/Sub, Dataflow)

Preferred
- Google Professional Data Engineer certification
- Kafka or other streaming experience
- Retail domain knowledge
""",
)

job(
    "job-nu-medsurg",
    "nursing",
    "Registered Nurse - Medical/Surgical (Charge Nurse)",
    "Valley Crest Hospital",
    """
Valley Crest Hospital is seeking an experienced Registered Nurse for charge duties on our 36-bed medical-surgical unit.

Responsibilities
- Coordinate patient assignments and bed flow as charge nurse
- Supervise LPNs and CNAs and precept new nurses
- Provide direct care including IV therapy, wound care and post-operative care
- Lead quality initiatives such as falls prevention

Requirements
- Active RN license (Arizona or compact)
- BSN required
- 3+ years of med-surg experience; charge experience preferred
- BLS and ACLS
- Epic EHR experience

Preferred
- CCRN or CMSRN certification
- Bilingual English/Spanish
""",
)

job(
    "job-nu-ed",
    "nursing",
    "Emergency Department Registered Nurse",
    "Piedmont Regional Health",
    """
Join our Level I trauma center's emergency department.

What you'll do
- Triage and care for adult and pediatric emergency patients
- Respond to trauma activations and rapid-response calls
- Educate patients and families at discharge

Requirements
- Active Georgia RN license
- 2+ years ED experience
- BLS, ACLS, PALS; TNCC within 6 months

Preferred
- CEN certification
- Epic experience
- Spanish language skills
""",
)

job(
    "job-sa-ae",
    "sales",
    "Senior Account Executive, Mid-Market",
    "Forgeline",
    """
Forgeline sells manufacturing execution software to mid-market and enterprise manufacturers.

Responsibilities
- Own a quota of new ARR across a territory of mid-market manufacturers
- Run full-cycle sales from discovery to close using MEDDICC
- Forecast accurately in Salesforce
- Mentor SDRs and newer account executives

Requirements
- 4+ years of B2B SaaS closing experience
- Track record of exceeding quota
- Salesforce, Gong
- Experience selling to manufacturing

Nice to have
- Sandler or MEDDICC certification
- Experience with enterprise accounts
""",
)

job(
    "job-sa-territory",
    "sales",
    "Territory Manager, Dental Equipment",
    "BrightSmile Dental Systems",
    """
We are hiring a Territory Manager to grow equipment sales across North and South Carolina.

Responsibilities
- Manage and grow a territory of dental practices and DSOs
- Sell imaging equipment, chairs and practice technology
- Partner with service technicians on installations
- Maintain pipeline and activity in Salesforce

Requirements
- 5+ years of outside sales, dental or medical preferred
- Proven record of territory growth
- Valid driver's license and ability to travel

Preferred
- Experience selling to DSOs
- Bachelor's degree
""",
)

job(
    "job-fi-staff",
    "finance",
    "Senior Staff Accountant",
    "Calder Industrial Group",
    """
Calder Industrial Group is looking for a Senior Staff Accountant for its corporate accounting team.

Responsibilities
- Own month-end close for several entities, including journal entries and account reconciliations
- Lead the annual audit relationship with our external auditors
- Manage accounts payable and supervise one AP clerk
- Improve close processes and automation in NetSuite

Requirements
- Bachelor's degree in accounting
- CPA license required
- 4+ years of accounting experience, public accounting a plus
- Advanced Excel (VBA a plus); NetSuite

Preferred
- Manufacturing industry experience
- Experience with multi-entity consolidations
""",
)

job(
    "job-fi-fpa",
    "finance",
    "FP&A Manager",
    "Sunbelt Care Group",
    """
Sunbelt Care Group operates outpatient clinics across Texas, Oklahoma and Louisiana.

Responsibilities
- Lead the annual budget and rolling forecast for the clinic network
- Manage and develop two financial analysts
- Partner with operations leaders on staffing and productivity
- Present monthly results to the executive team and the board

Requirements
- 6+ years in FP&A
- Advanced Excel and financial modeling
- SQL and Power BI
- MBA or CFA preferred

Nice to have
- Healthcare experience
- Adaptive Planning
""",
)

job(
    "job-te-math",
    "teaching",
    "Middle School Math Teacher / Instructional Lead",
    "Sacramento City Unified School District",
    """
We are hiring a middle school math teacher who will also serve as the school's math instructional lead.

Responsibilities
- Teach 7th and 8th grade math
- Lead the math department's professional learning community
- Coach colleagues on small-group and differentiated instruction
- Support English learners in math classes

Requirements
- California Single Subject Credential in Mathematics
- 3+ years of middle school teaching
- Experience with Illustrative Mathematics or a similar curriculum

Preferred
- ESL or CLAD authorization
- Experience with Desmos and data-driven instruction
""",
)

job(
    "job-te-english",
    "teaching",
    "English Language Arts Teacher and ESOL Coordinator",
    "DeKalb County School District",
    """
Teach high school English and coordinate ESOL services for the school.

Responsibilities
- Teach 9th-12th grade ELA
- Coordinate ESOL services, screening and progress monitoring for English learners
- Lead professional development on writing instruction
- Use Canvas and data to adjust instruction

Requirements
- Georgia Educator Certificate in English (6-12)
- ESOL endorsement
- 5+ years of teaching experience

Preferred
- Doctorate or Ed.S.
- Experience teaching adult or college learners
""",
)

job(
    "job-op-manager",
    "operations",
    "Distribution Center Operations Manager",
    "Crossroads Fulfillment",
    """
Crossroads Fulfillment runs three distribution centers across the Midwest.

Responsibilities
- Manage daily operations of a 400,000 sq ft distribution center
- Lead supervisors and a team of 60 associates across two shifts
- Own KPIs for safety, productivity and accuracy
- Drive continuous improvement with Lean and Six Sigma methods

Requirements
- 5+ years in distribution or warehouse operations, 2+ in management
- SAP or another WMS/ERP
- Advanced Excel
- APICS CSCP or CPIM preferred; Lean Six Sigma Green Belt preferred

Benefits
Medical, dental, 401(k), quarterly bonus.
""",
)

job(
    "job-op-warehouse",
    "operations",
    "Warehouse Operations Manager",
    "Rio Grande Logistics",
    """
Rio Grande Logistics is hiring a Warehouse Operations Manager for our El Paso cross-dock.

Responsibilities
- Manage all warehouse shifts and their supervisors
- Own the site budget, labor planning and carrier relationships
- Lead safety programs and OSHA compliance
- Implement WMS improvements

Requirements
- 7+ years in warehouse operations with 3+ years managing supervisors
- Manhattan WMS or Blue Yonder
- Bilingual English/Spanish preferred
- Bachelor's degree in logistics or supply chain preferred

Preferred
- Lean Six Sigma certification
- Experience with customs and cross-border freight
""",
)

job(
    "job-mk-performance",
    "marketing",
    "Senior Digital Marketing Manager, Performance",
    "Brightwave Software",
    """
Brightwave Software makes scheduling tools for field-service companies.

Responsibilities
- Own a paid media budget of $1M+ a year across Google Ads, LinkedIn Ads and remarketing
- Manage and coach a team of two marketing specialists
- Build lead-scoring and nurture programs with sales operations
- Report on pipeline with GA4 and SQL

Requirements
- 6+ years in B2B performance marketing
- Google Ads certification
- GA4 and SQL
- Marketing automation (HubSpot or Marketo)

Nice to have
- Experience leading a website relaunch
- A/B testing and conversion-rate optimization
""",
)
