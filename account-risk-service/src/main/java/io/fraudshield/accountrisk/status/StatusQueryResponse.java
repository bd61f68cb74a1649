package io.fraudshield.accountrisk.status;

import java.util.List;

/** The answers in request order; {@code asOf} is the change-feed position every answer includes. */
public record StatusQueryResponse(List<AccountStatusView> results, long asOf) {
}
