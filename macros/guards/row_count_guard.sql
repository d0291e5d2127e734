{#- row_count_guard: the model has between min_rows and max_rows rows, or as many rows as compare_model
    (within tolerance_percent, optionally per group). Exact at the edges: 0 vs 0 passes, 0 vs N and N vs 0 fail,
    a group on one side only fails, null group keys compare equal. Under `dbt build --empty` it returns no rows
    without reading anything. Failure count: 1 when the bounds are broken, else the number of mismatched groups. -#}

{% test row_count_guard(model, min_rows=none, max_rows=none, compare_model=none, tolerance_percent=0, compare_where=none, group_by=none, compare_group_by=none, warn_above=none, error_above=none, column_name=none) %}
    {%- if column_name is not none %}{{ return(steadyflow._misplaced_model_test("row_count_guard", model, column_name)) }}{% endif -%}
    {{ return(adapter.dispatch("test_row_count_guard", "steadyflow")(model, min_rows, max_rows, compare_model, tolerance_percent, compare_where, group_by, compare_group_by, warn_above, error_above)) }}
{% endtest %}


{% macro default__test_row_count_guard(model, min_rows, max_rows, compare_model, tolerance_percent, compare_where, group_by, compare_group_by, warn_above, error_above) %}
{%- set guard = "row_count_guard" -%}
{%- set groups, compare_groups = steadyflow._guard_group_pairs(guard, group_by, compare_group_by) -%}
{%- do steadyflow._check_number(guard, "tolerance_percent", tolerance_percent) -%}
{%- if compare_model is none -%}
    {%- for argument, value in [("tolerance_percent", tolerance_percent or none), ("compare_where", compare_where), ("group_by", group_by), ("compare_group_by", compare_group_by)] -%}
        {%- if value is not none -%}
            {{ steadyflow._argument_error(guard, argument, value, "needs compare_model") }}
        {%- endif -%}
    {%- endfor -%}
    {%- set min_rows = 1 if min_rows is none else min_rows -%}
    {%- do steadyflow._check_number(guard, "min_rows", min_rows, 0, none, true) -%}
    {%- do steadyflow._check_number(guard, "max_rows", max_rows, min_rows, none, true) -%}
{%- else -%}
    {%- if min_rows is not none or max_rows is not none -%}
        {{ steadyflow._argument_error(guard, "min_rows" if min_rows is not none else "max_rows", min_rows if min_rows is not none else max_rows, "cannot be combined with compare_model") }}
    {%- endif -%}
{%- endif -%}
{%- set thresholds = steadyflow._guard_threshold_config(guard, warn_above, error_above, "max(coalesce(diff_percent, 1e18))" if compare_model is not none else none) -%}
{%- if thresholds %}{{ config(**thresholds) }}{% endif -%}
{%- set group_by, compare_group_by = groups, compare_groups -%}
{%- if flags.EMPTY -%}
    {#- --empty: every ref is empty, a count would only prove that; pass without reading anything -#}
    {%- if compare_model is none -%}
        {{ return(steadyflow._guard_empty_result({"n_rows": "number", "min_rows": "number", "max_rows": "number"})) }}
    {%- endif -%}
    {%- set columns = {} -%}
    {%- for alias in steadyflow._guard_group_aliases(group_by) -%}{%- do columns.update({alias: "text"}) -%}{%- endfor -%}
    {%- for name in ["model_value", "compare_value", "difference", "diff_percent"] -%}{%- do columns.update({name: "number"}) -%}{%- endfor -%}
    {%- do columns.update({"reason": "text"}) -%}
    {{ return(steadyflow._guard_empty_result(columns)) }}
{%- endif -%}
{%- if compare_model is not none -%}
    {{ return(steadyflow._guard_compare_aggregates(model, "count(*)", compare_model, "count(*)", group_by, compare_group_by, compare_where, tolerance_percent)) }}
{%- endif -%}
with counted as (
    select count(*) as n_rows
    from {{ model }}
)

select
    n_rows,
    {{ min_rows }} as min_rows,
    {{ max_rows if max_rows is not none else "cast(null as " ~ dbt.type_bigint() ~ ")" }} as max_rows
from counted
where n_rows < {{ min_rows }}
{%- if max_rows is not none %}
    or n_rows > {{ max_rows }}
{%- endif %}
{% endmacro %}
