-- An upload is started at most once per caller and Idempotency-Key. The key lives on the upload itself,
-- not in idempotency_record: an upload streams for minutes in many short transactions, so it cannot hold
-- the one transaction that Idempotency.once wraps around a JSON write.
alter table stock_upload add column idempotency_key text;
create unique index stock_upload_idempotency_key on stock_upload (bank, created_by, idempotency_key);
