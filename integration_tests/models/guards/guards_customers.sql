-- Parent table for relationship_guard: customers 1-3 are active, 5 was deleted (filtered out by to_where).
select
    customers.customer_id,
    customers.status
from (
    values
    (1, 'active'),
    (2, 'active'),
    (3, 'active'),
    (5, 'deleted')
) as customers (customer_id, status)
