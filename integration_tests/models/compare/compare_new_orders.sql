-- The rewrite of the legacy procedure, different from it in known ways (models/compare/compare_schema.yml
-- states each difference and the counts it makes): order 5 missing, order 99 extra, order 3's status
-- upper-cased, amount of order 2 off by 0.004 and of order 4 by 0.05, fee of order 6 off by 0.05% and of
-- order 7 by 0.5%, order 9 given a discount the legacy left null.
select
    order_id,
    customer_name,
    case when order_id = 3 then 'SHIPPED' else status end as status,
    cast(
        case when order_id = 2 then amount + 0.004 when order_id = 4 then amount + 0.05 else amount end
        as decimal(12, 3)
    ) as amount,
    case when order_id = 6 then 1000.5 when order_id = 7 then 2.01 else fee end as fee,
    case when order_id = 9 then 5.0 else discount end as discount
from {{ ref('compare_legacy_orders') }}
where order_id <> 5

union all

select
    99 as order_id,
    'Zed' as customer_name,
    'pending' as status,
    cast(12.5 as decimal(12, 3)) as amount,
    cast(1.0 as double precision) as fee,
    cast(null as double precision) as discount
