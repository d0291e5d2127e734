-- The labelled set (seeds/privacy/privacy_pii_labelled.csv) with each value in the column of its label, so
-- no_raw_pii's per-column counts are its true positives (column = kind) and false positives (other columns).
select
    sample_id,
    description,
    case when label = 'card' then sample_value end as cards,
    case when label = 'email' then sample_value end as emails,
    case when label = 'iban' then sample_value end as ibans,
    case when label = 'none' then sample_value end as look_alikes
from {{ ref('privacy_pii_labelled') }}
