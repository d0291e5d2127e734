{#-
  Where hash_pii's salt comes from, per adapter. The salt value never passes through Jinja: pii_salt_sql is
  SQL that reads it inside the warehouse, and check_pii_salt asks only for its length.
    PostgreSQL: the connection's setting steadyflow.pii_salt, given by the client outside dbt, e.g.
                PGOPTIONS='-c steadyflow.pii_salt=...' in the environment of the dbt process (libpq reads it;
                a profile `search_path` replaces PGOPTIONS, see docs/privacy.md).
    elsewhere:  the one row of the table named by var steadyflow_pii_salt_table (default
                steadyflow_private.pii_salt), filled outside dbt by `steadyflow salt set`.
-#}
{% macro pii_salt_sql() %}
    {{ return(adapter.dispatch("pii_salt_sql", "steadyflow")()) }}
{% endmacro %}

{% macro default__pii_salt_sql() %}
    {{ return("(select salt from " ~ steadyflow._pii_salt_table_name() ~ ")") }}
{% endmacro %}

{#- Without missing_ok: SQL pasted into a session without the setting fails ("unrecognized configuration
    parameter") instead of giving null digests (check_pii_salt has already checked dbt's own session). -#}
{% macro postgres__pii_salt_sql() %}
    {{ return("current_setting('steadyflow.pii_salt')") }}
{% endmacro %}


{#- Refuses, with a compiler error saying how to provide it, a salt that is missing or shorter than 16
    characters. Reads the salt's length only. -#}
{% macro check_pii_salt() %}
    {{ return(adapter.dispatch("check_pii_salt", "steadyflow")()) }}
{% endmacro %}

{% macro default__check_pii_salt() %}
    {%- set name = steadyflow._pii_salt_table_name() -%}
    {%- set parts = name.split(".") -%}
    {%- set how = "Store it outside dbt: `steadyflow salt set --duckdb <file>` (DuckDB; reads the salt from "
          ~ "STEADYFLOW_PII_SALT or stdin), or create the one-row table " ~ name ~ " (column salt) readable only by the dbt role" -%}
    {%- set relation = adapter.get_relation(database=parts[0] if parts | length == 3 else target.database,
                                            schema=parts[-2], identifier=parts[-1]) -%}
    {%- if relation is none -%}
        {{ exceptions.raise_compiler_error("steadyflow.hash_pii: no PII salt: table " ~ name ~ " does not exist in "
            ~ target.type ~ " database " ~ target.database ~ ". " ~ how) }}
    {%- endif -%}
    {%- set found = run_query("select count(*) as salt_rows, min(length(salt)) as shortest from " ~ relation) -%}
    {%- set rows, shortest = found.rows[0][0], found.rows[0][1] -%}
    {%- if rows != 1 or shortest is none or shortest < 16 -%}
        {{ exceptions.raise_compiler_error("steadyflow.hash_pii: the PII salt table " ~ name ~ " must hold exactly one salt of "
            ~ "16 characters or more; it holds " ~ rows ~ " row(s)"
            ~ ((", the shortest " ~ shortest ~ " characters") if shortest is not none else "") ~ ". " ~ how) }}
    {%- endif -%}
{% endmacro %}

{% macro postgres__check_pii_salt() %}
    {%- set found = run_query("select coalesce(length(current_setting('steadyflow.pii_salt', true)), 0) as salt_length") -%}
    {%- set length = found.rows[0][0] -%}
    {%- if length < 16 -%}
        {{ exceptions.raise_compiler_error("steadyflow.hash_pii: no PII salt on this PostgreSQL connection ("
            ~ ("setting steadyflow.pii_salt is not set" if length == 0 else "steadyflow.pii_salt has " ~ length ~ " characters, fewer than 16")
            ~ "). Give it to the dbt process outside dbt, e.g. PGOPTIONS='-c steadyflow.pii_salt=<salt of 16+ characters>' "
            ~ "in its environment (a profile search_path replaces PGOPTIONS: set search_path in PGOPTIONS too); "
            ~ "never through env_var() or --vars, which dbt writes to target/ and logs/") }}
    {%- endif -%}
{% endmacro %}


{#- The salt table's name: var steadyflow_pii_salt_table ("schema.table" or "database.schema.table"), checked. -#}
{% macro _pii_salt_table_name() %}
    {%- set name = var("steadyflow_pii_salt_table", "steadyflow_private.pii_salt") -%}
    {%- set part = "[A-Za-z_][A-Za-z0-9_$]*" -%}
    {%- if name is not string or not modules.re.fullmatch(part ~ "(\\." ~ part ~ "){1,2}", name) -%}
        {{ steadyflow._argument_error("hash_pii", "var steadyflow_pii_salt_table", name, "must be schema.table or database.schema.table") }}
    {%- endif -%}
    {{ return(name) }}
{% endmacro %}
