package io.fraudshield.common.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Refuses to start when the service's database user could rewrite the audit trail (it owns the table, is a
 * superuser, or holds UPDATE, DELETE or TRUNCATE on it): the service must run as the runtime role and
 * leave migrations to the owner role ({@code quarkus.flyway.username}).
 */
@Startup
@ApplicationScoped
public class RuntimeRoleCheck {

    private static final String MAY_REWRITE_AUDIT = "select current_user, has_table_privilege('audit_event', 'UPDATE')"
            + " or has_table_privilege('audit_event', 'DELETE') or has_table_privilege('audit_event', 'TRUNCATE')"
            + " or pg_has_role((select relowner from pg_class where oid = 'audit_event'::regclass), 'MEMBER')";

    public RuntimeRoleCheck(AgroalDataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(MAY_REWRITE_AUDIT)) {
            result.next();
            if (result.getBoolean(2)) {
                throw new IllegalStateException("database user " + result.getString(1) + " may rewrite audit_event:"
                        + " run the service as the runtime role and migrate as the owner role (docs/audit.md)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the database user's privileges", e);
        }
    }
}
