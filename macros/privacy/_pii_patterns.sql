{#- The regular expressions of no_raw_pii, written for both RE2 (DuckDB, BigQuery) and PostgreSQL's AREs: no
    look-around, no backslashes (bracket expressions instead), so they read the same in every SQL dialect.
      card_run      a maximal run of digits with single spaces or dashes between them (leftmost-longest)
      card_network  the digits of a card of a network: prefix and length (Visa 13/16/19; Mastercard 51-55,
                    2221-2720, 16; Amex 34/37, 15; Discover 6011/644-649/65, 16-19; JCB 3528-3589, 16-19;
                    Diners 300-305/36/38/39, 14-19; UnionPay 62, 16-19; Maestro 50/56-58/63/67, 13-19)
      email         local part @ domain labels . top-level domain of 2+ letters
      iban          two upper-case letters, two check digits, then 11 to 30 upper-case letters or digits,
                    each optionally after one space (cut to the country's length afterwards) -#}
{% macro _pii_patterns() %}
    {{ return({
        "card_run": "[0-9]([ -]?[0-9])*",
        "card_network": "^(4[0-9]{12}([0-9]{3}){0,2}"
            ~ "|(5[1-5][0-9]{2}|222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)[0-9]{12}"
            ~ "|3[47][0-9]{13}"
            ~ "|(6011|64[4-9][0-9]|65[0-9]{2})[0-9]{12,15}"
            ~ "|35(2[89]|[3-8][0-9])[0-9]{12,15}"
            ~ "|3(0[0-5]|[689][0-9])[0-9]{11,16}"
            ~ "|62[0-9]{14,17}"
            ~ "|(5[06-8]|6[37])[0-9]{11,17})$",
        "email": "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+([.][A-Za-z0-9-]+)*[.][A-Za-z]{2,}",
        "iban": "[A-Z]{2}[0-9]{2}( ?[A-Z0-9]){11,30}",
    }) }}
{% endmacro %}
