{#-
  The statements that replace [start, end) of `target` with the rows of `source` in that window.
  `source` is filtered on the window too: a model that selects more rows cannot touch rows outside it.
-#}
{% macro replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) %}
  {{ return(adapter.dispatch('replace_window_sql', 'steadyflow')(target, source, column, start_sql, end_sql, dest_columns)) }}
{% endmacro %}

{#- The rows of `source` in the window, as every variant inserts them: {'cols', 'in_window', 'rows' (a select)}. -#}
{% macro _replace_window_rows(source, column, start_sql, end_sql, dest_columns) %}
  {%- set cols = get_quoted_csv(dest_columns | map(attribute='name')) -%}
  {%- set in_window = steadyflow._window_predicate(column, start_sql, end_sql) -%}
  {{ return({'cols': cols, 'in_window': in_window,
             'rows': 'select ' ~ cols ~ '\nfrom ' ~ source ~ '\nwhere ' ~ in_window}) }}
{% endmacro %}

{#- DuckDB, PostgreSQL: dbt's incremental materialization runs `main` inside its transaction. -#}
{% macro default__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) %}
  {%- set w = steadyflow._replace_window_rows(source, column, start_sql, end_sql, dest_columns) -%}
  {{ return('delete from ' ~ target ~ '\nwhere ' ~ w.in_window ~ ';\n\ninsert into ' ~ target ~ ' (' ~ w.cols ~ ')\n'
            ~ w.rows) }}
{% endmacro %}

{#- Snowflake autocommits each statement: make delete + insert one explicit transaction. -#}
{% macro snowflake__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) %}
  {{ return('begin;\n' ~ steadyflow.default__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) ~ ';\ncommit') }}
{% endmacro %}

{#- BigQuery: a multi-statement transaction. -#}
{% macro bigquery__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) %}
  {{ return('begin transaction;\n' ~ steadyflow.default__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) ~ ';\ncommit transaction') }}
{% endmacro %}

{#- Databricks (Delta; dbt-databricks dispatches here first), and Spark tables with file_format='delta': one
    atomic statement, no separate delete. -#}
{% macro databricks__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) %}
  {%- set w = steadyflow._replace_window_rows(source, column, start_sql, end_sql, dest_columns) -%}
  {{ return('insert into ' ~ target ~ ' replace where ' ~ w.in_window ~ '\n' ~ w.rows) }}
{% endmacro %}

{#- Spark: Delta tables as Databricks; any other format (Parquet here) replaces the window's date partitions
    (steadyflow._spark_replace_partitions_sql; docs/spark.md). -#}
{% macro spark__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) %}
  {%- if (config.get('file_format') or 'parquet') | lower == 'delta' -%}
    {{ return(steadyflow.databricks__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns)) }}
  {%- endif -%}
  {{ return(steadyflow._spark_replace_partitions_sql(target, source, column, dest_columns)) }}
{% endmacro %}
