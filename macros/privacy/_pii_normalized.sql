{#- The value hash_pii digests, as SQL: the column cast to the adapter's string type `string_type`, then
    trimmed of leading/trailing spaces with `trim_template` (a format string with one {}) unless normalize is
    "none", then lower-cased when normalize is "email". -#}
{% macro _pii_normalized(column, normalize, string_type, trim_template) %}
    {%- set value = "cast(" ~ column ~ " as " ~ string_type ~ ")" -%}
    {%- if normalize != "none" -%}
        {%- set value = trim_template.replace("{}", value) -%}
    {%- endif -%}
    {%- if normalize == "email" -%}
        {%- set value = "lower(" ~ value ~ ")" -%}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}
