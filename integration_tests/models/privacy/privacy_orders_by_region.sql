{{ config(
    materialized='incremental',
    incremental_strategy='replace_window',
    event_time='ordered_at',
    enabled=var('steadyflow_row_filter_fixtures', false),
    row_filter={'column': 'region', 'allow': {'sf_analyst_de': "region = 'DE'"}, 'see_all': ['sf_admin']},
    grants={'select': ['sf_analyst_de', 'sf_admin']},
) }}
-- replace_window on a filtered table: privacy_orders_by_region_unfiltered is the same model without the
-- filter; tests/privacy/test_row_filter.py checks both hold the same rows after daily runs and a purge.
select
    order_id,
    customer_id,
    case when customer_id % 2 = 0 then 'DE' else 'FR' end as region,
    amount,
    ordered_at
from {{ source('late_data', 'raw_orders') }}
where {{ steadyflow.lookback_window(
    'ordered_at', lookback_days=3, begin='2024-01-01', relation=source('late_data', 'raw_orders')
) }}
