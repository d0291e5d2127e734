{#- parity_guard: an aggregate on the model (e.g. sum(amount_usd)) equals an aggregate on compare_model within
    tolerance_percent, overall or per group (e.g. per day). The guard that catches "revenue 50% lower" after a
    join silently dropped rows. Failure count: the number of mismatched groups (1 without group_by). -#}

{% test parity_guard(model, expression, compare_model, compare_expression=none, tolerance_percent=0, compare_where=none, group_by=none, compare_group_by=none, warn_above=none, error_above=none) %}
    {%- set guard = "parity_guard" -%}
    {%- do steadyflow.guard_required(guard, "expression", expression) -%}
    {%- do steadyflow.guard_required(guard, "compare_model", compare_model) -%}
    {%- do steadyflow.guard_number(guard, "tolerance_percent", tolerance_percent) -%}
    {%- set groups = steadyflow.guard_expression_list(guard, "group_by", group_by) -%}
    {%- set compare_groups = steadyflow.guard_expression_list(guard, "compare_group_by", compare_group_by) or groups -%}
    {%- if groups | length != compare_groups | length -%}
        {{ steadyflow.guard_fail(guard, "compare_group_by", compare_group_by, "must list as many expressions as group_by (" ~ groups | length ~ ")") }}
    {%- endif -%}
    {%- set thresholds = steadyflow.guard_threshold_config(guard, warn_above, error_above, "max(coalesce(diff_percent, 1e18))") -%}
    {%- if thresholds %}{{ config(**thresholds) }}{% endif -%}
    {{ return(adapter.dispatch("parity_guard", "steadyflow")(model, expression, compare_model, compare_expression or expression, tolerance_percent, compare_where, groups, compare_groups)) }}
{% endtest %}


{% macro default__parity_guard(model, expression, compare_model, compare_expression, tolerance_percent, compare_where, group_by, compare_group_by) %}
{#- Under --empty both sides are empty: 0 vs 0 (or no groups) passes, and the SQL is still checked. -#}
{{ steadyflow.guard_compare_aggregates(model, expression, compare_model, compare_expression, group_by, compare_group_by, compare_where, tolerance_percent) }}
{% endmacro %}
