{#- _compare_distinct_count: inside an aggregate pass, the number of distinct keys over the rows where `condition`
    holds; `columns` are the key's columns, taken together as one row value (Spark: a struct), so a null key
    counts as one value. DuckDB: a list of those values, deduplicated (a `count(distinct ...)` there is planned as a second
    aggregate over the same input, which makes DuckDB materialize the whole joined relation first). -#}
{% macro _compare_distinct_count(columns, condition) %}
    {{ return(adapter.dispatch("_compare_distinct_count", "steadyflow")(columns, condition)) }}
{% endmacro %}

{% macro default___compare_distinct_count(columns, condition) %}
    {{ return("count(distinct case when " ~ condition ~ " then row(" ~ columns | join(", ") ~ ") end)") }}
{% endmacro %}

{% macro spark___compare_distinct_count(columns, condition) %}
    {{ return("count(distinct case when " ~ condition ~ " then struct(" ~ columns | join(", ") ~ ") end)") }}
{% endmacro %}

{% macro duckdb___compare_distinct_count(columns, condition) %}
    {{ return("coalesce(len(list_distinct(list(row(" ~ columns | join(", ") ~ ")) filter (where " ~ condition
              ~ "))), 0)") }}
{% endmacro %}
