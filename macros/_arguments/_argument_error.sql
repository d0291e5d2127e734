{#- The package's one argument error: every steadyflow macro, test and run-operation reports a bad argument as
      steadyflow.<macro>: argument `<argument>` <expected>, got <value as JSON>
    (`macro_name` already starting with "steadyflow", such as steadyflow_compact, is used as it is), so a typo in
    schema.yml, a model or a DAG spec's operation_args is named with its value at compile time. A string that
    reads as a number or a boolean ('3' from --vars, "true" quoted in YAML) is shown as `the string "3"`, so the
    message says why 3 is not accepted. -#}

{% macro _argument_error(macro_name, argument, value, expected) %}
    {%- set who = macro_name if macro_name.startswith("steadyflow") else "steadyflow." ~ macro_name -%}
    {%- if value is not defined or value is none -%}
        {%- set shown = "null" -%}
    {%- elif value is not string and value.year is defined -%}
        {#- a date or datetime (an unquoted YAML date): JSON has no such type -#}
        {%- set shown = value | string | tojson -%}
    {%- elif value is string and modules.re.fullmatch("\\s*([-+]?[0-9]+([.][0-9]*)?|[-+]?[.][0-9]+|true|false)\\s*", value | lower) -%}
        {%- set shown = "the string " ~ value | tojson -%}
    {%- else -%}
        {%- set shown = value | tojson -%}
    {%- endif -%}
    {{ exceptions.raise_compiler_error(who ~ ": argument `" ~ argument ~ "` " ~ expected ~ ", got " ~ shown) }}
{% endmacro %}
