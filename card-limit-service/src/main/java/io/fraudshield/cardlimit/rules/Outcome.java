package io.fraudshield.cardlimit.rules;

/** The answer to an opening check. DENY outranks REVIEW, REVIEW outranks ALLOW. */
public enum Outcome {
    ALLOW, REVIEW, DENY
}
