-- Transactional outbox: messages to other services are written in the same transaction as the change that
-- causes them, then relayed with retries until the receiver acknowledges. Nothing acknowledged is lost.
create table outbox_message (
    id              uuid        primary key,
    topic           text        not null,
    payload         text        not null,
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    delivered_at    timestamptz,
    last_error      text
);
create index outbox_message_due on outbox_message (next_attempt_at) where delivered_at is null;

-- one bulk-opening signal per customer per window
create table bulk_opening_signal (
    customer_ref text        not null,
    signalled_at timestamptz not null,
    primary key (customer_ref, signalled_at)
);
