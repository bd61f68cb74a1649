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
 * Creates a sealed genesis head for every chain when the service first starts on a brand-new database (no
 * head, no event, no checkpoint yet), so a chain deleted later with its head is a missing head, not a chain
 * that never existed. Once anything is there, a missing head is never created again — not even for the
 * highest chains, which an owner could otherwise delete and have silently re-created: the service still
 * starts, appends to that chain fail, and the verifier names the chain.
 */
@Startup
@ApplicationScoped
public class AuditGenesis {

    private static final Logger LOG = Logger.getLogger(AuditGenesis.class);
    private static final String BRAND_NEW = "select not exists (select 1 from public.audit_head)"
            + " and not exists (select 1 from public.audit_event) and not exists (select 1 from public.audit_checkpoint)";

    private final AgroalDataSource dataSource;
    private final AuditKeys keys;
    private final int chains;

    public AuditGenesis(AgroalDataSource dataSource, AuditKeys keys, AuditConfig config) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.chains = config.chains();
        createMissingHeads();
    }

    /** @return how many genesis heads were created: all chains on a brand-new database, otherwise none */
    public int createMissingHeads() {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(BRAND_NEW)) {
                result.next();
                if (!result.getBoolean(1)) {
                    return 0;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into public.audit_head (chain, seq, hash, seal) values (?, ?, ?, ?) on conflict (chain) do nothing")) {
                for (int chain = 0; chain < chains; chain++) {
                    ChainHead genesis = ChainHead.genesis(chain);
                    insert.setInt(1, chain);
                    insert.setLong(2, genesis.seq());
                    insert.setString(3, genesis.hash());
                    insert.setString(4, keys.seal(ChainHead.SEAL_DOMAIN, genesis.sealedContent()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            LOG.infof("created genesis heads for audit chains 0..%d", chains - 1);
            return chains;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the audit chain heads", e);
        }
    }
}
