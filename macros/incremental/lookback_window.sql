{#-
  Predicate for an incremental model's where clause; see incremental.yml. Renders
    (event_time >= <start literal> and event_time < <end literal>) /* steadyflow.window ... */
  The comment records the resolved window, and the column's name in {{ this }} (target_event_time), for
  the replace_window strategy.
-#}
{% macro lookback_window(event_time, lookback_days=3, grain='day', begin=none, future_days=1, relation=none,
                         max_backfill_days=366, target_event_time=none) %}
  {{ return(adapter.dispatch('lookback_window', 'steadyflow')(
      event_time, lookback_days, grain, begin, future_days, relation, max_backfill_days, target_event_time)) }}
{% endmacro %}

{% macro default__lookback_window(event_time, lookback_days, grain, begin, future_days, relation, max_backfill_days,
                                  target_event_time=none) %}
  {%- set w = steadyflow._window_bounds(event_time, lookback_days, grain, begin, future_days, max_backfill_days,
                                       'steadyflow.lookback_window', target_event_time) -%}
  {#- under --empty the relation is an empty subquery: nothing to count -#}
  {%- if execute and relation is not none and w.mode in ('lookback', 'begin') and not flags.EMPTY -%}
    {%- do steadyflow._report_future_rows(relation, event_time, w.end_sql, var('future_days', future_days)) -%}
  {%- endif -%}
  {%- set marker = 'steadyflow.window column=' ~ w.target_column
        ~ ' start=' ~ steadyflow._format_timestamp(w.start) | replace(' ', 'T')
        ~ ' end=' ~ steadyflow._format_timestamp(w.end) | replace(' ', 'T')
        ~ ' mode=' ~ w.mode -%}
  {{ return('(' ~ steadyflow._window_predicate(event_time, w.start_sql, w.end_sql) ~ ') /* ' ~ marker ~ ' */') }}
{% endmacro %}
