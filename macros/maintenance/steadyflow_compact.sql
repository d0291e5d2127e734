{#-
  `dbt run-operation steadyflow_compact --args '{"relation": "orders_merge", "dry_run": false}'`
  Compacts one table: validates the arguments, resolves the table (see _compact_resolve_relation), builds the
  adapter's statements (compact_statements) and runs them one by one outside any transaction block, logging
  each; with dry_run it logs them and runs nothing. Returns (and logs) a one-line summary.
  The Airflow `compaction` template runs it once per table, with the spec's operation_args.
-#}
{% macro steadyflow_compact(relation=none, dry_run=false, zorder_by=none) %}
    {%- set args = steadyflow._compact_arguments(relation, dry_run, zorder_by, kwargs) -%}
    {%- if not execute -%}{{ return("") }}{%- endif -%}
    {%- set table = steadyflow._compact_resolve_relation(args.relation) -%}
    {%- set plan = steadyflow.compact_statements(table, args.zorder_by) -%}
    {%- set head = "steadyflow_compact: " ~ args.relation ~ " (" ~ table ~ ", " ~ target.type ~ ")" -%}

    {%- if plan.note -%}
        {{ log(head ~ ": " ~ plan.note, info=True) }}
    {%- endif -%}
    {%- if not plan.statements -%}
        {%- set summary = head ~ ": nothing to run" -%}
    {%- elif args.dry_run -%}
        {%- for sql in plan.statements -%}
            {{ log(head ~ ": dry run, would run: " ~ sql, info=True) }}
        {%- endfor -%}
        {%- set summary = head ~ ": dry run, " ~ plan.statements | length ~ " statement(s) not run: " ~ plan.statements | join("; ") -%}
    {%- else -%}
        {%- do steadyflow.compact_end_transaction() -%}
        {%- set started = modules.datetime.datetime.now() -%}
        {%- for sql in plan.statements -%}
            {%- set t0 = modules.datetime.datetime.now() -%}
            {%- call statement("steadyflow_compact", fetch_result=False, auto_begin=False) -%}{{ sql }}{%- endcall -%}
            {%- set seconds = (modules.datetime.datetime.now() - t0).total_seconds() -%}
            {{ log(head ~ ": ran " ~ sql ~ " in " ~ "%.2f" | format(seconds) ~ "s", info=True) }}
        {%- endfor -%}
        {%- set seconds = (modules.datetime.datetime.now() - started).total_seconds() -%}
        {%- set summary = head ~ ": compacted, " ~ plan.statements | length ~ " statement(s) in "
              ~ "%.2f" | format(seconds) ~ "s: " ~ plan.statements | join("; ") -%}
    {%- endif -%}
    {{ log(summary, info=True) }}
    {{ return(summary) }}
{% endmacro %}
