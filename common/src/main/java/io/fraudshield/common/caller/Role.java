package io.fraudshield.common.caller;

import java.util.Arrays;
import java.util.Optional;

/** What a caller is, from the {@code groups} claim of its token. */
public enum Role {
    BANK("bank"),
    PAYMENT_INSTITUTION("payment-institution"),
    POLICE("police"),
    REGULATOR("regulator"),
    AUDITOR("auditor"),
    ADMIN("admin"),
    /** another FraudShield service calling with its own client-credentials token (ServiceTokens) */
    SERVICE("service");

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final String BANK_NAME = "bank";
    public static final String PAYMENT_INSTITUTION_NAME = "payment-institution";
    public static final String POLICE_NAME = "police";
    public static final String REGULATOR_NAME = "regulator";
    public static final String AUDITOR_NAME = "auditor";
    public static final String ADMIN_NAME = "admin";
    public static final String SERVICE_NAME = "service";

    private final String group;

    Role(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    public static Optional<Role> ofGroup(String group) {
        return Arrays.stream(values()).filter(role -> role.group.equals(group)).findFirst();
    }
}
