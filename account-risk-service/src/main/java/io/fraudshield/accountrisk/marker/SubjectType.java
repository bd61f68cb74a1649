package io.fraudshield.accountrisk.marker;

/** What a marker is on: an account (bank + account or card number) or a person (customerRef). */
public enum SubjectType {
    ACCOUNT, PERSON
}
