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

    {%- set columns_a = steadyflow._compare_columns(a) -%}
    {%- set columns_b = steadyflow._compare_columns(b) -%}
    {%- set in_a = columns_a | map(attribute="name") | list -%}
    {%- set in_b = columns_b | map(attribute="name") | list -%}
    {%- set typed = {"a": {}, "b": {}} -%}
    {%- for side, found in [["a", columns_a], ["b", columns_b]] -%}
        {%- for column in found -%}{%- do typed[side].update({column.name | lower: column}) -%}{%- endfor -%}
    {%- endfor -%}
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
        {%- set type_a = typed.a.get(name) -%}
        {%- set type_b = typed.b.get(name) -%}
        {%- set retyped = type_a and type_b and type_a.type != type_b.type -%}
        {%- set tolerance_rule = tolerances.get(name) -%}
        {%- if tolerance_rule is not none and type_a and type_b and (type_a.kind != "number" or type_b.kind != "number") -%}
            {%- for given, rule in tolerance.items() if given | lower == name -%}
                {{ steadyflow._argument_error(who, "tolerance." ~ given, rule, "must name a numeric column (" ~ given ~ " is " ~ type_a.type ~ " in a, " ~ type_b.type ~ " in b)") }}
            {%- endfor -%}
        {%- endif -%}
        {%- do compared.append({
            "name": known[name], "in_a": name in a_lower, "in_b": name in b_lower, "tolerance": tolerance_rule,
            "types": [type_a.type, type_b.type] if retyped else none,
            "kinds_differ": retyped and type_a.kind != type_b.kind,
            "kinds": [type_a.kind, type_b.kind] if retyped else none,
        }) -%}
    {%- endfor -%}
    {%- set compared_lower = compared | map(attribute="name") | map("lower") | list -%}
    {%- for name in tolerances if name not in compared_lower -%}
        {{ steadyflow._argument_error(who, "tolerance", tolerance, "must name compared columns (" ~ (compared | map(attribute="name") | join(", ")) ~ "); " ~ name ~ " is not one") }}
    {%- endfor -%}
    {{ return({"keys": key_names, "columns": compared}) }}
{% endmacro %}


{% macro _compare_columns(relation) %}
    {#- The columns of a relation, or of "(select ...) alias" (a test's model under its `where` config), as
        {"name", "type" (as shown: lower-case, with precision when the adapter knows it), "kind" (number, text,
        boolean, date, timestamp, or the type itself)}. -#}
    {%- if relation is string -%}
        {%- set found = adapter.get_column_schema_from_query("select * from " ~ relation) -%}
    {%- else -%}
        {%- set found = adapter.get_columns_in_relation(relation) -%}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- for column in found -%}
        {%- set dtype = column.dtype | lower -%}
        {%- set base = dtype.split("(")[0] | trim -%}
        {%- if column.is_numeric() or column.is_float() or column.is_integer() or base in ["decimal", "numeric", "number"] -%}
            {%- set kind = "number" -%}
        {%- elif column.is_string() or "char" in base or base in ["text", "string"] -%}
            {%- set kind = "text" -%}
        {%- elif base in ["boolean", "bool"] -%}
            {%- set kind = "boolean" -%}
        {%- elif base.startswith("timestamp") or base.startswith("datetime") -%}
            {%- set kind = "timestamp" -%}
        {%- else -%}
            {%- set kind = base -%}
        {%- endif -%}
        {%- set shown = (column.data_type | lower) if column.is_numeric() else dtype -%}
        {%- do columns.append({"name": column.name, "type": shown, "kind": kind}) -%}
    {%- endfor -%}
    {{ return(columns) }}
{% endmacro %}
