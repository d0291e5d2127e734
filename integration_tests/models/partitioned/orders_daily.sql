{#- One model file for every adapter: on DuckDB and PostgreSQL partition_by and file_format are ignored; on
    Spark the table is Parquet, partitioned by order_date, and replace_window replaces whole days. -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='replace_window',
        event_time='ordered_at',
        partition_by='order_date',
        file_format='parquet'
    )
}}

select
    order_id,
    customer_id,
    amount,
    ordered_at,
    order_date
from {{ source('partitioned', 'raw_orders_daily') }}
where {{ steadyflow.lookback_window(
    'ordered_at',
    lookback_days=var('late_data_lookback_days', 3),
    begin=var('late_data_begin', '2024-01-01'),
    relation=source('partitioned', 'raw_orders_daily'),
    partition_column='order_date'
) }}
