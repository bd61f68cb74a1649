-- stop-payment-service: participants, cases, orders, bank feedback, deliveries (docs/stop-payment.md).
-- Personal data: account numbers only as accountRef (keyed, per bank) + masked form; holder names only as a
-- keyed digest. The clear values a bank needs to execute an order are kept sealed (AES-GCM, key from
-- configuration) in stop_order.sealed_details until the bank's final feedback, then erased.

create table participant (
    code        text        primary key,
    kind        text        not null check (kind in ('BANK', 'PAYMENT_INSTITUTION', 'POLICE')),
    name        text        not null,
    -- the only place a webhook target comes from; null = inbox only
    webhook_url text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);

-- BIN ranges (first 6 digits of a card number) of a bank, to find an order's target from a card
create table participant_bin_range (
    id          uuid        primary key,
    participant text        not null references participant (code) on delete cascade,
    bin_from    text        not null check (bin_from ~ '^[0-9]{6}$'),
    bin_to      text        not null check (bin_to ~ '^[0-9]{6}$' and bin_from <= bin_to)
);
create index participant_bin_range_lookup on participant_bin_range (bin_from, bin_to);

-- at most two active at once (rotation): every webhook carries one v1 signature per active secret
create table signing_secret (
    id          uuid        primary key,
    participant text        not null references participant (code) on delete cascade,
    sealed      text        not null,
    created_at  timestamptz not null,
    retired_at  timestamptz
);
create index signing_secret_active on signing_secret (participant) where retired_at is null;

create table stop_case (
    id                  uuid        primary key,
    case_number         text        not null unique,
    agency              text        not null,
    officer             text        not null,
    major_case_approval text,
    created_at          timestamptz not null
);

-- an officer's standing authorisation for follow-up orders of one case (scope: layers, amount, validity)
create table standing_authorisation (
    id           uuid          primary key,
    case_id      uuid          not null references stop_case (id),
    officer      text          not null,
    max_layer    integer       not null,
    max_amount   numeric(15,2) not null,
    valid_until  timestamptz   not null,
    legal_basis  text          not null,
    created_at   timestamptz   not null
);
create index standing_authorisation_case on standing_authorisation (case_id);

create table stop_order (
    id                     uuid          primary key,
    case_id                uuid          not null references stop_case (id),
    agency                 text          not null,
    kind                   text          not null check (kind in ('STOP_PAYMENT', 'FREEZE', 'EXTEND', 'RELEASE')),
    freeze_mode            text          check (freeze_mode in ('AMOUNT_LIMITED', 'RECEIVE_ONLY')),
    target                 text          not null references participant (code),
    state                  text          not null,
    layer                  integer       not null,
    parent_order_id        uuid          references stop_order (id),
    original_order_id      uuid          references stop_order (id),
    source_transaction_id  text,
    account_ref            text          not null,
    account_masked         text          not null,
    holder_digest          text          not null,
    requested_amount       numeric(15,2) not null,
    transaction_time       timestamptz,
    transaction_amount     numeric(15,2),
    victim_ref             text,
    document_number        text          not null,
    document_issuer        text          not null,
    document_sha256        text          not null,
    approving_officer      text,
    legal_basis            text          not null,
    issued_by              text          not null,
    created_at             timestamptz   not null,
    issued_at              timestamptz,
    acknowledged_at        timestamptz,
    answered_at            timestamptz,
    not_executed_reason    text,
    stopped_amount         numeric(15,2),
    not_stopped_amount     numeric(15,2),
    prior_freezes          jsonb,
    effective_at           timestamptz,
    ends_at                timestamptz,
    ended_at               timestamptz,
    reminded_before        text,
    sealed_details         text,
    version                bigint        not null default 0,
    -- one follow-up per reported onward transfer in a case
    constraint stop_order_one_per_transaction unique (case_id, source_transaction_id)
);
create index stop_order_target on stop_order (target, created_at, id);
create index stop_order_case on stop_order (case_id);
create index stop_order_account on stop_order (case_id, account_ref, kind);
create index stop_order_running on stop_order (ends_at) where state in ('EXECUTED', 'PARTIALLY_EXECUTED');

-- what a bank reported, one row per onward transfer (clear values sealed only into the follow-up order)
create table onward_transfer (
    id               uuid          primary key,
    order_id         uuid          not null references stop_order (id),
    transaction_id   text          not null,
    bank             text          not null,
    account_ref      text          not null,
    account_masked   text          not null,
    amount           numeric(15,2) not null,
    transferred_at   timestamptz   not null,
    follow_up_id     uuid          references stop_order (id),
    not_followed     text
);
create index onward_transfer_order on onward_transfer (order_id);

-- every webhook attempt, delivered or not
create table delivery_attempt (
    id            bigint        generated always as identity primary key,
    event_id      uuid          not null,
    order_id      uuid          not null,
    participant   text          not null,
    event_type    text          not null,
    attempt       integer       not null,
    attempted_at  timestamptz   not null,
    status_code   integer,
    outcome       text          not null,
    error         text,
    millis        integer       not null
);
create index delivery_attempt_order on delivery_attempt (order_id, id);

-- the marker account-risk-service made for an executed order, so that release or expiry can revoke it
create table account_marker (
    order_id    uuid        primary key references stop_order (id),
    marker_id   uuid        not null,
    created_at  timestamptz not null
);

-- a bank's inbox: one entry per order issued to it, read with a cursor on position. An entry is shown only
-- once every transaction older than the one that wrote it has ended (xid below the snapshot's xmin), so a
-- reader's cursor can never move past an entry that commits later with a smaller position.
create table inbox_entry (
    position    bigint      generated always as identity primary key,
    participant text        not null,
    order_id    uuid        not null references stop_order (id),
    event_type  text        not null,
    written_xid xid8        not null default pg_current_xact_id()
);
create index inbox_entry_participant on inbox_entry (participant, position);
