-- Kernel tables every service carries (common/): idempotency records and the hash-chained audit log.
-- Versions are dates so kernel and service migrations interleave in the order they were written.

create table idempotency_record (
    caller          text        not null,
    idempotency_key text        not null,
    request_digest  text        not null,
    response_status integer     not null,
    response_body   text,
    location        text,
    created_at      timestamptz not null default now(),
    primary key (caller, idempotency_key)
);
create index idempotency_record_created_at on idempotency_record (created_at);

create table audit_event (
    seq           bigint      primary key,
    occurred_at   timestamptz not null,
    actor         text        not null,
    role          text        not null,
    participant   text        not null,
    action        text        not null,
    legal_basis   text,
    object_type   text        not null,
    object_id     text        not null,
    before_digest text,
    after_digest  text,
    prev_hash     text        not null,
    hash          text        not null
);

-- The chain's head: one row, locked by every append so links are made one at a time.
create table audit_head (
    id   integer primary key check (id = 1),
    seq  bigint  not null,
    hash text    not null
);
insert into audit_head (id, seq, hash) values (1, 0, 'GENESIS');

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_append_only before update or delete or truncate on audit_event
    for each statement execute function audit_event_is_append_only();
