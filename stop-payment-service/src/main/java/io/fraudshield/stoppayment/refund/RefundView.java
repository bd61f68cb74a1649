package io.fraudshield.stoppayment.refund;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A refund without personal data; {@code overdue} when the bank has not sent its receipt in time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RefundView(UUID id, UUID freezeOrderId, String target, RefundBasis basis, RefundState state,
                         List<String> officers, String noticeDocument, BigDecimal total, BigDecimal remainder,
                         List<Share> shares, Instant noticeEndsAt, String objection, Instant instructedAt,
                         Instant dueBy, boolean overdue, Instant completedAt, String receiptNumber) {

    public record Share(String victimRef, BigDecimal loss, BigDecimal amount, String accountMasked) {
    }

    static RefundView of(Refund r, List<RefundShare> shares, Instant now) {
        boolean overdue = r.dueBy != null && (r.completedAt == null ? now.isAfter(r.dueBy) : r.completedAt.isAfter(r.dueBy));
        return new RefundView(r.id, r.freezeOrderId, r.target, r.basis, r.state, List.of(r.officers.split(",")),
                r.noticeDocument, r.total, r.remainder,
                shares.stream().map(s -> new Share(s.victimRef, s.loss, s.amount, s.accountMasked)).toList(),
                r.noticeEndsAt, r.objection, r.instructedAt, r.dueBy, overdue, r.completedAt, r.receiptNumber);
    }
}
