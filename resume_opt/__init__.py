"""resume-opt: a batch pipeline that tailors candidates' resumes to job descriptions."""

__version__ = "0.1.0"
