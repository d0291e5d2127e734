{#- no_raw_pii: counts, per column and kind, the values of a model that contain raw PII:
      card   a Luhn-valid number of 13-19 digits (single spaces or dashes between digits allowed) whose prefix
             and length are those of a card network (Visa, Mastercard, Amex, Discover, JCB, Diners,
             UnionPay, Maestro)
      email  an e-mail address (local part @ domain with a dot and a top-level domain of 2+ letters)
      iban   an IBAN (upper case, spaces allowed) of a known country's length whose mod-97 checksum is valid
    By default every string (and JSON) column is scanned, in one pass over the table. Fails with one row per
    column and kind (column_name, pii_kind, values_found), never the value; the failure count is the number
    of values found. -#}

{% test no_raw_pii(model, columns=none, kinds=none, column_name=none) %}
    {%- if column_name is not none %}{{ return(steadyflow._misplaced_model_test("no_raw_pii", model, column_name)) }}{% endif -%}
    {{ return(adapter.dispatch("test_no_raw_pii", "steadyflow")(model, columns, kinds)) }}
{% endtest %}


{% macro default__test_no_raw_pii(model, columns, kinds) %}
{%- set test = "no_raw_pii" -%}
{%- set name_part = "[A-Za-z_][A-Za-z0-9_$]*" -%}
{%- set columns = steadyflow._check_string_list(test, "columns", columns,
      "must be a column name or a list of column names", "must list plain column names", item_pattern=name_part) -%}
{%- set kinds = steadyflow._check_string_list(test, "kinds", kinds if kinds is not none else ["card", "email", "iban"],
      "must be one of card, email, iban or a list of them", "must list only card, email, iban",
      item_pattern="card|email|iban") -%}
{{ config(fail_calc="coalesce(sum(values_found), 0)") }}
{%- if not execute or flags.EMPTY -%}
    {{ return(steadyflow._guard_empty_result({"column_name": "text", "pii_kind": "text", "values_found": "number"})) }}
{%- endif -%}
{%- set scanned = steadyflow._pii_scanned_columns(model, columns) -%}
{%- if not scanned -%}
    {#- no string column: nothing can hold raw PII -#}
    {{ return(steadyflow._guard_empty_result({"column_name": "text", "pii_kind": "text", "values_found": "number"})) }}
{%- endif -%}
{%- set text = dbt.type_string() -%}
{%- set positions = range(1, 35) | list -%}
with cells as (
    {#- one pass: every row once, unpivoted to one cell per scanned column -#}
    select
        scanned_column.column_name,
        case scanned_column.column_name
            {%- for column in scanned %}
            when '{{ column }}' then cast({{ adapter.quote(column) }} as {{ text }})
            {%- endfor %}
        end as cell_value
    from {{ model }}
    cross join (
        values {% for column in scanned %}('{{ column }}'){{ ", " if not loop.last }}{% endfor %}
    ) as scanned_column (column_name)
),

cell_ids as (
    select
        row_number() over (order by column_name) as cell_id,
        column_name,
        cell_value
    from cells
    where cell_value is not null
),

positions as (
    select n from (values {% for n in positions %}({{ n }}){{ ", " if not loop.last }}{% endfor %}) as p (n)
),

{%- if "card" in kinds %}

card_numbers as (
    {#- maximal runs of digits with single space/dash separators, as digits only; card-network prefix/length -#}
    select
        row_number() over (order by cell_id) as candidate_id,
        cell_id,
        column_name,
        digits
    from (
        select
            cell_id,
            column_name,
            regexp_replace(candidate, '[^0-9]', '', 'g') as digits
        from (
            select cell_id, column_name, {{ steadyflow.pii_regex_matches("cell_value", steadyflow._pii_patterns().card_run) }} as candidate
            from cell_ids
        ) as runs
    ) as digit_runs
    where {{ steadyflow.pii_regex_contains("digits", steadyflow._pii_patterns().card_network) }}
),

cards_found as (
    {#- Luhn: from the right, every second digit doubled (minus 9 above 9); the sum is a multiple of 10 -#}
    select card_numbers.cell_id, card_numbers.column_name
    from card_numbers
    inner join positions on positions.n <= length(card_numbers.digits)
    group by card_numbers.candidate_id, card_numbers.cell_id, card_numbers.column_name
    having sum(
        case
            when (length(card_numbers.digits) - positions.n) % 2 = 1
                then cast(substr(card_numbers.digits, positions.n, 1) as integer) * 2
                    - case when cast(substr(card_numbers.digits, positions.n, 1) as integer) >= 5 then 9 else 0 end
            else cast(substr(card_numbers.digits, positions.n, 1) as integer)
        end
    ) % 10 = 0
),
{%- endif %}

{%- if "iban" in kinds %}

iban_candidates as (
    {#- upper-case IBAN shapes, spaces removed, cut to the length of their country -#}
    select
        row_number() over (order by shaped.cell_id) as candidate_id,
        shaped.cell_id,
        shaped.column_name,
        substr(shaped.compact, 5, iban_lengths.iban_length - 4) || substr(shaped.compact, 1, 4) as rearranged
    from (
        select cell_id, column_name, replace(candidate, ' ', '') as compact
        from (
            select cell_id, column_name, {{ steadyflow.pii_regex_matches("cell_value", steadyflow._pii_patterns().iban) }} as candidate
            from cell_ids
        ) as shapes
    ) as shaped
    inner join (
        values {% for country, length in steadyflow._iban_lengths().items() %}('{{ country }}', {{ length }}){{ ", " if not loop.last }}{% endfor %}
    ) as iban_lengths (country, iban_length)
        on substr(shaped.compact, 1, 2) = iban_lengths.country and length(shaped.compact) >= iban_lengths.iban_length
),

iban_characters as (
    {#- each character's value (0-9, A=10 .. Z=35) and its digit count in the rearranged number -#}
    select
        candidate_id,
        cell_id,
        column_name,
        n,
        position(substr(rearranged, n, 1) in '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ') - 1 as char_value
    from iban_candidates
    inner join positions on positions.n <= length(iban_candidates.rearranged)
),

iban_digits_after as (
    select
        candidate_id,
        cell_id,
        column_name,
        char_value,
        coalesce(sum(case when char_value < 10 then 1 else 2 end) over (
            partition by candidate_id order by n rows between 1 following and unbounded following
        ), 0) as digits_after
    from iban_characters
),

ibans_found as (
    {#- mod 97 of the number the characters spell: sum of value * (10^digits_after mod 97), mod 97 = 1 -#}
    select iban_digits_after.cell_id, iban_digits_after.column_name
    from iban_digits_after
    inner join (
        values {% for e in range(0, 70) %}({{ e }}, {{ (10 ** e) % 97 }}){{ ", " if not loop.last }}{% endfor %}
    ) as powers (exponent, power_mod_97) on iban_digits_after.digits_after = powers.exponent
    group by iban_digits_after.candidate_id, iban_digits_after.cell_id, iban_digits_after.column_name
    having sum(iban_digits_after.char_value * powers.power_mod_97) % 97 = 1
),
{%- endif %}

found as (
    {%- for kind in kinds %}
    select column_name, '{{ kind }}' as pii_kind, count(distinct cell_id) as values_found
    {%- if kind == "email" %}
    from cell_ids
    where {{ steadyflow.pii_regex_contains("cell_value", steadyflow._pii_patterns().email) }}
    {%- else %}
    from {{ kind }}s_found
    {%- endif %}
    group by column_name
    {{ "union all" if not loop.last }}
    {%- endfor %}
)

select column_name, pii_kind, values_found
from found
where values_found > 0
{% endmacro %}
