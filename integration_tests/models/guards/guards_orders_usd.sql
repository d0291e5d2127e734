-- Orders converted to USD with an inner join on the rates. Clean by default; the demo sets
-- `guards_missing_currency: GBP` to replay the incident: the GBP rate is missing, the inner join drops those
-- orders and revenue drops by more than half, with no error anywhere.
with orders as (
    -- a CTE, not `ref(...) as orders`: under --empty a ref renders as an aliased subquery
    select * from {{ ref('guards_orders') }}
),

rates as (
    select
        currency,
        rate_to_usd
    from {{ ref('guards_currencies') }}
    {%- if var('guards_missing_currency', none) %}
    where currency <> '{{ var("guards_missing_currency") }}'
    {%- endif %}
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
