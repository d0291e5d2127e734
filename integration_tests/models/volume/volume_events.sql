-- The volume guard's generated data: 90 days of events before steadyflow.now() (and today's so far), one copy
-- per scenario.
--   * 100 events a weekday, 30 on Saturdays and Sundays (weekends at 30% of weekdays);
--   * 5% of events arrive 1 to 3 days late: at "now" the newest 3 days still miss theirs (they are settling);
--   * scenarios change the data of day N (N = 1 is yesterday, so with settle 3 the judged day is day 4):
--       clean            nothing
--       partial_load     day 4 lost 40% of its events (a region's file or an API page missing)
--       repeat_incident  an earlier 12-day incident (days 15-26, 40% lower) and the same drop again on day 4
--       empty_latest     day 1 has no events at all
--       wobble           every other day 10% lower
--       region_missing   day 4 lost every `eu` event (`us` is fine)
--       duplicated       day 4 loaded twice (a backfill run on top of the daily load)
--       strays           clean, plus a copy of day 5 with a null event_at and a copy of day 1 dated 3 days later
--                        (2 days in the future)
-- Days count back from steadyflow.now(), the clock the guard reads, so any pinned day gives the same verdicts.
-- The var volume_days (default 90) is how many days the table has: a new table (tests/volume/test_volume_new_table.py).
{%- set now_at = "cast(" ~ steadyflow.timestamp_literal(steadyflow.now()) ~ " as timestamp)" %}
{%- set today = "cast(" ~ steadyflow.timestamp_literal(steadyflow._truncate_datetime(steadyflow.now(), "day")) ~ " as timestamp)" %}
with scenarios as (
    select listed.scenario
    from (
        values
        ('clean'), ('partial_load'), ('repeat_incident'), ('empty_latest'), ('wobble'), ('region_missing'),
        ('duplicated'), ('strays')
    ) as listed (scenario)
),

copies as (
    select listed.copy_number
    from (values (1), (2)) as listed (copy_number)
),

days as (
    select
        day_number,
        {{ dbt.dateadd("day", "-1 * day_number", today) }} as day_start
    from generate_series(0, {{ var("volume_days", 90) }}) as d (day_number)
),

events as (
    select
        days.day_number,
        days.day_start,
        n.event_number,
        case when extract(dow from days.day_start) in (0, 6) then 30 else 100 end as events_that_day,
        -- one event in 20 is late by 1, 2 or 3 days
        case n.event_number % 60 when 20 then 1 when 40 then 2 when 0 then 3 else 0 end as days_late,
        {{ dbt.dateadd("minute", "n.event_number * 14", "days.day_start") }} as event_at
    from days
    cross join generate_series(1, 100) as n (event_number)
)

select
    scenarios.scenario,
    copies.copy_number * 1000000 + events.day_number * 1000 + events.event_number as event_id,
    case when events.event_number % 2 = 0 then 'eu' else 'us' end as region,
    case
        when copies.copy_number = 1 or scenarios.scenario = 'duplicated' then events.event_at
        when events.day_number = 1 then {{ dbt.dateadd("day", "3", "events.event_at") }}
    end as event_at
from events
cross join scenarios
cross join copies
where
    (
        copies.copy_number = 1
        or (scenarios.scenario = 'duplicated' and events.day_number = 4)
        or (scenarios.scenario = 'strays' and events.day_number in (1, 5))
    )
    and events.event_number <= events.events_that_day
    -- late events of the newest days have not arrived yet; today (day 0) has its on-time events until now
    and (
        (events.day_number >= 1 and events.day_number - events.days_late >= 1)
        or (events.day_number = 0 and events.days_late = 0 and events.event_at < {{ now_at }})
    )
    and not (
        (scenarios.scenario = 'partial_load' and events.day_number = 4 and events.event_number % 10 < 4)
        or (
            scenarios.scenario = 'repeat_incident'
            and (events.day_number = 4 or events.day_number between 15 and 26)
            and events.event_number % 10 < 4
        )
        or (scenarios.scenario = 'empty_latest' and events.day_number = 1)
        or (scenarios.scenario = 'wobble' and events.day_number % 2 = 0 and events.event_number % 10 = 0)
        or (scenarios.scenario = 'region_missing' and events.day_number = 4 and events.event_number % 2 = 0)
    )
