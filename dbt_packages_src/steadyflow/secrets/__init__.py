"""Secrets hygiene: find literal secrets in specs, and print `[secrets]` settings for a secrets backend.

Nothing here imports Airflow: spec validation and the CLI stay cheap.
"""
