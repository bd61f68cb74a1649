package io.fraudshield.cardlimit.stock;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "stock_upload")
public class StockUpload {

    @Id
    public UUID id;
    public String bank;
    @Enumerated(EnumType.STRING)
    public StockUploadState state;
    public long linesRead;
    public long linesAccepted;
    public long linesRejected;
    public Integer workListSize;
    public String createdBy;
    /** The caller's Idempotency-Key: a second upload with it answers this upload. */
    public String idempotencyKey;
    public Instant createdAt;
    /** Last time a chunk was written: an upload without progress for long lost its replica. */
    public Instant progressAt;
    public Instant completedAt;
    public String failure;
    @Version
    public long version;
}
