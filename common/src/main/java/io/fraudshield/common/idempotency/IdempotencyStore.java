package io.fraudshield.common.idempotency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /** A transaction-scoped advisory lock on (scope, key): false while another transaction holds it. */
    boolean tryLock(String scope, String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, lockId(scope, key));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency lock failed", e);
        }
    }

    Optional<Idempotency.StoredResponse> find(String scope, String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select request_digest, response_status, response_body, location from idempotency_record"
                             + " where caller = ? and idempotency_key = ?")) {
            statement.setString(1, scope);
            statement.setString(2, key);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Idempotency.StoredResponse(result.getString(1), result.getInt(2),
                        result.getString(3), result.getString(4)));
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((scope + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
