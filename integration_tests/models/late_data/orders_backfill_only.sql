-- A backfill-only model: no lookback_window, so replace_window takes its window from the backfill vars
-- and its column from config event_time, and inserts only the selected rows inside that window.
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
