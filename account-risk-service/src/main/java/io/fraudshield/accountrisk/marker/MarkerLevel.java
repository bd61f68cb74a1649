package io.fraudshield.accountrisk.marker;

/** GREY warns (suspicious, not proven); BLACK blocks and needs a second person to approve it. */
public enum MarkerLevel {
    GREY, BLACK
}
