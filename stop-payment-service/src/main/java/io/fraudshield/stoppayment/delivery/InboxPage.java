package io.fraudshield.stoppayment.delivery;

import io.fraudshield.stoppayment.order.BankOrderDocument;

import java.util.List;

/**
 * A page of a participant's inbox. Keep {@code nextCursor} and pass it as {@code after} next time: it never goes
 * back, and {@code hasMore} says whether to read on now.
 */
public record InboxPage(List<Item> items, String nextCursor, boolean hasMore) {

    public record Item(String cursor, String type, BankOrderDocument document) {
    }
}
