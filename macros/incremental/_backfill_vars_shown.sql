{#- The backfill vars that are set, as messages quote them: "backfill_date='2024-01-05'" and/or the start/end
    pair, "backfill_start='2024-01-04', backfill_end=unset" (a pair is shown whole; an unset var reads unset). -#}
{% macro _backfill_vars_shown() %}
  {%- set raw_start = var('backfill_start', none) -%}
  {%- set raw_end = var('backfill_end', none) -%}
  {%- set raw_date = var('backfill_date', none) -%}
  {%- set shown = [] -%}
  {%- if raw_date is not none -%}
    {%- do shown.append('backfill_date=' ~ steadyflow._shown_var(raw_date)) -%}
  {%- endif -%}
  {%- if raw_start is not none or raw_end is not none -%}
    {%- do shown.append('backfill_start=' ~ steadyflow._shown_var(raw_start)) -%}
    {%- do shown.append('backfill_end=' ~ steadyflow._shown_var(raw_end)) -%}
  {%- endif -%}
  {{ return(shown | join(', ')) }}
{% endmacro %}
