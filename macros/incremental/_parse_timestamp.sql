{#-
  Validates an ISO date or timestamp and returns a naive (UTC) datetime.
  Accepts a string ('2024-01-05', '2024-01-05 06:30', '2024-01-05T06:30:00.25'), optionally with a UTC offset
  or Z after the time ('2024-03-01T00:00:00+00:00', Airflow's data_interval_end; '...Z'; '+05:30'; '-0500'),
  converted to UTC; a date or a datetime (aware datetimes are converted to UTC). Anything else stops the model
  with a compile error that names `label` and the value given.
-#}
{% macro _parse_timestamp(value, label) %}
  {%- set dt = modules.datetime -%}
  {%- set expected = 'must be an ISO date or timestamp (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)' -%}
  {%- if value is none or value is boolean or value is number -%}
    {{ exceptions.raise_compiler_error(label ~ " " ~ expected ~ ", got " ~ steadyflow._shown_var(value)) }}
  {%- endif -%}
  {#- datetime and date objects (from run_query, or YAML vars such as backfill_date: 2024-01-05) -#}
  {%- if value is not string and value.year is defined -%}
    {%- if value.hour is defined -%}
      {%- if value.tzinfo is not none -%}
        {%- set value = value.astimezone(modules.pytz.utc).replace(tzinfo=none) -%}
      {%- endif -%}
      {{ return(value) }}
    {%- endif -%}
    {{ return(dt.datetime(value.year, value.month, value.day)) }}
  {%- endif -%}
  {%- set text = (value | string) | trim -%}
  {%- set m = modules.re.match(
      '^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,6}))?)?'
      ~ ' ?([Zz]|[+-]\\d{2}(?::?\\d{2})?)?)?$', text) -%}
  {%- if m is none -%}
    {{ exceptions.raise_compiler_error(label ~ " " ~ expected ~ ", got '" ~ value ~ "'") }}
  {%- endif -%}
  {%- set g = m.groups() -%}
  {%- set year = g[0] | int -%}
  {%- set month = g[1] | int -%}
  {%- set day = g[2] | int -%}
  {%- set hour = (g[3] or 0) | int -%}
  {%- set minute = (g[4] or 0) | int -%}
  {%- set second = (g[5] or 0) | int -%}
  {%- set micro = ((g[6] or '') ~ '000000')[:6] | int -%}
  {#- the offset east of UTC, in minutes: +05:30 -> 330, -0500 -> -300, Z -> 0 -#}
  {%- set zone = (g[7] or 'Z') | upper | replace(':', '') -%}
  {%- set offset_hours = 0 if zone == 'Z' else zone[1:3] | int -%}
  {%- set offset_minutes = 0 if zone == 'Z' else (zone[3:5] or 0) | int -%}
  {%- set offset = (offset_hours * 60 + offset_minutes) * (-1 if zone.startswith('-') else 1) -%}
  {%- set leap = (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 -%}
  {%- set month_days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] -%}
  {%- if year < 1 or month < 1 or month > 12 or day < 1 or day > month_days[month - 1]
        or hour > 23 or minute > 59 or second > 59 or offset_hours > 23 or offset_minutes > 59 -%}
    {{ exceptions.raise_compiler_error(label ~ " " ~ expected ~ ", got '" ~ value ~ "' (no such date or time)") }}
  {%- endif -%}
  {%- set local = dt.datetime(year, month, day, hour, minute, second, micro) -%}
  {%- if (offset > 0 and local - dt.datetime.min < dt.timedelta(minutes=offset))
        or (offset < 0 and dt.datetime.max - local < dt.timedelta(minutes=-offset)) -%}
    {{ exceptions.raise_compiler_error(label ~ " " ~ expected ~ ", got '" ~ value ~ "' (out of range in UTC)") }}
  {%- endif -%}
  {{ return(local - dt.timedelta(minutes=offset)) }}
{% endmacro %}
