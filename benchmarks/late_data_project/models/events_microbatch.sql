-- (c) The same model as dbt's built-in microbatch strategy: one batch per day since `begin`, re-running
-- the last `lookback` days on a normal run. dbt filters the source per batch through its event_time.
{{ config(
    materialized='incremental',
    incremental_strategy='microbatch',
    event_time='event_ts',
    batch_size='day',
    begin=env_var('STEADYFLOW_BENCH_BEGIN', '2025-01-01'),
    lookback=3,
) }}

select event_id, user_id, event_type, amount, event_ts
from {{ source('raw', 'events') }}
