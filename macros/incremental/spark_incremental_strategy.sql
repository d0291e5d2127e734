{#-
  replace_window under dbt-spark. dbt-spark's incremental materialization validates the strategy name against a
  fixed list and builds the SQL with two plain (not dispatched) macros; a package cannot override those, the
  root project can. A consuming project on Spark adds one file (steadyflow.check_replace_window_wrapper prints
  it on the first run that needs it), macros/steadyflow_spark.sql:
    {% macro dbt_spark_validate_get_incremental_strategy(s, f) %}{{ return(steadyflow.spark_validate_incremental_strategy(s, f)) }}{% endmacro %}
    {% macro dbt_spark_get_incremental_sql(s, src, t, e, k, p) %}{{ return(steadyflow.spark_get_incremental_sql(s, src, t, e, k, p)) }}{% endmacro %}
  Every other strategy goes on to dbt-spark's own macros unchanged. See docs/spark.md.
-#}
{% macro spark_validate_incremental_strategy(raw_strategy, file_format) %}
  {%- if (raw_strategy or '') | lower == 'replace_window' -%}
    {%- if file_format in ('iceberg', 'hudi') -%}
      {{ exceptions.raise_compiler_error("steadyflow.replace_window: file_format '" ~ file_format ~ "' is not"
          ~ " supported on Spark (parquet and the other Hive-partitioned formats: partitions are overwritten;"
          ~ " delta: insert into ... replace where); got file_format='" ~ file_format ~ "' for " ~ this) }}
    {%- endif -%}
    {{ return('replace_window') }}
  {%- endif -%}
  {{ return(dbt.dbt_spark_validate_get_incremental_strategy(raw_strategy, file_format)) }}
{% endmacro %}

{% macro spark_get_incremental_sql(strategy, source, target, existing, unique_key, incremental_predicates) %}
  {%- if strategy == 'replace_window' -%}
    {{ return(steadyflow.get_incremental_replace_window_sql({
        'target_relation': target, 'temp_relation': source, 'unique_key': unique_key,
        'dest_columns': adapter.get_columns_in_relation(target), 'incremental_predicates': incremental_predicates})) }}
  {%- endif -%}
  {{ return(dbt.dbt_spark_get_incremental_sql(strategy, source, target, existing, unique_key, incremental_predicates)) }}
{% endmacro %}
