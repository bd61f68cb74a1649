package io.fraudshield.cardlimit.slot;

import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One person, one count: every document reference (each document of a person, under every live key) is
 * linked to one person id, permanently. Linking takes the row locks of every link row of the request — and
 * of every other reference of the persons they belong to — in sorted order, in one statement. So everyone
 * presenting the same document is serialised on its link row; a merge of two persons waits for the locks
 * of their other documents; and two merges of the same persons lock the same rows in the same order, so
 * they never deadlock each other.
 */
@ApplicationScoped
public class PersonLinks {

    /**
     * Locks (creating where missing) the link rows of the given references and of all references of the
     * persons they already belong to, sorted; new rows get the reference's proposed person id.
     */
    static final String LOCK = """
            with wanted (ref, proposed) as (select * from unnest(?::text[], ?::uuid[])),
                 closure (ref, proposed) as (
                     select l.person_ref, l.person_id from person_link l
                     where l.person_id in (select k.person_id from person_link k where k.person_ref in (select ref from wanted)))
            insert into person_link (person_ref, person_id)
            select ref, proposed from (select distinct on (ref) ref, proposed from
                    (select ref, proposed from wanted union all select ref, proposed from closure) candidates
                    order by ref) rows
            order by ref
            on conflict (person_ref) do update set person_ref = excluded.person_ref
            returning person_ref, person_id
            """;

    private final EntityManager entityManager;
    private final AuditTrail audit;

    public PersonLinks(EntityManager entityManager, AuditTrail audit) {
        this.entityManager = entityManager;
        this.audit = audit;
    }

    /** The customer's person and, with an agent, the agent's; both locked at their link rows. */
    public record LinkedPersons(UUID customer, Optional<UUID> agent) {
    }

    /**
     * Links the customer's references to one person (and the agent's to another), merging persons that
     * turn out to be one. Audited: {@code person.linked} when a new reference joins a known person,
     * {@code person.merged} when two known persons become one (the smallest id survives). A merge of two
     * persons who each hold cards is kept, whatever the union holds: the count is then over the union.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LinkedPersons link(Caller caller, Collection<String> customerRefs, Collection<String> agentRefs) {
        UUID freshCustomer = UUID.randomUUID();
        UUID freshAgent = UUID.randomUUID();
        Map<String, UUID> proposed = new HashMap<>();
        customerRefs.forEach(ref -> proposed.put(ref, freshCustomer));
        agentRefs.forEach(ref -> proposed.putIfAbsent(ref, freshAgent));
        Map<String, UUID> locked = lock(proposed);
        Set<UUID> customerPersons = personsOf(customerRefs, locked);
        Set<UUID> agentPersons = personsOf(agentRefs, locked);
        if (agentPersons.stream().anyMatch(customerPersons::contains)) {
            throw ProblemException.invalidField("agent", "the agent must be someone other than the customer");
        }
        UUID customer = settle(caller, customerPersons, freshCustomer, customerRefs.size());
        Optional<UUID> agent = agentRefs.isEmpty() ? Optional.empty()
                : Optional.of(settle(caller, agentPersons, freshAgent, agentRefs.size()));
        return new LinkedPersons(customer, agent);
    }

    /** The person of one stored reference, locked at its link row (linked to a new person when it has none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID lockPersonOf(String ref) {
        return lock(Map.of(ref, UUID.randomUUID())).get(ref);
    }

    /** The persons the references belong to, without linking or locking anything (the dry run). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> findPersons(Collection<String> refs) {
        return new TreeSet<>(entityManager.createQuery(
                        "select distinct l.personId from PersonLink l where l.personRef in ?1", UUID.class)
                .setParameter(1, refs).getResultList());
    }

    /** Every reference of these persons, plus the given ones (which may not be linked yet). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> refsOf(Collection<UUID> persons, Collection<String> alsoRefs) {
        Set<String> refs = new TreeSet<>(alsoRefs);
        if (!persons.isEmpty()) {
            refs.addAll(entityManager.createQuery("select l.personRef from PersonLink l where l.personId in ?1",
                    String.class).setParameter(1, persons).getResultList());
        }
        return List.copyOf(refs);
    }

    public List<String> refsOf(UUID person) {
        return refsOf(List.of(person), List.of());
    }

    private Map<String, UUID> lock(Map<String, UUID> proposed) {
        List<String> refs = new ArrayList<>(new TreeSet<>(proposed.keySet()));
        Object[] ids = refs.stream().map(proposed::get).toArray();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
                statement.setArray(1, connection.createArrayOf("text", refs.toArray()));
                statement.setArray(2, connection.createArrayOf("uuid", ids));
                Map<String, UUID> persons = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        persons.put(rows.getString(1), rows.getObject(2, UUID.class));
                    }
                }
                return persons;
            }
        });
    }

    private static Set<UUID> personsOf(Collection<String> refs, Map<String, UUID> locked) {
        Set<UUID> persons = new LinkedHashSet<>();
        refs.forEach(ref -> persons.add(locked.get(ref)));
        return persons;
    }

    /** Makes one person of the given ones; the smallest pre-existing id survives. */
    private UUID settle(Caller caller, Set<UUID> persons, UUID fresh, int refs) {
        Set<UUID> known = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        persons.stream().filter(id -> !id.equals(fresh)).forEach(known::add);
        if (known.isEmpty()) {
            return fresh;
        }
        UUID survivor = known.iterator().next();
        List<UUID> others = persons.stream().filter(id -> !id.equals(survivor)).toList();
        if (others.isEmpty()) {
            return survivor;
        }
        entityManager.unwrap(Session.class).doWork(connection -> repoint(connection, survivor, others));
        List<UUID> mergedKnown = others.stream().filter(id -> !id.equals(fresh)).toList();
        if (mergedKnown.isEmpty()) {
            audit.append(caller, new AuditEntry("person.linked", "one person, one count (docs/rules.md A1, A2)",
                    "person", survivor.toString(), null, Map.of("documentsPresented", refs)));
        } else {
            audit.append(caller, new AuditEntry("person.merged", "one person, one count (docs/rules.md A1, A2)",
                    "person", survivor.toString(), Map.of("persons", mergedKnown.stream().map(UUID::toString).toList()),
                    Map.of("person", survivor.toString())));
        }
        return survivor;
    }

    static void repoint(Connection connection, UUID survivor, List<UUID> others) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "update person_link set person_id = ? where person_id = any(?)")) {
            statement.setObject(1, survivor);
            statement.setArray(2, connection.createArrayOf("uuid", others.toArray()));
            statement.executeUpdate();
        }
    }
}
