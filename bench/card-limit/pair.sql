-- The SQL of one reservation + confirmation pair (a new customer, one document, no agent, no override), statement for
-- statement what card-limit-service sends, in the same round trips (pgbench pipelines): bench/card-limit/run.sh runs it
-- as the runtime role, read committed, on the service's own tables, indexes and triggers, in the same run. Hashes and
-- seals are stand-ins of the same shape (the service computes them with its keys between the round trips).
-- Run with -D chains=N (the service's audit chain count: run.sh reads it from the heads in the database) and
-- -D lease=N (the tokens one opening-rate lease draws for the bench's bank: run.sh passes the service's lease size).
\set chain random(0, :chains - 1)
\set chain2 random(0, :chains - 1)
\set idem random(1, 9223372036854775807)
\set draw random(1, :lease)
-- reservation, round trip 1, in 1 of :lease reservations (at random; the service: whenever its lease of :lease tokens
-- is spent, every :lease-th reservation at this load): the bank's opening-decision tokens, a lease drawn from the
-- bucket row (nothing unspent to give back: a lease lasts 1 s and the bench spends it in well under that), committed
-- on its own
\if :draw = 1
\startpipeline
insert into opening_rate_bucket (bank, tokens, refilled_at) values ('PGBENCH', 1e9, clock_timestamp())
on conflict (bank) do nothing;
with clock (now) as (select clock_timestamp()),
     bucket (available) as (
         select least(1e9::float8, tokens + extract(epoch from clock.now - refilled_at) * (1e9 / 60)::float8 + 0::float8)
           from opening_rate_bucket, clock where bank = 'PGBENCH' for update of opening_rate_bucket),
     lease (available, drawn) as (
         select available, least((:lease)::int, floor(available))::int from bucket where available >= 1)
update opening_rate_bucket b set tokens = lease.available - lease.drawn, refilled_at = clock.now
  from lease, clock where b.bank = 'PGBENCH'
returning lease.drawn;
\endpipeline
\endif
-- round trip 2: claim, link rows, anchors, holdings by the database's clock, audit head
\startpipeline
begin;
select pg_try_advisory_xact_lock((:idem)::bigint);
select request_digest, response_status, response_body, location from idempotency_record
 where caller = 'PGBENCH/bench-teller' and idempotency_key = 'r' || (:idem)::text;
set local enable_seqscan = off;
with wanted (ref, proposed) as (select md5((:idem)::text || 'c'), md5((:idem)::text || 'p')::uuid),
     closure (ref, proposed) as (
         select l.person_ref, l.person_id from person_link l
         where l.person_id in (select k.person_id from person_link k where k.person_ref in (select ref from wanted)))
insert into person_link (person_ref, person_id)
select ref, proposed from (select distinct on (ref) ref, proposed from
        (select ref, proposed from wanted union all select ref, proposed from closure) candidates
        order by ref) rows
order by ref
on conflict (person_ref) do update set person_ref = excluded.person_ref
returning person_ref, person_id;
set local enable_seqscan to default;
insert into person_anchor (bank, person_ref)
select 'PGBENCH', person_id::text from person_link where person_ref = any(array[md5((:idem)::text || 'c')])
 group by person_id order by person_id::text
on conflict (bank, person_ref) do update set bank = excluded.bank;
with clock (now) as (select clock_timestamp())
select clock.now, s.account_class, s.card_category, s.state, count(s.id),
       (select count(*) from card_slot a where a.bank = 'PGBENCH' and a.agent_ref in (select l2.person_ref from person_link l1
               join person_link l2 on l2.person_id = l1.person_id where l1.person_ref = any('{}'::text[]))
           and (a.state in ('ACTIVE', 'INACTIVE') or (a.state = 'HELD' and a.held_until > clock.now)))
  from clock left join card_slot s on s.bank = 'PGBENCH' and s.customer_ref in (select l2.person_ref from person_link l1
               join person_link l2 on l2.person_id = l1.person_id where l1.person_ref = any(array[md5((:idem)::text || 'c')]))
       and (s.state in ('ACTIVE', 'INACTIVE') or (s.state = 'HELD' and s.held_until > clock.now))
 group by clock.now, s.account_class, s.card_category, s.state;
select chain, seq, hash from audit_head where chain = any(array[(:chain)::int]) order by chain for update;
\endpipeline
-- round trip 3: the hold, its audit event and head, the idempotency record, commit
\startpipeline
insert into card_slot (id, bank, customer_ref, account_class, card_category, state, channel, agent_ref, override_id,
                       held_until, source, created_by, created_at, version)
values (md5((:idem)::text || 's')::uuid, 'PGBENCH', md5((:idem)::text || 'c'), 'CLASS_II', 'DEBIT_CARD', 'HELD', 'COUNTER',
        null, null, clock_timestamp() + interval '15 minutes', 'OPENING', 'bench-teller', now(), 0);
with event as (insert into audit_event (chain, seq, occurred_at, actor, role, participant, action, legal_basis,
                   object_type, object_id, before_digest, after_digest, prev_hash, hash, seal)
               select chain, seq + 1, now(), 'bench-teller', 'bank', 'PGBENCH', 'slot.held', 'RULES A1/A2',
                      'card-slot', md5((:idem)::text || 's')::uuid::text, null, repeat('d', 64), hash,
                      md5((:idem)::text || 'h') || md5((:idem)::text || 'h'), 'k1.' || md5((:idem)::text || 'seal')
                 from audit_head where chain = (:chain)::int
               returning chain, seq, hash)
update audit_head h set seq = event.seq, hash = event.hash, seal = 'k1.' || md5(event.hash) from event where h.chain = event.chain;
insert into idempotency_record (caller, idempotency_key, request_digest, response_status, response_body, location)
values ('PGBENCH/bench-teller', 'r' || (:idem)::text, 'k1.' || md5((:idem)::text || 'req'), 201,
        json_build_object('id', md5((:idem)::text || 's')::uuid, 'state', 'HELD', 'decision', 'ALLOW',
            'reasons', json_build_array(), 'customerRef', md5((:idem)::text || 'c'), 'accountClass', 'CLASS_II',
            'cardCategory', 'DEBIT_CARD', 'channel', 'COUNTER', 'heldUntil', clock_timestamp() + interval '15 minutes',
            'overrideId', null, 'holdings', json_build_array(
                json_build_object('limit', 'DEBIT_CARDS', 'active', 0, 'inactive', 0, 'held', 0, 'inForce', 4),
                json_build_object('limit', 'CLASS_II_ACCOUNTS', 'active', 0, 'inactive', 0, 'held', 0, 'inForce', 5)))::text,
        '/v1/slot-reservations/' || md5((:idem)::text || 's')::uuid);
commit;
\endpipeline
-- confirmation, round trip 1: claim, the slot's person (link rows, anchor), the slot, the clock, the card number,
-- the person's recent openings, audit head
\startpipeline
begin;
select pg_try_advisory_xact_lock((:idem)::bigint + 1);
select request_digest, response_status, response_body, location from idempotency_record
 where caller = 'PGBENCH/bench-teller' and idempotency_key = 'c' || (:idem)::text;
with wanted (ref, proposed) as (select customer_ref, gen_random_uuid() from card_slot
                                 where id = md5((:idem)::text || 's')::uuid and bank = 'PGBENCH'),
     closure (ref, proposed) as (
         select l.person_ref, l.person_id from person_link l
         where l.person_id in (select k.person_id from person_link k where k.person_ref in (select ref from wanted)))
insert into person_link (person_ref, person_id)
select ref, proposed from (select distinct on (ref) ref, proposed from
        (select ref, proposed from wanted union all select ref, proposed from closure) candidates
        order by ref) rows
order by ref
on conflict (person_ref) do update set person_ref = excluded.person_ref
returning person_ref, person_id;
insert into person_anchor (bank, person_ref)
select 'PGBENCH', person_id::text from person_link
 where person_ref = (select customer_ref from card_slot where id = md5((:idem)::text || 's')::uuid and bank = 'PGBENCH')
on conflict (bank, person_ref) do update set bank = excluded.bank;
select id, bank, customer_ref, account_class, card_category, state, channel, agent_ref, override_id, held_until, card_ref,
       card_bin, card_last4, source, created_by, created_at, confirmed_at, ended_at, version
  from card_slot where id = md5((:idem)::text || 's')::uuid and bank = 'PGBENCH' for update;
select clock_timestamp();
select 1 from card_slot where bank = 'PGBENCH' and card_ref is not null
   and card_ref = any(array[md5((:idem)::text || 'card1'), md5((:idem)::text || 'card2')]) limit 1;
select count(*) from card_slot where customer_ref in (select l2.person_ref from person_link l1
           join person_link l2 on l2.person_id = l1.person_id
          where l1.person_ref = (select customer_ref from card_slot where id = md5((:idem)::text || 's')::uuid and bank = 'PGBENCH'))
   and confirmed_at >= now() - interval '30 days' and source = 'OPENING' and id <> md5((:idem)::text || 's')::uuid
   and (card_category is null or card_category <> all(array['SOCIAL_SECURITY_CARD', 'MEDICAL_INSURANCE_CARD', 'MILITARY_SECURITY_CARD']));
select chain, seq, hash from audit_head where chain = any(array[(:chain2)::int]) order by chain for update;
\endpipeline
-- round trip 2: the card, its audit event and head, the idempotency record, commit
\startpipeline
update card_slot set state = 'ACTIVE', card_ref = md5((:idem)::text || 'card1'), card_bin = '970400', card_last4 = '1234',
       confirmed_at = clock_timestamp(), version = version + 1 where id = md5((:idem)::text || 's')::uuid and version = 0;
with event as (insert into audit_event (chain, seq, occurred_at, actor, role, participant, action, legal_basis,
                   object_type, object_id, before_digest, after_digest, prev_hash, hash, seal)
               select chain, seq + 1, now(), 'bench-teller', 'bank', 'PGBENCH', 'card.confirmed', 'RULES A1/A2',
                      'card', md5((:idem)::text || 's')::uuid::text, repeat('b', 64), repeat('a', 64), hash,
                      md5((:idem)::text || 'h2') || md5((:idem)::text || 'h2'), 'k1.' || md5((:idem)::text || 'seal2')
                 from audit_head where chain = (:chain2)::int
               returning chain, seq, hash)
update audit_head h set seq = event.seq, hash = event.hash, seal = 'k1.' || md5(event.hash) from event where h.chain = event.chain;
insert into idempotency_record (caller, idempotency_key, request_digest, response_status, response_body, location)
values ('PGBENCH/bench-teller', 'c' || (:idem)::text, 'k1.' || md5((:idem)::text || 'req2'), 200,
        json_build_object('id', md5((:idem)::text || 's')::uuid, 'customerRef', md5((:idem)::text || 'c'),
            'accountClass', 'CLASS_II', 'cardCategory', 'DEBIT_CARD', 'state', 'ACTIVE', 'maskedCard', '970400******1234',
            'openedByAgent', false, 'confirmedAt', clock_timestamp())::text,
        '/v1/cards/' || md5((:idem)::text || 's')::uuid);
commit;
\endpipeline
