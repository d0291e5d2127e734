{#- A var or argument as messages quote it: 'value' in single quotes, or unset (never 'None') when it is not set. -#}
{% macro _shown_var(value) %}
    {{ return("unset" if value is none else "'" ~ value ~ "'") }}
{% endmacro %}
