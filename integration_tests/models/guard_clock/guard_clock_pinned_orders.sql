-- Orders at fixed times around 2024-03-10 12:00 UTC, the day tests/guards/test_guard_clock.py pins with
-- --vars '{steadyflow_now: "2024-03-10 12:00:00"}':
--   1, 2: customer 1, ordered 08:00 and the evening before
--   3, 4: customer 7 (no parent yet), ordered 09:55 and 10:55 (the newest past order), loaded 10:00 and 11:00
--   5:    customer 8 (no parent), loaded two days before, outside any grace period below a month
--   6:    customer 7, ordered and loaded the next day: in the future of the pinned clock
select
    orders.order_id,
    orders.customer_id,
    cast(orders.ordered_at as timestamp) as ordered_at,
    cast(orders.loaded_at as timestamp) as loaded_at
from (
    values
    (1, 1, '2024-03-10 08:00:00', '2024-03-10 08:05:00'),
    (2, 1, '2024-03-09 20:00:00', '2024-03-09 20:05:00'),
    (3, 7, '2024-03-10 09:55:00', '2024-03-10 10:00:00'),
    (4, 7, '2024-03-10 10:55:00', '2024-03-10 11:00:00'),
    (5, 8, '2024-03-08 08:55:00', '2024-03-08 09:00:00'),
    (6, 7, '2024-03-11 09:00:00', '2024-03-11 09:05:00')
) as orders (order_id, customer_id, ordered_at, loaded_at)
