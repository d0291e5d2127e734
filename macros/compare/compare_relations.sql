{#- compare_relations: legacy vs new, column by column, in one join. One row per compared column (and one
    summary row) with rows_only_in_a, rows_only_in_b, rows_differing, rows_matching; a duplicated primary key on
    either side replaces the comparison by one row per duplicated key naming it and its row count. -#}

{% macro compare_relations(a, b, primary_key, columns=none, exclude_columns=none, tolerance=none) %}
    {{ return(adapter.dispatch("compare_relations", "steadyflow")(a, b, primary_key, columns, exclude_columns, tolerance)) }}
{% endmacro %}


{% macro default__compare_relations(a, b, primary_key, columns, exclude_columns, tolerance) %}
    {%- set plan = steadyflow._compare_plan("compare_relations", a, b, primary_key, columns, exclude_columns, tolerance) -%}
    {{ return(steadyflow._compare_sql(a, b, plan)) }}
{% endmacro %}
