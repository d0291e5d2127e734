{#-
  A timestamp literal the engine can use for partition pruning. `value` is a datetime or an ISO
  string (validated by _parse_timestamp).
-#}
{% macro timestamp_literal(value) %}
  {{ return(adapter.dispatch('timestamp_literal', 'steadyflow')(value)) }}
{% endmacro %}

{#- DuckDB, PostgreSQL, Spark/Databricks and BigQuery all read `timestamp '...'`. -#}
{% macro default__timestamp_literal(value) %}
  {{ return("timestamp '" ~ steadyflow._format_timestamp(value) ~ "'") }}
{% endmacro %}

{% macro snowflake__timestamp_literal(value) %}
  {{ return("'" ~ steadyflow._format_timestamp(value) ~ "'::timestamp_ntz") }}
{% endmacro %}
