-- Migrations run as the owner role (quarkus.flyway.username); the service runs as the runtime role
-- (quarkus.datasource.username, passed in as ${runtime_role}). The runtime role gets plain DML on the
-- service's own tables, but only SELECT and INSERT on the audit trail: it can neither rewrite nor delete
-- audit events or checkpoints, nor switch their append-only triggers off (only an owner can), nor create
-- or alter tables.
revoke create on schema public from public;
grant usage on schema public to "${runtime_role}";

grant select, insert, update, delete on all tables in schema public to "${runtime_role}";
grant usage, select on all sequences in schema public to "${runtime_role}";
-- tables and sequences that later migrations (kernel or service) create as the owner
alter default privileges in schema public grant select, insert, update, delete on tables to "${runtime_role}";
alter default privileges in schema public grant usage, select on sequences to "${runtime_role}";

-- the migration history is the owner's to write (reading it is harmless)
revoke insert, update, delete on flyway_schema_history from "${runtime_role}";
revoke update, delete on audit_event, audit_checkpoint from "${runtime_role}";
-- heads move forward with every append (UPDATE) and are created once per chain (INSERT); never deleted
revoke delete on audit_head from "${runtime_role}";
