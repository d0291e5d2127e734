{#- matches_relation: the model equals compare_model row by row (compare_relations), within per-column
    tolerances. Fails with the comparison's rows whose failing_rows is above 0 (the summary row and each column
    with a difference, every column once a key is on one side only) or, when a key is duplicated, one row per
    duplicated key instead. Failure count: the rows that do not match
    (only in the model + only in compare_model + differing in any column), or the rows carrying a duplicated
    key (a duplicated key counts as 100% for a percent threshold). -#}

{% test matches_relation(model, compare_model, primary_key, columns=none, exclude_columns=none, tolerance=none, warn_above=none, error_above=none, column_name=none) %}
    {%- if column_name is not none %}{{ return(steadyflow._misplaced_model_test("matches_relation", model, column_name)) }}{% endif -%}
    {{ return(adapter.dispatch("test_matches_relation", "steadyflow")(model, compare_model, primary_key, columns, exclude_columns, tolerance, warn_above, error_above)) }}
{% endtest %}


{% macro default__test_matches_relation(model, compare_model, primary_key, columns, exclude_columns, tolerance, warn_above, error_above) %}
{%- set who = "matches_relation" -%}
{%- set plan = steadyflow._compare_plan(who, model, compare_model, primary_key, columns, exclude_columns, tolerance) -%}
{%- set failing = "coalesce(sum(case when row_kind <> 'column' then failing_rows else 0 end), 0)" -%}
{#- a duplicated key exceeds any percent threshold (counts would be wrong), whatever its share of the rows -#}
{%- set percent = "max(case when row_kind = 'duplicate_key' then 100 else failing_percent end)" -%}
{%- set thresholds = steadyflow._guard_threshold_config(who, warn_above, error_above, percent) -%}
{{ config(fail_calc=failing, **thresholds) }}
select *
from (
{{ steadyflow._compare_sql(model, compare_model, plan) }}
) as compared
where failing_rows > 0
{% endmacro %}
