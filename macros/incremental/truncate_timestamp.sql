{#- SQL truncating `expr` to `grain` (hour, day, week, month, year); weeks start on Monday. -#}
{% macro truncate_timestamp(expr, grain='day') %}
  {{ return(adapter.dispatch('truncate_timestamp', 'steadyflow')(expr, grain)) }}
{% endmacro %}

{#- DuckDB, Spark/Databricks, Snowflake. -#}
{% macro default__truncate_timestamp(expr, grain='day') %}
  {{ return("date_trunc('" ~ grain ~ "', " ~ expr ~ ")") }}
{% endmacro %}

{#- date_trunc on a date would go through timestamptz (session time zone): cast to timestamp first. -#}
{% macro postgres__truncate_timestamp(expr, grain='day') %}
  {{ return("date_trunc('" ~ grain ~ "', cast(" ~ expr ~ " as timestamp))") }}
{% endmacro %}

{% macro bigquery__truncate_timestamp(expr, grain='day') %}
  {%- set part = 'isoweek' if grain == 'week' else grain -%}
  {{ return("timestamp_trunc(cast(" ~ expr ~ " as timestamp), " ~ part ~ ")") }}
{% endmacro %}
