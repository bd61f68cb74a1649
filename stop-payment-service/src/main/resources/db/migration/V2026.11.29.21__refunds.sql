-- Refunds of frozen money to victims (docs/rules.md A7, docs/stop-payment.md). Victims' account numbers and
-- names are sealed until the bank's receipt, then erased; shares keep only accountRef and the masked form.
create table refund (
    id               uuid          primary key,
    freeze_order_id  uuid          not null references stop_order (id),
    case_id          uuid          not null references stop_case (id),
    agency           text          not null,
    target           text          not null,
    basis            text          not null check (basis in ('TRACED_SINGLE', 'TRACED_BY_TIME', 'PROPORTIONAL')),
    state            text          not null,
    officers         text          not null,
    notice_document  text          not null,
    total            numeric(15,2) not null,
    remainder        numeric(15,2) not null,
    notice_ends_at   timestamptz,
    objection        text,
    instructed_at    timestamptz,
    due_by           timestamptz,
    completed_at     timestamptz,
    receipt_number   text,
    sealed_victims   text,
    created_at       timestamptz   not null,
    version          bigint        not null default 0
);
create index refund_freeze on refund (freeze_order_id);

create table refund_share (
    id              uuid          primary key,
    refund_id       uuid          not null references refund (id),
    victim_ref      text          not null,
    loss            numeric(15,2) not null,
    amount          numeric(15,2) not null,
    account_ref     text          not null,
    account_masked  text          not null
);
create index refund_share_refund on refund_share (refund_id);

-- a refund instruction is an inbox entry of the bank too
alter table inbox_entry add column refund_id uuid references refund (id);
