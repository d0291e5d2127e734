{#-
  Resolves the window [start, end) that lookback_window renders and replace_window replaces.
  Returns {'start', 'end' (datetimes), 'start_sql', 'end_sql' (literals), 'mode', 'column'}:
    mode 'backfill'  vars backfill_start/backfill_end or backfill_date are set
    mode 'lookback'  incremental run on a non-empty target:
                     start = truncate(max(event_time) in {{ this }}, grain) - lookback_days days (>= begin)
    mode 'begin'     first build, full refresh or empty target: start = begin (required)
  Outside backfills, end = now + future_days days (now = var steadyflow_now, else run_started_at UTC).
  Arguments and vars are validated only when `execute` is true, so a bad value stops this model at
  compile time instead of failing the parse of the whole project.
-#}
{% macro window_bounds(event_time, lookback_days=3, grain='day', begin=none, future_days=1,
                       max_backfill_days=366, caller_name='steadyflow.window_bounds') %}
  {{ return(adapter.dispatch('window_bounds', 'steadyflow')(
      event_time, lookback_days, grain, begin, future_days, max_backfill_days, caller_name)) }}
{% endmacro %}

{% macro default__window_bounds(event_time, lookback_days, grain, begin, future_days, max_backfill_days, caller_name) %}
  {%- set dt = modules.datetime -%}
  {%- set grains = ['hour', 'day', 'week', 'month', 'year'] -%}

  {%- if not execute -%}
    {#- parse time: no warehouse access, no validation; any valid SQL will do -#}
    {%- set start = dt.datetime(1970, 1, 1) -%}
    {%- set end = dt.datetime(1970, 1, 2) -%}
    {{ return({'start': start, 'end': end, 'mode': 'parse', 'column': event_time,
               'start_sql': steadyflow.timestamp_literal(start), 'end_sql': steadyflow.timestamp_literal(end)}) }}
  {%- endif -%}

  {%- if event_time is not string or (event_time | trim) == '' -%}
    {{ exceptions.raise_compiler_error(caller_name ~ ": argument event_time must be a column name, got '" ~ event_time ~ "'") }}
  {%- endif -%}
  {%- do steadyflow.validate_integer(lookback_days, caller_name ~ ": argument lookback_days") -%}
  {%- do steadyflow.validate_integer(future_days, caller_name ~ ": argument future_days") -%}
  {%- if grain not in grains -%}
    {{ exceptions.raise_compiler_error(caller_name ~ ": argument grain must be one of " ~ grains | join(', ')
        ~ ", got '" ~ grain ~ "'") }}
  {%- endif -%}
  {%- set begin_ts = none if begin is none else steadyflow.parse_timestamp(begin, caller_name ~ ": argument begin") -%}

  {%- set backfill = steadyflow.backfill_window(max_backfill_days) -%}
  {%- if backfill is not none -%}
    {%- set start = backfill.start -%}
    {%- set end = backfill.end -%}
    {%- set mode = 'backfill' -%}
  {%- else -%}
    {%- set raw_now = var('steadyflow_now', none) -%}
    {%- if raw_now is not none -%}
      {%- set now = steadyflow.parse_timestamp(raw_now, 'steadyflow: var steadyflow_now') -%}
    {%- elif run_started_at is not none -%}
      {%- set now = steadyflow.parse_timestamp(run_started_at, 'run_started_at') -%}
    {%- else -%}
      {%- set now = dt.datetime.utcnow() -%}
    {%- endif -%}
    {%- set end = now + dt.timedelta(days=future_days) -%}

    {%- set anchor = none -%}
    {%- if is_incremental() -%}
      {%- set anchor_sql -%}
        select {{ steadyflow.truncate_timestamp('max(' ~ event_time ~ ')', grain) }} as steadyflow_anchor
        from {{ this }}
      {%- endset -%}
      {%- set result = run_query(anchor_sql) -%}
      {%- if result is not none and result.rows | length > 0 and result.rows[0][0] is not none -%}
        {%- set anchor = steadyflow.parse_timestamp(result.rows[0][0], caller_name ~ ": max(" ~ event_time ~ ") of " ~ this) -%}
      {%- endif -%}
    {%- endif -%}

    {%- if anchor is none -%}
      {%- if begin_ts is none -%}
        {{ exceptions.raise_compiler_error(caller_name ~ ": argument begin is required when " ~ this
            ~ " is empty or built for the first time (no newest " ~ event_time ~ " to look back from), got 'None'") }}
      {%- endif -%}
      {%- set start = begin_ts -%}
      {%- set mode = 'begin' -%}
    {%- else -%}
      {%- set start = anchor - dt.timedelta(days=lookback_days) -%}
      {%- if begin_ts is not none and start < begin_ts -%}
        {%- set start = begin_ts -%}
      {%- endif -%}
      {%- set mode = 'lookback' -%}
    {%- endif -%}
  {%- endif -%}

  {{ return({'start': start, 'end': end, 'mode': mode, 'column': event_time,
             'start_sql': steadyflow.timestamp_literal(start), 'end_sql': steadyflow.timestamp_literal(end)}) }}
{% endmacro %}
