{#- relationship_guard: every child key has a parent, with a tolerance, a grace period for children loaded
    before their parent, and ignorable sentinel values. One row per orphan key with its row count; the failure
    count (fail_calc) is the number of orphan rows. -#}

{% test relationship_guard(model, column_name, to, field, to_where=none, max_orphan_percent=0, grace_period=none, ignore_values=none, allow_null=true, warn_above=none, error_above=none) %}
    {{ return(adapter.dispatch("test_relationship_guard", "steadyflow")(model, column_name, to, field, to_where, max_orphan_percent, grace_period, ignore_values, allow_null, warn_above, error_above)) }}
{% endtest %}


{% macro _relationship_guard_needs_a_column(model) %}
    {%- set name = steadyflow._tested_model_name(model) -%}
    {{ exceptions.raise_compiler_error(
        "steadyflow.relationship_guard is a column test, but it is attached to model " ~ name ~ " without a column."
        ~ " Move it under the key column:\n"
        ~ "  models:\n"
        ~ "    - name: " ~ name ~ "\n"
        ~ "      columns:\n"
        ~ "        - name: <the key column>\n"
        ~ "          data_tests:\n"
        ~ "            - steadyflow.relationship_guard:\n"
        ~ "                arguments: {to: ..., field: ...}"
    ) }}
{% endmacro %}


{% macro _relationship_guard_grace_period(grace_period) %}
    {#- {field: loaded_at, interval: 2, datepart: hour} -> the same dict, checked; datepart defaults to day. -#}
    {%- if grace_period is none -%}{{ return(none) }}{%- endif -%}
    {%- set guard = "relationship_guard" -%}
    {%- if grace_period is not mapping or grace_period.get("field") is not string or grace_period.get("field") | trim == "" -%}
        {{ steadyflow._argument_error(guard, "grace_period", grace_period, "must be a mapping like {field: loaded_at, interval: 2, datepart: hour}") }}
    {%- endif -%}
    {%- set unknown = grace_period.keys() | reject("in", ["field", "interval", "datepart"]) | list -%}
    {%- if unknown -%}
        {{ steadyflow._argument_error(guard, "grace_period", grace_period, "takes only field, interval and datepart (unknown: " ~ unknown | join(", ") ~ ")") }}
    {%- endif -%}
    {{ return({
        "field": grace_period.field,
        "interval": steadyflow._check_number(guard, "grace_period.interval", steadyflow._check_required(guard, "grace_period.interval", grace_period.get("interval")), 1, none, true),
        "datepart": steadyflow._guard_datepart(guard, "grace_period.datepart", grace_period.get("datepart", "day")),
    }) }}
{% endmacro %}


{% macro default__test_relationship_guard(model, column_name, to, field, to_where, max_orphan_percent, grace_period, ignore_values, allow_null, warn_above, error_above) %}
{%- set guard = "relationship_guard" -%}
{%- if column_name is not defined or column_name is none or column_name | string | trim == "" -%}
    {#- placed under a model's data_tests: there is no column to check (at parse time `model` is not the
        model yet, so the error is raised when the test compiles) -#}
    {%- if execute -%}{{ steadyflow._relationship_guard_needs_a_column(model) }}{%- endif -%}
    {{ return("select 1 as orphan_key, 0 as n_records where 1 = 0") }}
{%- endif -%}
{%- do steadyflow._check_required(guard, "to", to) -%}
{%- do steadyflow._check_required(guard, "field", field) -%}
{%- do steadyflow._check_number(guard, "max_orphan_percent", max_orphan_percent, 0, 100) -%}
{%- do steadyflow._check_boolean(guard, "allow_null", allow_null) -%}
{%- set grace = steadyflow._relationship_guard_grace_period(grace_period) -%}
{%- if ignore_values is not none and (ignore_values is string or ignore_values is mapping or ignore_values is not iterable or ignore_values | length == 0) -%}
    {{ steadyflow._argument_error(guard, "ignore_values", ignore_values, "must be a non-empty list of values") }}
{%- endif -%}
{{ config(fail_calc="coalesce(sum(n_records), 0)") }}
{%- set thresholds = steadyflow._guard_threshold_config(guard, warn_above, error_above, "max(orphan_percent)") -%}
{%- if thresholds %}{{ config(**thresholds) }}{% endif -%}
{%- set with_percent = max_orphan_percent > 0 or (warn_above is string) or (error_above is string) -%}
with child as (
    select {{ column_name }} as child_key
    from {{ model }}
    where 1 = 1
    {%- if allow_null %}
        and {{ column_name }} is not null
    {%- endif %}
    {%- if ignore_values %}
        and ({{ column_name }} is null or {{ column_name }} not in (
            {%- for value in ignore_values -%}
            {{ dbt.string_literal(dbt.escape_single_quotes(value)) if value is string else value }}{{ ", " if not loop.last }}
            {%- endfor -%}
        ))
    {%- endif %}
    {%- if grace %}
        {# children newer than the grace period (steadyflow.now() minus it) are not yet expected to have a parent;
           the column is compared as it is with a utc_literal, so a timestamp with time zone is judged in UTC #}
        and ({{ grace.field }} is null or {{ grace.field }} <= {{ steadyflow._guard_time_ago(grace.datepart, grace.interval) }})
    {%- endif %}
),

parent as (
    select {{ field }} as parent_key
    from {{ to }}
    {%- if to_where %}
    where {{ to_where }}
    {%- endif %}
)

{%- if not with_percent %}

{#- anti-join first (as cheap as the hand-written floor), then count the few orphans per key -#}
select
    child.child_key as orphan_key,
    count(*) as n_records
from child
left join parent
    on child.child_key = parent.parent_key
where parent.parent_key is null
group by child.child_key

{%- else %},

child_keys as (
    {#- percent mode: one row per child key with its rows, and the checked total in the same pass -#}
    select
        child_key,
        count(*) as n_records,
        sum(count(*)) over () as checked_records
    from child
    group by child_key
),

orphans as (
    {#- orphans have no parent row, so duplicate parent keys cannot fan them out -#}
    select
        child_keys.child_key as orphan_key,
        child_keys.n_records,
        child_keys.checked_records,
        sum(child_keys.n_records) over () as orphan_records
    from child_keys
    left join parent
        on child_keys.child_key = parent.parent_key
    where parent.parent_key is null
)

select
    orphan_key,
    n_records,
    orphan_records,
    checked_records,
    100.0 * orphan_records / checked_records as orphan_percent
from orphans
where 100.0 * orphan_records > {{ max_orphan_percent }} * checked_records

{%- endif %}
{% endmacro %}
