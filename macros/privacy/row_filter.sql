{#-
  steadyflow.row_filter(): the post-hook that applies a model's `row_filter` config
      row_filter={'column': 'region', 'allow': {'analyst_de': "region = 'DE'"}, 'see_all': ['admin']}
  Set it once for the models of a project (dbt_project.yml: `+post-hook: "{{ steadyflow.row_filter() }}"`); the
  package's on-run-start check (check_row_filter_hook) stops a run that selects a model with row_filter but
  without this hook. dbt runs post-hooks inside the transaction that creates or swaps the table (before its
  COMMIT), so on PostgreSQL no reader ever sees the new table without its policies. For a model without
  row_filter it returns nothing, except for a view built on a filtered model (through views and ephemeral
  models), which it makes security_invoker (row_filter_view_sql), so readers are filtered through the view.
-#}
{% macro row_filter() %}
    {%- if not execute -%}{{ return("") }}{%- endif -%}
    {%- set spec = config.get("row_filter") -%}
    {%- if spec is none -%}
        {%- if config.get("materialized") == "view" and steadyflow._row_filtered_upstream(model) -%}
            {{ return(steadyflow.row_filter_view_sql(this)) }}
        {%- endif -%}
        {{ return("") }}
    {%- endif -%}
    {%- set spec = steadyflow._row_filter_config(spec, model.name) -%}
    {{ return(steadyflow.row_filter_sql(this, spec)) }}
{% endmacro %}


{#- The SQL that puts the policies on `relation` (a table just created or swapped, in the open transaction).
    `spec` is checked: {'column', 'allow': {role: predicate}, 'see_all': [role, ...]}. -#}
{% macro row_filter_sql(relation, spec) %}
    {{ return(adapter.dispatch("row_filter_sql", "steadyflow")(relation, spec)) }}
{% endmacro %}

{% macro default__row_filter_sql(relation, spec) %}
    {{ exceptions.raise_compiler_error("steadyflow.row_filter: model " ~ model.name ~ " has a row_filter config, but "
        ~ target.type ~ " has no row-level security (no roles, no policies): the table would be readable in full. "
        ~ "Remove row_filter from this model, or build it on PostgreSQL, Databricks or Snowflake") }}
{% endmacro %}

{#- PostgreSQL: refuse unless the dbt role sees every row (superuser, BYPASSRLS, or member of a see_all role);
    then ENABLE + FORCE row level security (FORCE: the owner is filtered too), drop the package's old policies
    (an incremental run keeps the table) and create one permissive policy per allowed role, plus one for the
    see_all roles (for all commands, so a dbt role among them can delete and insert). -#}
{% macro postgres__row_filter_sql(relation, spec) %}
    {%- do steadyflow._row_filter_roles_exist(spec) -%}
    {%- do steadyflow._row_filter_dbt_role_sees_all(spec) -%}
    {%- set statements = [
        "alter table " ~ relation ~ " enable row level security",
        "alter table " ~ relation ~ " force row level security"] -%}
    {%- set old = run_query("select polname from pg_policy where polrelid = '" ~ relation ~ "'::regclass and polname like 'steadyflow\\_%' order by 1") -%}
    {%- for row in old.rows -%}
        {%- do statements.append("drop policy " ~ adapter.quote(row[0]) ~ " on " ~ relation) -%}
    {%- endfor -%}
    {%- if spec.see_all -%}
        {%- do statements.append("create policy steadyflow_see_all on " ~ relation ~ " as permissive for all to "
              ~ (spec.see_all | map("tojson") | join(", ")) ~ " using (true) with check (true)") -%}
    {%- endif -%}
    {%- for role, predicate in spec.allow.items() -%}
        {%- do statements.append("create policy " ~ adapter.quote("steadyflow_allow_" ~ role) ~ " on " ~ relation
              ~ " as permissive for select to " ~ (role | tojson) ~ " using (" ~ predicate ~ ")") -%}
    {%- endfor -%}
    {{ return(statements | join(";\n")) }}
{% endmacro %}

{#- Databricks (Unity Catalog): a SQL function of the filter column, attached with SET ROW FILTER. -#}
{% macro databricks__row_filter_sql(relation, spec) %}
    {%- set function = relation.database ~ "." ~ relation.schema ~ "." ~ relation.identifier ~ "__row_filter" -%}
    {%- set allowed = [] -%}
    {%- for role in spec.see_all -%}{%- do allowed.append("is_account_group_member('" ~ role ~ "')") -%}{%- endfor -%}
    {%- for role, predicate in spec.allow.items() -%}
        {%- do allowed.append("(is_account_group_member('" ~ role ~ "') and " ~ predicate ~ ")") -%}
    {%- endfor -%}
    {{ return("create or replace function " ~ function ~ "(" ~ spec.column ~ " string) returns boolean return "
        ~ (allowed | join(" or ") or "false") ~ ";\nalter table " ~ relation ~ " set row filter " ~ function
        ~ " on (" ~ spec.column ~ ")") }}
{% endmacro %}

{#- Snowflake: a row access policy on the filter column, replacing any policy the table had. -#}
{% macro snowflake__row_filter_sql(relation, spec) %}
    {%- set policy = relation.database ~ "." ~ relation.schema ~ "." ~ relation.identifier ~ "__row_filter" -%}
    {%- set allowed = [] -%}
    {%- for role in spec.see_all -%}{%- do allowed.append("is_role_in_session('" ~ role | upper ~ "')") -%}{%- endfor -%}
    {%- for role, predicate in spec.allow.items() -%}
        {%- do allowed.append("(is_role_in_session('" ~ role | upper ~ "') and " ~ predicate ~ ")") -%}
    {%- endfor -%}
    {{ return("alter table " ~ relation ~ " drop all row access policies;\ncreate or replace row access policy "
        ~ policy ~ " as (" ~ spec.column ~ " varchar) returns boolean -> " ~ (allowed | join(" or ") or "false")
        ~ ";\nalter table " ~ relation ~ " add row access policy " ~ policy ~ " on (" ~ spec.column ~ ")") }}
{% endmacro %}


{#- A view on a filtered table: run with the reader's rights, so the table's policies filter the reader. -#}
{% macro row_filter_view_sql(relation) %}
    {{ return(adapter.dispatch("row_filter_view_sql", "steadyflow")(relation)) }}
{% endmacro %}

{% macro default__row_filter_view_sql(relation) %}
    {{ return("") }}
{% endmacro %}

{% macro postgres__row_filter_view_sql(relation) %}
    {{ return("alter view " ~ relation ~ " set (security_invoker = true)") }}
{% endmacro %}
