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

{#- Spark/Databricks (Delta): bin-pack small files, optionally Z-ordered. -#}
{% macro spark__compact_statements(relation, zorder_by=[]) %}
    {%- set sql = "optimize " ~ relation -%}
    {%- if zorder_by -%}
        {%- set sql = sql ~ " zorder by (" ~ (zorder_by | join(", ")) ~ ")" -%}
    {%- endif -%}
    {{ return({'statements': [sql], 'note': none}) }}
{% endmacro %}

{% macro databricks__compact_statements(relation, zorder_by=[]) %}
    {{ return(steadyflow.spark__compact_statements(relation, zorder_by)) }}
{% endmacro %}

{% macro snowflake__compact_statements(relation, zorder_by=[]) %}
    {%- do steadyflow._compact_no_zorder(zorder_by) -%}
    {{ return({'statements': [], 'note': "snowflake manages micro-partitions and automatic clustering itself; nothing to run"}) }}
{% endmacro %}

{% macro bigquery__compact_statements(relation, zorder_by=[]) %}
    {%- do steadyflow._compact_no_zorder(zorder_by) -%}
    {{ return({'statements': [], 'note': "bigquery manages storage and automatic re-clustering itself; nothing to run"}) }}
{% endmacro %}
