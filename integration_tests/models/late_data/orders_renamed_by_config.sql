-- The event time renamed on the way in (source ordered_at, model order_time), named once: config event_time is
-- the column's name in this model, so lookback_window reads the anchor, and replace_window deletes, on
-- order_time without a target_event_time argument.
{{
    config(
        materialized='incremental',
        incremental_strategy='replace_window',
        event_time='order_time'
    )
}}

select
    order_id,
    customer_id,
    amount,
    ordered_at as order_time
from {{ source('late_data', 'raw_orders') }}
where {{ steadyflow.lookback_window(
    'ordered_at',
    lookback_days=var('late_data_lookback_days', 3),
    begin=var('late_data_begin', '2024-01-01')
) }}
