{{ config(materialized='incremental', unique_key='customer_id') }}
-- Incremental, two steps downstream of privacy_orders_raw, still holding the card number.
select
    customer_id,
    max(card_number) as last_card_number,
    sum(amount) as total_amount
from {{ ref('privacy_orders_enriched') }}
group by customer_id
