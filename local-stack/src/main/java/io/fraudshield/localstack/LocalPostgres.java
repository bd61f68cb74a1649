package io.fraudshield.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the zonky binaries on Maven Central: nothing to install. Each service database
 * has two login roles, as in production: {@code <db>_owner} owns the schema and runs Flyway, {@code <db>_runtime}
 * is what the service connects as (no DDL, no rewriting the audit trail). Local passwords equal the role names
 * (the local server trusts local connections anyway).
 */
public final class LocalPostgres implements AutoCloseable {

    /** The cluster's superuser: tests play a rogue database administrator with it. */
    public static final String SUPERUSER = "postgres";

    /** The two roles of one database; each role's local password is its name. */
    public record DatabaseRoles(String owner, String runtime) {
    }

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * @param port    0 for any free port
     * @param dataDir null for a throw-away cluster; otherwise the cluster is kept there across restarts
     */
    public static LocalPostgres start(int port, Path dataDir) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("timezone", "UTC");
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        } else {
            builder.setServerConfig("fsync", "off");
        }
        return new LocalPostgres(builder.start());
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public static DatabaseRoles roles(String database) {
        return new DatabaseRoles(database + "_owner", database + "_runtime");
    }

    /**
     * Creates the database and its two roles unless they exist; one database per service. A database made
     * before the roles existed (local data kept across restarts) is handed over to its owner role.
     */
    public synchronized DatabaseRoles ensureDatabase(String database) throws SQLException {
        if (!database.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        DatabaseRoles roles = roles(database);
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String role : new String[] {roles.owner(), roles.runtime()}) {
                if (!statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'").next()) {
                    statement.execute("create role " + role + " login password '" + role + "'");
                }
            }
            if (!statement.executeQuery("select 1 from pg_database where datname = '" + database + "'").next()) {
                statement.execute("create database " + database + " owner " + roles.owner());
            }
        }
        try (Connection connection = server.getDatabase(SUPERUSER, database).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("alter database " + database + " owner to " + roles.owner());
            // PostgreSQL 14 lets every role create tables in public: only the owner may
            statement.execute("alter schema public owner to " + roles.owner());
            statement.execute("revoke create on schema public from public");
            // no temporary tables for the runtime role: one named audit_event would shadow the real table
            statement.execute("revoke temporary on database " + database + " from public");
            statement.execute("revoke temporary on database " + database + " from " + roles.runtime());
            statement.execute("do $$ declare t record; begin"
                    + " for t in select tablename from pg_tables where schemaname = 'public' and tableowner <> '"
                    + roles.owner() + "' loop execute format('alter table public.%I owner to " + roles.owner()
                    + "', t.tablename); end loop; end $$");
        }
        return roles;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
