{{ config(
    materialized='view',
    enabled=var('steadyflow_row_filter_fixtures', false),
    grants={'select': ['sf_analyst_de', 'sf_admin']},
) }}
-- A view on the filtered table: steadyflow.row_filter makes it security_invoker, so readers stay filtered.
select
    order_id,
    region,
    amount
from {{ ref('privacy_sales_filtered') }}
