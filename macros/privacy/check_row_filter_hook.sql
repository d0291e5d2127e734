{#-
  The package's on-run-start check (dbt_project.yml): when dbt run, build or retry selects a model with a
  row_filter config whose post-hooks do not call steadyflow.row_filter(), stop before anything is built, saying
  where the hook goes: without it the table would be built without its policies, readable in full. Also the
  views built on such a model need the hook (security_invoker). Reads the manifest only.
-#}
{% macro check_row_filter_hook() %}
    {%- if not execute or flags.WHICH not in ("run", "build", "retry") -%}
        {{ return("") }}
    {%- endif -%}
    {%- set missing = [] -%}
    {%- for unique_id in selected_resources if unique_id.startswith("model.") -%}
        {%- set node = graph.nodes.get(unique_id) -%}
        {%- if node is not none -%}
            {%- set needs = node.config.get("row_filter") is not none
                  or (node.config.materialized == "view" and steadyflow._row_filtered_upstream(node)) -%}
            {%- set hooks = node.config.get("post-hook", []) | map(attribute="sql") | join(" ") -%}
            {%- if needs and "row_filter(" not in hooks -%}
                {%- do missing.append(node.name) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if missing -%}
        {{ exceptions.raise_compiler_error("steadyflow: model(s) " ~ missing | join(", ") ~ " have a row_filter config "
            ~ "(or are views on such a model) but do not run the steadyflow.row_filter() post-hook, so their tables "
            ~ "would be built without the policies. Add it for the project's models in dbt_project.yml:\n"
            ~ "  models:\n    " ~ project_name ~ ":\n      +post-hook: \"{" ~ "{ steadyflow.row_filter() }" ~ "}\"") }}
    {%- endif -%}
    {{ return("") }}
{% endmacro %}
