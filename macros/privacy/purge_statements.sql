{#- What removing deleted rows' bytes means on each warehouse, after steadyflow.purge's deletes are committed:
      {'each': [sql, ...] per touched table (a format string with {relation}), 'after': [sql, ...] once,
       'note': what is left beyond the statements (logged), or none}
    The statements run one by one outside any transaction block. -#}
{% macro purge_statements() %}
    {{ return(adapter.dispatch("purge_statements", "steadyflow")()) }}
{% endmacro %}

{#- DuckDB: a checkpoint writes the deletes into the file, but the freed blocks keep the old bytes until they are
    reused; only a copy into a new file drops them, which the dbt connection cannot do to its own file. -#}
{% macro default__purge_statements() %}
    {{ return({'each': [], 'after': ["checkpoint"],
               'note': "the deleted bytes stay in freed blocks of the DuckDB file until it is copied into a fresh file, which `steadyflow purge` does after this run-operation (a run-operation alone cannot)"}) }}
{% endmacro %}

{#- PostgreSQL: plain VACUUM leaves dead tuples' bytes in the pages; VACUUM FULL rewrites the table (and its
    TOAST table and indexes) into new files; ANALYZE replaces pg_statistic's most-common values; CHECKPOINT
    flushes it all before anyone inspects a file (the old files are unlinked at that checkpoint). -#}
{% macro postgres__purge_statements() %}
    {{ return({'each': ["vacuum (full, analyze) {relation}"], 'after': ["checkpoint"],
               'note': "WAL segments keep the deleted rows until they are recycled; backups and replicas keep their copies"}) }}
{% endmacro %}

{#- Databricks (Delta): REORG ... APPLY (PURGE) rewrites the files that hold deleted rows (deletion vectors);
    VACUUM ... RETAIN 0 HOURS removes the old files, which needs the retention check off for the session. -#}
{% macro databricks__purge_statements() %}
    {{ return({'each': ["reorg table {relation} apply (purge)",
                        "set spark.databricks.delta.retentionDurationCheck.enabled = false",
                        "vacuum {relation} retain 0 hours",
                        "set spark.databricks.delta.retentionDurationCheck.enabled = true"],
               'after': [],
               'note': "time travel to versions before the purge is gone; the Delta log keeps only file names"}) }}
{% endmacro %}

{% macro spark__purge_statements() %}
    {{ return(steadyflow.databricks__purge_statements()) }}
{% endmacro %}

{% macro snowflake__purge_statements() %}
    {{ return({'each': [], 'after': [],
               'note': "Time Travel (data_retention_time_in_days) and Fail-safe (7 days) keep the deleted rows; Snowflake removes them when those periods end"}) }}
{% endmacro %}

{% macro bigquery__purge_statements() %}
    {{ return({'each': [], 'after': [],
               'note': "time travel (2-7 days, max_time_travel_hours) and fail-safe (7 days) keep the deleted rows; BigQuery removes them when those periods end"}) }}
{% endmacro %}
