{#- Typed argument checks shared by every steadyflow macro, test and run-operation. Each returns the value it
    checked (normalised where it says so) or raises steadyflow._argument_error naming the macro, the argument
    and the value. They are pure Jinja: the same on every adapter, so not dispatched. -#}

{% macro _check_required(macro_name, argument, value) %}
    {%- if value is not defined or value is none or (value is string and value | trim == "") -%}
        {{ steadyflow._argument_error(macro_name, argument, value, "is required") }}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}


{% macro _is_number(value) %}
    {#- ints and floats; booleans are not numbers here -#}
    {{ return(value is number and value is not boolean) }}
{% endmacro %}


{% macro _check_number(macro_name, argument, value, minimum=0, maximum=none, integer=false, optional=true, hint="") %}
    {#- A number (an integer when `integer`) >= minimum and <= maximum. `none` passes through when `optional`.
        `hint` is appended to the expectation, e.g. "(the var overrides the argument)". -#}
    {%- if value is none and optional -%}{{ return(none) }}{%- endif -%}
    {%- set bounds = ">= " ~ minimum ~ ((" and <= " ~ maximum) if maximum is not none else "") -%}
    {%- if not steadyflow._is_number(value)
          or (integer and value is not integer)
          or value < minimum
          or (maximum is not none and value > maximum) -%}
        {{ steadyflow._argument_error(macro_name, argument, value,
            "must be " ~ ("an integer " if integer else "a number ") ~ bounds ~ ((" " ~ hint) if hint else "")) }}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}


{% macro _check_integer(macro_name, argument, value, minimum=0, hint="") %}
    {#- A required integer >= minimum (booleans, floats and strings are refused). -#}
    {{ return(steadyflow._check_number(macro_name, argument, value, minimum, none, true, false, hint)) }}
{% endmacro %}


{% macro _check_boolean(macro_name, argument, value) %}
    {%- if value is not boolean -%}
        {{ steadyflow._argument_error(macro_name, argument, value, "must be true or false") }}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}


{% macro _check_one_of(macro_name, argument, value, allowed, ignore_case=false) %}
    {#- One of `allowed` (strings); with ignore_case the value is matched and returned lower-cased. -#}
    {%- set seen = (value | lower) if (ignore_case and value is string) else value -%}
    {%- if value is not string or seen not in allowed -%}
        {{ steadyflow._argument_error(macro_name, argument, value, "must be one of " ~ allowed | join(", ")) }}
    {%- endif -%}
    {{ return(seen) }}
{% endmacro %}


{% macro _check_string_list(macro_name, argument, value, expected, item_expected, separator=none, item_pattern=none) %}
    {#- A string or a non-empty list of non-empty strings, returned as a list of trimmed strings ([] for none).
        A string is one item, or is split on `separator` when given; each item must fully match `item_pattern`
        (a regular expression) when given. `expected` / `item_expected` word the error for the whole value and
        for a bad item. -#}
    {%- if value is none -%}{{ return([]) }}{%- endif -%}
    {%- if value is string -%}
        {%- set items = value.split(separator) if separator else [value] -%}
    {%- else -%}
        {%- set items = value -%}
    {%- endif -%}
    {%- if items is string or items is mapping or items is not iterable or items | length == 0 -%}
        {{ steadyflow._argument_error(macro_name, argument, value, expected) }}
    {%- endif -%}
    {%- set checked = [] -%}
    {%- for item in items -%}
        {%- if item is not string or item | trim == ""
              or (item_pattern and not modules.re.fullmatch(item_pattern, item | trim)) -%}
            {{ steadyflow._argument_error(macro_name, argument, value, item_expected) }}
        {%- endif -%}
        {%- do checked.append(item | trim) -%}
    {%- endfor -%}
    {{ return(checked) }}
{% endmacro %}
