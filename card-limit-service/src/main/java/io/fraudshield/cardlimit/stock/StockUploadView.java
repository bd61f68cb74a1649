package io.fraudshield.cardlimit.stock;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fraudshield.cardlimit.slot.SlotState;
import io.fraudshield.cardlimit.rules.Limit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An upload's progress: lines read, accepted and rejected while it is RECEIVING; once COMPLETED the size of the
 * work-list (persons over a limit) and, for a full snapshot, of the cards it did not report. The rejected lines,
 * the work-list and the missing cards are read page by page (GET …/rejections, …/work-items, …/missing-cards).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockUploadView(UUID id, StockUploadMode mode, StockUploadState state, long linesRead,
                              long linesAccepted, long linesRejected, Integer workListSize, Integer missingCards,
                              String failure, Instant createdAt, Instant completedAt) {

    /** A customer (all linked documents) over a limit, with every open card and live hold at the bank that consumes it. */
    public record WorkItem(String customerRef, Limit limitKind, int openCount, int limit, List<WorkCard> cards) {
    }

    /**
     * An open card or a live hold (no card yet: no masked number): the upload line it was last reported on (none
     * for cards opened through us and never reported).
     */
    public record WorkCard(UUID cardId, String maskedCard, SlotState state, Long stockLine) {
    }

    /** A card of the bank that is open here but was missing from a full snapshot. */
    public record MissingCard(UUID cardId, String maskedCard, SlotState state, String source) {
    }
}
