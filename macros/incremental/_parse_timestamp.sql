{#-
  Validates an ISO date or timestamp and returns a naive (UTC) datetime.
  Accepts a string ('2024-01-05', '2024-01-05 06:30', '2024-01-05T06:30:00.25'), a date or a datetime
  (aware datetimes are converted to UTC). Anything else stops the model with a compile error that
  names `label` and the value given.
-#}
{% macro _parse_timestamp(value, label) %}
  {%- set dt = modules.datetime -%}
  {%- set expected = 'must be an ISO date or timestamp (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)' -%}
  {%- if value is none or value is boolean or value is number -%}
    {{ exceptions.raise_compiler_error(label ~ " " ~ expected ~ ", got '" ~ value ~ "'") }}
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
      '^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,6}))?)?)?$', text) -%}
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
  {%- set leap = (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 -%}
  {%- set month_days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] -%}
  {%- if year < 1 or month < 1 or month > 12 or day < 1 or day > month_days[month - 1]
        or hour > 23 or minute > 59 or second > 59 -%}
    {{ exceptions.raise_compiler_error(label ~ " " ~ expected ~ ", got '" ~ value ~ "' (no such date or time)") }}
  {%- endif -%}
  {{ return(dt.datetime(year, month, day, hour, minute, second, micro)) }}
{% endmacro %}
