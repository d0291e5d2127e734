-- The docs example (docs/privacy.md#hashed-pii): digests instead of the raw values.
select
    customer_id,
    {{ steadyflow.hash_pii('email', normalize='email') }} as email_digest,
    {{ steadyflow.hash_pii('full_name') }} as name_digest,
    {{ steadyflow.hash_pii('full_name', normalize='none') }} as name_digest_as_is
from {{ ref('privacy_customers') }}
