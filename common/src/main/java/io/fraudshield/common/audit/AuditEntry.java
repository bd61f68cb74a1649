package io.fraudshield.common.audit;

/**
 * One state change to record. {@code before} and {@code after} are the object's views before and after
 * the change; only their SHA-256 digests are kept, so the audit log holds no personal data and a holder of
 * the object can still prove which version the log refers to.
 *
 * @param action     what happened, e.g. {@code slot-reservation.confirmed}
 * @param legalBasis the rule or order that allowed it, e.g. {@code RULES A1} or a case number; may be null
 */
public record AuditEntry(String action, String legalBasis, String objectType, String objectId, Object before,
                         Object after) {
}
