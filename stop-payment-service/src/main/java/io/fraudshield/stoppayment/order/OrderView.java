package io.fraudshield.stoppayment.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order without personal data: the account masked, the holder not at all. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(UUID id, String caseNumber, OrderKind kind, FreezeMode freezeMode, String agency, String target,
                        OrderState state, int layer, UUID parentOrderId, UUID originalOrderId,
                        String sourceTransactionId, String accountMasked, BigDecimal requestedAmount,
                        Instant transactionTime, BigDecimal transactionAmount, String legalDocumentNumber,
                        String legalDocumentIssuer, String legalDocumentSha256, String approvingOfficer,
                        String legalBasis, Instant createdAt, Instant issuedAt, Instant acknowledgedAt,
                        Instant answeredAt, String notExecutedReason, BigDecimal stoppedAmount,
                        BigDecimal notStoppedAmount, @JsonRawValue String priorFreezes, Instant effectiveAt,
                        Instant endsAt, Instant endedAt) {

    public static OrderView of(StopOrder o, String caseNumber) {
        return new OrderView(o.id, caseNumber, o.kind, o.freezeMode, o.agency, o.target, o.state, o.layer,
                o.parentOrderId, o.originalOrderId, o.sourceTransactionId, o.accountMasked, o.requestedAmount,
                o.transactionTime, o.transactionAmount, o.documentNumber, o.documentIssuer, o.documentSha256,
                o.approvingOfficer, o.legalBasis, o.createdAt, o.issuedAt, o.acknowledgedAt, o.answeredAt,
                o.notExecutedReason, o.stoppedAmount, o.notStoppedAmount, o.priorFreezes, o.effectiveAt, o.endsAt,
                o.endedAt);
    }
}
