-- A restriction's change on the feed carries each measure and the instant it ends, so a mirror (card-limit-service)
-- decides exactly as GET /v1/person-restrictions does without asking it. Null for markers and for restriction
-- changes recorded before this column existed: a mirror asks the endpoint for those persons.
alter table marker_event add column measures jsonb;
