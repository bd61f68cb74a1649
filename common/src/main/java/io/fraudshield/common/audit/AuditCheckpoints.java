package io.fraudshield.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes signed checkpoints of all chain heads every {@code fraudshield.audit.checkpoint-every}: each is
 * appended to {@code audit_checkpoint} and written to the log as one JSON line, so copies exist outside the
 * database; auditors fetch the latest over HTTP. A head whose seal does not verify is never signed.
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);

    private final AgroalDataSource dataSource;
    private final AuditKeys keys;
    private final ObjectMapper json;

    public AuditCheckpoints(AgroalDataSource dataSource, AuditKeys keys, ObjectMapper json) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.json = json;
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
            List<ChainHead> heads = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select chain, seq, hash, seal from audit_head order by chain")) {
                while (rows.next()) {
                    ChainHead head = new ChainHead(rows.getInt(1), rows.getLong(2), rows.getString(3));
                    if (keys.check(ChainHead.SEAL_DOMAIN, head.sealedContent(), rows.getString(4)) != AuditKeys.Seal.VALID) {
                        throw new IllegalStateException("audit chain " + head.chain() + " has a head without a valid seal:"
                                + " no checkpoint signed; verify the audit chain");
                    }
                    heads.add(head);
                }
            }
            AuditCheckpoint checkpoint = AuditCheckpoint.sign(Instant.now().truncatedTo(ChronoUnit.MILLIS), heads, keys);
            String body = json.writeValueAsString(checkpoint);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into audit_checkpoint (created_at, body) values (?, ?)")) {
                insert.setTimestamp(1, Timestamp.from(checkpoint.createdAt()));
                insert.setString(2, body);
                insert.executeUpdate();
            }
            LOG.info("audit-checkpoint " + body);
            return checkpoint;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot take an audit checkpoint", e);
        }
    }

    public Optional<AuditCheckpoint> latest() {
        try (Connection connection = dataSource.getConnection()) {
            return latest(connection);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the latest audit checkpoint", e);
        }
    }

    /** The newest stored checkpoint, read on the caller's connection (the verifier's snapshot). */
    Optional<AuditCheckpoint> latest(Connection connection) throws SQLException, JsonProcessingException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select body from audit_checkpoint order by id desc limit 1")) {
            return rows.next() ? Optional.of(json.readValue(rows.getString(1), AuditCheckpoint.class)) : Optional.empty();
        }
    }
}
