{#- The guards' clock: the package's one clock, steadyflow.now() (var steadyflow_now, else run_started_at, UTC).
    Intervals are subtracted here, in Jinja, not by the warehouse, so a pinned or replayed day is judged exactly
    as the incremental window sees it, on every adapter and session time zone. Comparisons with a column use
    steadyflow.utc_literal (the same UTC instant for a naive timestamp column and a timestamp with time zone
    column, whatever the session time zone), so the column is never cast.
    Month and year steps keep the day of month and clamp it to the month's last day (March 31 - 1 month =
    February 29 in 2024), as PostgreSQL's and DuckDB's interval arithmetic does. -#}

{% macro _guard_time_ago(datepart, interval) %}
    {#- steadyflow.now() minus interval dateparts, as a utc_literal to compare a column with -#}
    {{ return(steadyflow.utc_literal(steadyflow._guard_subtract(steadyflow.now(), datepart, interval))) }}
{% endmacro %}


{% macro _guard_subtract(moment, datepart, interval) %}
    {#- moment (a naive datetime) minus interval dateparts (second .. year), as a naive datetime. -#}
    {%- set datepart = datepart | lower -%}
    {%- set too_far = "steadyflow: " ~ interval ~ " " ~ datepart ~ "(s) before " ~ moment ~ " is before the year 1" -%}
    {%- if datepart in ["month", "year"] -%}
        {%- set index = moment.year * 12 + moment.month - 1 - interval * (12 if datepart == "year" else 1) -%}
        {%- set year = index // 12 -%}
        {%- set month = index % 12 + 1 -%}
        {%- if year < 1 -%}{{ exceptions.raise_compiler_error(too_far) }}{%- endif -%}
        {%- set leap = (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 -%}
        {%- set last_day = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] -%}
        {{ return(moment.replace(year=year, month=month, day=[moment.day, last_day] | min)) }}
    {%- endif -%}
    {%- set seconds = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}[datepart] * interval -%}
    {%- set since_year_1 = moment - modules.datetime.datetime(1, 1, 1) -%}
    {%- if seconds > since_year_1.days * 86400 + since_year_1.seconds -%}{{ exceptions.raise_compiler_error(too_far) }}{%- endif -%}
    {{ return(moment - modules.datetime.timedelta(seconds=seconds)) }}
{% endmacro %}
