{#-
  Counts, in one query of two scalar subqueries, the rows of `relation` that lookback_window never loads: those dated at or beyond the
  future cap (they load once now catches up with them) and those with a null event time (no window holds
  them). Each kind, when there are any, is reported as a dbt warning with its count (shown in the run log; an
  error under --warn-error). Returns the number of future rows.
  `scanned` (lookback_window's partition_column given) is a predicate on the source's date partition column that
  keeps the days from the window's start on and the rows without a date: both counts then read only those
  partitions, in one pass (on Spark, 1M rows over 365 partitions: ~0.5 s instead of ~2.5 s), so a null event
  time in an older day (one no longer in any window) is not counted.
-#}
{% macro _report_future_rows(relation, event_time, cap_sql, future_days, scanned=none) %}
  {#- the source may not exist yet (dbt compile or sqlfluff in CI before the first load): nothing to count -#}
  {%- if load_relation(relation) is none -%}
    {{ return(0) }}
  {%- endif -%}
  {#- Two scalar subqueries, each answered from the row groups' statistics where the engine keeps them; one
      `count(case ...)` pass would read every row of the source (on DuckDB, 10M rows: 0.8 ms against 7.5 ms). -#}
  {%- set count_sql -%}
    {%- if scanned is not none -%}
    select
      count(case when {{ event_time }} >= {{ cap_sql }} then 1 end) as future_rows,
      count(case when {{ event_time }} is null then 1 end) as null_rows
    from {{ relation }}
    where {{ scanned }}
    {%- else -%}
    select
      (select count(*) from {{ relation }} where {{ event_time }} >= {{ cap_sql }}) as future_rows,
      (select count(*) from {{ relation }} where {{ event_time }} is null) as null_rows
    {%- endif -%}
  {%- endset -%}
  {%- set row = run_query(count_sql).rows[0] -%}
  {%- set n = row[0] | int -%}
  {%- set null_rows = row[1] | int -%}
  {%- if n > 0 -%}
    {%- do exceptions.warn("steadyflow.lookback_window: " ~ n ~ " row(s) of " ~ relation ~ " have " ~ event_time
        ~ " >= " ~ cap_sql ~ " (now + future_days=" ~ future_days ~ ") and were left out of " ~ this
        ~ "; they load once now catches up with them, or fix their " ~ event_time) -%}
  {%- endif -%}
  {%- if null_rows > 0 -%}
    {%- do exceptions.warn("steadyflow.lookback_window: " ~ null_rows ~ " row(s) of " ~ relation ~ " have a null "
        ~ event_time ~ " and are never loaded into " ~ this ~ " (no window holds them); set their " ~ event_time
        ~ ", or load them with a model of their own") -%}
  {%- endif -%}
  {{ return(n) }}
{% endmacro %}
