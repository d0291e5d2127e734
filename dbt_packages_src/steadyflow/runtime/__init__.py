"""Functions that run inside tasks (never at DAG parse time): dbt gates, backfill chunks, callables."""
