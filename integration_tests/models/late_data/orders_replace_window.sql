{{
    config(
        materialized='incremental',
        incremental_strategy='replace_window',
        event_time='ordered_at'
    )
}}

select
    order_id,
    customer_id,
    amount,
    ordered_at
from {{ source('late_data', 'raw_orders') }}
where {{ steadyflow.lookback_window(
    'ordered_at',
    lookback_days=var('late_data_lookback_days', 3),
    grain=var('late_data_grain', 'day'),
    begin=var('late_data_begin', '2024-01-01'),
    relation=source('late_data', 'raw_orders')
) }}
