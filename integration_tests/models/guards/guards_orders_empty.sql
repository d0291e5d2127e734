-- The orders' shape with no rows: the 0-vs-0, 0-vs-N and N-vs-0 edges.
select *
from {{ ref('guards_orders') }}
where 1 = 0
