{#- Argument checks shared by the guards. Each raises a compiler error naming the guard, the argument and
    the value it got, so a typo in schema.yml is reported at parse time, not as a confusing SQL error. -#}

{% macro guard_fail(guard, argument, value, expected) %}
    {{ exceptions.raise_compiler_error(
        "steadyflow." ~ guard ~ ": argument `" ~ argument ~ "` " ~ expected ~ ", got " ~ (value | tojson if value is defined and value is not none else "null")
    ) }}
{% endmacro %}


{% macro guard_required(guard, argument, value) %}
    {%- if value is not defined or value is none or (value is string and value | trim == "") -%}
        {{ steadyflow.guard_fail(guard, argument, value, "is required") }}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}


{% macro guard_is_number(value) %}
    {{ return(value is number and value is not boolean) }}
{% endmacro %}


{% macro guard_number(guard, argument, value, minimum=0, maximum=none, integer=false) %}
    {#- A number >= minimum (and <= maximum); `none` passes through so optional arguments stay optional. -#}
    {%- if value is none -%}{{ return(none) }}{%- endif -%}
    {%- set bounds = ">= " ~ minimum ~ ((" and <= " ~ maximum) if maximum is not none else "") -%}
    {%- set kind = "an integer" if integer else "a number" -%}
    {%- if not steadyflow.guard_is_number(value)
          or (integer and value is not integer)
          or value < minimum
          or (maximum is not none and value > maximum) -%}
        {{ steadyflow.guard_fail(guard, argument, value, "must be " ~ kind ~ " " ~ bounds) }}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}


{% macro guard_boolean(guard, argument, value) %}
    {%- if value is not boolean -%}
        {{ steadyflow.guard_fail(guard, argument, value, "must be true or false") }}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}


{% macro guard_expression_list(guard, argument, value) %}
    {#- Column names or SQL expressions: a string or a list of non-empty strings; `none` gives []. -#}
    {%- if value is none -%}{{ return([]) }}{%- endif -%}
    {%- set items = [value] if value is string else value -%}
    {%- if items is not iterable or items is mapping or items | length == 0 -%}
        {{ steadyflow.guard_fail(guard, argument, value, "must be a column name or a non-empty list of column names / SQL expressions") }}
    {%- endif -%}
    {%- for item in items -%}
        {%- if item is not string or item | trim == "" -%}
            {{ steadyflow.guard_fail(guard, argument, value, "must list column names / SQL expressions as non-empty strings") }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(items | list) }}
{% endmacro %}


{% macro guard_datepart(guard, argument, value) %}
    {%- set allowed = ["second", "minute", "hour", "day", "week", "month", "year"] -%}
    {%- if value is not string or value | lower not in allowed -%}
        {{ steadyflow.guard_fail(guard, argument, value, "must be one of " ~ allowed | join(", ")) }}
    {%- endif -%}
    {{ return(value | lower) }}
{% endmacro %}


{% macro guard_group_aliases(group_by) %}
    {#- Output column names for group keys: the column itself when it is a plain identifier, else group_<n>. -#}
    {%- set aliases = [] -%}
    {%- for expression in group_by -%}
        {%- if modules.re.match("^[A-Za-z_][A-Za-z0-9_]*$", expression | trim) -%}
            {%- do aliases.append(expression | trim | lower) -%}
        {%- else -%}
            {%- do aliases.append("group_" ~ loop.index) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(aliases) }}
{% endmacro %}
