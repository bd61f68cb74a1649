package io.fraudshield.cardlimit.stock;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fraudshield.cardlimit.rules.Limit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An upload's progress and, once COMPLETED, the work-list: every customer of the bank over a limit with
 * the open cards to contact them about (masked, with the line of the upload each came from).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockUploadView(UUID id, StockUploadState state, long linesRead, long linesAccepted, long linesRejected,
                              List<StockError> rejectedLines, Integer workListSize, List<WorkItem> workList,
                              String failure, Instant createdAt, Instant completedAt) {

    /** A customer (all linked documents) over a limit, with every open card at the bank that consumes it. */
    public record WorkItem(String customerRef, Limit limitKind, int openCount, int limit, List<WorkCard> cards) {
    }

    /** An open card: masked, with the upload line it was last reported on (none for cards opened through us). */
    public record WorkCard(UUID cardId, String maskedCard, Long stockLine) {
    }
}
