-- Conversion rates to USD, one row per currency.
select
    currencies.currency,
    cast(currencies.rate_to_usd as decimal(18, 4)) as rate_to_usd
from (
    values
    ('USD', 1.0),
    ('EUR', 1.1),
    ('CHF', 1.2),
    ('GBP', 1.25)
) as currencies (currency, rate_to_usd)
