{#- PostgreSQL checks of row_filter, run inside the transaction before any policy is created; each refuses with
    a compiler error, which rolls the transaction back (the table is not created or swapped). -#}

{#- Every role the config names exists (PostgreSQL would say `role "x" does not exist` without naming the key). -#}
{% macro _row_filter_roles_exist(spec) %}
    {%- set named = (spec.see_all + (spec.allow.keys() | list)) | unique | list -%}
    {%- set found = run_query("select rolname from pg_roles where rolname in ('" ~ named | join("', '") ~ "')") -%}
    {%- set missing = named | reject("in", found.columns[0].values()) | list -%}
    {%- if missing -%}
        {{ exceptions.raise_compiler_error("steadyflow.row_filter: model " ~ model.name ~ ": role(s) " ~ missing | join(", ")
            ~ " of its row_filter config do not exist on this PostgreSQL server; create them first (CREATE ROLE ...)") }}
    {%- endif -%}
{% endmacro %}

{#- The dbt role must see every row of the filtered table, or the lookback anchor, the replace_window delete,
    the guards and steadyflow.purge would silently work on a filtered table: it is a superuser, has BYPASSRLS, or
    is a member of a see_all role. -#}
{% macro _row_filter_dbt_role_sees_all(spec) %}
    {%- set members = [] -%}
    {%- for role in spec.see_all -%}
        {%- do members.append("pg_has_role(current_user, '" ~ role ~ "', 'member')") -%}
    {%- endfor -%}
    {%- set sql = "select current_user, rolsuper or rolbypassrls" ~ ((" or " ~ members | join(" or ")) if members else "")
          ~ " from pg_roles where rolname = current_user" -%}
    {%- set row = run_query(sql).rows[0] -%}
    {%- if not row[1] -%}
        {{ exceptions.raise_compiler_error("steadyflow.row_filter: model " ~ model.name ~ ": the dbt role " ~ row[0]
            ~ " would not see every row of the filtered table (it is not a superuser, has no BYPASSRLS and is not a "
            ~ "member of a see_all role: " ~ (spec.see_all | join(", ") or "none") ~ "), so incremental windows, guards "
            ~ "and purges would silently work on filtered rows. Add it to see_all (or GRANT a see_all role TO "
            ~ row[0] ~ "), or ALTER ROLE " ~ row[0] ~ " BYPASSRLS") }}
    {%- endif -%}
{% endmacro %}

{#- Whether `node` reads a model with a row_filter config, directly or through views and ephemeral models. -#}
{% macro _row_filtered_upstream(node) %}
    {%- set queue = node.depends_on.nodes | list -%}
    {%- set seen = [] -%}
    {%- for _ in graph.nodes -%}
        {%- if queue -%}
            {%- set current = queue.pop(0) -%}
            {%- set parent = graph.nodes.get(current) -%}
            {%- if parent is not none and current not in seen -%}
                {%- do seen.append(current) -%}
                {%- if parent.config.get("row_filter") is not none -%}{{ return(true) }}{%- endif -%}
                {%- if parent.config.materialized in ["view", "ephemeral"] -%}
                    {%- do queue.extend(parent.depends_on.nodes) -%}
                {%- endif -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(false) }}
{% endmacro %}
