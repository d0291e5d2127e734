-- Deliberately broken children of guards_customers (25 rows):
--   10 rows with active customers 1-3 (clean), loaded 3 days ago
--    2 rows of customer 90 (no parent), loaded 3 days ago            -> orphans
--    3 rows of customer 91 (no parent), loaded 2 hours ago           -> orphans, but inside a 1-day grace period
--    1 row with a null customer                                      -> an orphan only with allow_null: false
--    4 rows of customer -1, the "unknown" sentinel                   -> orphans unless ignore_values: [-1]
--    5 rows of customer 5, whose parent is deleted                   -> orphans when to_where keeps active parents
{%- set now_at = "cast(" ~ steadyflow.timestamp_literal(steadyflow.now()) ~ " as timestamp)" %}
select
    children.order_id,
    children.customer_id,
    {{ dbt.dateadd("hour", "-1 * children.age_hours", now_at) }} as loaded_at
from (
    values
    (1, 1, 72), (2, 1, 72), (3, 1, 72), (4, 2, 72), (5, 2, 72),
    (6, 2, 72), (7, 3, 72), (8, 3, 72), (9, 3, 72), (10, 3, 72),
    (11, 90, 72), (12, 90, 72),
    (13, 91, 2), (14, 91, 2), (15, 91, 2),
    (16, null, 72),
    (17, -1, 72), (18, -1, 72), (19, -1, 72), (20, -1, 72),
    (21, 5, 72), (22, 5, 72), (23, 5, 72), (24, 5, 72), (25, 5, 72)
) as children (order_id, customer_id, age_hours)
