-- Seals: each event and each chain head carries an HMAC (key id + MAC) made with an audit key the database
-- never holds (fraudshield.audit.keys), so the table owner can no longer edit an event, recompute the later
-- hashes and move the head without the verifier noticing. Rows written before this migration have no seal
-- and are reported as such.
alter table audit_event add column seal text;
alter table audit_head add column seal text;

-- Signed checkpoints: the heads of all chains at one moment, signed with the audit key. Also logged and
-- kept by auditors, so an older head put back (with the events after it deleted) is caught.
create table audit_checkpoint (
    id         bigserial   primary key,
    created_at timestamptz not null,
    body       text        not null
);

create function audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end;
$$;
create trigger audit_checkpoint_append_only before update or delete or truncate on audit_checkpoint
    for each statement execute function audit_is_append_only();
