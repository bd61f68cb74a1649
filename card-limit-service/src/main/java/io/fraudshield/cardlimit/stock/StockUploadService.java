package io.fraudshield.cardlimit.stock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fraudshield.cardlimit.slot.SlotState;
import io.fraudshield.cardlimit.rules.Limit;
import io.fraudshield.cardlimit.rules.RuleBook;
import io.fraudshield.common.audit.AuditEntry;
import io.fraudshield.common.audit.AuditTrail;
import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.problem.ProblemException;
import io.fraudshield.common.problem.ProblemType;
import io.fraudshield.common.pseudonym.Pseudonymizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Stock uploads in two steps: {@link #create} answers the upload's id at once; {@link #receive} streams its lines
 * in constant memory. Lines are applied in chunks of {@link #CHUNK}, each its own transaction, by {@link StockBatch}
 * (the persons' locks in sorted order, the slot state machine, an audit event per changed card, set-based SQL);
 * progress is written with every chunk and at least every {@link #PROGRESS_EVERY}. A chunk that loses a race
 * (deadlock, a card registered concurrently) is applied again. At the end the work-list is written and, for a full snapshot, the cards the
 * upload did not report.
 */
@ApplicationScoped
public class StockUploadService {

    static final int CHUNK = 2_000;
    /** A chunk ends at {@link #CHUNK} lines where its last customer's lines end, and at this many lines at most. */
    static final int MAX_CHUNK = 2 * CHUNK;
    static final int MAX_LINE_CHARS = 8_192;
    static final int MAX_PAGE = 500;
    /** Rejected lines kept with their reason; all are counted. */
    static final int MAX_RECORDED_ERRORS = 10_000;
    static final java.time.Duration PROGRESS_EVERY = java.time.Duration.ofSeconds(2);
    private static final int CHUNK_ATTEMPTS = 4;
    private static final Set<String> LOST_RACE = Set.of("23505", "40P01", "40001");
    private static final Logger LOG = Logger.getLogger(StockUploadService.class);
    private static final TypeReference<List<StockUploadView.WorkCard>> CARDS = new TypeReference<>() {
    };

    private final StockStore store;
    private final StockBatch batch;
    private final RuleBook rules;
    private final StockUploadConfig config;
    private final Pseudonymizer pseudonymizer;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final EntityManager entityManager;
    private final Semaphore receivingHere;

    public StockUploadService(StockStore store, StockBatch batch, RuleBook rules,
                              StockUploadConfig config, Pseudonymizer pseudonymizer, AuditTrail audit,
                              ObjectMapper json, EntityManager entityManager) {
        this.store = store;
        this.batch = batch;
        this.rules = rules;
        this.config = config;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
        this.json = json;
        this.entityManager = entityManager;
        if (config.maxConcurrentPerReplica() < 1) {
            throw new IllegalStateException("cardlimit.stock.max-concurrent-per-replica must be at least 1");
        }
        this.receivingHere = new Semaphore(config.maxConcurrentPerReplica());
    }

    /** The upload this caller already created with this Idempotency-Key, if any. */
    public Optional<StockUpload> createdWith(Caller caller, String idempotencyKey) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("from StockUpload u"
                        + " where u.bank = ?1 and u.createdBy = ?2 and u.idempotencyKey = ?3", StockUpload.class)
                .setParameter(1, caller.participant().value()).setParameter(2, caller.subject())
                .setParameter(3, idempotencyKey).getResultStream().findFirst());
    }

    /** A new upload, CREATED: its id is the answer, its lines follow. */
    public UUID create(Caller caller, String idempotencyKey, StockUploadMode mode) {
        UUID id = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                StockUpload upload = new StockUpload();
                upload.id = id;
                upload.bank = caller.participant().value();
                upload.mode = mode;
                upload.state = StockUploadState.CREATED;
                upload.createdBy = caller.subject();
                upload.idempotencyKey = idempotencyKey;
                upload.createdAt = Instant.now();
                upload.progressAt = upload.createdAt;
                entityManager.persist(upload);
                audit.append(caller, new AuditEntry("stock-upload.created", StockLineRules.LEGAL_BASIS, "stock-upload",
                        id.toString(), null, Map.of("mode", mode.name())));
            });
        } catch (PersistenceException | QuarkusTransactionException e) {
            if (!lostRace(e)) {
                throw e;
            }
            // (bank, created_by, idempotency_key): the same upload was created a moment ago
            return createdWith(caller, idempotencyKey).orElseThrow(() -> e).id;
        }
        return id;
    }

    /**
     * Streams the lines of a CREATED upload of the caller's bank (sent with the key it was created with). At most
     * {@link StockUploadConfig#maxConcurrentPerBank()} uploads of a bank receive at once, across replicas: the
     * count is taken under a transaction-scoped advisory lock of the bank. At most
     * {@link StockUploadConfig#maxConcurrentPerReplica()} uploads of any bank receive at once on this replica.
     */
    public void receive(Caller caller, UUID id, String idempotencyKey, InputStream body) {
        if (!receivingHere.tryAcquire()) {
            throw ProblemException.retryAfter(ProblemType.TOO_MANY_REQUESTS, "At most " + config.maxConcurrentPerReplica()
                    + " uploads receive lines at once on this replica; send these lines when one has finished",
                    config.retryAfter().toSeconds());
        }
        try {
            receiveHere(caller, id, idempotencyKey, body);
        } finally {
            receivingHere.release();
        }
    }

    private void receiveHere(Caller caller, UUID id, String idempotencyKey, InputStream body) {
        String bank = caller.participant().value();
        StockUploadMode mode = QuarkusTransaction.requiringNew().call(() -> startReceiving(bank, id, idempotencyKey));
        Progress progress = new Progress();
        try {
            stream(caller, id, body, progress);
            QuarkusTransaction.requiringNew().run(() -> complete(caller, id, mode, progress));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("stock upload %s failed after %d lines: %s", id, progress.read, e.getClass().getSimpleName());
            QuarkusTransaction.requiringNew().run(() -> {
                StockUpload upload = update(id, progress);
                upload.state = StockUploadState.FAILED;
                upload.failure = e instanceof IOException
                        ? "the upload stream broke off or sent nothing for longer than the read timeout; upload again"
                        : "storing the lines failed; upload again";
                upload.completedAt = Instant.now();
            });
        }
    }

    private StockUploadMode startReceiving(String bank, UUID id, String idempotencyKey) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "stock-upload/" + bank).getSingleResult();
        StockUpload upload = entityManager.find(StockUpload.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (upload == null || !upload.bank.equals(bank)) {
            throw ProblemException.notFound("Stock upload " + id);
        }
        if (!upload.idempotencyKey.equals(idempotencyKey)) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Send the lines with the Idempotency-Key the upload was created with");
        }
        if (upload.state != StockUploadState.CREATED) {
            throw new ProblemException(ProblemType.CONFLICT, "The lines of this upload were already sent (it is "
                    + upload.state + "); create a new upload to send them again");
        }
        long receiving = entityManager.createQuery("select count(u) from StockUpload u where u.bank = ?1 and u.state = ?2",
                Long.class).setParameter(1, bank).setParameter(2, StockUploadState.RECEIVING).getSingleResult();
        if (receiving >= config.maxConcurrentPerBank()) {
            throw ProblemException.retryAfter(ProblemType.TOO_MANY_REQUESTS, "At most " + config.maxConcurrentPerBank()
                    + " uploads of a bank receive lines at once; send these lines when one has finished",
                    config.retryAfter().toSeconds());
        }
        upload.state = StockUploadState.RECEIVING;
        upload.progressAt = Instant.now();
        return upload.mode;
    }

    private void complete(Caller caller, UUID id, StockUploadMode mode, Progress progress) {
        try {
            StockUpload upload = update(id, progress);
            upload.workListSize = store.writeWorkList(id, upload.bank, rules);
            upload.missingCards = mode == StockUploadMode.FULL_SNAPSHOT ? store.writeMissingCards(id, upload.bank) : null;
            upload.state = StockUploadState.COMPLETED;
            upload.completedAt = Instant.now();
            audit.append(caller, new AuditEntry("stock-upload.completed", StockLineRules.LEGAL_BASIS, "stock-upload",
                    id.toString(), null, Map.of("linesAccepted", progress.accepted, "linesRejected", progress.rejected,
                    "workListSize", upload.workListSize, "missingCards", String.valueOf(upload.missingCards))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean lostRace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOST_RACE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads and parses on the request's thread while the chunks before are applied, two at a time, by a
     * {@link StockChunkApplier}: at most three chunks are held, so memory stays flat whatever the body's size. A
     * chunk that is full still takes the following lines of its last customer (up to {@link #MAX_CHUNK} lines), so a
     * customer's consecutive lines are applied together and two chunks in a row rarely share a person (they would
     * then apply one after the other: the second waits on the first's locks).
     */
    private void stream(Caller caller, UUID id, InputStream body, Progress progress) throws IOException {
        StockLineParser parser = new StockLineParser(json.readerFor(StockLine.class), pseudonymizer);
        BoundedLineReader lines = new BoundedLineReader(new InputStreamReader(body, StandardCharsets.UTF_8), MAX_LINE_CHARS);
        try (StockChunkApplier<Progress> applier = new StockChunkApplier<>(new Progress(), StockUploadService::lostRace,
                CHUNK_ATTEMPTS)) {
            List<StockRow> chunk = new ArrayList<>();
            List<StockError> errors = new ArrayList<>();
            Instant lastFlush = Instant.now();
            long read = 0;
            String text;
            while ((text = lines.next()) != null) {
                read++;
                if (text.isBlank()) {
                    continue;
                }
                Object parsed = parser.parse(read, text);
                if (chunk.size() + errors.size() >= CHUNK && !sameCustomer(chunk, parsed)) {
                    submit(applier, caller, id, new Chunk(chunk, errors, read - 1), progress);
                    chunk = new ArrayList<>();
                    errors = new ArrayList<>();
                    lastFlush = Instant.now();
                }
                if (parsed instanceof StockRow row) {
                    chunk.add(row);
                } else {
                    errors.add((StockError) parsed);
                }
                if (chunk.size() + errors.size() >= MAX_CHUNK || Instant.now().isAfter(lastFlush.plus(PROGRESS_EVERY))) {
                    submit(applier, caller, id, new Chunk(chunk, errors, read), progress);
                    chunk = new ArrayList<>();
                    errors = new ArrayList<>();
                    lastFlush = Instant.now();
                }
            }
            submit(applier, caller, id, new Chunk(chunk, errors, read), progress);
            applier.awaitApplied();
        }
    }

    private static boolean sameCustomer(List<StockRow> chunk, Object parsed) {
        return parsed instanceof StockRow row && !chunk.isEmpty()
                && chunk.get(chunk.size() - 1).customerRef().equals(row.customerRef());
    }

    /** The lines parsed since the last chunk, and how many lines of the body were read up to its last one. */
    private record Chunk(List<StockRow> rows, List<StockError> parseErrors, long readUpTo) {

        Set<String> cardRefs() {
            Set<String> refs = new HashSet<>();
            rows.forEach(row -> refs.addAll(row.cardRefs()));
            return refs;
        }
    }

    private void submit(StockChunkApplier<Progress> applier, Caller caller, UUID id, Chunk chunk, Progress progress) {
        applier.apply(chunk.cardRefs(), turn -> {
            // counted only once the chunk is committed: a chunk applied again is not counted twice
            Progress after = QuarkusTransaction.requiringNew().call(() -> applyChunk(caller, id, chunk, turn));
            progress.set(after);
            return after;
        });
    }

    /**
     * Applies a chunk in its transaction: first the advisory lock that stands for this chunk of this upload (the
     * next chunk waits on it before it appends its audit events), then the batch, which lets the next chunk start once
     * it holds its locks and waits for the chunk before this one before its audit events (the chains' order is the
     * upload's); progress last.
     */
    private Progress applyChunk(Caller caller, UUID id, Chunk chunk, StockChunkApplier.Turn<Progress> turn) {
        turn.began(((Number) entityManager.createNativeQuery(
                        "select txid_current() from (select pg_advisory_xact_lock(hashtext(?1), ?2)) locked")
                .setParameter(1, "stock-upload/" + id).setParameter(2, turn.number()).getSingleResult()).longValue());
        List<StockError> ruleErrors = batch.apply(caller, id, chunk.rows(), new StockBatch.Order() {
            @Override
            public void locked() {
                turn.locked();
            }

            @Override
            public void beforeAudit() {
                awaitPredecessor(id, turn);
            }
        });
        Progress progress = awaitPredecessor(id, turn);
        List<StockError> errors = new ArrayList<>(chunk.parseErrors());
        errors.addAll(ruleErrors);
        errors.sort(Comparator.comparingLong(StockError::line));
        long accepted = chunk.rows().size() - ruleErrors.size();
        List<StockError> recorded = errors.subList(0, (int) Math.max(0,
                Math.min(errors.size(), MAX_RECORDED_ERRORS - progress.recordedErrors)));
        try {
            if (!recorded.isEmpty()) {
                store.recordErrors(id, recorded);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Progress after = progress.plus(chunk.readUpTo(), accepted, errors.size(), recorded.size());
        update(id, after);
        return after;
    }

    /**
     * What the upload had committed with the chunk before this one. Unless that chunk is known to have committed, waits
     * in PostgreSQL for its latest attempt's transaction to end (on its advisory lock, so a cycle through this wait is
     * a deadlock PostgreSQL detects and breaks), then asks PostgreSQL whether that transaction committed (its commit
     * status, which no row edit can forge).
     */
    private Progress awaitPredecessor(UUID id, StockChunkApplier.Turn<Progress> turn) {
        if (!turn.predecessorCommitted()) {
            Long transaction = turn.predecessorTransaction();
            Object status = transaction == null ? null : entityManager.createNativeQuery(
                            "select txid_status(?3) from (select pg_advisory_xact_lock(hashtext(?1), ?2)) ended")
                    .setParameter(1, "stock-upload/" + id).setParameter(2, turn.number() - 1)
                    .setParameter(3, transaction).getSingleResult();
            if (!"committed".equals(status)) {
                throw new StockChunkApplier.PredecessorNotCommitted();
            }
        }
        return turn.predecessor();
    }

    private StockUpload update(UUID id, Progress progress) {
        StockUpload upload = entityManager.find(StockUpload.class, id);
        upload.linesRead = progress.read;
        upload.linesAccepted = progress.accepted;
        upload.linesRejected = progress.rejected;
        upload.progressAt = Instant.now();
        return upload;
    }

    /**
     * An upload whose replica stopped (restart, crash) would stay RECEIVING for ever and hold one of its bank's
     * places: without progress for {@link StockUploadConfig#stalledAfter()} it is marked FAILED, so the bank
     * knows to upload again (lines already applied are simply found unchanged).
     */
    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void failStalled() {
        failStalledBefore(Instant.now().minus(config.stalledAfter()));
    }

    public int failStalledBefore(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("update StockUpload u"
                        + " set u.state = ?1, u.failure = ?2, u.completedAt = ?3, u.version = u.version + 1"
                        + " where u.state = ?4 and u.progressAt < ?5")
                .setParameter(1, StockUploadState.FAILED)
                .setParameter(2, "no progress for " + config.stalledAfter().toSeconds() + " s: the receiving replica"
                        + " stopped; upload again")
                .setParameter(3, Instant.now()).setParameter(4, StockUploadState.RECEIVING).setParameter(5, cutoff)
                .executeUpdate());
    }

    public StockUploadView find(Caller caller, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StockUpload upload = owned(caller, id);
            return new StockUploadView(upload.id, upload.mode, upload.state, upload.linesRead, upload.linesAccepted,
                    upload.linesRejected, upload.workListSize, upload.missingCards, upload.failure, upload.createdAt,
                    upload.completedAt);
        });
    }

    private StockUpload owned(Caller caller, UUID id) {
        StockUpload upload = entityManager.find(StockUpload.class, id);
        if (upload == null || !upload.bank.equals(caller.participant().value())) {
            throw ProblemException.notFound("Stock upload " + id);
        }
        return upload;
    }

    /** Rejected lines by line number, after the line {@code after} (exclusive). */
    public StockPage<StockError> rejections(Caller caller, UUID id, Long after, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            owned(caller, id);
            List<StockError> rows = entityManager.createNativeQuery("select line_no, reason from stock_upload_error"
                            + " where upload_id = ?1 and line_no > ?2 order by line_no", Object[].class)
                    .setParameter(1, id).setParameter(2, after == null ? 0L : after).setMaxResults(page(limit) + 1)
                    .getResultList().stream()
                    .map(row -> new StockError(((Number) ((Object[]) row)[0]).longValue(), (String) ((Object[]) row)[1]))
                    .toList();
            return paged(rows, limit, last -> String.valueOf(last.line()));
        });
    }

    /**
     * The work-list in (customerRef, limitKind) order; the cursor is the last item's "customerRef/limitKind"
     * (a pseudonym and a limit name: nothing in the clear).
     */
    public StockPage<StockUploadView.WorkItem> workItems(Caller caller, UUID id, String after, int limit) {
        String[] cursor = after == null ? new String[] {"", ""} : after.split("/", 2);
        if (cursor.length != 2) {
            throw ProblemException.invalidField("after", "not a cursor of this list");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            owned(caller, id);
            List<StockUploadView.WorkItem> rows = entityManager.createNativeQuery(
                            "select customer_ref, limit_kind, open_count, limit_count, cards from stock_work_item"
                                    + " where upload_id = ?1 and (customer_ref, limit_kind) > (?2, ?3)"
                                    + " order by customer_ref, limit_kind", Object[].class)
                    .setParameter(1, id).setParameter(2, cursor[0]).setParameter(3, cursor[1])
                    .setMaxResults(page(limit) + 1).getResultList().stream()
                    .map(row -> workItem((Object[]) row)).toList();
            return paged(rows, limit, last -> last.customerRef() + "/" + last.limitKind());
        });
    }

    /** Open cards a full snapshot did not report, by card id. */
    public StockPage<StockUploadView.MissingCard> missingCards(Caller caller, UUID id, UUID after, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            owned(caller, id);
            List<StockUploadView.MissingCard> rows = entityManager.createNativeQuery(
                            "select s.id, s.card_bin || '******' || s.card_last4, s.state, s.source"
                                    + " from stock_missing_card m join card_slot s on s.id = m.card_id"
                                    + " where m.upload_id = ?1 and m.card_id > ?2 order by m.card_id", Object[].class)
                    .setParameter(1, id).setParameter(2, after == null ? new UUID(0, 0) : after)
                    .setMaxResults(page(limit) + 1).getResultList().stream()
                    .map(row -> {
                        Object[] r = (Object[]) row;
                        return new StockUploadView.MissingCard((UUID) r[0], (String) r[1],
                                SlotState.valueOf((String) r[2]), (String) r[3]);
                    }).toList();
            return paged(rows, limit, last -> last.cardId().toString());
        });
    }

    private static int page(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalidField("limit", "must be 1-" + MAX_PAGE);
        }
        return limit;
    }

    private static <T> StockPage<T> paged(List<T> rows, int limit, java.util.function.Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new StockPage<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new StockPage<>(items, cursorOf.apply(items.get(limit - 1)));
    }

    private StockUploadView.WorkItem workItem(Object[] row) {
        try {
            return new StockUploadView.WorkItem((String) row[0], Limit.valueOf((String) row[1]),
                    ((Number) row[2]).intValue(), ((Number) row[3]).intValue(), json.readValue((String) row[4], CARDS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable work item", e);
        }
    }

    /** What the committed chunks add up to; changed only by the thread that applies them. */
    private static final class Progress {
        long read;
        long accepted;
        long rejected;
        long recordedErrors;

        Progress plus(long readUpTo, long moreAccepted, long moreRejected, long moreRecorded) {
            Progress next = new Progress();
            next.read = readUpTo;
            next.accepted = accepted + moreAccepted;
            next.rejected = rejected + moreRejected;
            next.recordedErrors = recordedErrors + moreRecorded;
            return next;
        }

        /** Set by the applying threads in chunk order (each after its predecessor's); read once the applier closed. */
        void set(Progress other) {
            read = other.read;
            accepted = other.accepted;
            rejected = other.rejected;
            recordedErrors = other.recordedErrors;
        }
    }
}
