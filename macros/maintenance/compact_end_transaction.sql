{#- Ends the transaction dbt may hold open on the connection (the relation lookup can run in one), so
    steadyflow_compact's statements run outside any transaction block: PostgreSQL's VACUUM refuses to run
    inside one, and a run-operation rolls back what is left uncommitted. The no-op query makes sure a
    transaction is open, so adapter.commit() always has one to end (it raises otherwise). With
    dbt-postgres (psycopg2, autocommit off) the statements that follow with auto_begin=False then run
    in autocommit: psycopg2 opens no transaction of its own after dbt's COMMIT. -#}
{% macro compact_end_transaction() %}
    {{ return(adapter.dispatch('compact_end_transaction', 'steadyflow')()) }}
{% endmacro %}

{% macro default__compact_end_transaction() %}
    {%- do adapter.execute("select 1 as steadyflow_compact_end_transaction", auto_begin=True) -%}
    {%- do adapter.commit() -%}
{% endmacro %}

{#- Spark/Databricks have no transactions to end. -#}
{% macro spark__compact_end_transaction() %}
{% endmacro %}

{% macro databricks__compact_end_transaction() %}
{% endmacro %}
