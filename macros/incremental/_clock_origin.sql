{#- Where steadyflow.now() took its value, for messages: "2024-01-09 23:00:00 from var steadyflow_now". -#}
{% macro _clock_origin(now) %}
  {%- set raw = var('steadyflow_now', none) -%}
  {%- set source = 'var steadyflow_now' if raw is not none and (raw | string | trim) != '' else 'run_started_at' -%}
  {{ return(steadyflow._format_timestamp(now) ~ ' from ' ~ source) }}
{% endmacro %}
