-- Transactional outbox (common/outbox): a message to another service is written in the same transaction as
-- the change that causes it, then relayed outside any transaction until the receiver acknowledges it, it
-- fails permanently, or it runs out of attempts (then it stays here as a dead letter for an operator).
-- Receivers de-duplicate by id (sent as Message-Id): a relay that crashed mid-call delivers again.
-- To send a dead letter again once its cause is fixed:
--   update outbox set status = 'PENDING', attempts = 0, next_attempt_at = now(), dead_at = null where id = '…';
create table outbox (
    id              uuid        primary key,
    -- insertion order; a message waits while an earlier one of the same aggregate is still pending
    position        bigint      generated always as identity unique,
    aggregate       text        not null,
    type            text        not null,
    destination     text        not null,
    payload         text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    -- a relay's claim: nobody else takes the message before lease_until; only the claim's owner records the outcome
    lease_until     timestamptz,
    lease_owner     uuid,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    dead_at         timestamptz,
    last_error      text
);
create index outbox_pending on outbox (next_attempt_at, position) where status = 'PENDING';
create index outbox_pending_by_aggregate on outbox (aggregate, position) where status = 'PENDING';
-- delivered messages are deleted after fraudshield.outbox.keep-delivered; dead letters stay for an operator
create index outbox_delivered_at on outbox (delivered_at) where status = 'DELIVERED';
