-- Orders as landed, card numbers in the clear: the purge tests forget customer 42 (card 4916037519283748)
-- here and in every table built from it.
select
    orders.order_id,
    orders.customer_id,
    orders.card_number,
    orders.amount
from (
    values
    (1, 41, '5274193605827147', 10.00),
    (2, 42, '4916037519283748', 20.00),
    (3, 42, '4916037519283748', 30.00),
    (4, 43, '371449635398431', 40.00),
    (5, 43, '371449635398431', 50.00)
) as orders (order_id, customer_id, card_number, amount)
