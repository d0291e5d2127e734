{#- recency_guard: the newest `field` is within `interval` `datepart`s of now (as dbt-utils' recency), per
    group_by when given, so one silent source among many fresh ones is caught. Rows dated in the future are
    ignored for freshness (counted in future_rows), so they cannot make stale data look fresh. "now" is the
    package's one clock, steadyflow.now() (var steadyflow_now, else run_started_at, UTC). Failure count: the
    number of stale groups (an empty model is one stale group, with or without group_by). -#}

{% test recency_guard(model, field, datepart, interval, group_by=none, warn_above=none, error_above=none, column_name=none) %}
    {%- if column_name is not none %}{{ return(steadyflow._misplaced_model_test("recency_guard", model, column_name)) }}{% endif -%}
    {{ return(adapter.dispatch("test_recency_guard", "steadyflow")(model, field, datepart, interval, group_by, warn_above, error_above)) }}
{% endtest %}


{% macro default__test_recency_guard(model, field, datepart, interval, group_by, warn_above, error_above) %}
{%- set guard = "recency_guard" -%}
{%- do steadyflow._check_required(guard, "field", field) -%}
{%- set datepart = steadyflow._guard_datepart(guard, "datepart", datepart) -%}
{%- do steadyflow._check_number(guard, "interval", interval, 0, none, true) -%}
{%- set group_by = steadyflow._guard_expressions(guard, "group_by", group_by) -%}
{%- set thresholds = steadyflow._guard_threshold_config(guard, warn_above, error_above, "max(stale_percent)") -%}
{%- if thresholds %}{{ config(**thresholds) }}{% endif -%}
{%- set aliases = steadyflow._guard_group_aliases(group_by) -%}
{%- if flags.EMPTY -%}
    {#- --empty: nothing has a date, which says nothing about freshness; pass without reading anything -#}
    {%- set columns = {} -%}
    {%- for alias in aliases -%}{%- do columns.update({alias: "text"}) -%}{%- endfor -%}
    {%- for name in ["latest_at", "stale_before", "future_rows", "stale_groups", "checked_groups", "stale_percent", "reason"] -%}
        {%- do columns.update({name: "text" if name in ["latest_at", "stale_before", "reason"] else "number"}) -%}
    {%- endfor -%}
    {{ return(steadyflow._guard_empty_result(columns)) }}
{%- endif -%}
{#- the column as it is (no cast: a timestamp with time zone keeps its instant in any session time zone), compared
    with utc_literals of the package's one clock (steadyflow_now, else run_started_at) -#}
{%- set now_at = steadyflow.utc_literal(steadyflow.now()) -%}
{%- set stale_before = steadyflow._guard_time_ago(datepart, interval) -%}
with latest as (
    select
        {%- for expression in group_by %}
        {{ expression }} as {{ aliases[loop.index0] }},
        {%- endfor %}
        max(case when {{ field }} <= {{ now_at }} then {{ field }} end) as latest_at,
        sum(case when {{ field }} > {{ now_at }} then 1 else 0 end) as future_rows,
        count(*) as n_rows
    from {{ model }}
    {%- if group_by %}
    group by {% for expression in group_by %}{{ loop.index }}{{ ", " if not loop.last }}{% endfor %}
    {%- endif %}
),

groups_or_empty as (
    {#- an empty model has no group at all (with group_by): the left join keeps one all-null row, judged as one
        stale "group"; latest is read once -#}
    select latest.*
    from (select 1 as anchor) as one_row
    left join latest on 1 = 1
),

judged as (
    select
        {%- for alias in aliases %}
        {{ alias }},
        {%- endfor %}
        latest_at,
        {{ steadyflow.timestamp_literal(steadyflow._guard_subtract(steadyflow.now(), datepart, interval)) }} as stale_before,
        coalesce(future_rows, 0) as future_rows,
        case
            when coalesce(n_rows, 0) = 0 then 'model is empty'
            when latest_at is null then 'no row dated before now'
            when latest_at < {{ stale_before }} then 'newest row too old'
        end as reason
    from groups_or_empty
),

counted as (
    select
        judged.*,
        sum(case when reason is not null then 1 else 0 end) over () as stale_groups,
        count(*) over () as checked_groups
    from judged
)

select
    {%- for alias in aliases %}
    {{ alias }},
    {%- endfor %}
    latest_at,
    stale_before,
    future_rows,
    stale_groups,
    checked_groups,
    100.0 * stale_groups / checked_groups as stale_percent,
    reason
from counted
where reason is not null
{% endmacro %}
