{{ config(materialized='view') }}
-- A view stores no rows: the purge passes through it to the table built on it.
select
    order_id,
    customer_id,
    card_number
from {{ ref('privacy_orders_enriched') }}
