package io.fraudshield.common.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Refuses to start when the service's database user could rewrite the audit trail: it owns (or is a member
 * of the owner of) {@code audit_event}, {@code audit_head} or {@code audit_checkpoint}, is a superuser, holds
 * UPDATE, DELETE or TRUNCATE on the events or checkpoints, DELETE or TRUNCATE on the heads, or may create
 * temporary tables (one named {@code audit_event} would shadow the real one for its session). The service must
 * run as the runtime role and leave migrations to the owner role (docs/audit.md).
 */
@Startup
@ApplicationScoped
public class RuntimeRoleCheck {

    static final String MAY_REWRITE_AUDIT = "select current_user, "
            + rewrite("public.audit_event", "UPDATE", "DELETE", "TRUNCATE") + " or "
            + rewrite("public.audit_checkpoint", "UPDATE", "DELETE", "TRUNCATE") + " or "
            + rewrite("public.audit_head", "DELETE", "TRUNCATE")
            + " or has_database_privilege(current_database(), 'TEMPORARY')";

    public RuntimeRoleCheck(AgroalDataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(MAY_REWRITE_AUDIT)) {
            result.next();
            if (result.getBoolean(2)) {
                throw new IllegalStateException("database user " + result.getString(1) + " may rewrite or shadow the"
                        + " audit trail (owner, superuser, UPDATE/DELETE/TRUNCATE on audit_event, audit_head or"
                        + " audit_checkpoint, or TEMPORARY on the database): run the service as the runtime role and"
                        + " migrate as the owner role (docs/audit.md)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the database user's privileges", e);
        }
    }

    private static String rewrite(String table, String... privileges) {
        StringBuilder sql = new StringBuilder("(pg_has_role((select relowner from pg_class where oid = '" + table
                + "'::regclass), 'MEMBER')");
        for (String privilege : privileges) {
            sql.append(" or has_table_privilege('").append(table).append("', '").append(privilege).append("')");
        }
        return sql.append(')').toString();
    }
}
