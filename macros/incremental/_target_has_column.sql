{#-
  Stops the model with a steadyflow compile error when `relation` (the model's existing table) has no column
  `column`: the anchor query and replace_window's delete would otherwise end in the database's own error.
  `columns` is the relation's column list when the caller already has it (dbt Column objects); `argument`
  is what the user sets to name the column: 'config event_time' (the model's config, also the default of
  lookback_window's target_event_time) or 'target_event_time' (the lookback_window argument, when given).
-#}
{% macro _target_has_column(relation, column, caller_name, columns=none, argument='target_event_time') %}
  {%- set columns = adapter.get_columns_in_relation(relation) if columns is none else columns -%}
  {%- set names = columns | map(attribute='name') | list -%}
  {%- set wanted = column | trim | replace('"', '') | replace('`', '') | lower -%}
  {%- if names | length == 0 or wanted in (names | map('lower') | list) -%}
    {{ return(true) }}
  {%- endif -%}
  {%- set timeish = [] -%}
  {%- for c in columns if ('time' in (c.dtype | lower) or 'date' in (c.dtype | lower)) -%}
    {%- do timeish.append(c.name) -%}
  {%- endfor -%}
  {%- set example = timeish[0] if timeish else '<its name in ' ~ relation.identifier ~ '>' -%}
  {%- if argument == 'config event_time' -%}
    {%- set fix = "set config event_time to its name in the model, e.g. config(event_time='" ~ example ~ "')" -%}
  {%- else -%}
    {%- set fix = "pass its name in the target as " ~ argument ~ ", e.g. " ~ argument ~ "='" ~ example ~ "'" -%}
  {%- endif -%}
  {{ exceptions.raise_compiler_error(caller_name ~ ": column " ~ column ~ " not found in " ~ relation
      ~ " (its columns: " ~ names | join(', ') ~ "); when the model renames the event time, " ~ fix) }}
{% endmacro %}
