package io.fraudshield.cardlimit.restriction;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * What account-risk-service answers about a person. Fields it adds later are ignored, so it can evolve.
 *
 * @param restricted true while a restriction is in force
 * @param measures   e.g. {@code NO_NEW_ACCOUNTS}, {@code NON_COUNTER_SUSPENDED}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersonRestrictionView(String customerRef, boolean restricted, List<String> measures) {

    public static final String NO_NEW_ACCOUNTS = "NO_NEW_ACCOUNTS";

    /** Refused for opening when restricted with no measures named, or with NO_NEW_ACCOUNTS among them. */
    public boolean refusesNewAccounts() {
        return restricted && (measures == null || measures.isEmpty() || measures.contains(NO_NEW_ACCOUNTS));
    }
}
