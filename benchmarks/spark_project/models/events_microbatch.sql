-- dbt-spark's microbatch: one insert_overwrite per day since `begin`, the last `lookback` days again each run.
{{ config(materialized='incremental', incremental_strategy='microbatch', event_time='event_at', batch_size='day',
          begin=env_var('STEADYFLOW_BENCH_BEGIN'), lookback=3, partition_by='event_date', file_format='parquet') }}

select event_id, user_id, amount, event_at, event_date
from {{ source('raw', 'events') }}
