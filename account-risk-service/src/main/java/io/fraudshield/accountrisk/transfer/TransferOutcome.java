package io.fraudshield.accountrisk.transfer;

/** Least to most severe; when several rules match, the most severe outcome wins. */
public enum TransferOutcome {
    ALLOW, WARN, DELAY, BLOCK
}
