{#-
  A timestamp literal the engine can use for partition pruning. `value` is a datetime or an ISO
  string (validated by parse_timestamp).
-#}
{% macro timestamp_literal(value) %}
  {{ return(adapter.dispatch('timestamp_literal', 'steadyflow')(value)) }}
{% endmacro %}

{% macro format_timestamp(value) %}
  {{ return(adapter.dispatch('format_timestamp', 'steadyflow')(value)) }}
{% endmacro %}

{#- 'YYYY-MM-DD HH:MM:SS[.ffffff]', the text inside every adapter's literal. -#}
{% macro default__format_timestamp(value) %}
  {%- set ts = steadyflow.parse_timestamp(value, 'steadyflow.timestamp_literal: argument value') -%}
  {%- set fmt = '%Y-%m-%d %H:%M:%S.%f' if ts.microsecond else '%Y-%m-%d %H:%M:%S' -%}
  {{ return(ts.strftime(fmt)) }}
{% endmacro %}

{#- DuckDB, PostgreSQL, Spark/Databricks and BigQuery all read `timestamp '...'`. -#}
{% macro default__timestamp_literal(value) %}
  {{ return("timestamp '" ~ steadyflow.format_timestamp(value) ~ "'") }}
{% endmacro %}

{% macro snowflake__timestamp_literal(value) %}
  {{ return("'" ~ steadyflow.format_timestamp(value) ~ "'::timestamp_ntz") }}
{% endmacro %}
