{#- The current UTC wall-clock time as a timestamp without time zone, for grace periods and recency (the same
    clock as run_started_at, whatever the session's TimeZone). -#}
{% macro guard_now() %}
    {{ return(adapter.dispatch("guard_now", "steadyflow")()) }}
{% endmacro %}

{% macro default__guard_now() -%}
    cast({{ dbt.current_timestamp_in_utc_backcompat() }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro postgres__guard_now() -%}
    cast((now() at time zone 'utc') as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro duckdb__guard_now() -%}
    cast((now() at time zone 'UTC') as {{ dbt.type_timestamp() }})
{%- endmacro %}


{% macro guard_time_ago(datepart, interval) -%}
    cast({{ dbt.dateadd(datepart, -1 * interval, steadyflow.guard_now()) }} as {{ dbt.type_timestamp() }})
{%- endmacro %}
