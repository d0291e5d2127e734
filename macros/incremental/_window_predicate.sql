{#- The half-open window [start, end) on `column`, as every steadyflow statement writes it:
    `column >= <start> and column < <end>` (start included, end excluded). -#}
{% macro _window_predicate(column, start_sql, end_sql) %}
  {{ return(column ~ ' >= ' ~ start_sql ~ ' and ' ~ column ~ ' < ' ~ end_sql) }}
{% endmacro %}
