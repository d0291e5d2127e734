{#- The window `w` (from _window_bounds) widened to whole days, the grain of a date partition: start to the
    midnight before it, end rounded up to the next midnight (an end at midnight stays), literals recomputed. -#}
{% macro _align_window_to_days(w) %}
  {%- set dt = modules.datetime -%}
  {%- set start = dt.datetime(w.start.year, w.start.month, w.start.day) -%}
  {%- set end = dt.datetime(w.end.year, w.end.month, w.end.day) -%}
  {%- if end < w.end -%}
    {%- set end = end + dt.timedelta(days=1) -%}
  {%- endif -%}
  {%- set aligned = {} -%}
  {%- do aligned.update(w) -%}
  {%- do aligned.update({'start': start, 'end': end, 'start_sql': steadyflow.utc_literal(start),
                         'end_sql': steadyflow.utc_literal(end)}) -%}
  {{ return(aligned) }}
{% endmacro %}
