package io.fraudshield.common.idempotency;

import io.agroal.api.AgroalDataSource;
import io.fraudshield.common.digest.CanonicalDigest;
import io.fraudshield.common.sql.RoundTrip;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
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

    static final String TRY_LOCK = "select pg_try_advisory_xact_lock(?)";
    static final String READ = "select request_digest, response_status, response_body, location from idempotency_record"
            + " where caller = ? and idempotency_key = ?";
    static final String SAVE = "insert into idempotency_record (caller, idempotency_key, request_digest, response_status,"
            + " response_body, location) values (?, ?, ?, ?, ?, ?)";

    /**
     * Takes a transaction-scoped advisory lock on (scope, key) — refused while another transaction holds it —
     * and then reads the stored response. Two statements, on purpose: a statement's snapshot is taken before
     * the lock is granted, so a read in the same statement could miss the response the previous holder
     * committed a moment earlier, and run the effect a second time. One round trip all the same: the read is
     * sent right behind the lock ({@link RoundTrip}), and still runs after it.
     */
    Claim claim(String scope, String key) {
        try (Connection connection = dataSource.getConnection()) {
            RoundTrip trip = new RoundTrip();
            Claiming claiming = claimIn(trip, scope, key);
            return claiming.claim(trip.run(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency look-up failed", e);
        }
    }

    /** The claim's two statements, added to a round trip the caller sends. */
    Claiming claimIn(RoundTrip trip, String scope, String key) {
        return new Claiming(trip.add(TRY_LOCK, lockId(scope, key)), trip.add(READ, scope, key));
    }

    /** Where a claim's answers are among a round trip's results. */
    record Claiming(int lock, int read) {

        Claim claim(RoundTrip.Results results) {
            if (!Boolean.TRUE.equals(results.rows(lock).single()[0])) {
                return new Claim(false, Optional.empty());
            }
            RoundTrip.Rows stored = results.rows(read);
            if (stored.isEmpty()) {
                return new Claim(true, Optional.empty());
            }
            Object[] row = stored.single();
            return new Claim(true, Optional.of(new Idempotency.StoredResponse((String) row[0], (Integer) row[1],
                    (String) row[2], (String) row[3])));
        }
    }

    /** The record's insert, added to a round trip the caller sends (in the effect's transaction). */
    void saveIn(RoundTrip trip, String scope, String key, Idempotency.StoredResponse response) {
        trip.add(SAVE, scope, key, response.requestDigest(), response.status(), response.body(), response.location());
    }

    void save(String scope, String key, Idempotency.StoredResponse response) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SAVE)) {
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
