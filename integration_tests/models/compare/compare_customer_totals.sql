-- A child of the rewrite that names its columns: renaming status upstream breaks it (the slim CI scenario of
-- tests/compare/test_slim_ci.py).
select
    status,
    count(*) as orders,
    sum(amount) as amount
from {{ ref('compare_new_orders') }}
group by status
