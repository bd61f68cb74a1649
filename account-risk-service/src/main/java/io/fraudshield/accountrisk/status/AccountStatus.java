package io.fraudshield.accountrisk.status;

/** The answer for one account, most severe first wins: FROZEN, STOPPED, BLACK, GREY, CLEAR. */
public enum AccountStatus {
    CLEAR, GREY, BLACK, STOPPED, FROZEN
}
