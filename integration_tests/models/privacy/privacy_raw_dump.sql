-- A raw JSON dump as it lands in bronze: a card number and an e-mail inside a json column, a null, a duplicate.
select
    raw_dump.dump_id,
    cast(raw_dump.payload as json) as payload
from (
    values
    (1, '{"order": 17, "pan": "4111 1111 1111 1111", "email": "ada@example.com"}'),
    (2, '{"order": 18, "pan": "4111 1111 1111 1111"}'),
    (3, null),
    (4, '{"order": 19, "tracking": "1Z999AA10123456784"}')
) as raw_dump (dump_id, payload)
