"""`python -m resume_opt` runs the CLI."""

from resume_opt.cli import main

main()
