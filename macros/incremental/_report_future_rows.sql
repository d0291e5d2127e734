{#-
  Counts the rows of `relation` dated at or beyond the future cap (left out by lookback_window) and,
  when there are any, reports them as a dbt warning (shown in the run log; an error under
  --warn-error). Returns the count.
-#}
{% macro _report_future_rows(relation, event_time, cap_sql, future_days) %}
  {#- the source may not exist yet (dbt compile or sqlfluff in CI before the first load): nothing to count -#}
  {%- if load_relation(relation) is none -%}
    {{ return(0) }}
  {%- endif -%}
  {%- set count_sql -%}
    select count(*) as future_rows from {{ relation }} where {{ event_time }} >= {{ cap_sql }}
  {%- endset -%}
  {%- set n = run_query(count_sql).rows[0][0] | int -%}
  {%- if n > 0 -%}
    {%- do exceptions.warn("steadyflow.lookback_window: " ~ n ~ " row(s) of " ~ relation ~ " have " ~ event_time
        ~ " >= " ~ cap_sql ~ " (now + future_days=" ~ future_days ~ ") and were left out of " ~ this
        ~ "; they load once now catches up with them, or fix their " ~ event_time) -%}
  {%- endif -%}
  {{ return(n) }}
{% endmacro %}
