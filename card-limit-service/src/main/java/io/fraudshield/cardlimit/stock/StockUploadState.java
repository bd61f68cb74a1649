package io.fraudshield.cardlimit.stock;

/** RECEIVING while lines stream in, then COMPLETED (with a work-list) or FAILED (the stream broke off). */
public enum StockUploadState {
    RECEIVING, COMPLETED, FAILED
}
