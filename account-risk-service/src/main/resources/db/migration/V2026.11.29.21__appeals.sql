-- Appeals against person restrictions (Anti-Telecom Fraud Law art. 32): filed by a bank, decided by the
-- listing agency or a regulator by due_by; an upheld appeal lifts the restriction in the same transaction.
create table appeal (
    id                   uuid        primary key,
    restriction_id       uuid        not null references person_restriction (id),
    listing_agency       text        not null,
    filing_bank          text        not null,
    filed_by             text        not null,
    grounds              text        not null,
    state                text        not null check (state in ('FILED', 'UPHELD', 'REJECTED')),
    filed_at             timestamptz not null,
    due_by               timestamptz not null,
    decided_by           text,
    deciding_participant text,
    decided_at           timestamptz,
    decision_reason      text,
    version              bigint      not null default 0
);
create index appeal_restriction on appeal (restriction_id);
