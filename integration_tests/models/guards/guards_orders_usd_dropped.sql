-- Deliberately broken: the GBP rate is missing, so the inner join silently drops the 4 GBP orders
-- (2024-01-02 and 2024-01-04). The guards on this model are inverted expectations: they must fail.
with orders as (
    -- a CTE, not `ref(...) as orders`: under --empty a ref renders as an aliased subquery
    select * from {{ ref('guards_orders') }}
),

rates as (
    select
        currency,
        rate_to_usd
    from {{ ref('guards_currencies') }}
    where currency <> 'GBP'
)

select
    orders.order_id,
    orders.customer_id,
    orders.currency,
    orders.amount as amount_local,
    orders.amount * rates.rate_to_usd as amount_usd,
    orders.order_date,
    orders.ordered_at,
    orders.source_system
from orders
inner join rates
    on orders.currency = rates.currency
