-- volume_events with one more column that fails when it is read (the cast of 'eu!' to an integer): a guard on
-- this view passes only if it never reads a column other than its event_time and group_by columns.
{{ config(materialized="view") }}
select
    scenario,
    region,
    event_at,
    cast(region || '!' as integer) as unreadable
from {{ ref("volume_events") }}
