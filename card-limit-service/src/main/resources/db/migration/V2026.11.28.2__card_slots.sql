-- Card and account slots per customer per bank (RULES.md A1, A2). The limit invariant is kept by locking
-- the customer's anchor row (and the agent's) before counting and inserting: every replica takes the same
-- PostgreSQL row lock, so held + open slots never exceed the limit under any interleaving.

create table person_anchor (
    bank       text        not null,
    person_ref text        not null,
    created_at timestamptz not null default now(),
    primary key (bank, person_ref)
);

create table card_slot (
    id           uuid        primary key,
    bank         text        not null,
    customer_ref text        not null,
    product      text        not null,
    state        text        not null check (state in ('HELD', 'RELEASED', 'EXPIRED', 'INACTIVE', 'ACTIVE', 'CLOSED')),
    channel      text        not null,
    agent_ref    text,
    override_id  uuid,
    held_until   timestamptz,
    card_ref     text,
    card_bin     text,
    card_last4   text,
    source       text        not null default 'OPENING' check (source in ('OPENING', 'STOCK')),
    stock_upload uuid,
    stock_line   bigint,
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    confirmed_at timestamptz,
    ended_at     timestamptz,
    version      bigint      not null default 0
);
-- counting a customer's slots, and an agent's, at one bank
create index card_slot_customer on card_slot (bank, customer_ref, product) where state in ('HELD', 'INACTIVE', 'ACTIVE');
create index card_slot_agent on card_slot (bank, agent_ref) where agent_ref is not null and state in ('HELD', 'INACTIVE', 'ACTIVE');
-- the expiry job's scan
create index card_slot_held_until on card_slot (held_until) where state = 'HELD';
-- one card number is one card at a bank
create unique index card_slot_card on card_slot (bank, card_ref) where card_ref is not null;
-- the regulator's cross-bank view and the bulk-opening signal
create index card_slot_customer_all_banks on card_slot (customer_ref, confirmed_at);

-- Supervisor overrides: maker-checker, one extra slot, used once (RULES.md A1, BOC).
create table limit_override (
    id            uuid        primary key,
    bank          text        not null,
    customer_ref  text        not null,
    product       text        not null,
    reason        text        not null,
    state         text        not null check (state in ('PENDING_APPROVAL', 'APPROVED', 'USED')),
    requested_by  text        not null,
    approved_by   text,
    used_by_slot  uuid,
    created_at    timestamptz not null default now(),
    approved_at   timestamptz,
    version       bigint      not null default 0,
    check (approved_by is null or approved_by <> requested_by)
);
