{#- compare_relations / matches_relation arguments -> the plan of the comparison:
      {"keys": [actual key column names], "columns": [{"name", "in_a", "in_b", "tolerance": none | {"kind", "amount"}}]}
    Shapes (primary_key required, tolerance a mapping of column -> {absolute: x} | {relative: y}, x, y >= 0)
    are checked at parse time too; names are matched case-insensitively against the relations' columns, which
    are read only when dbt executes (a placeholder plan is returned at parse time). -#}

{% macro _compare_tolerances(who, tolerance) %}
    {#- {lower-cased column: {"kind": "absolute" | "relative", "amount": number}} -#}
    {%- if tolerance is none -%}{{ return({}) }}{%- endif -%}
    {%- if tolerance is not mapping -%}
        {{ steadyflow._argument_error(who, "tolerance", tolerance, "must map column names to {absolute: x} or {relative: y}") }}
    {%- endif -%}
    {%- set checked = {} -%}
    {%- for column, rule in tolerance.items() -%}
        {%- set argument = "tolerance." ~ column -%}
        {%- if rule is not mapping or rule | length != 1 or (rule.keys() | list)[0] not in ["absolute", "relative"] -%}
            {{ steadyflow._argument_error(who, argument, rule, "must be exactly one of {absolute: x} (|a - b| <= x) or {relative: y} (|a - b| <= y * max(|a|, |b|))") }}
        {%- endif -%}
        {%- set kind = (rule.keys() | list)[0] -%}
        {%- do steadyflow._check_number(who, argument ~ "." ~ kind, rule[kind], optional=false) -%}
        {%- do checked.update({column | lower: {"kind": kind, "amount": rule[kind]}}) -%}
    {%- endfor -%}
    {{ return(checked) }}
{% endmacro %}


{% macro _compare_plan(who, a, b, primary_key, columns, exclude_columns, tolerance) %}
    {%- do steadyflow._check_required(who, "primary_key", primary_key) -%}
    {%- set list_expected = "must be a column name or a non-empty list of column names" -%}
    {%- set item_expected = "must list column names as non-empty strings" -%}
    {%- set keys = steadyflow._check_string_list(who, "primary_key", primary_key, list_expected, item_expected) -%}
    {%- set wanted = steadyflow._check_string_list(who, "columns", columns, list_expected, item_expected) -%}
    {%- set excluded = steadyflow._check_string_list(who, "exclude_columns", exclude_columns, list_expected, item_expected) -%}
    {%- set tolerances = steadyflow._compare_tolerances(who, tolerance) -%}
    {%- if not execute -%}{{ return(none) }}{%- endif -%}
    {#- relations are checked when dbt executes: at parse time adapter.get_relation(...) is always none -#}
    {%- do steadyflow._check_required(who, "a" if who == "compare_relations" else "model", a) -%}
    {%- do steadyflow._check_required(who, "b" if who == "compare_relations" else "compare_model", b) -%}

    {%- set in_a = steadyflow._compare_column_names(a) -%}
    {%- set in_b = steadyflow._compare_column_names(b) -%}
    {%- if not in_a or not in_b -%}
        {#- not built yet (`dbt compile` on an empty warehouse): no columns to check; the SQL still names both
            relations, so running it against a missing one fails loudly -#}
        {{ return({"unread": true}) }}
    {%- endif -%}
    {%- set known = {} -%}
    {%- for name in in_b + in_a -%}{%- do known.update({name | lower: name}) -%}{%- endfor -%}
    {%- set a_lower = in_a | map("lower") | list -%}
    {%- set b_lower = in_b | map("lower") | list -%}
    {%- set key_names = [] -%}
    {%- for key in keys -%}
        {%- if key | lower not in a_lower or key | lower not in b_lower -%}
            {{ steadyflow._argument_error(who, "primary_key", primary_key, "must name columns of both relations (" ~ key ~ " is missing from " ~ ("a" if key | lower not in a_lower else "b") ~ ")") }}
        {%- endif -%}
        {%- do key_names.append(known[key | lower]) -%}
    {%- endfor -%}
    {%- for argument, names in [["columns", wanted], ["exclude_columns", excluded]] -%}
        {%- for name in names if name | lower not in known -%}
            {{ steadyflow._argument_error(who, argument, name, "must name a column of a or b (" ~ known.values() | join(", ") ~ ")") }}
        {%- endfor -%}
    {%- endfor -%}

    {%- set key_lower = keys | map("lower") | list -%}
    {%- set excluded_lower = excluded | map("lower") | list -%}
    {%- set chosen = (wanted | map("lower") | list) if wanted else (a_lower + b_lower) | unique | list -%}
    {%- set compared = [] -%}
    {%- for name in chosen if name not in key_lower and name not in excluded_lower -%}
        {%- do compared.append({"name": known[name], "in_a": name in a_lower, "in_b": name in b_lower, "tolerance": tolerances.get(name)}) -%}
    {%- endfor -%}
    {%- set compared_lower = compared | map(attribute="name") | map("lower") | list -%}
    {%- for name in tolerances if name not in compared_lower -%}
        {{ steadyflow._argument_error(who, "tolerance", tolerance, "must name compared columns (" ~ (compared | map(attribute="name") | join(", ")) ~ "); " ~ name ~ " is not one") }}
    {%- endfor -%}
    {{ return({"keys": key_names, "columns": compared}) }}
{% endmacro %}


{% macro _compare_column_names(relation) %}
    {#- The column names of a relation, or of "(select ...) alias" (a test's model under its `where` config). -#}
    {%- if relation is string -%}
        {{ return(get_columns_in_query("select * from " ~ relation)) }}
    {%- endif -%}
    {{ return(adapter.get_columns_in_relation(relation) | map(attribute="name") | list) }}
{% endmacro %}
