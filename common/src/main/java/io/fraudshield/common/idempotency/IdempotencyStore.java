package io.fraudshield.common.idempotency;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.digest.CanonicalDigest;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Idempotency records in PostgreSQL, inside the caller's transaction. */
@ApplicationScoped
public class IdempotencyStore {

    private final AgroalDataSource dataSource;

    public IdempotencyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether this transaction now holds the key, and what was stored under it. */
    record Claim(boolean locked, Optional<Idempotency.StoredResponse> stored) {
    }

    /**
     * Takes a transaction-scoped advisory lock on (scope, key) — refused while another transaction holds it —
     * and then reads the stored response. Two statements, on purpose: a statement's snapshot is taken before
     * the lock is granted, so a read in the same statement could miss the response the previous holder
     * committed a moment earlier, and run the effect a second time.
     */
    Claim claim(String scope, String key) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, lockId(scope, key));
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        return new Claim(false, Optional.empty());
                    }
                }
            }
            try (PreparedStatement read = connection.prepareStatement("select request_digest, response_status,"
                    + " response_body, location from idempotency_record where caller = ? and idempotency_key = ?")) {
                read.setString(1, scope);
                read.setString(2, key);
                try (ResultSet result = read.executeQuery()) {
                    return new Claim(true, result.next() ? Optional.of(new Idempotency.StoredResponse(result.getString(1),
                            result.getInt(2), result.getString(3), result.getString(4))) : Optional.empty());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency look-up failed", e);
        }
    }

    void save(String scope, String key, Idempotency.StoredResponse response) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "insert into idempotency_record (caller, idempotency_key, request_digest, response_status,"
                             + " response_body, location) values (?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, scope);
            statement.setString(2, key);
            statement.setString(3, response.requestDigest());
            statement.setInt(4, response.status());
            statement.setString(5, response.body());
            statement.setString(6, response.location());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency record failed", e);
        }
    }

    /** Deletes records created before {@code cutoff}; returns how many. */
    int purgeCreatedBefore(java.time.Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "delete from idempotency_record where created_at < ?")) {
            statement.setTimestamp(1, java.sql.Timestamp.from(cutoff));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency purge failed", e);
        }
    }

    private static long lockId(String scope, String key) {
        return ByteBuffer.wrap(CanonicalDigest.sha256((scope + "\n" + key).getBytes(StandardCharsets.UTF_8))).getLong();
    }
}
