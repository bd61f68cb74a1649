-- Opening decisions (checks and reservations) are rate-limited per bank with a token bucket shared by all replicas:
-- one row per bank, taken from and refilled in one statement (docs/card-limit.md "Rate limits").
create table opening_rate_bucket (
    bank        text             primary key,
    tokens      double precision not null,
    refilled_at timestamptz      not null
);
