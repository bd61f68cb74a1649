package io.fraudshield.cardlimit.stock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Streams a bank's existing cards into slots in constant memory: lines are parsed, pseudonymised and
 * written in chunks, each chunk its own transaction so progress is visible while the upload runs. A bad
 * line is recorded with its number and the rest kept. At the end the work-list of customers over a
 * limit is written.
 */
@ApplicationScoped
public class StockUploadService {

    static final int CHUNK = 2_000;
    static final int MAX_LINE_CHARS = 8_192;
    /** Rejected lines kept with their reason; all are counted. */
    static final int MAX_RECORDED_ERRORS = 10_000;
    static final int SHOWN_ERRORS = 100;
    static final int SHOWN_WORK_ITEMS = 1_000;
    static final java.time.Duration STALLED_AFTER = java.time.Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(StockUploadService.class);
    private static final TypeReference<List<StockUploadView.WorkCard>> CARDS = new TypeReference<>() {
    };

    private final StockStore store;
    private final RuleBook rules;
    private final Pseudonymizer pseudonymizer;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final EntityManager entityManager;

    public StockUploadService(StockStore store, RuleBook rules, Pseudonymizer pseudonymizer, AuditTrail audit,
                              ObjectMapper json, EntityManager entityManager) {
        this.store = store;
        this.rules = rules;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
        this.json = json;
        this.entityManager = entityManager;
    }

    /** The upload this caller already started with this Idempotency-Key, if any. */
    public Optional<StockUpload> startedWith(Caller caller, String idempotencyKey) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("from StockUpload u"
                        + " where u.bank = ?1 and u.createdBy = ?2 and u.idempotencyKey = ?3", StockUpload.class)
                .setParameter(1, caller.participant().value()).setParameter(2, caller.subject())
                .setParameter(3, idempotencyKey).getResultStream().findFirst());
    }

    public UUID receive(Caller caller, String idempotencyKey, InputStream body) {
        String bank = caller.participant().value();
        UUID id = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                StockUpload upload = new StockUpload();
                upload.id = id;
                upload.bank = bank;
                upload.state = StockUploadState.RECEIVING;
                upload.createdBy = caller.subject();
                upload.idempotencyKey = idempotencyKey;
                upload.createdAt = Instant.now();
                upload.progressAt = upload.createdAt;
                entityManager.persist(upload);
            });
        } catch (PersistenceException | QuarkusTransactionException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // (bank, created_by, idempotency_key): the same upload was started a moment ago
            throw new ProblemException(ProblemType.IDEMPOTENCY_IN_FLIGHT,
                    "An upload with this Idempotency-Key is still being received; retry later");
        }
        Progress progress = new Progress();
        try {
            stream(caller, id, body, progress);
            int workList = QuarkusTransaction.requiringNew().call(() -> store.writeWorkList(id, bank, rules));
            QuarkusTransaction.requiringNew().run(() -> {
                StockUpload upload = update(id, progress);
                upload.state = StockUploadState.COMPLETED;
                upload.workListSize = workList;
                upload.completedAt = Instant.now();
                audit.append(caller, new AuditEntry("stock-upload.completed", "存量清理 (RULES A1)", "stock-upload",
                        id.toString(), null, Map.of("linesAccepted", progress.accepted, "linesRejected",
                        progress.rejected, "workListSize", workList)));
            });
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.errorf("stock upload %s failed after %d lines: %s", id, progress.read, e.getClass().getSimpleName());
            QuarkusTransaction.requiringNew().run(() -> {
                StockUpload upload = update(id, progress);
                upload.state = StockUploadState.FAILED;
                upload.failure = e instanceof IOException ? "the upload stream broke off" : "storing the lines failed";
                upload.completedAt = Instant.now();
            });
        }
        return id;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void stream(Caller caller, UUID id, InputStream body, Progress progress) throws IOException, SQLException {
        String bank = caller.participant().value();
        StockLineParser parser = new StockLineParser(json.readerFor(StockLine.class), pseudonymizer);
        BoundedLineReader lines = new BoundedLineReader(new InputStreamReader(body, StandardCharsets.UTF_8), MAX_LINE_CHARS);
        // keyed by cardRef: a card reported twice in one chunk is written once, the later line winning
        Map<String, StockRow> chunk = new LinkedHashMap<>();
        List<StockError> errors = new ArrayList<>();
        String text;
        while ((text = lines.next()) != null) {
            progress.read++;
            if (text.isBlank()) {
                continue;
            }
            Object parsed = parser.parse(progress.read, text);
            if (parsed instanceof StockRow row) {
                chunk.put(row.cardRef(), row);
                progress.accepted++;
            } else {
                progress.rejected++;
                if (progress.recordedErrors++ < MAX_RECORDED_ERRORS) {
                    errors.add((StockError) parsed);
                }
            }
            if (chunk.size() + errors.size() >= CHUNK) {
                flush(caller, id, bank, chunk, errors, progress);
            }
        }
        flush(caller, id, bank, chunk, errors, progress);
    }

    private void flush(Caller caller, UUID id, String bank, Map<String, StockRow> chunk, List<StockError> errors,
                       Progress progress) {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                if (!chunk.isEmpty()) {
                    store.upsert(bank, id, caller.subject(), chunk.values());
                }
                if (!errors.isEmpty()) {
                    store.recordErrors(id, errors);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            update(id, progress);
        });
        chunk.clear();
        errors.clear();
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
     * An upload whose replica stopped (restart, crash) would stay RECEIVING for ever: after
     * {@link #STALLED_AFTER} without progress it is marked FAILED, so the bank knows to upload again
     * (uploads are idempotent: the lines already written are simply updated).
     */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void failStalled() {
        failStalledBefore(Instant.now().minus(STALLED_AFTER));
    }

    public int failStalledBefore(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("update StockUpload u"
                        + " set u.state = ?1, u.failure = ?2, u.completedAt = ?3, u.version = u.version + 1"
                        + " where u.state = ?4 and u.progressAt < ?5")
                .setParameter(1, StockUploadState.FAILED)
                .setParameter(2, "no progress for " + STALLED_AFTER.toMinutes() + " minutes: the receiving replica stopped;"
                        + " upload again")
                .setParameter(3, Instant.now()).setParameter(4, StockUploadState.RECEIVING).setParameter(5, cutoff)
                .executeUpdate());
    }

    public StockUploadView find(Caller caller, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StockUpload upload = entityManager.find(StockUpload.class, id);
            if (upload == null || !upload.bank.equals(caller.participant().value())) {
                throw ProblemException.notFound("Stock upload " + id);
            }
            List<StockError> errors = entityManager.createNativeQuery(
                            "select line_no, reason from stock_upload_error where upload_id = ?1 order by line_no", Object[].class)
                    .setParameter(1, id).setMaxResults(SHOWN_ERRORS).getResultList().stream()
                    .map(row -> new StockError(((Number) ((Object[]) row)[0]).longValue(), (String) ((Object[]) row)[1]))
                    .toList();
            List<StockUploadView.WorkItem> workList = upload.state != StockUploadState.COMPLETED ? null
                    : entityManager.createNativeQuery("select customer_ref, limit_kind, open_count, limit_count, cards"
                                    + " from stock_work_item where upload_id = ?1 order by customer_ref, limit_kind", Object[].class)
                    .setParameter(1, id).setMaxResults(SHOWN_WORK_ITEMS).getResultList().stream()
                    .map(row -> workItem((Object[]) row)).toList();
            return new StockUploadView(upload.id, upload.state, upload.linesRead, upload.linesAccepted,
                    upload.linesRejected, errors, upload.workListSize, workList, upload.failure, upload.createdAt,
                    upload.completedAt);
        });
    }

    private StockUploadView.WorkItem workItem(Object[] row) {
        try {
            return new StockUploadView.WorkItem((String) row[0], Limit.valueOf((String) row[1]),
                    ((Number) row[2]).intValue(), ((Number) row[3]).intValue(), json.readValue((String) row[4], CARDS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable work item", e);
        }
    }

    private static final class Progress {
        long read;
        long accepted;
        long rejected;
        long recordedErrors;
    }
}
