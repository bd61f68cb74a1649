-- Test-only table: one row per effect of the probe resource, so tests can count effects.
create table probe_effect (
    id           bigserial primary key,
    label        text          not null,
    customer_ref text          not null,
    amount       numeric(15, 2) not null
);
