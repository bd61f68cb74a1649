package io.fraudshield.common.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates a sealed genesis head for every chain when the service first starts on a database, so a chain
 * deleted later with its head is a missing head, not a chain that never existed. Later starts create heads
 * only above the highest sealed one (when {@code fraudshield.audit.chains} grows): a head deleted below it
 * is never silently re-created; the verifier reports it and appends to that chain fail. A database from
 * before the seals (no sealed head yet) gets every missing head; its unsealed heads stay as they are.
 */
@Startup
@ApplicationScoped
public class AuditGenesis {

    private static final Logger LOG = Logger.getLogger(AuditGenesis.class);

    private final AgroalDataSource dataSource;
    private final AuditKeys keys;
    private final int chains;

    public AuditGenesis(AgroalDataSource dataSource, AuditKeys keys, AuditConfig config) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.chains = config.chains();
        createMissingHeads();
    }

    /** @return how many genesis heads were created */
    public int createMissingHeads() {
        try (Connection connection = dataSource.getConnection()) {
            int highest;
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select coalesce(max(chain), -1) from audit_head where seal is not null")) {
                result.next();
                highest = result.getInt(1);
            }
            int created = 0;
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into audit_head (chain, seq, hash, seal) values (?, ?, ?, ?) on conflict (chain) do nothing")) {
                for (int chain = highest + 1; chain < chains; chain++) {
                    ChainHead genesis = ChainHead.genesis(chain);
                    insert.setInt(1, chain);
                    insert.setLong(2, genesis.seq());
                    insert.setString(3, genesis.hash());
                    insert.setString(4, keys.seal(ChainHead.SEAL_DOMAIN, genesis.sealedContent()));
                    insert.addBatch();
                    created++;
                }
                if (created > 0) {
                    insert.executeBatch();
                    LOG.infof("created genesis heads for audit chains %d..%d", highest + 1, chains - 1);
                }
            }
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the audit chain heads", e);
        }
    }
}
