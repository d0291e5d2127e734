{#- The guards' own argument shapes, on top of the package's checks (macros/_arguments). -#}

{% macro _guard_datepart(guard, argument, value) %}
    {#- second .. year, any case; returned lower-cased -#}
    {{ return(steadyflow._check_one_of(guard, argument, value, ["second", "minute", "hour", "day", "week", "month", "year"], ignore_case=true)) }}
{% endmacro %}


{% macro _guard_expressions(guard, argument, value) %}
    {#- Column names or SQL expressions (group_by, compare_group_by): a string or a list of them; [] for none. -#}
    {{ return(steadyflow._check_string_list(guard, argument, value,
        "must be a column name or a non-empty list of column names / SQL expressions",
        "must list column names / SQL expressions as non-empty strings")) }}
{% endmacro %}


{% macro _guard_group_pairs(guard, group_by, compare_group_by) %}
    {#- group_by and compare_group_by (default: group_by) as two lists of the same length -#}
    {%- set groups = steadyflow._guard_expressions(guard, "group_by", group_by) -%}
    {%- set compare_groups = steadyflow._guard_expressions(guard, "compare_group_by", compare_group_by) or groups -%}
    {%- if groups | length != compare_groups | length -%}
        {{ steadyflow._argument_error(guard, "compare_group_by", compare_group_by, "must list as many expressions as group_by (" ~ groups | length ~ ")") }}
    {%- endif -%}
    {{ return([groups, compare_groups]) }}
{% endmacro %}
