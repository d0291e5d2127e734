{#-
  A literal for the UTC instant `value` (a naive UTC datetime or an ISO string), for the window bounds: it
  must mean the same instant for a naive timestamp column (whose values are UTC) and for a timestamp with
  time zone column, whatever the session time zone, and stay a constant the engine can prune on.
  (`timestamp_literal` is the typed naive literal for expressions that need a type.)
-#}
{% macro utc_literal(value) %}
  {{ return(adapter.dispatch('utc_literal', 'steadyflow')(value)) }}
{% endmacro %}

{#- BigQuery, Snowflake: the typed literal of timestamp_literal (read in the session time
    zone when compared with a zoned column: keep those sessions on UTC). -#}
{% macro default__utc_literal(value) %}
  {{ return(steadyflow.timestamp_literal(value)) }}
{% endmacro %}

{#- PostgreSQL: an untyped literal takes the column's type. For timestamptz the explicit +00 makes it the UTC
    instant; for timestamp (and date) the offset is ignored, so it is the naive UTC value. -#}
{% macro postgres__utc_literal(value) %}
  {{ return("'" ~ steadyflow._format_timestamp(value) ~ "+00'") }}
{% endmacro %}

{#- DuckDB: the same untyped literal; a string with an offset cast to TIMESTAMP is converted to UTC (+00: no
    change) and cast to TIMESTAMPTZ is that instant, with or without ICU and whatever SET TimeZone says. -#}
{% macro duckdb__utc_literal(value) %}
  {{ return(steadyflow.postgres__utc_literal(value)) }}
{% endmacro %}

{#- Spark/Databricks: `timestamp` is an instant (TIMESTAMP_LTZ); a literal with an explicit +00:00 offset is that UTC
    instant whatever spark.sql.session.timeZone says (without it, Spark reads it in the session zone). -#}
{% macro spark__utc_literal(value) %}
  {{ return("timestamp '" ~ steadyflow._format_timestamp(value) ~ "+00:00'") }}
{% endmacro %}

{% macro databricks__utc_literal(value) %}
  {{ return(steadyflow.spark__utc_literal(value)) }}
{% endmacro %}
