{#-
  Argument validation shared by the late-data macros: an integer no smaller than `minimum`
  (booleans, floats and strings are refused). Returns the value; raises a compile error that names
  `label` and the value given.
-#}
{% macro validate_integer(value, label, minimum=0) %}
  {{ return(adapter.dispatch('validate_integer', 'steadyflow')(value, label, minimum)) }}
{% endmacro %}

{% macro default__validate_integer(value, label, minimum=0) %}
  {%- if value is not integer or value < minimum -%}
    {%- set kind = 'a non-negative integer' if minimum == 0 else 'an integer >= ' ~ minimum -%}
    {{ exceptions.raise_compiler_error(label ~ " must be " ~ kind ~ ", got '" ~ value ~ "'") }}
  {%- endif -%}
  {{ return(value) }}
{% endmacro %}
