package io.fraudshield.cardlimit.slot;

import io.fraudshield.common.audit.AuditEntry;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link PersonLinks#link} for many requests at once (a stock upload's batch), with the same outcome as linking
 * them one after the other: the link rows of every reference of the batch, and of every other reference of their
 * persons, are locked in one sorted statement (and those its snapshot missed by {@link PersonLinks#LOCK_UNSEEN}); then each request is linked in order in memory ({@link #link}),
 * so whether two persons were already one is answered as of that request; {@link #settle} writes the merges and
 * answers their audit entries.
 */
public final class PersonLinkBatch {

    private static final String LEGAL_BASIS = "one person, one count (docs/rules.md A1, A2)";

    /**
     * {@link PersonLinks#LOCK} (the same rows, locked in the same order), planned with sequential scans ruled out: a
     * batch presents hundreds of references at once, and a plan made while {@code person_link} was small or its
     * statistics stale scanned the whole table once a batch as it grew (433 scans reading 39.8 million rows in a
     * million-line upload). Its own text, so its server-side prepared plan is never one made elsewhere (the opening
     * path's lock is guarded the same way, in its first round trip); the setting is transaction-scoped and restored right after (transaction-mode pooler).
     */
    static final String LOCK = "/* stock batch: index only */ " + PersonLinks.LOCK.strip();
    /** {@link PersonLinks#LOCK_UNSEEN}, with its own text for the same reason. */
    static final String LOCK_UNSEEN = "/* stock batch: index only */ " + PersonLinks.LOCK_UNSEEN.strip();

    private final Map<String, UUID> personOfRef;
    private final Set<UUID> proposed;
    private final TimedUnion union = new TimedUnion();
    private int step;

    private PersonLinkBatch(Map<String, UUID> personOfRef, Set<UUID> proposed) {
        this.personOfRef = personOfRef;
        this.proposed = proposed;
    }

    /** The customer's and agent's references of one request; the agent's may be empty. */
    public record Request(Collection<String> customerRefs, Collection<String> agentRefs) {
    }

    /** A request's persons as of its turn, or why it was refused (the agent is the customer). */
    public record Linked(int step, UUID customer, Optional<UUID> agent, boolean agentIsCustomer) {
    }

    /** Locks the link rows of all the requests' references (creating the missing ones) in one statement. */
    public static PersonLinkBatch lock(EntityManager entityManager, List<Request> requests) {
        Map<String, UUID> proposals = new HashMap<>();
        for (Request request : requests) {
            UUID customer = UUID.randomUUID();
            UUID agent = UUID.randomUUID();
            request.customerRefs().forEach(ref -> proposals.putIfAbsent(ref, customer));
            request.agentRefs().forEach(ref -> proposals.putIfAbsent(ref, agent));
        }
        Map<String, UUID> locked = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (java.sql.Statement settings = connection.createStatement()) {
                settings.execute(PersonLinks.INDEX_ONLY);
            }
            // restored on success only: a failed lock (a deadlock, 40P01) aborted the transaction, whose rollback
            // ends the setting anyway, and a statement sent now would fail with 25P02 and hide the 40P01 that makes
            // the chunk be applied again
            Map<String, UUID> persons = PersonLinks.lockIn(connection, LOCK, LOCK_UNSEEN, proposals);
            try (java.sql.Statement settings = connection.createStatement()) {
                settings.execute(PersonLinks.SCANS_ALLOWED);
            }
            return persons;
        });
        return new PersonLinkBatch(locked, new HashSet<>(proposals.values()));
    }

    /** Links the next request: its customer's references become one person, its agent's another. */
    public Linked link(Request request) {
        int at = ++step;
        List<UUID> customers = request.customerRefs().stream().map(personOfRef::get).distinct().toList();
        List<UUID> agents = request.agentRefs().stream().map(personOfRef::get).distinct().toList();
        boolean agentIsCustomer = agents.stream().anyMatch(a -> customers.stream().anyMatch(c -> union.connected(a, c, at)));
        if (agentIsCustomer) {
            return new Linked(at, customers.get(0), Optional.empty(), true);
        }
        customers.forEach(person -> union.join(customers.get(0), person, at));
        agents.forEach(person -> union.join(agents.get(0), person, at));
        return new Linked(at, customers.get(0), agents.stream().findFirst(), false);
    }

    /** Whether the stored reference belonged to this request's customer at the request's turn. */
    public boolean isCustomersRef(Linked linked, String ref) {
        UUID person = personOfRef.get(ref);
        return person != null && union.connected(person, linked.customer(), linked.step());
    }

    /** The person that a request's person is once the batch is settled (the one its anchor is locked under). */
    public UUID settledPerson(UUID person) {
        return survivors().get(union.root(person, Integer.MAX_VALUE));
    }

    /**
     * Repoints the merged persons' references to their survivor (the smallest pre-existing id, as one by one) and
     * answers the audit entries: {@code person.merged} when known persons became one, {@code person.linked} when new
     * references joined a known person.
     */
    public List<AuditEntry> settle(EntityManager entityManager) {
        Map<UUID, List<UUID>> members = new LinkedHashMap<>();
        personOfRef.values().stream().distinct().sorted()
                .forEach(person -> members.computeIfAbsent(union.root(person, Integer.MAX_VALUE), r -> new ArrayList<>()).add(person));
        Map<UUID, UUID> survivors = survivors();
        List<AuditEntry> entries = new ArrayList<>();
        members.forEach((root, persons) -> {
            if (persons.size() < 2) {
                return;
            }
            UUID survivor = survivors.get(root);
            List<UUID> others = persons.stream().filter(p -> !p.equals(survivor)).toList();
            entityManager.unwrap(Session.class).doWork(connection -> PersonLinks.repoint(connection, survivor, others));
            List<UUID> mergedKnown = others.stream().filter(p -> !proposed.contains(p)).toList();
            if (proposed.contains(survivor)) {
                return; // only new references: nobody known changed
            }
            long documents = personOfRef.entrySet().stream().filter(e -> persons.contains(e.getValue())).count();
            entries.add(mergedKnown.isEmpty()
                    ? new AuditEntry("person.linked", LEGAL_BASIS, "person", survivor.toString(), null,
                            Map.of("documentsPresented", documents))
                    : new AuditEntry("person.merged", LEGAL_BASIS, "person", survivor.toString(),
                            Map.of("persons", mergedKnown.stream().map(UUID::toString).toList()),
                            Map.of("person", survivor.toString())));
        });
        return entries;
    }

    private Map<UUID, UUID> survivors;

    private Map<UUID, UUID> survivors() {
        if (survivors == null) {
            Comparator<UUID> byText = Comparator.comparing(UUID::toString);
            Map<UUID, UUID> best = new HashMap<>();
            for (UUID person : new HashSet<>(personOfRef.values())) {
                best.merge(union.root(person, Integer.MAX_VALUE), person, (a, b) -> {
                    boolean aKnown = !proposed.contains(a);
                    boolean bKnown = !proposed.contains(b);
                    if (aKnown != bKnown) {
                        return aKnown ? a : b;
                    }
                    return byText.compare(a, b) <= 0 ? a : b;
                });
            }
            survivors = best;
        }
        return survivors;
    }

    /**
     * Union-find that remembers when each join happened (no path compression, union by size), so "were these one
     * person at step t" is answered for any earlier step.
     */
    static final class TimedUnion {
        private final Map<UUID, UUID> parent = new HashMap<>();
        private final Map<UUID, Integer> joinedAt = new HashMap<>();
        private final Map<UUID, Integer> size = new HashMap<>();

        UUID root(UUID person, int at) {
            UUID current = person;
            UUID up;
            while ((up = parent.get(current)) != null && joinedAt.get(current) <= at) {
                current = up;
            }
            return current;
        }

        boolean connected(UUID a, UUID b, int at) {
            return root(a, at).equals(root(b, at));
        }

        void join(UUID a, UUID b, int at) {
            UUID ra = root(a, Integer.MAX_VALUE);
            UUID rb = root(b, Integer.MAX_VALUE);
            if (ra.equals(rb)) {
                return;
            }
            int sa = size.getOrDefault(ra, 1);
            int sb = size.getOrDefault(rb, 1);
            UUID child = sa < sb ? ra : rb;
            UUID root = sa < sb ? rb : ra;
            parent.put(child, root);
            joinedAt.put(child, at);
            size.put(root, sa + sb);
        }
    }
}
