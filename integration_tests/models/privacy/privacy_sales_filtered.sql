{{ config(
    enabled=var('steadyflow_row_filter_fixtures', false),
    row_filter={
        'column': 'region',
        'allow': {'sf_analyst_de': "region = 'DE'", 'sf_owner': "region = 'FR'"},
        'see_all': ['sf_admin'],
    },
    grants={'select': ['sf_analyst_de', 'sf_admin', 'sf_owner']},
) }}
-- The docs example (docs/privacy.md#row-level-security-row_filter): German analysts see German rows only.
-- Enabled by tests/privacy/test_row_filter.py (PostgreSQL, with the roles it creates).
select
    sales.order_id,
    sales.customer_id,
    sales.region,
    sales.amount
from (
    values
    (1, 41, 'DE', 10.00),
    (2, 42, 'DE', 20.00),
    (3, 43, 'FR', 30.00),
    (4, 44, 'FR', 40.00),
    (5, 45, 'IT', 50.00)
) as sales (order_id, customer_id, region, amount)
