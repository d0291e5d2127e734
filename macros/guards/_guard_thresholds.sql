{#- warn_above / error_above -> dbt's warn_if / error_if.

    A threshold is either a count (a number: compared with the test's failure count, e.g. orphan rows) or a
    percent (a string "5%": compared with the guard's percent measure, e.g. the orphan percentage). The failure
    count itself never changes, so `dbt test` still reports "Got 12 results" with 12 orphan rows.

    With either threshold set the guard owns warn_if and error_if:
      - warn_above unset: warn on any failure (dbt's default `!= 0`);
      - error_above unset: never error (a warn-only guard).
    Percent conditions read `<fail_calc> > 0 and max(<percent column>) > P`, evaluated by dbt's test wrapper over
    the guard's failing rows. A warn_if / error_if in the test's own `config:` overrides these. -#}

{% macro _guard_threshold(guard, argument, value, percent_allowed=true) %}
    {%- if value is none -%}{{ return(none) }}{%- endif -%}
    {%- if steadyflow._is_number(value) -%}
        {{ return({"kind": "count", "value": steadyflow._check_number(guard, argument, value)}) }}
    {%- endif -%}
    {%- set match = modules.re.match("^ *([0-9]+([.][0-9]+)?) *% *$", value | string) if value is string else none -%}
    {%- if match is none -%}
        {{ steadyflow._argument_error(guard, argument, value, "must be a row/group count (e.g. 10) or a percent string (e.g. \"5%\")") }}
    {%- endif -%}
    {%- if not percent_allowed -%}
        {{ steadyflow._argument_error(guard, argument, value, "must be a count here (percent thresholds need compare_model)") }}
    {%- endif -%}
    {%- set percent = match.group(1) | float -%}
    {%- if percent > 100 -%}
        {{ steadyflow._argument_error(guard, argument, value, "must be a percent between 0% and 100%") }}
    {%- endif -%}
    {{ return({"kind": "percent", "value": percent}) }}
{% endmacro %}


{% macro _guard_threshold_condition(threshold, percent_measure) %}
    {%- if threshold.kind == "count" -%}
        {{ return("> " ~ threshold.value) }}
    {%- endif -%}
    {{ return("> 0 and " ~ percent_measure ~ " > " ~ threshold.value) }}
{% endmacro %}


{% macro _guard_threshold_config(guard, warn_above, error_above, percent_measure=none) %}
    {#- Returns the config dict for `config(**...)`: {} when neither threshold is set. -#}
    {%- set warn = steadyflow._guard_threshold(guard, "warn_above", warn_above, percent_measure is not none) -%}
    {%- set error = steadyflow._guard_threshold(guard, "error_above", error_above, percent_measure is not none) -%}
    {%- if warn is none and error is none -%}{{ return({}) }}{%- endif -%}
    {%- if warn is not none and error is not none and warn.kind == error.kind and warn.value > error.value -%}
        {{ steadyflow._argument_error(guard, "warn_above", warn_above, "must not be above error_above (" ~ error_above ~ ")") }}
    {%- endif -%}
    {{ return({
        "warn_if": steadyflow._guard_threshold_condition(warn, percent_measure) if warn is not none else "!= 0",
        "error_if": steadyflow._guard_threshold_condition(error, percent_measure) if error is not none else "< 0",
    }) }}
{% endmacro %}
