{#- Spark only (dbt-spark never calls a custom strategy by itself): lets replace_window through dbt-spark's
    incremental materialization; every other strategy goes on to dbt-spark's own macros. docs/spark.md. -#}
{% macro dbt_spark_validate_get_incremental_strategy(s, f) %}{{ return(steadyflow.spark_validate_incremental_strategy(s, f)) }}{% endmacro %}
{% macro dbt_spark_get_incremental_sql(s, src, t, e, k, p) %}{{ return(steadyflow.spark_get_incremental_sql(s, src, t, e, k, p)) }}{% endmacro %}
