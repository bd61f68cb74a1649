package io.fraudshield.accountrisk.marker;

import io.fraudshield.common.caller.Caller;
import io.fraudshield.common.caller.Role;

/**
 * Who sees what of a marker (issue 8, tenancy): its source and police/regulator see everything; a bank sees
 * category, level, reason and validity; a payment platform category and level only.
 */
public final class MarkerVisibility {

    private MarkerVisibility() {
    }

    public static boolean seesEverything(Caller caller, String source) {
        return caller.role() == Role.POLICE || caller.role() == Role.REGULATOR
                || caller.participant().value().equals(source);
    }

    /** A marker in a status answer, cut to what {@code caller} may see. */
    public static MarkerView view(Caller caller, MarkerFact fact) {
        if (seesEverything(caller, fact.source())) {
            return new MarkerView(fact.id(), null, fact.category(), fact.level(), fact.reasonCode(), null,
                    fact.validFrom(), fact.validUntil(), fact.source(), fact.evidenceRef(), null, fact.createdAt(),
                    null, null, null);
        }
        if (caller.role() == Role.BANK) {
            return new MarkerView(null, null, fact.category(), fact.level(), fact.reasonCode(), null, fact.validFrom(),
                    fact.validUntil(), null, null, null, null, null, null, null);
        }
        return new MarkerView(null, null, fact.category(), fact.level(), null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
