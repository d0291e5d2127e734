{#- Output column names for group keys: the column itself when it is a plain identifier, else group_<n>. -#}
{% macro _guard_group_aliases(group_by) %}
    {%- set aliases = [] -%}
    {%- for expression in group_by -%}
        {%- if modules.re.match("^[A-Za-z_][A-Za-z0-9_]*$", expression | trim) -%}
            {%- do aliases.append(expression | trim | lower) -%}
        {%- else -%}
            {%- do aliases.append("group_" ~ loop.index) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(aliases) }}
{% endmacro %}
