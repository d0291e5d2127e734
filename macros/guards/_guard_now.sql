{#- The current time as a timestamp without time zone, for grace periods and recency. -#}
{% macro guard_now() %}
    {{ return(adapter.dispatch("guard_now", "steadyflow")()) }}
{% endmacro %}

{% macro default__guard_now() -%}
    cast({{ dbt.current_timestamp() }} as {{ dbt.type_timestamp() }})
{%- endmacro %}


{% macro guard_time_ago(datepart, interval) -%}
    cast({{ dbt.dateadd(datepart, -1 * interval, steadyflow.guard_now()) }} as {{ dbt.type_timestamp() }})
{%- endmacro %}
