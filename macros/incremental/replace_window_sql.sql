{#-
  The statements that replace [start, end) of `target` with the rows of `source` in that window.
  `source` is filtered on the window too: a model that selects more rows cannot touch rows outside it.
-#}
{% macro replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) %}
  {{ return(adapter.dispatch('replace_window_sql', 'steadyflow')(target, source, column, start_sql, end_sql, dest_columns)) }}
{% endmacro %}

{#- DuckDB, PostgreSQL: dbt's incremental materialization runs `main` inside its transaction. -#}
{% macro default__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) %}
  {%- set cols = get_quoted_csv(dest_columns | map(attribute='name')) -%}
  {%- set in_window = steadyflow.window_predicate(column, start_sql, end_sql) -%}
  {%- set sql -%}
delete from {{ target }}
where {{ in_window }};

insert into {{ target }} ({{ cols }})
select {{ cols }}
from {{ source }}
where {{ in_window }}
  {%- endset -%}
  {{ return(sql) }}
{% endmacro %}

{#- Snowflake autocommits each statement: make delete + insert one explicit transaction. -#}
{% macro snowflake__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) %}
  {{ return('begin;\n' ~ steadyflow.default__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) ~ ';\ncommit') }}
{% endmacro %}

{#- BigQuery: a multi-statement transaction. -#}
{% macro bigquery__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) %}
  {{ return('begin transaction;\n' ~ steadyflow.default__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) ~ ';\ncommit transaction') }}
{% endmacro %}

{#- Spark/Databricks (Delta): one atomic statement, no separate delete. -#}
{% macro spark__replace_window_sql(target, source, column, start_sql, end_sql, dest_columns) %}
  {%- set cols = get_quoted_csv(dest_columns | map(attribute='name')) -%}
  {%- set in_window = steadyflow.window_predicate(column, start_sql, end_sql) -%}
  {%- set sql -%}
insert into {{ target }} replace where {{ in_window }}
select {{ cols }}
from {{ source }}
where {{ in_window }}
  {%- endset -%}
  {{ return(sql) }}
{% endmacro %}
