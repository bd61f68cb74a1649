-- The SQL a reservation + confirmation pair needs, at its minimum (bench/card-limit/run.sh runs it with pgbench as
-- the runtime role, read committed, on the same tables, indexes and triggers as the service, in the same run).
-- A new customer each time, one document, no agent, no override; hashes and seals are stand-ins of the same shape.
\set chain random(0, 15)
\set chain2 random(0, 15)
\set idem random(1, 9223372036854775807)
-- reservation: the bank's opening-decision token (its own transaction, as in the service)
insert into opening_rate_bucket as b (bank, tokens, refilled_at) values ('PGBENCH', 1e9 - 1, clock_timestamp())
    on conflict (bank) do update
   set tokens = least(excluded.tokens + 1, b.tokens + extract(epoch from clock_timestamp() - b.refilled_at) * 1e9) - 1,
       refilled_at = clock_timestamp()
 where least(excluded.tokens + 1, b.tokens + extract(epoch from clock_timestamp() - b.refilled_at) * 1e9) >= 1
returning tokens;
begin;
select pg_try_advisory_xact_lock((:idem)::bigint);
select request_digest, response_status, response_body, location from idempotency_record
 where caller = 'PGBENCH/bench-teller' and idempotency_key = 'r' || (:idem)::bigint;
insert into person_link (person_ref, person_id) values (md5((:idem)::bigint::text || 'customer'), gen_random_uuid())
    on conflict (person_ref) do update set person_ref = excluded.person_ref returning person_ref, person_id \gset
insert into person_anchor (bank, person_ref) values ('PGBENCH', :person_id::text)
    on conflict (bank, person_ref) do update set bank = excluded.bank;
select clock_timestamp() as now, account_class, card_category, state, count(*) from card_slot
 where bank = 'PGBENCH' and customer_ref in (select person_ref from person_link where person_id = :person_id::uuid)
   and (state in ('ACTIVE', 'INACTIVE') or (state = 'HELD' and held_until > clock_timestamp()))
 group by account_class, card_category, state;
select seq, hash from audit_head where chain = :chain::int for update;
insert into card_slot (id, bank, customer_ref, account_class, card_category, state, channel, held_until, source,
                       created_by, created_at)
values (gen_random_uuid(), 'PGBENCH', :person_ref::text, 'CLASS_II', 'DEBIT_CARD', 'HELD', 'COUNTER',
        clock_timestamp() + interval '15 minutes', 'OPENING', 'bench-teller', now()) returning id as slot_id \gset
with event as (insert into audit_event (chain, seq, occurred_at, actor, role, participant, action, legal_basis,
                   object_type, object_id, before_digest, after_digest, prev_hash, hash, seal)
               select :chain::int, seq + 1, now(), 'bench-teller', 'bank', 'PGBENCH', 'slot.held', 'RULES A1/A2',
                      'card-slot', :slot_id::text, null, md5(:slot_id::text) || md5(:slot_id::text), hash,
                      md5((:idem)::bigint::text || 'h') || md5((:idem)::bigint::text || 'h'), md5((:idem)::bigint::text || 's')
                 from audit_head where chain = :chain::int
               returning chain, seq, hash)
update audit_head h set seq = event.seq, hash = event.hash, seal = md5(event.hash) from event where h.chain = event.chain;
insert into idempotency_record (caller, idempotency_key, request_digest, response_status, response_body, location)
values ('PGBENCH/bench-teller', 'r' || (:idem)::bigint, 'k1.' || md5((:idem)::bigint::text || 'req'), 201,
        '{"id":"' || :slot_id::text || '","state":"HELD","outcome":"ALLOW","reasons":[],"customerRef":"' || :person_ref::text
        || '","accountClass":"CLASS_II","card":"DEBIT_CARD","channel":"COUNTER","heldUntil":"2026-11-29T00:00:00Z",'
        || '"holdings":[{"limit":"DEBIT_CARDS","active":0,"inactive":0,"held":0,"limit":4}]}',
        '/v1/slot-reservations/' || :slot_id::text);
commit;
-- confirmation
begin;
select pg_try_advisory_xact_lock((:idem)::bigint + 1);
select request_digest, response_status, response_body, location from idempotency_record
 where caller = 'PGBENCH/bench-teller' and idempotency_key = 'c' || (:idem)::bigint;
select customer_ref from card_slot where id = :slot_id::uuid and bank = 'PGBENCH';
insert into person_link (person_ref, person_id) values (:person_ref::text, gen_random_uuid())
    on conflict (person_ref) do update set person_ref = excluded.person_ref returning person_id;
insert into person_anchor (bank, person_ref) values ('PGBENCH', :person_id::text)
    on conflict (bank, person_ref) do update set bank = excluded.bank;
select clock_timestamp(), state, held_until, card_category, agent_ref from card_slot where id = :slot_id::uuid for update;
select 1 from card_slot where bank = 'PGBENCH' and card_ref in (md5((:idem)::bigint::text || 'card'), md5((:idem)::bigint::text || 'card-old')) limit 1;
update card_slot set state = 'ACTIVE', confirmed_at = clock_timestamp(), card_ref = md5((:idem)::bigint::text || 'card'),
       card_bin = '970400', card_last4 = '1234', version = version + 1 where id = :slot_id::uuid;
select seq, hash from audit_head where chain = :chain2::int for update;
with event as (insert into audit_event (chain, seq, occurred_at, actor, role, participant, action, legal_basis,
                   object_type, object_id, before_digest, after_digest, prev_hash, hash, seal)
               select :chain2::int, seq + 1, now(), 'bench-teller', 'bank', 'PGBENCH', 'card.confirmed', 'RULES A1/A2',
                      'card', :slot_id::text, md5(:slot_id::text) || md5(:slot_id::text), md5((:idem)::bigint::text || 'a') || md5((:idem)::bigint::text || 'a'),
                      hash, md5((:idem)::bigint::text || 'h2') || md5((:idem)::bigint::text || 'h2'), md5((:idem)::bigint::text || 's2')
                 from audit_head where chain = :chain2::int
               returning chain, seq, hash)
update audit_head h set seq = event.seq, hash = event.hash, seal = md5(event.hash) from event where h.chain = event.chain;
select count(*) from card_slot where customer_ref in (select person_ref from person_link where person_id = :person_id::uuid)
   and confirmed_at >= clock_timestamp() - interval '30 days' and source = 'OPENING'
   and (card_category is null or card_category not in ('SOCIAL_SECURITY_CARD', 'MEDICAL_INSURANCE_CARD', 'MILITARY_SECURITY_CARD'));
insert into idempotency_record (caller, idempotency_key, request_digest, response_status, response_body, location)
values ('PGBENCH/bench-teller', 'c' || (:idem)::bigint, 'k1.' || md5((:idem)::bigint::text || 'req2'), 200,
        '{"id":"' || :slot_id::text || '","state":"ACTIVE","customerRef":"' || :person_ref::text
        || '","accountClass":"CLASS_II","card":"DEBIT_CARD","cardBin":"970400","cardLast4":"1234"}',
        '/v1/cards/' || :slot_id::text);
commit;
