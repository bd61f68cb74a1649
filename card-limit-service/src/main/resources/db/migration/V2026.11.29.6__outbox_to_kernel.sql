-- The outbox moved to the kernel (common/outbox, table outbox, created by kernel migration V2026.11.29.5).
-- Person markers not yet delivered keep their id (receivers de-duplicate by it), attempts and due time;
-- delivered ones are kept as history. The aggregate is the marker's customerRef, so one person's markers
-- stay in order.
insert into outbox (id, aggregate, type, destination, payload, status, attempts, next_attempt_at, created_at,
                    delivered_at, last_error)
select id, payload::jsonb ->> 'customerRef', topic, 'account-risk', payload,
       case when delivered_at is null then 'PENDING' else 'DELIVERED' end,
       attempts, next_attempt_at, created_at, delivered_at, last_error
from outbox_message
order by created_at, id;

drop table outbox_message;
