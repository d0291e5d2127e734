-- 20 orders over 5 days in 4 currencies; GBP orders (4 rows) fall on 2024-01-02 and 2024-01-04 only.
-- source_system is null for 4 orders, so null group keys are part of every per-source comparison.
select
    orders.order_id,
    orders.customer_id,
    orders.currency,
    cast(orders.amount as decimal(18, 4)) as amount,
    cast(orders.order_date as date) as order_date,
    cast(orders.order_date as timestamp) + (orders.order_id * interval '1 minute') as ordered_at,
    orders.source_system
from (
    values
    (1, 1, 'USD', 100, '2024-01-01', 'web'),
    (2, 2, 'EUR', 50, '2024-01-01', 'app'),
    (3, 3, 'CHF', 20, '2024-01-01', null),
    (4, 1, 'USD', 80, '2024-01-02', 'web'),
    (5, 2, 'GBP', 400, '2024-01-02', 'web'),
    (6, 3, 'EUR', 60, '2024-01-02', 'app'),
    (7, 1, 'GBP', 200, '2024-01-02', null),
    (8, 2, 'USD', 90, '2024-01-03', 'web'),
    (9, 3, 'CHF', 40, '2024-01-03', 'app'),
    (10, 1, 'EUR', 30, '2024-01-03', 'web'),
    (11, 2, 'USD', 70, '2024-01-03', null),
    (12, 3, 'GBP', 300, '2024-01-04', 'app'),
    (13, 1, 'USD', 60, '2024-01-04', 'web'),
    (14, 2, 'EUR', 20, '2024-01-04', 'web'),
    (15, 3, 'GBP', 100, '2024-01-04', 'app'),
    (16, 1, 'USD', 50, '2024-01-05', null),
    (17, 2, 'CHF', 10, '2024-01-05', 'web'),
    (18, 3, 'EUR', 40, '2024-01-05', 'app'),
    (19, 1, 'USD', 110, '2024-01-05', 'web'),
    (20, 2, 'USD', 30, '2024-01-05', 'app')
) as orders (order_id, customer_id, currency, amount, order_date, source_system)
