-- Parents of guard_clock_pinned_orders: only customer 1 exists (7 and 8 never arrive).
select customers.customer_id
from (
    values
    (1)
) as customers (customer_id)
