-- Customers with raw PII, as loaded: stray spaces, mixed case, a null e-mail, a non-ASCII name.
select
    customers.customer_id,
    customers.email,
    customers.full_name
from (
    values
    (1, '  Ada.Lovelace@Example.COM ', ' Ada Lovelace'),
    (2, 'grace@example.org', 'Grace Hopper  '),
    (3, 'GRACE@EXAMPLE.ORG', 'Grace Hopper'),
    (4, null, 'José Müller'),
    (5, 'alan@example.net', null)
) as customers (customer_id, email, full_name)
