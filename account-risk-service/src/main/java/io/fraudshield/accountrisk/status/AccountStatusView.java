package io.fraudshield.accountrisk.status;

import io.fraudshield.accountrisk.marker.MarkerView;

import java.util.List;
import java.util.Map;

/**
 * One account's answer: the masked number to match it by, its status, the markers in force as the caller may
 * see them, and the report counters by window ({@code P3D}, {@code P30D}, {@code P6M}).
 */
public record AccountStatusView(String bank, String accountNumber, AccountStatus status, List<MarkerView> markers,
                                Map<String, Long> counters) {
}
