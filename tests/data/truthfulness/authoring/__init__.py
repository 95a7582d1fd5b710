"""Hand-written source of the truthfulness corpus; build.py turns it into the JSON Lines files."""
