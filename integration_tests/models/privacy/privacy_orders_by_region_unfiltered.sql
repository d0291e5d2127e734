{{ config(
    materialized='incremental',
    incremental_strategy='replace_window',
    event_time='ordered_at',
    enabled=var('steadyflow_row_filter_fixtures', false),
) }}
-- privacy_orders_by_region without row_filter: what the filtered model must equal.
select
    order_id,
    customer_id,
    case when customer_id % 2 = 0 then 'DE' else 'FR' end as region,
    amount,
    ordered_at
from {{ source('late_data', 'raw_orders') }}
where {{ steadyflow.lookback_window(
    'ordered_at', lookback_days=3, begin='2024-01-01', relation=source('late_data', 'raw_orders')
) }}
