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

    /** What one round trip tells: whether this transaction now holds the key, and what was stored under it. */
    record Claim(boolean locked, Optional<Idempotency.StoredResponse> stored) {
    }

    /**
     * Takes a transaction-scoped advisory lock on (scope, key) — refused while another transaction holds
     * it — and reads the stored response, in one round trip.
     */
    Claim claim(String scope, String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select pg_try_advisory_xact_lock(?), r.request_digest, r.response_status, r.response_body,"
                             + " r.location from (select 1) one left join idempotency_record r"
                             + " on r.caller = ? and r.idempotency_key = ?")) {
            statement.setLong(1, lockId(scope, key));
            statement.setString(2, scope);
            statement.setString(3, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                Optional<Idempotency.StoredResponse> stored = result.getString(2) == null ? Optional.empty()
                        : Optional.of(new Idempotency.StoredResponse(result.getString(2), result.getInt(3),
                        result.getString(4), result.getString(5)));
                return new Claim(result.getBoolean(1), stored);
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
