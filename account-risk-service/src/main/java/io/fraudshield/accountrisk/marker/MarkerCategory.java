package io.fraudshield.accountrisk.marker;

import java.util.Set;

/**
 * The national marker categories (docs/rules.md A4, A5; issue 8) and what each may be put on. Who may write
 * which category is configuration ({@code accountrisk.markers.writers}), not this enum.
 */
public enum MarkerCategory {
    /** 涉案账户: an account used in a case. */
    INVOLVED_ACCOUNT(Set.of(SubjectType.ACCOUNT)),
    /** 惩戒名单: a person under joint punishment, certified by police at city level or above. */
    PUNISHED_PERSON(Set.of(SubjectType.PERSON)),
    /** Pushed by the police as high risk. */
    HIGH_RISK(Set.of(SubjectType.ACCOUNT, SubjectType.PERSON)),
    /** 灰名单: suspicious, not proven; the shared warning list. */
    GREY_LIST(Set.of(SubjectType.ACCOUNT, SubjectType.PERSON)),
    MULE_SUSPECTED(Set.of(SubjectType.ACCOUNT, SubjectType.PERSON)),
    /** From stop-payment-service: an emergency stop-payment in force. */
    STOPPED(Set.of(SubjectType.ACCOUNT)),
    /** From stop-payment-service: a freeze in force. */
    FROZEN(Set.of(SubjectType.ACCOUNT)),
    /** From card-limit-service's outbox: many new cards across banks in a short window (docs/card-limit.md). */
    BULK_ACCOUNT_OPENING(Set.of(SubjectType.PERSON));

    private final Set<SubjectType> subjects;

    MarkerCategory(Set<SubjectType> subjects) {
        this.subjects = subjects;
    }

    public boolean appliesTo(SubjectType subject) {
        return subjects.contains(subject);
    }
}
