{#- Whether hash_pii checks the salt now: only when dbt is about to run the SQL (run, build, show, test, ...),
    never while parsing, listing, compiling or generating docs (the compiled SQL does not depend on the salt,
    so `dbt compile` works on a machine without it). -#}
{% macro _pii_salt_needed() %}
    {{ return(execute and (flags.WHICH or "") not in ["compile", "generate", "list", "ls", "parse"]) }}
{% endmacro %}
