{#- volume_drop_guard's buckets: one row per group and bucket, numbered back from now, the newest complete one
    being bucket 1; columns group_id, <group aliases>, bucket_index, bucket_start, season, row_count.

    mode event_time: bucket 0 is the bucket of steadyflow.now() (still filling: never read); buckets 1 .. span are
    read, as UTC hours or days. The model is read once: only rows with event_time in
    [start of bucket span, start of bucket 0) (utc_literals: the column is compared as it is, so a zoned column
    is judged in UTC in any session time zone), and only event_time and the group_by expressions. Each row's
    bucket is ceil((epoch(now bucket) - epoch(event_time)) / grain seconds), read from the epoch (UTC for a zoned
    column, the naive value for a timestamp), so no date_trunc runs in the session's zone. A bucket with no row
    is generated (numbers 1 .. span from a cross join of digits) and counts 0, per group seen in the span, but only
    from the group's first bucket with a row on: older buckets (a new table, a new group) are not part of its
    series at all, so they neither hide a drop nor make a rise against a median of 0.
    season: bucket_index modulo a week of buckets (7 days or 168 hours), the same for a Monday and its Mondays.

    mode history: bucket 1 is the tested table's live count (count(*) now, bucket_start = now): inside `dbt build`
    the on-run-end hook records this load only after the tests ran, so the live table is the load to judge.
    Buckets 2 .. are the model's rows of steadyflow_row_count_history recorded at or before now, newest first, one
    per recorded run (bucket_start = recorded_at), leaving out the newest recorded row when its row_count equals
    the live count: that is this same load already recorded (`dbt run` then `dbt test`). The invocation id cannot
    tell (a build and a run + test both find an earlier invocation's row). When it is an earlier run that happened
    to have the same count (a table that did not change), the baseline only loses that one run: its median moves
    at most to a neighbouring recorded value, and an equal run that was itself a breach is left out of the
    baseline by the first pass anyway.
    season: the weekday of now (bucket 1) or of recorded_at. -#}

{% macro _volume_buckets(model, settings, aliases) %}
{%- if settings.mode == "history" -%}
    {{ return(steadyflow._volume_history_buckets(model, settings)) }}
{%- endif -%}
{%- set seconds = {"hour": 3600, "day": 86400}[settings.grain] -%}
{%- set current = steadyflow._truncate_datetime(steadyflow.now(), settings.grain) -%}
{%- set since_epoch = current - modules.datetime.datetime(1970, 1, 1) -%}
{%- set group_by = settings.group_by -%}
counted as {{ steadyflow.volume_cte_materialized() }}(
    {#- the one read of the model; materialized where the warehouse can be told to, so the later self-joins
        never read the model again -#}
    select
        {%- for expression in group_by %}
        {{ expression }} as {{ aliases[loop.index0] }},
        {%- endfor %}
        cast(ceil(({{ since_epoch.days * 86400 + since_epoch.seconds }} - extract(epoch from {{ settings.event_time }})) / {{ seconds }}) as {{ dbt.type_bigint() }}) as bucket_index,
        count(*) as row_count
    from {{ model }}
    where
        {{ settings.event_time }} >= {{ steadyflow.utc_literal(steadyflow._guard_subtract(current, settings.grain, settings.span)) }}
        and {{ settings.event_time }} < {{ steadyflow.utc_literal(current) }}
    group by {% for position in range(1, group_by | length + 2) %}{{ position }}{{ ", " if not loop.last }}{% endfor %}
),

numbers as (
    {#- 1 .. span, from digits (the same SQL on every warehouse) -#}
    {%- set digits = settings.span | string | length %}
    select {% for place in range(digits) %}d{{ place }}.n * {{ 10 ** place }}{{ " + " if not loop.last }}{% endfor %} as bucket_index
    from {% for place in range(digits) %}(values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) as d{{ place }} (n){{ "\n    cross join " if not loop.last }}{% endfor %}
),

{%- if group_by %}

identified as (
    {#- one integer per group (null keys are one group), so buckets join on integers -#}
    select
        counted.*,
        dense_rank() over (order by {% for alias in aliases %}{{ alias }}{{ ", " if not loop.last }}{% endfor %}) as group_id
    from counted
),

series as (
    {#- from each group's first bucket with a row (its highest index) to bucket 1 -#}
    select group_keys.group_id{% for alias in aliases %}, group_keys.{{ alias }}{% endfor %}, numbers.bucket_index
    from (
        select group_id{% for alias in aliases %}, {{ alias }}{% endfor %}, max(bucket_index) as first_bucket
        from identified
        group by group_id{% for alias in aliases %}, {{ alias }}{% endfor %}
    ) as group_keys
    cross join numbers
    where numbers.bucket_index between 1 and group_keys.first_bucket
),
{%- else %}

identified as (
    select counted.*, 1 as group_id
    from counted
),

series as (
    {#- from the first bucket with a row (the highest index) to bucket 1 -#}
    select 1 as group_id, numbers.bucket_index
    from numbers
    where numbers.bucket_index between 1 and (select max(bucket_index) from identified)
),
{%- endif %}

buckets as (
    select
        series.group_id,
        {%- for alias in aliases %}
        series.{{ alias }},
        {%- endfor %}
        series.bucket_index,
        {{ dbt.dateadd(settings.grain, "-1 * series.bucket_index", steadyflow.timestamp_literal(current)) }} as bucket_start,
        series.bucket_index % {{ settings.period }} as season,
        coalesce(identified.row_count, 0) as row_count
    from series
    left join identified
        on identified.group_id = series.group_id
        and identified.bucket_index = series.bucket_index
)
{% endmacro %}


{% macro _volume_history_buckets(model, settings) %}
{%- set guard = "volume_drop_guard" -%}
{%- if not steadyflow._row_count_history_on() -%}
    {#- Off: no ref() to the disabled model (dbt would quietly drop the test, warning that it depends on a
        disabled node), and the test stops when it runs. Not at parse time: a test disabled by the same var is
        rendered then too. -#}
    {%- if execute -%}
        {{ steadyflow._argument_error(guard, "mode", "history", "reads the package model steadyflow_row_count_history, which is off: set the var steadyflow_row_count_history: true (vars: in dbt_project.yml) and build it once") }}
    {%- endif -%}
    {{ return("buckets as (select 1 as group_id where 1 = 0)") }}
{%- endif -%}
{%- set history = ref("steadyflow", "steadyflow_row_count_history") -%}
{%- set table_name = steadyflow._tested_model_name(model) | lower -%}
{%- set now_at = "cast(" ~ steadyflow.timestamp_literal(steadyflow.now()) ~ " as " ~ dbt.type_timestamp() ~ ")" -%}
live as (
    select count(*) as row_count
    from {{ model }}
),

recorded as (
    select
        recorded_at,
        invocation_id,
        row_count,
        row_number() over (order by recorded_at desc, invocation_id desc) as recorded_index
    from {{ history }}
    where
        lower(table_name) = '{{ table_name }}'
        {%- if model.schema is defined and model.schema %}
        and lower(schema_name) = '{{ model.schema | lower }}'
        {%- endif %}
        and recorded_at <= {{ steadyflow.timestamp_literal(steadyflow.now()) }}
),

history_runs as (
    {#- the newest recorded row is this load when it has the live count (dbt run, then dbt test) -#}
    select
        recorded_at,
        row_count,
        1 + row_number() over (order by recorded_at desc, invocation_id desc) as bucket_index
    from recorded
    where not (recorded_index = 1 and row_count = (select live.row_count from live))
),

buckets as (
    select
        1 as group_id,
        1 as bucket_index,
        {{ now_at }} as bucket_start,
        extract(dow from {{ now_at }}) as season,
        cast(live.row_count as {{ dbt.type_bigint() }}) as row_count
    from live
    union all
    select
        1 as group_id,
        bucket_index,
        recorded_at as bucket_start,
        extract(dow from recorded_at) as season,
        cast(row_count as {{ dbt.type_bigint() }}) as row_count
    from history_runs
    where bucket_index <= {{ settings.span }}
)
{% endmacro %}
