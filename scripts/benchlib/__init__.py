"""Scenarios of scripts/bench.py, one module per family; each returns a dict of named figures."""
