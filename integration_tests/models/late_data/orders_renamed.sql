-- The event time is renamed on the way in (source ordered_at, model order_time): lookback_window filters the
-- source on ordered_at and reads the anchor, and replace_window deletes, on the target's order_time.
{{
    config(
        materialized='incremental',
        incremental_strategy='replace_window'
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
    begin=var('late_data_begin', '2024-01-01'),
    target_event_time=var('renamed_target_event_time', 'order_time')
) }}
