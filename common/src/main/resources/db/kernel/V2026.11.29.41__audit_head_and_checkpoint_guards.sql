-- Guards the runtime role cannot switch off (only an owner can disable a trigger); functions owned by the owner.
-- Everything is schema-qualified: a session cannot shadow a table it does not name.

-- A checkpoint's id and time come from the database, never from whoever inserts it: an inserted row cannot pin
-- "the latest checkpoint" with a huge id or an old time.
create function public.audit_checkpoint_numbered() returns trigger language plpgsql as $$
begin
    new.id := nextval('public.audit_checkpoint_id_seq');
    new.created_at := now();
    return new;
end;
$$;
create trigger audit_checkpoint_numbered before insert on public.audit_checkpoint
    for each row execute function public.audit_checkpoint_numbered();

-- A head is created only as a genesis head (seq 0) and moves only one event forward, to an event of its chain
-- that exists: it can be neither rewound (next appends would collide) nor made up. Checked after the statement,
-- so the append's insert of the event and update of the head stay one statement (one round trip).
create function public.audit_head_moves_one_step() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.seq <> 0 or new.hash <> 'GENESIS' then
            raise exception 'audit_head: a new head must be a genesis head (seq 0, GENESIS)';
        end if;
    elsif new.chain <> old.chain or new.seq <> old.seq + 1 or not exists (
            select 1 from public.audit_event e where e.chain = new.chain and e.seq = new.seq and e.hash = new.hash) then
        raise exception 'audit_head: a head moves one event forward, to that event of its chain';
    end if;
    return null;
end;
$$;
create trigger audit_head_moves_one_step after insert or update on public.audit_head
    for each row execute function public.audit_head_moves_one_step();

-- No temporary tables for the runtime role: a temp table named audit_event would shadow the real one for
-- its session (pg_temp comes first in the search path). The owner owns the database, so it may revoke this;
-- local-stack and production role setup revoke it as well (docs/audit.md).
do $$
begin
    execute format('revoke temporary on database %I from public', current_database());
    execute format('revoke temporary on database %I from %I', current_database(), '${runtime_role}');
end;
$$;
