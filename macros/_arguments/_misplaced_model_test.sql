{#- A model test (recency_guard, row_count_guard, parity_guard, late_rows_missed) placed under a column: dbt
    passes it column_name. Its `{% test %}` block accepts column_name so the project still parses, and returns
    this instead of dispatching: at compile time a steadyflow error naming the column, the model and where the
    test goes (only that test fails); at parse time (`model` is not the model yet) a select of no rows. -#}
{% macro _misplaced_model_test(test_name, model, column_name) %}
    {%- if not execute -%}
        {{ return("select 1 as misplaced_model_test where 1 = 0") }}
    {%- endif -%}
    {%- set name = steadyflow._tested_model_name(model) -%}
    {{ exceptions.raise_compiler_error(
        "steadyflow." ~ test_name ~ " is a model test, but it is attached to column " ~ column_name ~ " of model "
        ~ name ~ ". Move it under the model's data_tests:\n"
        ~ "  models:\n"
        ~ "    - name: " ~ name ~ "\n"
        ~ "      data_tests:\n"
        ~ "        - steadyflow." ~ test_name ~ ":\n"
        ~ "            arguments: {...}"
    ) }}
{% endmacro %}
