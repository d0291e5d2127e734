-- Built from privacy_orders_raw: keeps the card number (as bronze-to-silver models often do).
select
    order_id,
    customer_id,
    card_number,
    amount,
    amount * 2 as amount_doubled
from {{ ref('privacy_orders_raw') }}
