"""One `resume-opt run`, stage by stage: pipeline (the loop) -> dedup -> item -> outcome -> writer -> report."""
