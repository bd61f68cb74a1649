-- Stock clean-up (存量清理): a bank streams the cards it already has; they become STOCK slots that count
-- toward the limits, and the upload ends with the work-list of customers over a limit.

create table stock_upload (
    id              uuid        primary key,
    bank            text        not null,
    state           text        not null check (state in ('RECEIVING', 'COMPLETED', 'FAILED')),
    lines_read      bigint      not null default 0,
    lines_accepted  bigint      not null default 0,
    lines_rejected  bigint      not null default 0,
    work_list_size  integer,
    created_by      text        not null,
    created_at      timestamptz not null default now(),
    progress_at     timestamptz not null default now(),
    completed_at    timestamptz,
    failure         text,
    version         bigint      not null default 0
);

create table stock_upload_error (
    upload_id uuid   not null references stock_upload (id),
    line_no   bigint not null,
    reason    text   not null,
    primary key (upload_id, line_no)
);

create table stock_work_item (
    upload_id    uuid    not null references stock_upload (id),
    customer_ref text    not null,
    product      text    not null,
    open_count   integer not null,
    limit_count  integer not null,
    cards        text    not null,
    primary key (upload_id, customer_ref, product)
);

-- stock cards arrive without the channel they were opened through
alter table card_slot alter column channel drop not null;
