package io.fraudshield.stoppayment.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fraudshield.stoppayment.order.BankOrderDocument;
import io.fraudshield.stoppayment.refund.BankRefundDocument;

import java.util.List;

/**
 * A page of a participant's inbox. Keep {@code nextCursor} and pass it as {@code after} next time: it never goes
 * back, and {@code hasMore} says whether to read on now.
 */
public record InboxPage(List<Item> items, String nextCursor, boolean hasMore) {

    /** An order (type order.issued), or a refund instruction about the freeze in {@code document} (refund.instructed). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String cursor, String type, BankOrderDocument document, BankRefundDocument refund) {
    }
}
