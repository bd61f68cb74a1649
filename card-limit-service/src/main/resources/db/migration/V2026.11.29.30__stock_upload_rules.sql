-- Stock uploads in two steps and under the state machine (docs/card-limit.md "Stock uploads"):
-- an upload is CREATED (its id answered at once), then its lines are RECEIVING, then COMPLETED or FAILED.
alter table stock_upload drop constraint stock_upload_state_check;
alter table stock_upload add constraint stock_upload_state_check
    check (state in ('CREATED', 'RECEIVING', 'COMPLETED', 'FAILED'));
-- FULL_SNAPSHOT: every open card of the bank missing from the upload is flagged for review
alter table stock_upload add column mode text not null default 'INCREMENTAL'
    check (mode in ('INCREMENTAL', 'FULL_SNAPSHOT'));
alter table stock_upload add column missing_cards integer;
-- at most N uploads of a bank receive at once: counted under an advisory lock per bank
create index stock_upload_receiving on stock_upload (bank) where state = 'RECEIVING';

-- open cards of the bank that a full snapshot did not report (the bank must look at them)
create table stock_missing_card (
    upload_id uuid not null references stock_upload (id),
    card_id   uuid not null,
    primary key (upload_id, card_id)
);
