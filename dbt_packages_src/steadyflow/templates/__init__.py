"""DAG builders, one module per template (`dbt_build`, `ingest`, `backfill`, `compaction`)."""
