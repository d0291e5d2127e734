{#-
  replace_window on a partitioned, non-transactional Spark table (Parquet): the window is whole date partitions
  (bounds aligned to days, the end rounded up), replaced from `source` (the model's temp view) as follows:
    1. the window's days that `source` has no row for are dropped (`alter table ... drop if exists partition`):
       a day deleted upstream is emptied, which dbt-spark's insert_overwrite never does;
    2. every other day of the window is overwritten with `insert overwrite ... partition (<col>)`, with
       spark.sql.sources.partitionOverwriteMode set to dynamic for that statement (so a session in static mode,
       Spark's default, cannot truncate the table), then set back to the session's own value.
  Before either, one query reads the window's days in `source` and counts the rows of `target` in those partitions
  whose `column` is outside the window (or null): they exist only when the partition column is not the UTC date
  of `column` (e.g. a date cast in another session time zone), and replacing their partitions would delete them,
  so the run stops, naming the count, an example and the fix, before anything is written.
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
        else '<date column>') ~ "'" ~ ("" if dates else " (add a column to_date(to_utc_timestamp(" ~ column
        ~ ", current_timezone())) to the model)")
        ~ "; got partition_by=" ~ steadyflow._shown_var(partition_by)
        ~ ((" (" ~ part.name ~ " is " ~ part.dtype ~ ")") if part is not none else "")
        ~ "; a table already built without it needs one run with --full-refresh after the change") }}
  {%- endif -%}
  {%- set window = steadyflow._align_window_to_days(steadyflow._replace_window_bounds()) -%}
  {%- set in_window = steadyflow._partition_days_predicate(part.name, window.start, window.end) -%}
  {%- set others = [] -%}
  {%- for c in dest_columns if c.name | lower != part.name | lower -%}{%- do others.append(c.name) -%}{%- endfor -%}
  {%- set setting = 'spark.sql.sources.partitionOverwriteMode' -%}

  {%- set outside = '(' ~ column ~ ' is null or ' ~ column ~ ' < ' ~ steadyflow.utc_literal(window.start) ~ ' or '
        ~ column ~ ' >= ' ~ steadyflow.utc_literal(window.end) ~ ')' -%}
  {%- set probe -%}
    {#- one scan of the window's partitions of the target gives both the count and an example -#}
    select
      (select concat_ws(',', collect_set(cast({{ part.name }} as string))) from {{ source }} where {{ in_window }}) as days,
      stray.stray_rows,
      stray.example
    from (
      select
        count(*) as stray_rows,
        min(concat(cast({{ part.name }} as string), ' with {{ column }} ',
                   coalesce(date_format(to_utc_timestamp({{ column }}, current_timezone()), 'yyyy-MM-dd HH:mm:ss')
                            || ' UTC', 'null'))) as example
      from {{ target }}
      where {{ in_window }} and {{ outside }}
    ) as stray
  {%- endset -%}
  {%- set found = run_query(probe).rows[0] -%}
  {%- if found[1] | int > 0 -%}
    {%- set last_day = window.end - modules.datetime.timedelta(days=1) -%}
    {{ exceptions.raise_compiler_error(who ~ ": " ~ found[1] ~ " row(s) of " ~ target ~ " in the partitions being"
        ~ " replaced (" ~ part.name ~ " from " ~ window.start.date().isoformat() ~ " to " ~ last_day.date().isoformat()
        ~ ") have " ~ column ~ " outside the window [" ~ steadyflow._format_timestamp(window.start) ~ ", "
        ~ steadyflow._format_timestamp(window.end) ~ ") (e.g. " ~ part.name ~ " " ~ found[2] ~ "); replacing those"
        ~ " partitions would delete them, so nothing was changed. " ~ part.name ~ " must hold the UTC date of " ~ column
        ~ ": compute it as to_date(to_utc_timestamp(" ~ column ~ ", current_timezone())) (a plain cast(" ~ column
        ~ " as date) gives the date in the session's spark.sql.session.timeZone), then rebuild the table once with"
        ~ " --full-refresh") }}
  {%- endif -%}
  {%- set present = (found[0] or '').split(',') | reject('equalto', '') | list -%}
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
