"""Files in and out: importers (JSON Lines, JSON Resume, documents) and exporters."""
