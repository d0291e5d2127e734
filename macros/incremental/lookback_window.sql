{#-
  Predicate for an incremental model's where clause; see incremental.yml. Renders
    (event_time >= <start literal> and event_time < <end literal>) /* steadyflow.window ... */
  The comment records the resolved window for the replace_window strategy.
-#}
{% macro lookback_window(event_time, lookback_days=3, grain='day', begin=none, future_days=1, relation=none,
                         max_backfill_days=366) %}
  {{ return(adapter.dispatch('lookback_window', 'steadyflow')(
      event_time, lookback_days, grain, begin, future_days, relation, max_backfill_days)) }}
{% endmacro %}

{% macro default__lookback_window(event_time, lookback_days, grain, begin, future_days, relation, max_backfill_days) %}
  {%- set w = steadyflow.window_bounds(event_time, lookback_days, grain, begin, future_days, max_backfill_days,
                                       'steadyflow.lookback_window') -%}
  {%- if execute and relation is not none and w.mode in ('lookback', 'begin') -%}
    {%- do steadyflow.report_future_rows(relation, event_time, w.end_sql, future_days) -%}
  {%- endif -%}
  {%- set marker = 'steadyflow.window column=' ~ event_time
        ~ ' start=' ~ steadyflow.format_timestamp(w.start) | replace(' ', 'T')
        ~ ' end=' ~ steadyflow.format_timestamp(w.end) | replace(' ', 'T')
        ~ ' mode=' ~ w.mode -%}
  {{ return('(' ~ steadyflow.window_predicate(event_time, w.start_sql, w.end_sql) ~ ') /* ' ~ marker ~ ' */') }}
{% endmacro %}
