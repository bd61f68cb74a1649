package io.fraudshield.stoppayment.participant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A new webhook signing secret the admin agreed with the participant (32-128 URL-safe characters). It is
 * sealed at rest and never returned; with two active the older one is retired by this call.
 */
public record SigningSecretRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9_\\-]{32,128}") String secret) {

    @Override
    public String toString() {
        return "SigningSecretRequest[secret=***]";
    }
}
