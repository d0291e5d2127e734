{#-
  Predicate for an incremental model's where clause; see incremental.yml. Renders
    (event_time >= <start literal> and event_time < <end literal>) /* steadyflow.window ... */
  The comment records the resolved window, and the column's name in {{ this }} (target_event_time), for
  the replace_window strategy.
-#}
{% macro lookback_window(event_time, lookback_days=3, grain='day', begin=none, future_days=1, relation=none,
                         max_backfill_days=366, target_event_time=none, partition_column=none) %}
  {{ return(adapter.dispatch('lookback_window', 'steadyflow')(
      event_time, lookback_days, grain, begin, future_days, relation, max_backfill_days, target_event_time,
      partition_column)) }}
{% endmacro %}

{% macro default__lookback_window(event_time, lookback_days, grain, begin, future_days, relation, max_backfill_days,
                                  target_event_time=none, partition_column=none) %}
  {%- set w = steadyflow._window_bounds(event_time, lookback_days, grain, begin, future_days, max_backfill_days,
                                       'steadyflow.lookback_window', target_event_time,
                                       partition_column) -%}
  {{ return(steadyflow._render_lookback_window(w, event_time, relation, future_days, partition_column)) }}
{% endmacro %}

{#- Spark: a replace_window model on partitioned (non-Delta) tables replaces whole partitions, so its window is
    aligned to them (start to the start of its day, end rounded up to the next midnight; docs/spark.md). -#}
{% macro spark__lookback_window(event_time, lookback_days, grain, begin, future_days, relation, max_backfill_days,
                                target_event_time=none, partition_column=none) %}
  {%- set w = steadyflow._window_bounds(event_time, lookback_days, grain, begin, future_days, max_backfill_days,
                                       'steadyflow.lookback_window', target_event_time,
                                       partition_column) -%}
  {%- if steadyflow._spark_replaces_partitions() -%}
    {%- set w = steadyflow._align_window_to_days(w) -%}
  {%- endif -%}
  {{ return(steadyflow._render_lookback_window(w, event_time, relation, future_days, partition_column)) }}
{% endmacro %}

{#- The predicate (and its window comment) of the resolved window `w`; with `partition_column`, also the same
    days on that date column, so an engine that prunes on partition columns only (Spark) reads just them. -#}
{% macro _render_lookback_window(w, event_time, relation, future_days, partition_column) %}
  {#- under --empty the relation is an empty subquery: nothing to count -#}
  {%- if execute and relation is not none and w.mode in ('lookback', 'begin') and not flags.EMPTY -%}
    {%- set scanned = none if partition_column is none else '(' ~ partition_column ~ ' is null or '
          ~ partition_column ~ " >= date '" ~ w.start.date().isoformat() ~ "')" -%}
    {%- do steadyflow._report_future_rows(relation, event_time, w.end_sql, var('future_days', future_days),
          scanned) -%}
  {%- endif -%}
  {%- set marker = 'steadyflow.window column=' ~ w.target_column
        ~ ' start=' ~ steadyflow._format_timestamp(w.start) | replace(' ', 'T')
        ~ ' end=' ~ steadyflow._format_timestamp(w.end) | replace(' ', 'T')
        ~ ' mode=' ~ w.mode -%}
  {%- set days = '' if partition_column is none else ' and ' ~ steadyflow._partition_days_predicate(
        partition_column, w.start, w.end) -%}
  {{ return('(' ~ steadyflow._window_predicate(event_time, w.start_sql, w.end_sql) ~ days ~ ') /* ' ~ marker ~ ' */') }}
{% endmacro %}
