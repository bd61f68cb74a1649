-- A dead letter now holds the later messages of its aggregate back until an operator resends it (the SQL is
-- in V2026.11.29.5) or deletes its row: delivering a marker's removal before its creation would leave the
-- receiver wrong. The relay's "is an earlier message still undelivered" look-up must therefore see dead letters.
drop index outbox_pending_by_aggregate;
create index outbox_undelivered_by_aggregate on outbox (aggregate, position) where status in ('PENDING', 'DEAD');
