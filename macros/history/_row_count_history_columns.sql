{#- The columns of steadyflow_row_count_history, one place for the model (its empty select) and the on-run-end
    hook (its insert): name -> SQL type. -#}
{% macro _row_count_history_columns() %}
    {{ return({
        "model_name": dbt.type_string(),
        "schema_name": dbt.type_string(),
        "table_name": dbt.type_string(),
        "invocation_id": dbt.type_string(),
        "recorded_at": dbt.type_timestamp(),
        "row_count": dbt.type_bigint(),
    }) }}
{% endmacro %}
