{#-
  The package's one clock: a naive UTC datetime for "now".
    var steadyflow_now (ISO date or timestamp; an Airflow run passes its data interval end)
    else run_started_at (the dbt invocation's start, UTC)
  Every steadyflow macro and guard reads the time here, so a replayed or tested day is judged the
  same way by the incremental window and by the guards.
-#}
{% macro now() %}
  {%- set raw = var('steadyflow_now', none) -%}
  {%- if raw is not none and (raw | string | trim) != '' -%}
    {{ return(steadyflow._parse_timestamp(raw, 'steadyflow: var steadyflow_now')) }}
  {%- endif -%}
  {%- if run_started_at is not none -%}
    {{ return(steadyflow._parse_timestamp(run_started_at, 'run_started_at')) }}
  {%- endif -%}
  {{ return(modules.datetime.datetime.utcnow()) }}
{% endmacro %}
