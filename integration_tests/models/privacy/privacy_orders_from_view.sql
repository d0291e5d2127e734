-- A table built on a view of privacy_orders_enriched: downstream of the raw table through the view.
select
    order_id,
    customer_id,
    card_number
from {{ ref('privacy_orders_view') }}
