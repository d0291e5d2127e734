{#-
  The anchor of an incremental run: the newest `column` in `relation` (the model's table) that is before the
  future bound (`future`, from steadyflow._future_bound), truncated to `grain` in Jinja (on the UTC value, so
  the session time zone and the column type cannot shift it); none when the table has no such row. Rows at
  or after the bound (a stray future-dated row, written by hand or by an older release) cannot move it: they
  are counted in the same query and reported as a dbt warning (an error under --warn-error).
  `column_setting` is what names the column (for the error when {{ this }} lacks it). With `partition_column`
  (lookback_window's argument: the date column holding the UTC date of `column`, by which the table is
  partitioned) when {{ this }} has it, both counts also filter it, so an engine that prunes only on partition
  columns (Spark) reads the last 7 days before the bound and the days from the bound on, not every partition;
  when no row is in those 7 days, the newest row is looked for again in the whole table.
  Returns {'anchor': datetime or none, 'newest': datetime or none, 'future_rows': int}.
-#}
{% macro _window_anchor(relation, column, future, grain, caller_name, column_setting='target_event_time',
                        partition_column=none) %}
  {%- set columns = adapter.get_columns_in_relation(relation) -%}
  {%- do steadyflow._target_has_column(relation, column, caller_name, columns, column_setting) -%}
  {%- set bound_sql = steadyflow.utc_literal(future.bound) -%}
  {%- set pruned = partition_column is not none
        and (partition_column | lower) in (columns | map(attribute='name') | map('lower') | list) -%}
  {%- set recent, later = '', '' -%}
  {%- if pruned -%}
    {%- set recent = ' and ' ~ steadyflow._partition_days_predicate(partition_column,
          future.bound - modules.datetime.timedelta(days=7), future.bound) -%}
    {%- set later = ' and ' ~ partition_column ~ " >= date '" ~ future.bound.date().isoformat() ~ "'" -%}
  {%- endif -%}
  {#- Two scalar subqueries, each a filtered aggregate the engine answers from min/max statistics and pruning
      (on DuckDB 1 ms at 10M rows); one `max(case ...)` over the table would read every row (57 ms). -#}
  {%- set anchor_sql -%}
    select
      (select max({{ column }}) from {{ relation }} where {{ column }} < {{ bound_sql }}{{ recent }}) as steadyflow_newest,
      (select count(*) from {{ relation }} where {{ column }} >= {{ bound_sql }}{{ later }}) as steadyflow_future_rows
  {%- endset -%}
  {%- set row = run_query(anchor_sql).rows[0] -%}
  {%- set future_rows = row[1] | int -%}
  {%- set newest_value = row[0] -%}
  {%- if pruned and newest_value is none -%}
    {%- set newest_value = run_query('select max(' ~ column ~ ') from ' ~ relation ~ ' where ' ~ column ~ ' < '
          ~ bound_sql).rows[0][0] -%}
  {%- endif -%}
  {%- if future_rows > 0 -%}
    {%- do exceptions.warn(caller_name ~ ": " ~ future_rows ~ " row(s) of " ~ relation ~ " have " ~ column
        ~ " at or after " ~ steadyflow._format_timestamp(future.bound) ~ " (now + future_days=" ~ future.future_days
        ~ "); they do not move the window, which counts back from the newest " ~ column
        ~ " before that bound. Delete them or correct their " ~ column) -%}
  {%- endif -%}
  {%- if newest_value is none -%}
    {{ return({'anchor': none, 'newest': none, 'future_rows': future_rows}) }}
  {%- endif -%}
  {%- set newest = steadyflow._parse_timestamp(newest_value, caller_name ~ ": max(" ~ column ~ ") of " ~ relation) -%}
  {{ return({'anchor': steadyflow._truncate_datetime(newest, grain), 'newest': newest, 'future_rows': future_rows}) }}
{% endmacro %}
