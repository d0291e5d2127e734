{#- The name of the model a generic test is attached to, for placement errors. `model` is the relation, or (with
    the test's `where` config) "(select * from <relation> where ...) dbt_subquery". -#}
{% macro _tested_model_name(model) %}
    {%- if model.identifier is defined and model.identifier -%}
        {{ return(model.identifier) }}
    {%- endif -%}
    {%- set found = modules.re.search("from\\s+(\\S+)", model | string) -%}
    {{ return((found.group(1).split(".") | last).strip('"`') if found else model | string) }}
{% endmacro %}
