package io.fraudshield.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Takes signed checkpoints of all chain heads every {@code fraudshield.audit.checkpoint-every}: each is
 * appended to {@code audit_checkpoint} and written to the log as one JSON line, so copies exist outside the
 * database; auditors fetch the latest over HTTP. Each one signs the previous one's signature too (taken one
 * at a time across replicas, under an advisory lock), so the stored checkpoints form a chain. A head whose
 * seal does not verify is left out and reported (error log, gauge {@code fraudshield.audit.unsealed.heads});
 * the healthy chains are still signed.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);
    /** pg_advisory_xact_lock key: checkpoints are taken one at a time, each linking to the one before */
    private static final long CHECKPOINT_LOCK = 0x6175646974L;
    static final String RECENT = "select id, body from public.audit_checkpoint order by id desc limit ?";

    private final AgroalDataSource dataSource;
    private final AuditKeys keys;
    private final ObjectMapper json;
    private final AtomicInteger unsealedHeads = new AtomicInteger();

    public AuditCheckpoints(AgroalDataSource dataSource, AuditKeys keys, ObjectMapper json, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.json = json;
        Gauge.builder("fraudshield.audit.unsealed.heads", unsealedHeads, AtomicInteger::get)
                .description("chain heads left out of the last checkpoint because their seal does not verify")
                .register(metrics);
    }

    @Scheduled(every = "${fraudshield.audit.checkpoint-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            take();
        } catch (IllegalStateException e) {
            LOG.error(e.getMessage());
        }
    }

    public AuditCheckpoint take() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                AuditCheckpoint checkpoint = take(connection);
                connection.commit();
                LOG.info("audit-checkpoint " + json.writeValueAsString(checkpoint));
                return checkpoint;
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot take an audit checkpoint", e);
        }
    }

    private AuditCheckpoint take(Connection connection) throws SQLException, JsonProcessingException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHECKPOINT_LOCK);
            lock.executeQuery().close();
        }
        List<ChainHead> heads = sealedHeads(connection);
        if (heads.isEmpty()) {
            throw new IllegalStateException("no audit chain has a sealed head: no checkpoint signed; verify the audit chain");
        }
        String previous = null;
        try (PreparedStatement select = connection.prepareStatement(RECENT)) {
            select.setInt(1, 1);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    // links to whatever is stored last, even a bad one: the verifier names a bad one
                    previous = json.readTree(rows.getString(2)).path("signature").asText(null);
                }
            }
        }
        AuditCheckpoint checkpoint = AuditCheckpoint.sign(Instant.now().truncatedTo(ChronoUnit.MILLIS), heads, previous, keys);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into public.audit_checkpoint (created_at, body) values (now(), ?)")) {
            insert.setString(1, json.writeValueAsString(checkpoint));
            insert.executeUpdate();
        }
        return checkpoint;
    }

    private List<ChainHead> sealedHeads(Connection connection) throws SQLException {
        List<ChainHead> heads = new ArrayList<>();
        List<Integer> unsealed = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select chain, seq, hash, seal from public.audit_head order by chain")) {
            while (rows.next()) {
                ChainHead head = new ChainHead(rows.getInt(1), rows.getLong(2), rows.getString(3));
                if (keys.check(ChainHead.SEAL_DOMAIN, head.sealedContent(), rows.getString(4)) == AuditKeys.Seal.VALID) {
                    heads.add(head);
                } else {
                    unsealed.add(head.chain());
                }
            }
        }
        unsealedHeads.set(unsealed.size());
        if (!unsealed.isEmpty()) {
            LOG.errorf("audit chains %s have a head without a valid seal: left out of the checkpoint; verify the audit chain",
                    unsealed);
        }
        return heads;
    }

    public Optional<AuditCheckpoint> latest() {
        try (Connection connection = dataSource.getConnection()) {
            List<StoredCheckpoint> recent = recent(connection, 1);
            return recent.isEmpty() ? Optional.empty() : Optional.of(recent.get(0).read(json));
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the latest audit checkpoint", e);
        }
    }

    /** The newest {@code limit} stored checkpoints, newest first, read on the caller's connection (the verifier's snapshot). */
    static List<StoredCheckpoint> recent(Connection connection, int limit) throws SQLException {
        List<StoredCheckpoint> recent = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(RECENT)) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    recent.add(new StoredCheckpoint(rows.getLong(1), rows.getString(2)));
                }
            }
        }
        return recent;
    }

    /** A row of audit_checkpoint, its body not yet parsed. */
    record StoredCheckpoint(long id, String body) {

        AuditCheckpoint read(ObjectMapper json) throws JsonProcessingException {
            return json.readValue(body, AuditCheckpoint.class);
        }
    }
}
