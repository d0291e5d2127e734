-- The same instants as events_naive, in a `timestamp with time zone` column: the window must be the same
-- UTC instants whatever the session time zone.
{{
    config(
        materialized='incremental',
        incremental_strategy='replace_window'
    )
}}

select
    event_id,
    event_at_tz
from {{ source('late_data', 'raw_events') }}
where {{ steadyflow.lookback_window(
    'event_at_tz',
    lookback_days=1,
    grain='hour',
    begin='2024-01-01'
) }}
