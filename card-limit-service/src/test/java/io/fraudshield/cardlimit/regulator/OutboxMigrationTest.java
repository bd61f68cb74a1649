package io.fraudshield.cardlimit.regulator;

import io.fraudshield.localstack.LocalPostgres;
import io.fraudshield.localstack.TestSql;
import io.fraudshield.localstack.TestStores;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Upgrading a database that still has card-limit's own outbox keeps every message, pending ones deliverable. */
class OutboxMigrationTest {

    @Test
    void pendingPersonMarkersMoveToTheKernelOutboxWithTheirIdsAndTheOldTableGoes() throws SQLException {
        String database = "cardlimit_upgrade_" + Long.toHexString(System.nanoTime());
        TestStores stores = TestStores.get();
        LocalPostgres.DatabaseRoles roles = stores.postgres().ensureDatabase(database);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(stores.postgres().jdbcUrl(database));
        dataSource.setUser(roles.owner());
        dataSource.setPassword(roles.owner());
        Map<String, String> placeholders = Map.of("runtime_role", roles.runtime());
        Flyway.configure().dataSource(dataSource).locations("db/kernel", "db/migration").placeholders(placeholders)
                .target("2026.11.28.4").load().migrate();
        UUID pending = UUID.randomUUID();
        UUID delivered = UUID.randomUUID();
        TestSql.execute(dataSource,
                "insert into outbox_message (id, topic, payload, attempts, next_attempt_at, last_error) values ('" + pending
                        + "', 'person-marker', '{\"customerRef\":\"dev1.AAA\",\"type\":\"BULK_ACCOUNT_OPENING\"}', 3,"
                        + " now() + interval '5 minutes', 'HTTP 503')",
                "insert into outbox_message (id, topic, payload, attempts, delivered_at) values ('" + delivered
                        + "', 'person-marker', '{\"customerRef\":\"dev1.BBB\"}', 1, now())");

        Flyway.configure().dataSource(dataSource).locations("db/kernel", "db/migration").placeholders(placeholders)
                .load().migrate();

        assertEquals("dev1.AAA|person-marker|account-risk|PENDING|3|HTTP 503", TestSql.text(dataSource,
                "select aggregate || '|' || type || '|' || destination || '|' || status || '|' || attempts || '|' || last_error"
                        + " from outbox where id = ?", pending));
        assertEquals(1, TestSql.number(dataSource,
                "select count(*) from outbox where id = ? and next_attempt_at > now()", pending));
        assertEquals("DELIVERED", TestSql.text(dataSource, "select status from outbox where id = ?", delivered));
        assertEquals(0, TestSql.number(dataSource, "select count(*) from information_schema.tables"
                + " where table_name = 'outbox_message'"));
    }
}
