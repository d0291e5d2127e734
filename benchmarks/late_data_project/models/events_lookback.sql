-- (b) steadyflow's recommended daily config, as in integration_tests/models/late_data/orders_replace_window.sql:
-- the lookback window in the where clause and the replace_window strategy (no unique_key). The same model
-- serves backfills: with vars backfill_start/backfill_end it replaces exactly that range.
{{ config(
    materialized='incremental',
    incremental_strategy='replace_window',
    event_time='event_ts',
) }}

select event_id, user_id, event_type, amount, event_ts
from {{ source('raw', 'events') }}
where {{ steadyflow.lookback_window(
    'event_ts',
    lookback_days=3,
    begin=env_var('STEADYFLOW_BENCH_BEGIN', '2025-01-01'),
    relation=source('raw', 'events'),
) }}
