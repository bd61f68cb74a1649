-- One person, one count (issue 7): every document reference — each document of a person (resident ID,
-- passport with its issuing state, old and new permanent-resident IDs), under every live pseudonym key — is
-- linked to one person id, permanently. Anchors lock the person id, and counting is over all its references.
-- Links are never deleted; a merge repoints one person's references to the other (audited as person.merged).
create table person_link (
    person_ref text        primary key,
    person_id  uuid        not null,
    linked_at  timestamptz not null default now()
);
create index person_link_person on person_link (person_id);

-- every reference stored so far is its own person until an opening presents two documents together
insert into person_link (person_ref, person_id)
select ref, gen_random_uuid()
from (select customer_ref as ref from card_slot
      union select agent_ref from card_slot where agent_ref is not null
      union select customer_ref from limit_override) refs;
