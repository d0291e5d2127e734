{#- volume_drop_guard's arguments, checked and normalised into one settings dict:
      mode ("event_time" | "history"), event_time, grain ("hour" | "day"), judge, settle, baseline, seasonality
      ("none" | "weekday"), max_drop_percent, max_rise_percent, group_by (a list), and derived:
      period (buckets per week: 7 days, 168 hours, 7 recorded runs read by their weekday), span (how many
      buckets back the guard reads: settle + judge + 2 * baseline, so each baseline bucket has its own baseline).
    settle defaults to 3 for event_time (late rows still arriving) and 0 for history (a recorded count is final). -#}

{% macro _volume_settings(event_time, grain, judge, settle, baseline, seasonality, max_drop_percent, max_rise_percent, group_by, mode) %}
    {%- set guard = "volume_drop_guard" -%}
    {%- set mode = steadyflow._check_one_of(guard, "mode", mode, ["event_time", "history"], ignore_case=true) -%}
    {%- if mode == "history" -%}
        {%- for argument, value in [("event_time", event_time), ("group_by", group_by)] -%}
            {%- if value is not none -%}
                {{ steadyflow._argument_error(guard, argument, value, "is not used with mode history (one bucket per recorded run of the whole table)") }}
            {%- endif -%}
        {%- endfor -%}
        {%- if grain != "day" -%}
            {{ steadyflow._argument_error(guard, "grain", grain, "is not used with mode history (one bucket per recorded run)") }}
        {%- endif -%}
    {%- else -%}
        {%- do steadyflow._check_required(guard, "event_time", event_time) -%}
    {%- endif -%}
    {%- set grain = steadyflow._check_one_of(guard, "grain", grain, ["hour", "day"], ignore_case=true) -%}
    {%- do steadyflow._check_integer(guard, "judge", judge, 1) -%}
    {%- set settle = (0 if mode == "history" else 3) if settle is none else settle -%}
    {%- do steadyflow._check_integer(guard, "settle", settle, 0) -%}
    {%- do steadyflow._check_integer(guard, "baseline", baseline, 1) -%}
    {%- set seasonality = steadyflow._check_one_of(guard, "seasonality", seasonality, ["none", "weekday"], ignore_case=true) -%}
    {%- set period = 168 if (grain == "hour" and mode == "event_time") else 7 -%}
    {%- if seasonality == "weekday" and baseline < period -%}
        {{ steadyflow._argument_error(guard, "baseline", baseline, "must be at least " ~ period ~ " (one week of " ~ ("hours" if period == 168 else "buckets") ~ ") with seasonality weekday") }}
    {%- endif -%}
    {%- do steadyflow._check_number(guard, "max_drop_percent", max_drop_percent, 0, 100, optional=false) -%}
    {%- do steadyflow._check_number(guard, "max_rise_percent", max_rise_percent, 0) -%}
    {{ return({
        "mode": mode,
        "event_time": event_time,
        "grain": grain,
        "judge": judge,
        "settle": settle,
        "baseline": baseline,
        "seasonality": seasonality,
        "max_drop_percent": max_drop_percent,
        "max_rise_percent": max_rise_percent,
        "group_by": steadyflow._guard_expressions(guard, "group_by", group_by),
        "period": period,
        "span": settle + judge + 2 * baseline,
    }) }}
{% endmacro %}
