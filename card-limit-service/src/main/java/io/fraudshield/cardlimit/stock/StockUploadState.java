package io.fraudshield.cardlimit.stock;

/** CREATED (its id known, no lines yet), RECEIVING its lines, then COMPLETED or FAILED. */
public enum StockUploadState {
    CREATED, RECEIVING, COMPLETED, FAILED
}
