{#-
  `dbt run-operation steadyflow.purge --args '{"relations": "orders_raw", "where": "customer_id = 42", "downstream": true}'`
  Deletes the rows matching `where` from each relation given, or with downstream from it and every table built
  from it in the manifest (tables, incremental models, snapshots; stored test failures are dropped), then runs
  the adapter's statements that remove the deleted rows' bytes (purge_statements). Order: check the arguments,
  plan (_purge_plan), count the matching rows in every table (a `where` that does not apply to one of them
  fails here, before anything is deleted), delete and drop in one transaction, commit, then the statements
  outside any transaction. dry_run stops after the counts; max_rows (none: no limit) refuses, before anything
  is deleted, a purge whose counts add up to more rows. Logs each step and a summary line for
  `steadyflow purge` ("steadyflow.purge summary: {json}"), which then compacts a DuckDB file.
-#}
{% macro purge(relations=none, where=none, downstream=false, dry_run=false, max_rows=none) %}
    {%- set args = steadyflow._purge_arguments(relations, where, downstream, dry_run, max_rows, kwargs) -%}
    {%- if not execute -%}{{ return("") }}{%- endif -%}
    {%- set plan = steadyflow._purge_plan(args.relations, args.downstream) -%}
    {%- set prefix = "steadyflow.purge: " ~ ("dry run: " if args.dry_run else "") -%}

    {%- set counts = {} -%}
    {#- Each count is announced first: a `where` that fails on a table fails here, and `steadyflow purge` reads
        the last "counting rows in" line to name that table (Jinja cannot catch the warehouse's error). -#}
    {%- for step in plan.steps if step.action == "delete" -%}
        {{ log("steadyflow.purge: counting rows in " ~ step.name ~ " (" ~ step.relation ~ ")", info=True) }}
        {%- set found = run_query("select count(*) as matching from " ~ step.relation ~ " where " ~ args.where) -%}
        {%- do counts.update({step.name: found.rows[0][0] | int}) -%}
    {%- endfor -%}
    {{ log("steadyflow.purge: counted", info=True) }}
    {%- set total = counts.values() | sum -%}
    {%- if args.max_rows is not none and total > args.max_rows -%}
        {{ exceptions.raise_compiler_error("steadyflow.purge: would delete " ~ total ~ " row(s), more than max_rows "
            ~ args.max_rows ~ "; nothing was deleted (" ~ counts | tojson ~ "; check the condition with a dry run, "
            ~ "then raise max_rows if the count is right)") }}
    {%- endif -%}

    {%- for step in plan.steps -%}
        {%- if step.action == "delete" -%}
            {{ log(prefix ~ step.name ~ ": " ~ counts[step.name] ~ " row(s) " ~ ("would be deleted" if args.dry_run else "deleted")
                ~ " (" ~ step.relation ~ ", " ~ step.why ~ ")", info=True) }}
        {%- elif step.action == "drop" -%}
            {{ log(prefix ~ step.name ~ ": " ~ ("would be dropped" if args.dry_run else "dropped") ~ " (" ~ step.relation ~ ", " ~ step.why ~ ")", info=True) }}
        {%- else -%}
            {{ log(prefix ~ step.name ~ ": " ~ step.why, info=True) }}
        {%- endif -%}
    {%- endfor -%}
    {%- if plan.left -%}
        {{ log(prefix ~ plan.left | length ~ " table(s) downstream of " ~ args.relations | join(", ")
            ~ " may still hold rows built from the purged ones (not counted: the condition may not apply to them; "
            ~ "purge them too with downstream: true, or steadyflow purge --downstream): "
            ~ plan.left | join(", "), info=True) }}
    {%- endif -%}

    {%- set ran = [] -%}
    {%- set purged = plan.steps | selectattr("action", "in", ["delete", "drop"]) | list -%}
    {%- set cleanup = steadyflow.purge_statements() -%}
    {%- if not args.dry_run and purged -%}
        {%- for step in purged -%}
            {%- if step.action == "delete" -%}
                {%- call statement("steadyflow_purge", fetch_result=False, auto_begin=True) -%}
                    delete from {{ step.relation }} where {{ args.where }}
                {%- endcall -%}
            {%- else -%}
                {%- do adapter.drop_relation(step.relation) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- do adapter.commit() -%}
        {%- do steadyflow.compact_end_transaction() -%}
        {%- set statements = [] -%}
        {%- for step in purged if step.action == "delete" -%}
            {%- for sql in cleanup.each -%}{%- do statements.append(sql.replace("{relation}", step.relation | string)) -%}{%- endfor -%}
        {%- endfor -%}
        {%- for sql in statements + cleanup.after -%}
            {%- call statement("steadyflow_purge", fetch_result=False, auto_begin=False) -%}{{ sql }}{%- endcall -%}
            {%- do ran.append(sql) -%}
            {{ log("steadyflow.purge: ran " ~ sql, info=True) }}
        {%- endfor -%}
    {%- endif -%}
    {%- if cleanup.note and not args.dry_run -%}
        {{ log("steadyflow.purge: " ~ target.type ~ ": " ~ cleanup.note, info=True) }}
    {%- endif -%}
    {%- set summary = {
        "target_type": target.type, "duckdb_path": target.get("path") if target.type == "duckdb" else none,
        "dry_run": args.dry_run, "rows": counts, "dropped": plan.steps | selectattr("action", "equalto", "drop") | map(attribute="name") | list,
        "statements": ran, "left": plan.left} -%}
    {{ log("steadyflow.purge summary: " ~ (summary | tojson), info=True) }}
    {{ return(summary) }}
{% endmacro %}
