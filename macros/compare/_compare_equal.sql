{#- The SQL condition "a.<column> matches b.<column>": null equals null (`is not distinct from`); within a tolerance,
    absolute: |a - b| <= x, relative: |a - b| <= y * max(|a|, |b|) (0 vs 0 matches). A null against a value is
    never a match (the condition is then null or false). -#}
{% macro _compare_equal(column, tolerance) %}
    {%- set left = "compare_a." ~ adapter.quote(column) -%}
    {%- set right = "compare_b." ~ adapter.quote(column) -%}
    {%- set both_null = "(" ~ left ~ " is null and " ~ right ~ " is null)" -%}
    {%- if tolerance is none -%}
        {{ return(left ~ " is not distinct from " ~ right) }}
    {%- endif -%}
    {%- set distance = "abs(" ~ left ~ " - " ~ right ~ ")" -%}
    {%- if tolerance.kind == "absolute" -%}
        {{ return("(" ~ both_null ~ " or " ~ distance ~ " <= " ~ tolerance.amount ~ ")") }}
    {%- endif -%}
    {{ return("(" ~ both_null ~ " or " ~ distance ~ " <= " ~ tolerance.amount ~ " * greatest(abs(" ~ left ~ "), abs(" ~ right ~ ")))") }}
{% endmacro %}
