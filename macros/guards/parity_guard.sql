{#- parity_guard: an aggregate on the model (e.g. sum(amount_usd)) equals an aggregate on compare_model within
    tolerance_percent, overall or per group (e.g. per day). The guard that catches "revenue 50% lower" after a
    join silently dropped rows. Failure count: the number of mismatched groups (1 without group_by). -#}

{% test parity_guard(model, expression, compare_model, compare_expression=none, tolerance_percent=0, compare_where=none, group_by=none, compare_group_by=none, warn_above=none, error_above=none, column_name=none) %}
    {%- if column_name is not none %}{{ return(steadyflow._misplaced_model_test("parity_guard", model, column_name)) }}{% endif -%}
    {{ return(adapter.dispatch("test_parity_guard", "steadyflow")(model, expression, compare_model, compare_expression, tolerance_percent, compare_where, group_by, compare_group_by, warn_above, error_above)) }}
{% endtest %}


{% macro default__test_parity_guard(model, expression, compare_model, compare_expression, tolerance_percent, compare_where, group_by, compare_group_by, warn_above, error_above) %}
{%- set guard = "parity_guard" -%}
{%- do steadyflow._check_required(guard, "expression", expression) -%}
{%- do steadyflow._check_required(guard, "compare_model", compare_model) -%}
{%- do steadyflow._check_number(guard, "tolerance_percent", tolerance_percent) -%}
{%- set groups, compare_groups = steadyflow._guard_group_pairs(guard, group_by, compare_group_by) -%}
{%- set thresholds = steadyflow._guard_threshold_config(guard, warn_above, error_above, "max(coalesce(diff_percent, 1e18))") -%}
{%- if thresholds %}{{ config(**thresholds) }}{% endif -%}
{#- Under --empty both sides are empty: 0 vs 0 (or no groups) passes, and the SQL is still checked. -#}
{{ steadyflow._guard_compare_aggregates(model, expression, compare_model, compare_expression or expression, groups, compare_groups, compare_where, tolerance_percent) }}
{% endmacro %}
