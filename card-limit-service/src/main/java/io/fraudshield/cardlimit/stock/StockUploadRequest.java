package io.fraudshield.cardlimit.stock;

/** Starts an upload; its lines follow with PUT /v1/stock-uploads/{id}/lines. {@code mode} defaults to INCREMENTAL. */
public record StockUploadRequest(StockUploadMode mode) {

    StockUploadMode modeOrDefault() {
        return mode == null ? StockUploadMode.INCREMENTAL : mode;
    }
}
