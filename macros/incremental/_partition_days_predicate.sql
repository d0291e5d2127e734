{#- `column` (a date column, e.g. the one a table is partitioned by) within the days that [start, end) touches:
    `column >= date '<day of start>' and column < date '<day after the last day>'` (plain date literals: no time
    zone is involved). -#}
{% macro _partition_days_predicate(column, start, end) %}
  {%- set dt = modules.datetime -%}
  {%- set first = dt.date(start.year, start.month, start.day) -%}
  {%- set last = dt.date(end.year, end.month, end.day) -%}
  {%- if dt.datetime(end.year, end.month, end.day) < end -%}
    {%- set last = last + dt.timedelta(days=1) -%}
  {%- endif -%}
  {{ return(column ~ " >= date '" ~ first.isoformat() ~ "' and " ~ column ~ " < date '" ~ last.isoformat() ~ "'") }}
{% endmacro %}
