{#-
  Resolves the window [start, end) that lookback_window renders and replace_window replaces.
  Returns {'start', 'end' (naive UTC datetimes), 'start_sql', 'end_sql' (steadyflow.utc_literal),
  'mode', 'column' (the source's event_time), 'target_column' (the same column's name in {{ this }}:
  target_event_time when given, else the model's config event_time, else event_time)}:
    mode 'backfill'  vars backfill_start/backfill_end or backfill_date are set
    mode 'lookback'  incremental run on a target with rows before the future bound:
                     start = truncate(newest target_column in {{ this }} before end, grain) - lookback_days days
                     (never before begin)
    mode 'begin'     first build, full refresh or no such row: start = begin (required)
  end = now + future_days days (now = steadyflow.now(); var future_days overrides the argument); a backfill
  window reaching past it is refused, and so is a backfill of an incremental model under --full-refresh (the
  rebuilt table would hold only the window); a window whose start is not before its end is a compile error
  naming both bounds and where they came from. `partition_column` (lookback_window's) also prunes the anchor
  query when {{ this }} has that column (steadyflow._window_anchor). Arguments and vars are validated only when `execute` is true,
  so a bad value stops this model at compile time instead of failing the parse of the whole project.
-#}
{% macro _window_bounds(event_time, lookback_days, grain, begin, future_days, max_backfill_days, caller_name,
                     target_event_time=none, partition_column=none) %}
  {%- set dt = modules.datetime -%}
  {%- set grains = ['hour', 'day', 'week', 'month', 'year'] -%}
  {%- set target_column = target_event_time if target_event_time is not none
        else (config.get('event_time') or event_time) -%}
  {#- the setting a missing target column is blamed on -#}
  {%- set column_setting = 'target_event_time' if target_event_time is not none else 'config event_time' -%}

  {%- if not execute -%}
    {#- parse time: no warehouse access, no validation; any valid SQL will do -#}
    {%- set start = dt.datetime(1970, 1, 1) -%}
    {%- set end = dt.datetime(1970, 1, 2) -%}
    {{ return({'start': start, 'end': end, 'mode': 'parse', 'column': event_time, 'target_column': target_column,
               'start_sql': steadyflow.utc_literal(start), 'end_sql': steadyflow.utc_literal(end)}) }}
  {%- endif -%}

  {%- if event_time is not string or (event_time | trim) == '' -%}
    {{ steadyflow._argument_error(caller_name, 'event_time', event_time, 'must be a column name') }}
  {%- endif -%}
  {%- if target_column is not string or (target_column | trim) == '' -%}
    {{ steadyflow._argument_error(caller_name, 'target_event_time', target_event_time,
        'must be a column name (or none: the model\'s config event_time, else event_time)') }}
  {%- endif -%}
  {%- if partition_column is not none and (partition_column is not string or partition_column | trim == '') -%}
    {{ steadyflow._argument_error(caller_name, 'partition_column', partition_column,
        'must be the name of the date column the source is partitioned by (or none)') }}
  {%- endif -%}
  {%- do steadyflow._check_integer(caller_name, 'lookback_days', lookback_days) -%}
  {%- do steadyflow._check_one_of(caller_name, 'grain', grain, grains) -%}
  {%- set begin_ts = none if begin is none else steadyflow._parse_timestamp(begin, caller_name ~ ": argument begin") -%}
  {%- set future = steadyflow._future_bound(future_days, caller_name) -%}

  {%- set backfill = steadyflow._backfill_window(max_backfill_days, future_days) -%}
  {%- if backfill is not none -%}
    {%- set start = backfill.start -%}
    {%- set end = backfill.end -%}
    {%- if config.get('materialized') == 'incremental' and should_full_refresh() -%}
      {{ steadyflow._full_refresh_backfill_error(caller_name, this ~ ' from begin', 'it would keep only ['
          ~ steadyflow._format_timestamp(backfill.start) ~ ', ' ~ steadyflow._format_timestamp(backfill.end)
          ~ ') and lose every other row') }}
    {%- endif -%}
    {%- set mode = 'backfill' -%}
    {%- set start_origin = 'backfill vars' -%}
    {%- set end_origin = 'backfill vars' -%}
  {%- else -%}
    {%- set end = future.bound -%}
    {%- set end_origin = future.origin -%}

    {%- set found = none -%}
    {%- if is_incremental() -%}
      {%- set found = steadyflow._window_anchor(this, target_column, future, grain, caller_name, column_setting,
                                                  partition_column) -%}
    {%- endif -%}

    {%- if found is none or found.anchor is none -%}
      {%- if begin_ts is none -%}
        {{ exceptions.raise_compiler_error(caller_name ~ ": argument begin is required when " ~ this
            ~ " is empty or built for the first time (no newest " ~ target_column ~ " to look back from), got unset") }}
      {%- endif -%}
      {%- set start = begin_ts -%}
      {%- set mode = 'begin' -%}
      {%- set start_origin = 'argument begin' -%}
    {%- else -%}
      {%- set start = found.anchor - dt.timedelta(days=lookback_days) -%}
      {%- set start_origin = 'newest ' ~ target_column ~ ' in ' ~ this ~ ' before the end, '
            ~ steadyflow._format_timestamp(found.newest) ~ ', truncated to the ' ~ grain ~ ', minus lookback_days='
            ~ lookback_days -%}
      {%- if begin_ts is not none and start < begin_ts -%}
        {%- set start = begin_ts -%}
        {%- set start_origin = 'argument begin' -%}
      {%- endif -%}
      {%- set mode = 'lookback' -%}
    {%- endif -%}
  {%- endif -%}

  {%- if start >= end -%}
    {{ exceptions.raise_compiler_error(caller_name ~ ": the window start " ~ steadyflow._format_timestamp(start)
        ~ " (" ~ start_origin ~ ") is not before its end " ~ steadyflow._format_timestamp(end) ~ " (" ~ end_origin
        ~ "), so the run would load nothing; move begin back, or fix steadyflow_now / future_days") }}
  {%- endif -%}

  {{ return({'start': start, 'end': end, 'mode': mode, 'column': event_time, 'target_column': target_column,
             'start_sql': steadyflow.utc_literal(start), 'end_sql': steadyflow.utc_literal(end)}) }}
{% endmacro %}
