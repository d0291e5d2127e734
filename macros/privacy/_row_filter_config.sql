{#- The checked row_filter config of model `model_name`: {'column': str, 'allow': {role: predicate}, 'see_all':
    [role, ...]}. Each mistake is a compiler error naming the key and the value (steadyflow._argument_error). -#}
{% macro _row_filter_config(spec, model_name) %}
    {%- set who = "row_filter" -%}
    {%- set where = " in the row_filter config of model " ~ model_name -%}
    {%- set name_part = "[A-Za-z_][A-Za-z0-9_$]*" -%}
    {%- if spec is not mapping -%}
        {{ steadyflow._argument_error(who, "row_filter", spec, "must be a mapping {column, allow, see_all}" ~ where) }}
    {%- endif -%}
    {%- set unknown = spec.keys() | reject("in", ["column", "allow", "see_all"]) | list -%}
    {%- if unknown -%}
        {{ steadyflow._argument_error(who, "row_filter", spec, "has unknown key(s) " ~ unknown | join(", ") ~ " (accepted: column, allow, see_all)" ~ where) }}
    {%- endif -%}
    {%- set column = spec.get("column") -%}
    {%- if column is not string or not modules.re.fullmatch(name_part, column) -%}
        {{ steadyflow._argument_error(who, "column", column, "must be the filter column's name" ~ where) }}
    {%- endif -%}
    {%- set allow = spec.get("allow", {}) -%}
    {%- if allow is not mapping -%}
        {{ steadyflow._argument_error(who, "allow", allow, "must map role names to SQL conditions, e.g. {analyst_de: \"region = 'DE'\"}" ~ where) }}
    {%- endif -%}
    {%- for role, predicate in allow.items() -%}
        {%- if role is not string or not modules.re.fullmatch(name_part, role) -%}
            {{ steadyflow._argument_error(who, "allow", allow, "must map role names (letters, digits, _) to SQL conditions" ~ where) }}
        {%- endif -%}
        {%- if predicate is not string or predicate | trim == "" or ";" in predicate -%}
            {{ steadyflow._argument_error(who, "allow", allow, "must map each role to one SQL condition (no `;`)" ~ where) }}
        {%- endif -%}
    {%- endfor -%}
    {%- set see_all = steadyflow._check_string_list(who, "see_all", spec.get("see_all"),
          "must be a role name or a list of role names" ~ where, "must list role names (letters, digits, _)" ~ where,
          item_pattern=name_part) -%}
    {%- if not allow and not see_all -%}
        {{ steadyflow._argument_error(who, "allow", allow, "or see_all must name at least one role (else nobody reads the table)" ~ where) }}
    {%- endif -%}
    {{ return({'column': column, 'allow': allow, 'see_all': see_all}) }}
{% endmacro %}
