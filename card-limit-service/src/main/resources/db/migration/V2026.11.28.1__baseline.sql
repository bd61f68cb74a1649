-- card-limit-service baseline. The kernel tables (idempotency_record, audit_event, audit_head) come first from
-- common (db/kernel); this service's own tables follow in later migrations, one per change.
comment on table audit_event is 'Hash-chained, append-only audit log of card-limit-service';
