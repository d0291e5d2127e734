{#-
  The backfill window from vars, or none when no backfill var is set:
    backfill_start + backfill_end  ->  [start, end)          (ISO date or timestamp, end exclusive)
    backfill_date                  ->  [date, date + 1 day)
  Validated: well-formed values, start before end, both or neither of start/end, not combined with
  backfill_date, at most max_backfill_days wide (var max_backfill_days overrides the argument), and ending
  no later than the future bound now + future_days (var future_days overrides the argument): no mode loads
  rows dated at or after that bound.
-#}
{% macro _backfill_window(max_backfill_days=366, future_days=1) %}
  {%- set raw_start = var('backfill_start', none) -%}
  {%- set raw_end = var('backfill_end', none) -%}
  {%- set raw_date = var('backfill_date', none) -%}
  {%- if raw_start is none and raw_end is none and raw_date is none -%}
    {{ return(none) }}
  {%- endif -%}
  {%- set shown = steadyflow._backfill_vars_shown() -%}
  {%- set max_days = steadyflow._check_integer('steadyflow', 'max_backfill_days',
        var('max_backfill_days', max_backfill_days), 1, '(the var max_backfill_days overrides the argument)') -%}

  {%- if raw_date is not none -%}
    {%- if raw_start is not none or raw_end is not none -%}
      {{ exceptions.raise_compiler_error(
          "steadyflow: var backfill_date cannot be combined with backfill_start/backfill_end, got " ~ shown) }}
    {%- endif -%}
    {%- set day = steadyflow._parse_timestamp(raw_date, 'steadyflow: var backfill_date') -%}
    {%- set start = modules.datetime.datetime(day.year, day.month, day.day) -%}
    {%- set end = start + modules.datetime.timedelta(days=1) -%}
  {%- else -%}
    {%- if raw_start is none or raw_end is none -%}
      {%- set missing = 'backfill_end' if raw_end is none else 'backfill_start' -%}
      {{ exceptions.raise_compiler_error(
          "steadyflow: vars backfill_start and backfill_end go together (or use backfill_date): var "
          ~ missing ~ " is missing, got " ~ shown) }}
    {%- endif -%}
    {%- set start = steadyflow._parse_timestamp(raw_start, 'steadyflow: var backfill_start') -%}
    {%- set end = steadyflow._parse_timestamp(raw_end, 'steadyflow: var backfill_end') -%}
    {%- if start >= end -%}
      {{ exceptions.raise_compiler_error(
          "steadyflow: var backfill_start must be before var backfill_end (the end is exclusive), got " ~ shown) }}
    {%- endif -%}
  {%- endif -%}

  {%- set width = end - start -%}
  {%- set width_days = width.days + (1 if width.seconds or width.microseconds else 0) -%}
  {%- if width_days > max_days -%}
    {{ exceptions.raise_compiler_error(
        "steadyflow: backfill window [" ~ steadyflow._format_timestamp(start) ~ ", " ~ steadyflow._format_timestamp(end)
        ~ ") spans " ~ width_days ~ " days, more than max_backfill_days=" ~ max_days
        ~ " (got " ~ shown ~ "); split the backfill or raise var max_backfill_days") }}
  {%- endif -%}

  {%- set future = steadyflow._future_bound(future_days, 'steadyflow') -%}
  {%- if end > future.bound -%}
    {%- set ahead = end - future.now -%}
    {%- set needed = ahead.days + (1 if ahead.seconds or ahead.microseconds else 0) -%}
    {{ exceptions.raise_compiler_error(
        "steadyflow: backfill window [" ~ steadyflow._format_timestamp(start) ~ ", " ~ steadyflow._format_timestamp(end)
        ~ ") reaches past now + future_days = " ~ steadyflow._format_timestamp(future.bound) ~ " (" ~ future.origin
        ~ "): rows dated at or after that bound are never loaded. Backfill an earlier window, or, if those dates"
        ~ " are real, widen it with the future_days argument of steadyflow.lookback_window or the var future_days"
        ~ " (this window needs future_days >= " ~ needed ~ ")") }}
  {%- endif -%}
  {{ return({'start': start, 'end': end}) }}
{% endmacro %}

