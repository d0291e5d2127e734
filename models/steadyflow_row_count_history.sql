{#- steadyflow_row_count_history: one row per table model per run, appended by the on-run-end hook
    steadyflow.record_row_counts() and read by volume_drop_guard(mode: history). Disabled unless the var
    steadyflow_row_count_history is true; incremental and full_refresh: false, so
    neither a build nor --full-refresh ever empties it. The model itself adds no row. -#}
{{ config(
    enabled=steadyflow._row_count_history_on(),
    materialized="incremental",
    full_refresh=false,
    on_schema_change="fail",
) }}
select
    {%- for name, type in steadyflow._row_count_history_columns().items() %}
    cast(null as {{ type }}) as {{ name }}{{ "," if not loop.last }}
    {%- endfor %}
where 1 = 0
