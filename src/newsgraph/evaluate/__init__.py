"""Scoring of analyser output against gold JSONL documents (``newsgraph eval``)."""
