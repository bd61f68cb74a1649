package io.fraudshield.cardlimit.stock;

/**
 * INCREMENTAL: the lines add and change cards, nothing else. FULL_SNAPSHOT: the lines are every card the bank
 * holds; open cards of the bank the upload did not report are listed for review (never closed automatically).
 */
public enum StockUploadMode {
    INCREMENTAL, FULL_SNAPSHOT
}
