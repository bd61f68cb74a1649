-- The W3C traceparent of the request that wrote a message (common/outbox, docs/observability.md): the relay
-- continues that trace when it delivers, so one trace runs from a police order to the bank's acknowledgement.
-- Null for messages written outside any trace (and for those written before this migration).
alter table outbox add column traceparent text;
