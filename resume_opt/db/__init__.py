"""Everything that speaks SQL lives in this package; no SQL anywhere else."""
