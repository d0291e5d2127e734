{#- What compacting one table means on each warehouse. Returns
      {'statements': [sql, ...], 'note': what the adapter does (logged), or none}.
    steadyflow_compact runs the statements one by one, outside any transaction block. -#}
{% macro compact_statements(relation, zorder_by=[]) %}
    {{ return(adapter.dispatch('compact_statements', 'steadyflow')(relation, zorder_by)) }}
{% endmacro %}

{% macro _compact_no_zorder(zorder_by) %}
    {%- if zorder_by -%}
        {{ steadyflow._argument_error("steadyflow_compact", "zorder_by", zorder_by,
            "is only supported on spark/databricks (Delta OPTIMIZE), not on target type " ~ target.type) }}
    {%- endif -%}
{% endmacro %}

{#- DuckDB (and the fallback): refresh the table's statistics, then checkpoint its database, which writes the
    WAL into the file and reclaims the space of deleted rows (DuckDB has no per-table vacuum). -#}
{% macro default__compact_statements(relation, zorder_by=[]) %}
    {%- do steadyflow._compact_no_zorder(zorder_by) -%}
    {%- set statements = ["analyze " ~ relation] -%}
    {%- if relation.database -%}
        {%- do statements.append("checkpoint " ~ adapter.quote(relation.database)) -%}
    {%- else -%}
        {%- do statements.append("checkpoint") -%}
    {%- endif -%}
    {{ return({'statements': statements, 'note': none}) }}
{% endmacro %}

{#- PostgreSQL: reclaim dead tuples and refresh the planner's statistics. VACUUM refuses to run inside a
    transaction block; steadyflow_compact runs it outside one. -#}
{% macro postgres__compact_statements(relation, zorder_by=[]) %}
    {%- do steadyflow._compact_no_zorder(zorder_by) -%}
    {{ return({'statements': ["vacuum (analyze) " ~ relation], 'note': none}) }}
{% endmacro %}

{#- Databricks (Delta; also Spark tables that are Delta): bin-pack small files, optionally Z-ordered. -#}
{% macro databricks__compact_statements(relation, zorder_by=[]) %}
    {%- set sql = "optimize " ~ relation -%}
    {%- if zorder_by -%}
        {%- set sql = sql ~ " zorder by (" ~ (zorder_by | join(", ")) ~ ")" -%}
    {%- endif -%}
    {{ return({'statements': [sql], 'note': none}) }}
{% endmacro %}

{#- Spark: a Delta table as Databricks. Parquet (and the other plain file formats) has no OPTIMIZE: what is real
    there is refreshing the table's statistics (row count and size, and every column's, which the planner uses
    for join strategies and filter estimates); zorder_by is refused. -#}
{% macro spark__compact_statements(relation, zorder_by=[]) %}
    {%- if relation.is_delta -%}
        {{ return(steadyflow.databricks__compact_statements(relation, zorder_by)) }}
    {%- endif -%}
    {%- if zorder_by -%}
        {{ steadyflow._argument_error("steadyflow_compact", "zorder_by", zorder_by,
            "is only supported on Delta tables (OPTIMIZE ... ZORDER BY); " ~ relation ~ " is not Delta (Parquet:"
            ~ " Spark has no OPTIMIZE for it), remove zorder_by") }}
    {%- endif -%}
    {{ return({'statements': ["analyze table " ~ relation ~ " compute statistics",
                              "analyze table " ~ relation ~ " compute statistics for all columns"],
               'note': "not a Delta table: no OPTIMIZE on Spark; refreshing the table and column statistics"}) }}
{% endmacro %}

{% macro snowflake__compact_statements(relation, zorder_by=[]) %}
    {%- do steadyflow._compact_no_zorder(zorder_by) -%}
    {{ return({'statements': [], 'note': "snowflake manages micro-partitions and automatic clustering itself; nothing to run"}) }}
{% endmacro %}

{% macro bigquery__compact_statements(relation, zorder_by=[]) %}
    {%- do steadyflow._compact_no_zorder(zorder_by) -%}
    {{ return({'statements': [], 'note': "bigquery manages storage and automatic re-clustering itself; nothing to run"}) }}
{% endmacro %}
