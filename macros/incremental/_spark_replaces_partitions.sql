{#- True when the model being compiled is a replace_window model whose Spark table is replaced partition by
    partition (any file format but Delta, which has `replace where`): its window must be whole days. -#}
{% macro _spark_replaces_partitions() %}
  {{ return(config.get('materialized') == 'incremental'
            and (config.get('incremental_strategy') or '') | lower == 'replace_window'
            and (config.get('file_format') or 'parquet') | lower != 'delta') }}
{% endmacro %}
