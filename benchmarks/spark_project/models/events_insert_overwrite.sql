-- dbt-spark's plain insert_overwrite (dynamic partitions) over the same window as events_replace_window.
{{ config(materialized='incremental', incremental_strategy='insert_overwrite', event_time='event_at',
          partition_by='event_date', file_format='parquet') }}

select event_id, user_id, amount, event_at, event_date
from {{ source('raw', 'events') }}
where {{ steadyflow.lookback_window('event_at', lookback_days=3, begin=env_var('STEADYFLOW_BENCH_BEGIN'),
                                    relation=source('raw', 'events'), partition_column='event_date') }}
