-- Customer names as join keys, one with a quote: Ann and Bob are known customers, O'Brien (2 rows) and Zed are not.
select
    customer_rows.order_id,
    customer_rows.customer_name
from (
    values
    (1, 'Ann'),
    (2, 'Bob'),
    (3, 'O''Brien'),
    (4, 'O''Brien'),
    (5, 'Zed')
) as customer_rows (order_id, customer_name)
