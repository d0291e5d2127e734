-- The same instants as events_tz, in a naive (UTC) timestamp column; hour grain, one day of lookback.
{{
    config(
        materialized='incremental',
        incremental_strategy='replace_window'
    )
}}

select
    event_id,
    event_at
from {{ source('late_data', 'raw_events') }}
where {{ steadyflow.lookback_window(
    'event_at',
    lookback_days=1,
    grain='hour',
    begin='2024-01-01'
) }}
