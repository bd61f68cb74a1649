package io.fraudshield.cardlimit.rules;

/** What account-risk-service says about a person: restricted (joint punishment), clear, or unknown (unreachable). */
public enum RestrictionStatus {
    CLEAR, RESTRICTED, UNKNOWN
}
