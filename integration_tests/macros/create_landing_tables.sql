{#- The landing tables that loaders write into (the tests, `make demo`, the Airflow ingest DAGs).
    Created empty, if missing, at the start of every run, so the whole project builds, and
    `dbt build --empty` passes, before anything has been loaded. -#}
{% macro create_landing_tables() %}
    {%- if target.type == 'spark' -%}{{ return(create_landing_tables_spark()) }}{%- endif -%}
    create schema if not exists {{ adapter.quote(target.schema) }};
    create table if not exists {{ adapter.quote(target.schema) }}.raw_orders (
        order_id integer, customer_id integer, amount numeric(12, 2), ordered_at timestamp, loaded_on date
    );
    create table if not exists {{ adapter.quote(target.schema) }}.raw_events (
        event_id integer, event_at timestamp, event_at_tz timestamp with time zone
    );
    create table if not exists {{ adapter.quote(target.schema) }}.raw_orders_daily (
        order_id integer, customer_id integer, amount numeric(12, 2), ordered_at timestamp, loaded_on date,
        order_date date
    );
    create table if not exists {{ adapter.quote(target.schema) }}.airflow_raw_orders (
        order_id integer, order_date date, amount double precision
    );
{% endmacro %}
