-- Markers on accounts and persons (docs/account-risk.md). Subjects are keyed references only: an account is
-- HMAC(bank/number), a person is the customerRef every service derives from the same pseudonym keys.
create table marker (
    id                 uuid        primary key,
    subject_type       text        not null check (subject_type in ('ACCOUNT', 'PERSON')),
    subject_ref        text        not null,
    category           text        not null,
    level              text        not null check (level in ('GREY', 'BLACK')),
    reason_code        text        not null,
    source_participant text        not null,
    source_system      text,
    evidence_ref       text,
    evidence           text,
    message_id         text,
    state              text        not null check (state in ('PENDING_APPROVAL', 'ACTIVE', 'REVOKED')),
    valid_from         timestamptz not null,
    valid_until        timestamptz not null,
    retain_until       timestamptz not null,
    created_by         text        not null,
    created_at         timestamptz not null,
    approved_by        text,
    approved_at        timestamptz,
    revoked_by         text,
    revoked_at         timestamptz,
    revocation_reason  text,
    version            bigint      not null default 0,
    check (valid_until > valid_from),
    check (retain_until >= valid_until)
);
-- the hot path reads every marker of a batch of subjects in one index scan
create index marker_subject on marker (subject_ref) include (state);
-- a message relayed again (card-limit's outbox, stop-payment) never makes a second marker
create unique index marker_message on marker (source_participant, message_id) where message_id is not null;

-- Joint punishment (docs/rules.md A3, A5): one row per listing; a relisting supersedes the row in force.
create table person_restriction (
    id                    uuid        primary key,
    customer_ref          text        not null,
    profile               text        not null,
    ground                text        not null,
    listing_agency        text        not null,
    listed_by             text        not null,
    reason_code           text        not null,
    case_ref              text        not null,
    stated_count          integer,
    below_threshold       boolean     not null,
    episode_start         date        not null,
    starts_on             date        not null,
    non_counter_until     date        not null,
    no_new_accounts_until date        not null,
    notice_basis          text        not null,
    state                 text        not null check (state in ('IN_FORCE', 'SUPERSEDED', 'LIFTED')),
    lifted_at             timestamptz,
    lift_reason           text,
    created_at            timestamptz not null,
    version               bigint      not null default 0
);
create index person_restriction_customer on person_restriction (customer_ref) include (state);

-- The change feed: one row per change of a marker or restriction, numbered without gaps. Writers take the
-- single feed_head row lock just before commit, so numbers are handed out in commit order and a reader that
-- has seen N has seen every change up to N (docs/account-risk.md, "Change feed").
create table feed_head (
    id  integer primary key check (id = 1),
    seq bigint  not null
);
insert into feed_head (id, seq) values (1, 0);

create table marker_event (
    seq          bigint      primary key,
    object_type  text        not null check (object_type in ('MARKER', 'RESTRICTION')),
    object_id    uuid        not null,
    subject_type text        not null,
    subject_ref  text        not null,
    change       text        not null,
    category     text,
    level        text,
    valid_from   timestamptz,
    valid_until  timestamptz,
    occurred_at  timestamptz not null
);
