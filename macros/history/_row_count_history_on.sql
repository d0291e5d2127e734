{#- Whether the var steadyflow_row_count_history turns the row-count history on: true, or the string "true" (as
    --vars or an env_var may pass it); unset, false or anything else is off. -#}
{% macro _row_count_history_on() %}
    {%- set value = var("steadyflow_row_count_history", false) -%}
    {{ return(value is sameas true or (value is string and value | trim | lower == "true")) }}
{% endmacro %}
