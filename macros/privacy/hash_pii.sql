{#-
  steadyflow.hash_pii(column, normalize="trim"): salted SHA-256 of a PII value, as 64 lowercase hex characters,
  the same digest on every adapter: sha256(utf8(salt || normalized value)).
    normalize: "trim"  leading/trailing spaces (U+0020) removed (the default)
               "email" trimmed and lower-cased
               "none"  the value as it is (cast to a string)
  A null value hashes to null. The salt never appears in the SQL: it is read by the warehouse at run time
  (pii_salt_sql: PostgreSQL, a setting of the connection; elsewhere a one-row table filled outside dbt by
  `steadyflow salt set`). Before a model using it runs, check_pii_salt refuses a missing or short salt.
-#}
{% macro hash_pii(column, normalize="trim") %}
    {%- do steadyflow._check_required("hash_pii", "column", column) -%}
    {%- if column is not string -%}
        {{ steadyflow._argument_error("hash_pii", "column", column, "must be a column name or SQL expression (a string)") }}
    {%- endif -%}
    {%- set normalize = steadyflow._check_one_of("hash_pii", "normalize", normalize, ["trim", "email", "none"]) -%}
    {%- if flags.EMPTY -%}
        {#- --empty: no row is hashed, and a schema-only run needs no salt -#}
        {%- set salt = "null" -%}
    {%- else -%}
        {%- if steadyflow._pii_salt_needed() -%}
            {%- do steadyflow.check_pii_salt() -%}
        {%- endif -%}
        {%- set salt = steadyflow.pii_salt_sql() -%}
    {%- endif -%}
    {{ return(adapter.dispatch("hash_pii_sql", "steadyflow")(column, normalize, salt)) }}
{% endmacro %}


{#- The SQL of the digest on each adapter: `salt` is the SQL that reads the salt (never its value). -#}
{% macro hash_pii_sql(column, normalize, salt) %}
    {{ return(adapter.dispatch("hash_pii_sql", "steadyflow")(column, normalize, salt)) }}
{% endmacro %}

{#- DuckDB: sha256(varchar) is lowercase hex of the UTF-8 bytes. -#}
{% macro default__hash_pii_sql(column, normalize, salt) %}
    {%- set value = steadyflow._pii_normalized(column, normalize, "varchar", "trim({}, ' ')") -%}
    {{ return("sha256(" ~ salt ~ " || " ~ value ~ ")") }}
{% endmacro %}

{% macro postgres__hash_pii_sql(column, normalize, salt) %}
    {%- set value = steadyflow._pii_normalized(column, normalize, "text", "btrim({}, ' ')") -%}
    {{ return("encode(sha256(convert_to(" ~ salt ~ " || " ~ value ~ ", 'UTF8')), 'hex')") }}
{% endmacro %}

{#- Spark / Databricks: sha2(string, 256) is lowercase hex of the UTF-8 bytes. -#}
{% macro spark__hash_pii_sql(column, normalize, salt) %}
    {%- set value = steadyflow._pii_normalized(column, normalize, "string", "trim(both ' ' from {})") -%}
    {{ return("sha2(" ~ salt ~ " || " ~ value ~ ", 256)") }}
{% endmacro %}

{% macro databricks__hash_pii_sql(column, normalize, salt) %}
    {{ return(steadyflow.spark__hash_pii_sql(column, normalize, salt)) }}
{% endmacro %}

{#- Snowflake: sha2(varchar, 256) is lowercase hex of the UTF-8 bytes. -#}
{% macro snowflake__hash_pii_sql(column, normalize, salt) %}
    {%- set value = steadyflow._pii_normalized(column, normalize, "varchar", "trim({}, ' ')") -%}
    {{ return("sha2(" ~ salt ~ " || " ~ value ~ ", 256)") }}
{% endmacro %}

{#- BigQuery: sha256(string) is bytes of the UTF-8 encoding; to_hex is lowercase. -#}
{% macro bigquery__hash_pii_sql(column, normalize, salt) %}
    {%- set value = steadyflow._pii_normalized(column, normalize, "string", "trim({}, ' ')") -%}
    {{ return("to_hex(sha256(" ~ salt ~ " || " ~ value ~ "))") }}
{% endmacro %}
