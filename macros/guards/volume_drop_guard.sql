{#- volume_drop_guard: a partial load (a region's file missing, an API page limit hit) caught by its row count.
    Rows are counted per bucket of `grain` (or per recorded run, mode history); each judged bucket is compared
    with the median of the `baseline` buckets before it (never itself), leaving out baseline buckets that
    breached against their own baseline. Failure count: the number of breaching buckets (per group).
    The rule, step by step, is in _volume_verdicts.sql; the buckets in _volume_buckets.sql. -#}

{% test volume_drop_guard(model, event_time=none, grain="day", judge=1, settle=none, baseline=28, seasonality="none", max_drop_percent=30, max_rise_percent=none, group_by=none, mode="event_time", warn_above=none, error_above=none, column_name=none) %}
    {%- if column_name is not none %}{{ return(steadyflow._misplaced_model_test("volume_drop_guard", model, column_name)) }}{% endif -%}
    {{ return(adapter.dispatch("test_volume_drop_guard", "steadyflow")(model, event_time, grain, judge, settle, baseline, seasonality, max_drop_percent, max_rise_percent, group_by, mode, warn_above, error_above)) }}
{% endtest %}


{% macro default__test_volume_drop_guard(model, event_time, grain, judge, settle, baseline, seasonality, max_drop_percent, max_rise_percent, group_by, mode, warn_above, error_above) %}
{%- set guard = "volume_drop_guard" -%}
{%- set settings = steadyflow._volume_settings(event_time, grain, judge, settle, baseline, seasonality, max_drop_percent, max_rise_percent, group_by, mode) -%}
{%- set thresholds = steadyflow._guard_threshold_config(guard, warn_above, error_above, "max(breaching_percent)") -%}
{%- if thresholds %}{{ config(**thresholds) }}{% endif -%}
{%- set aliases = steadyflow._guard_group_aliases(settings.group_by) -%}
{%- if settings.mode == "history" and steadyflow._row_count_history_on() -%}
    {#- the ref() comes first, whatever the flags: dbt records a test's dependencies when it parses, and a parse
        made under --empty is reused by the next run (partial parse), which would miss it otherwise -#}
    {%- do ref("steadyflow", "steadyflow_row_count_history") -%}
{%- endif -%}
{%- do steadyflow._volume_check_reads(model, settings) -%}
{%- if flags.EMPTY -%}
    {#- --empty: every ref is empty, so every bucket is; pass without reading anything -#}
    {%- set columns = {} -%}
    {%- for alias in aliases -%}{%- do columns.update({alias: "text"}) -%}{%- endfor -%}
    {%- for name in ["bucket_start", "row_count", "baseline_median", "baseline_buckets", "change_percent", "reason", "breaching_buckets", "judged_buckets", "breaching_percent"] -%}
        {%- do columns.update({name: "text" if name in ["bucket_start", "reason"] else "number"}) -%}
    {%- endfor -%}
    {{ return(steadyflow._guard_empty_result(columns)) }}
{%- endif -%}
with
{{ steadyflow._volume_buckets(model, settings, aliases) }},
{{ steadyflow._volume_verdicts(settings, aliases) }}
{% endmacro %}


{#- volume_cte_materialized: the keyword that makes a CTE computed once ("materialized " on DuckDB and
    PostgreSQL); nothing elsewhere. The guard's one read of the model (its per-bucket counts) is referenced by
    several self-joins, and DuckDB would otherwise evaluate it more than once (30% slower at 10M rows). -#}
{% macro volume_cte_materialized() %}
    {{ return(adapter.dispatch("volume_cte_materialized", "steadyflow")()) }}
{% endmacro %}

{% macro default__volume_cte_materialized() %}
    {{ return("") }}
{% endmacro %}

{% macro duckdb__volume_cte_materialized() %}
    {{ return("materialized ") }}
{% endmacro %}

{% macro postgres__volume_cte_materialized() %}
    {{ return("materialized ") }}
{% endmacro %}
