-- compare_new_orders with order 7 twice (a join that fanned out): no comparison is made, the key is named.
select * from {{ ref('compare_new_orders') }}

union all

select * from {{ ref('compare_new_orders') }}
where order_id = 7
