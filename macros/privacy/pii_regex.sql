{#- The two regular-expression primitives no_raw_pii needs, per adapter:
      pii_regex_contains(expression, pattern)  a boolean: the string contains a match
      pii_regex_matches(expression, pattern)   a set-returning select-list expression: one row per
                                               non-overlapping match (leftmost-longest), none without a match
    `pattern` is one of _pii_patterns (no quotes or backslashes in it). -#}
{% macro pii_regex_contains(expression, pattern) %}
    {{ return(adapter.dispatch("pii_regex_contains", "steadyflow")(expression, pattern)) }}
{% endmacro %}

{% macro default__pii_regex_contains(expression, pattern) %}
    {{ return("regexp_matches(" ~ expression ~ ", '" ~ pattern ~ "')") }}
{% endmacro %}

{% macro postgres__pii_regex_contains(expression, pattern) %}
    {{ return("(" ~ expression ~ " ~ '" ~ pattern ~ "')") }}
{% endmacro %}


{% macro pii_regex_matches(expression, pattern) %}
    {{ return(adapter.dispatch("pii_regex_matches", "steadyflow")(expression, pattern)) }}
{% endmacro %}

{% macro default__pii_regex_matches(expression, pattern) %}
    {{ return("unnest(regexp_extract_all(" ~ expression ~ ", '" ~ pattern ~ "'))") }}
{% endmacro %}

{% macro postgres__pii_regex_matches(expression, pattern) %}
    {{ return("(regexp_matches(" ~ expression ~ ", '(" ~ pattern ~ ")', 'g'))[1]") }}
{% endmacro %}
