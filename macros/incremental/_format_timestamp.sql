{#- 'YYYY-MM-DD HH:MM:SS[.ffffff]', the text inside every adapter's timestamp literal (pure Jinja). -#}
{% macro _format_timestamp(value) %}
  {%- set ts = steadyflow._parse_timestamp(value, 'steadyflow.timestamp_literal: argument value') -%}
  {%- set fmt = '%Y-%m-%d %H:%M:%S.%f' if ts.microsecond else '%Y-%m-%d %H:%M:%S' -%}
  {{ return(ts.strftime(fmt)) }}
{% endmacro %}
