{#- The refusal of --full-refresh together with backfill vars: the rebuilt table would not be what either asks
    for (a lookback_window model keeps the backfill window alone, every other row lost). `subject` says what is
    rebuilt and from what ("<relation> from begin", "model x from scratch"), `outcome` what the rebuild would
    do instead. -#}
{% macro _full_refresh_backfill_error(caller_name, subject, outcome) %}
  {{ exceptions.raise_compiler_error(caller_name ~ ": --full-refresh rebuilds " ~ subject
      ~ "; with the backfill vars (" ~ steadyflow._backfill_vars_shown() ~ ") " ~ outcome
      ~ ": drop one (run the backfill without --full-refresh, or the full refresh without the backfill vars)") }}
{% endmacro %}
