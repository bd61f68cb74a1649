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

-- The audit log is a set of hash chains: an object's events always go to chain hash(object) mod N, so
-- its history stays in order in one chain while appends for different objects do not wait for each other.
create table audit_event (
    chain         integer     not null,
    seq           bigint      not null,
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
    hash          text        not null,
    primary key (chain, seq)
);
create index audit_event_object on audit_event (object_type, object_id);

-- Each chain's head: one row per chain, locked by every append to that chain so its links are made one
-- at a time. Created on a chain's first append.
create table audit_head (
    chain integer primary key,
    seq   bigint  not null,
    hash  text    not null
);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_append_only before update or delete or truncate on audit_event
    for each statement execute function audit_event_is_append_only();
