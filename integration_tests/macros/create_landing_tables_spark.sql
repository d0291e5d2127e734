{#- create_landing_tables on Spark: Parquet tables, one statement each (a Spark statement is one statement).
    raw_orders_daily is partitioned by order_date (the UTC date of ordered_at), so a predicate on order_date
    prunes its partitions (steadyflow.lookback_window's partition_column; docs/spark.md). -#}
{% macro create_landing_tables_spark() %}
  {%- set schema = adapter.quote(target.schema) -%}
  {%- set statements = [
      'create schema if not exists ' ~ schema,
      'create table if not exists ' ~ schema ~ '.raw_orders (order_id int, customer_id int, amount decimal(12, 2),'
        ~ ' ordered_at timestamp, loaded_on date) using parquet',
      'create table if not exists ' ~ schema ~ '.raw_orders_daily (order_id int, customer_id int,'
        ~ ' amount decimal(12, 2), ordered_at timestamp, loaded_on date, order_date date) using parquet'
        ~ ' partitioned by (order_date)',
      'create table if not exists ' ~ schema ~ '.raw_events (event_id int, event_at timestamp, event_at_tz timestamp)'
        ~ ' using parquet',
      'create table if not exists ' ~ schema ~ '.airflow_raw_orders (order_id int, order_date date, amount double)'
        ~ ' using parquet',
  ] -%}
  {%- if execute -%}
    {%- for statement in statements -%}
      {%- do run_query(statement) -%}
    {%- endfor -%}
  {%- endif -%}
  {{ return('') }}
{% endmacro %}
