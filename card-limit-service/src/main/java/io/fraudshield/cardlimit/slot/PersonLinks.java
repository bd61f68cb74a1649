package io.fraudshield.cardlimit.slot;

import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.sql.RoundTrip;
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
import java.util.HashSet;
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
 * of every other reference of the persons they belong to — in sorted order, in one statement (then those of its
 * persons that statement's snapshot missed, {@link #LOCK_UNSEEN}). So everyone
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
        return entityManager.unwrap(Session.class).doReturningWork(connection -> lockIn(connection, LOCK, LOCK_UNSEEN, proposed));
    }

    /**
     * The link rows of these persons that were not locked yet, locked (sorted) with their persons as they are now. Run
     * as its own statement after {@link #LOCK}: that statement found "every other reference of these persons" in its
     * own snapshot, so a reference that a transaction still open then linked to one of them (its insert or repoint is
     * what the lock waited for) was not among them; this statement's snapshot, taken after those waits, sees it.
     */
    static final String LOCK_UNSEEN = """
            select person_ref, person_id from person_link
            where person_ref in (select l.person_ref from person_link l
                                 where l.person_id = any(?::uuid[]) and l.person_ref not in (select unnest(?::text[])))
            order by person_ref
            for update
            """;

    /**
     * Runs {@link #LOCK} (or a text of it planned differently, with {@code unseen} the matching text of
     * {@link #LOCK_UNSEEN}) for these references and their proposed person ids, sorted by reference, then
     * {@code unseen} until it finds no reference of the locked persons left unlocked
     * (usually at once: one more round trip that returns nothing); @return each locked reference's person.
     */
    static Map<String, UUID> lockIn(Connection connection, String lock, String unseenLock, Map<String, UUID> proposed)
            throws SQLException {
        List<String> refs = new ArrayList<>(new TreeSet<>(proposed.keySet()));
        Object[] ids = refs.stream().map(proposed::get).toArray();
        Map<String, UUID> persons = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(lock)) {
            statement.setArray(1, connection.createArrayOf("text", refs.toArray()));
            statement.setArray(2, connection.createArrayOf("uuid", ids));
            readInto(statement, persons);
        }
        try (PreparedStatement unseen = connection.prepareStatement(unseenLock)) {
            while (true) {
                unseen.setArray(1, connection.createArrayOf("uuid", new HashSet<>(persons.values()).toArray()));
                unseen.setArray(2, connection.createArrayOf("text", persons.keySet().toArray()));
                if (readInto(unseen, persons) == 0) {
                    return persons;
                }
            }
        }
    }

    private static int readInto(PreparedStatement statement, Map<String, UUID> persons) throws SQLException {
        int read = 0;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                persons.put(rows.getString(1), rows.getObject(2, UUID.class));
                read++;
            }
        }
        return read;
    }

    private static Set<UUID> personsOf(Collection<String> refs, Map<String, UUID> locked) {
        Set<UUID> persons = new LinkedHashSet<>();
        refs.forEach(ref -> persons.add(locked.get(ref)));
        return persons;
    }

    /** Makes one person of the given ones; the smallest pre-existing id survives. */
    private UUID settle(Caller caller, Set<UUID> persons, UUID fresh, int refs) {
        Settlement settlement = Settlement.of(persons, fresh);
        if (settlement.others().isEmpty()) {
            return settlement.survivor();
        }
        entityManager.unwrap(Session.class).doWork(connection -> repoint(connection, settlement.survivor(), settlement.others()));
        audit.append(caller, settlement.auditEntry(refs));
        return settlement.survivor();
    }

    /** How the persons a request's references belong to become one: who survives, who is re-pointed to it. */
    record Settlement(UUID survivor, List<UUID> others, List<UUID> mergedKnown) {

        static Settlement of(Set<UUID> persons, UUID fresh) {
            Set<UUID> known = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
            persons.stream().filter(id -> !id.equals(fresh)).forEach(known::add);
            if (known.isEmpty()) {
                return new Settlement(fresh, List.of(), List.of());
            }
            UUID survivor = known.iterator().next();
            List<UUID> others = persons.stream().filter(id -> !id.equals(survivor)).toList();
            return new Settlement(survivor, others, others.stream().filter(id -> !id.equals(fresh)).toList());
        }

        /** {@code person.linked} when a new reference joins a known person, {@code person.merged} when two known merge. */
        AuditEntry auditEntry(int refs) {
            if (mergedKnown.isEmpty()) {
                return new AuditEntry("person.linked", "one person, one count (docs/rules.md A1, A2)",
                        "person", survivor.toString(), null, Map.of("documentsPresented", refs));
            }
            return new AuditEntry("person.merged", "one person, one count (docs/rules.md A1, A2)",
                    "person", survivor.toString(), Map.of("persons", mergedKnown.stream().map(UUID::toString).toList()),
                    Map.of("person", survivor.toString()));
        }
    }

    /**
     * {@link #link} for a write that makes its own round trips (plain JDBC, no JTA): adds the lock of the link rows,
     * planned by index ({@link #INDEX_ONLY}), to the caller's first round trip; {@link Linking#settle} then reads who
     * the persons are.
     */
    public Linking linkIn(RoundTrip trip, Collection<String> customerRefs, Collection<String> agentRefs) {
        UUID freshCustomer = UUID.randomUUID();
        UUID freshAgent = UUID.randomUUID();
        Map<String, UUID> proposed = new HashMap<>();
        customerRefs.forEach(ref -> proposed.put(ref, freshCustomer));
        agentRefs.forEach(ref -> proposed.putIfAbsent(ref, freshAgent));
        List<String> refs = new ArrayList<>(new TreeSet<>(proposed.keySet()));
        UUID[] ids = refs.stream().map(proposed::get).toArray(UUID[]::new);
        trip.add(INDEX_ONLY);
        int lock = trip.add(LOCK.strip(), refs.toArray(String[]::new), ids);
        trip.add(SCANS_ALLOWED);
        return new Linking(List.copyOf(customerRefs), List.copyOf(agentRefs), freshCustomer, freshAgent, lock);
    }

    /**
     * The lock of {@link #linkIn} is planned with sequential scans ruled out, as the stock batch's is
     * ({@link PersonLinkBatch#LOCK}): a plan made while {@code person_link} was small or unanalysed would scan the whole
     * table on every opening as it grew. Both settings ride in the opening's first round trip (no round trip more) and
     * are transaction-scoped; the statements after the lock plan as before.
     */
    static final String INDEX_ONLY = "set local enable_seqscan = off";
    static final String SCANS_ALLOWED = "set local enable_seqscan to default";

    /** The persons of a request's references, as locked by the first round trip. */
    public final class Linking {

        private final List<String> customerRefs;
        private final List<String> agentRefs;
        private final UUID freshCustomer;
        private final UUID freshAgent;
        private final int statement;
        private Map<String, UUID> locked;

        private Linking(List<String> customerRefs, List<String> agentRefs, UUID freshCustomer, UUID freshAgent,
                        int statement) {
            this.customerRefs = customerRefs;
            this.agentRefs = agentRefs;
            this.freshCustomer = freshCustomer;
            this.freshAgent = freshAgent;
            this.statement = statement;
        }

        /**
         * Reads the locked link rows and makes one person of the customer's (and one of the agent's). A merge or a new
         * reference joining a known person is re-pointed and audited in {@code finish}, the round trip that commits;
         * only then is one more round trip made first, to lock the person's audit chain ({@code chainHeads}).
         */
        public LinkedPersons settle(RoundTrip.Results results, Caller caller, RoundTrip finish,
                                    java.util.function.Function<AuditTrail.Subject[], AuditTrail.Heads> chainHeads) {
            locked = new HashMap<>();
            for (Object[] row : results.rows(statement).rows()) {
                locked.put((String) row[0], (UUID) row[1]);
            }
            Set<UUID> customerPersons = personsOf(customerRefs, locked);
            Set<UUID> agentPersons = personsOf(agentRefs, locked);
            if (agentPersons.stream().anyMatch(customerPersons::contains)) {
                throw ProblemException.invalidField("agent", "the agent must be someone other than the customer");
            }
            Settlement customer = Settlement.of(customerPersons, freshCustomer);
            Optional<Settlement> agent = agentRefs.isEmpty() ? Optional.empty()
                    : Optional.of(Settlement.of(agentPersons, freshAgent));
            List<Settlement> moves = java.util.stream.Stream.concat(java.util.stream.Stream.of(customer), agent.stream())
                    .filter(settlement -> !settlement.others().isEmpty()).toList();
            if (!moves.isEmpty()) {
                AuditTrail.Heads heads = chainHeads.apply(moves.stream()
                        .map(m -> new AuditTrail.Subject("person", m.survivor().toString())).toArray(AuditTrail.Subject[]::new));
                for (Settlement move : moves) {
                    finish.add(REPOINT, move.survivor(), move.others().toArray(UUID[]::new));
                    audit.appendIn(finish, heads, caller, move.auditEntry(move == customer ? customerRefs.size() : agentRefs.size()));
                }
            }
            return new LinkedPersons(customer.survivor(), agent.map(Settlement::survivor));
        }

        /** Every reference of these persons (of the locked rows, so after a merge the union), sorted. */
        public List<String> refsOf(Set<UUID> persons) {
            return locked.entrySet().stream().filter(e -> persons.contains(e.getValue())).map(Map.Entry::getKey)
                    .sorted().toList();
        }

        /** The customer's references (every document of every person merged into the customer). */
        public List<String> customerRefs() {
            return refsOf(personsOf(customerRefs, locked));
        }

        public List<String> agentRefs() {
            return agentRefs.isEmpty() ? List.of() : refsOf(personsOf(agentRefs, locked));
        }
    }

    static void repoint(Connection connection, UUID survivor, List<UUID> others) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REPOINT)) {
            statement.setObject(1, survivor);
            statement.setArray(2, connection.createArrayOf("uuid", others.toArray()));
            statement.executeUpdate();
        }
    }

    private static final String REPOINT = "update person_link set person_id = ? where person_id = any(?)";
}
