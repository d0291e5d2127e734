{#-
  A datetime truncated to `grain` (hour, day, week, month, year; weeks start on Monday), in Jinja: the
  anchor of the lookback window is truncated here, on the UTC value, so neither the session time zone nor
  the column type (naive or with time zone) can shift it.
-#}
{% macro _truncate_datetime(value, grain='day') %}
  {%- set ts = steadyflow._parse_timestamp(value, 'steadyflow._truncate_datetime: argument value') -%}
  {%- if grain == 'hour' -%}
    {{ return(ts.replace(minute=0, second=0, microsecond=0)) }}
  {%- endif -%}
  {%- set day = modules.datetime.datetime(ts.year, ts.month, ts.day) -%}
  {%- if grain == 'day' -%}
    {{ return(day) }}
  {%- elif grain == 'week' -%}
    {{ return(day - modules.datetime.timedelta(days=day.weekday())) }}
  {%- elif grain == 'month' -%}
    {{ return(day.replace(day=1)) }}
  {%- elif grain == 'year' -%}
    {{ return(day.replace(month=1, day=1)) }}
  {%- endif -%}
  {%- do steadyflow._check_one_of('_truncate_datetime', 'grain', grain, ['hour', 'day', 'week', 'month', 'year']) -%}
{% endmacro %}
