-- Overrides (docs/card-limit.md "Overrides"): approved or rejected by a bank supervisor, cancelled by whoever asked,
-- expiring after cardlimit.override-ttl by the database's clock. Existing overrides expire 24 h after they were asked.
alter table limit_override drop constraint limit_override_state_check;
alter table limit_override add constraint limit_override_state_check
    check (state in ('PENDING_APPROVAL', 'APPROVED', 'USED', 'REJECTED', 'CANCELLED', 'EXPIRED'));
alter table limit_override add column expires_at timestamptz;
update limit_override set expires_at = created_at + interval '24 hours';
alter table limit_override alter column expires_at set not null;
-- who rejected or cancelled it, and when it ended (rejected, cancelled, expired or used)
alter table limit_override add column ended_by text;
alter table limit_override add column ended_at timestamptz;
-- the supervisors' list of pending overrides, oldest first
create index limit_override_pending on limit_override (bank, created_at, id) where state = 'PENDING_APPROVAL';
create index limit_override_due on limit_override (expires_at) where state in ('PENDING_APPROVAL', 'APPROVED');
