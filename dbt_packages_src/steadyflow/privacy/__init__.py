"""Privacy commands run outside dbt: `steadyflow salt set` (the PII salt hash_pii reads, kept out of dbt's
files) and `steadyflow purge` (the purge run-operation, then a compaction that removes the bytes)."""
