-- Idempotency digests are now keyed (HMAC under the pseudonym keys, "keyid.mac"). Records made before held an
-- unkeyed SHA-256 of request bodies that contain card and ID numbers, reversible by trying every number:
-- they are removed. A client retrying such an old key is served as a new request.
delete from idempotency_record where request_digest not like '%.%';
