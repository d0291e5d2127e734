{#- The graph nodes of the models this run selects that are incremental with incremental_strategy='replace_window'
    (for the package's on-run-start checks: manifest only, no query). -#}
{% macro _selected_replace_window_models() %}
  {%- set models = [] -%}
  {%- for unique_id in selected_resources if unique_id.startswith('model.') -%}
    {%- set node = graph.nodes.get(unique_id) -%}
    {%- if node is not none and node.config.materialized == 'incremental'
          and (node.config.incremental_strategy or '') | lower == 'replace_window' -%}
      {%- do models.append(node) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(models) }}
{% endmacro %}
