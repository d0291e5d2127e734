{#-
  replace_window on a partitioned, non-transactional Spark table (Parquet): the window is whole date partitions
  (bounds aligned to days, the end rounded up), replaced from `source` (the model's temp view) as follows:
    1. the window's days that `source` has no row for are dropped (`alter table ... drop if exists partition`):
       a day deleted upstream is emptied, which dbt-spark's insert_overwrite never does;
    2. every other day of the window is overwritten with `insert overwrite ... partition (<col>)`, with
       spark.sql.sources.partitionOverwriteMode set to dynamic for that statement (so a session in static mode,
       Spark's default, cannot truncate the table), then set back to the session's own value.
  Partitions outside the window are never touched. Statements 1-2 run here (run_query); the returned statement,
  run by dbt as `main`, restores the setting. Not atomic: a run killed during step 2 can leave part of the
  window rewritten; re-running the same window repairs it (docs/spark.md).
-#}
{% macro _spark_replace_partitions_sql(target, source, column, dest_columns) %}
  {%- set who = 'steadyflow.replace_window' -%}
  {%- set partition_by = config.get('partition_by') -%}
  {%- set partitions = [partition_by] if partition_by is string else (partition_by or []) | list -%}
  {%- set by_name = {} -%}
  {%- for c in dest_columns -%}{%- do by_name.update({c.name | lower: c}) -%}{%- endfor -%}
  {%- set part = by_name.get((partitions[0] | lower) if partitions | length == 1 else '') -%}
  {%- if part is none or 'date' != (part.dtype | lower) -%}
    {%- set dates = [] -%}
    {%- for c in dest_columns if (c.dtype | lower) == 'date' -%}{%- do dates.append(c.name) -%}{%- endfor -%}
    {{ exceptions.raise_compiler_error(who ~ ": on Spark (file_format='" ~ (config.get('file_format') or 'parquet')
        ~ "') the window is replaced as whole date partitions, so " ~ target ~ " must be partitioned by one date"
        ~ " column holding the UTC date of " ~ column ~ ": set config partition_by='" ~ (dates[0] if dates
        else '<date column>') ~ "'" ~ ("" if dates else " (add a column cast(" ~ column ~ " as date) to the model)")
        ~ "; got partition_by=" ~ steadyflow._shown_var(partition_by)
        ~ ((" (" ~ part.name ~ " is " ~ part.dtype ~ ")") if part is not none else "")) }}
  {%- endif -%}
  {%- set window = steadyflow._align_window_to_days(steadyflow._replace_window_bounds()) -%}
  {%- set in_window = steadyflow._partition_days_predicate(part.name, window.start, window.end) -%}
  {%- set others = [] -%}
  {%- for c in dest_columns if c.name | lower != part.name | lower -%}{%- do others.append(c.name) -%}{%- endfor -%}
  {%- set setting = 'spark.sql.sources.partitionOverwriteMode' -%}

  {%- set present = [] -%}
  {%- for row in run_query('select distinct cast(' ~ part.name ~ ' as string) from ' ~ source ~ ' where '
                           ~ in_window).rows -%}
    {%- do present.append(row[0]) -%}
  {%- endfor -%}
  {%- set absent = [] -%}
  {%- set day = namespace(value=window.start) -%}
  {%- for _ in range(((window.end - window.start).days)) -%}
    {%- set iso = day.value.date().isoformat() -%}
    {%- if iso not in present -%}
      {%- do absent.append("partition (" ~ part.name ~ " = '" ~ iso ~ "')") -%}
    {%- endif -%}
    {%- set day.value = day.value + modules.datetime.timedelta(days=1) -%}
  {%- endfor -%}
  {%- if absent -%}
    {%- do run_query('alter table ' ~ target ~ ' drop if exists ' ~ absent | join(', ')) -%}
  {%- endif -%}

  {%- set mode = run_query('set ' ~ setting).rows[0][1] -%}
  {%- if present -%}
    {%- do run_query('set ' ~ setting ~ ' = dynamic') -%}
    {%- do run_query('insert overwrite table ' ~ target ~ ' partition (' ~ part.name ~ ')\nselect '
        ~ get_quoted_csv(others + [part.name]) ~ '\nfrom ' ~ source ~ '\nwhere ' ~ in_window) -%}
  {%- endif -%}
  {{ return('set ' ~ setting ~ ' = ' ~ mode) }}
{% endmacro %}
