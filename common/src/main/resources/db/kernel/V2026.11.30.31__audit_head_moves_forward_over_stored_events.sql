-- A head may move several events forward in one update, provided every event it passes over is stored in its chain
-- and it lands on that chain's event with its hash: a batch of appends (AuditBatch, a stock upload's 2,000 card
-- events) moves each chain's head once instead of once per event. It still can be neither rewound nor made up.
create or replace function public.audit_head_moves_one_step() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.seq <> 0 or new.hash <> 'GENESIS' then
            raise exception 'audit_head: a new head must be a genesis head (seq 0, GENESIS)';
        end if;
    elsif new.chain <> old.chain or new.seq <= old.seq
            or (select count(*) from public.audit_event e
                where e.chain = new.chain and e.seq > old.seq and e.seq <= new.seq) <> new.seq - old.seq
            or not exists (select 1 from public.audit_event e
                           where e.chain = new.chain and e.seq = new.seq and e.hash = new.hash) then
        raise exception 'audit_head: a head moves forward over stored events of its chain, to the last of them';
    end if;
    return null;
end;
$$;
